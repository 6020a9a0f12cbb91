// The board's health card (board.js): the orchestration's real state, steps that failed, mail and group-robot messages
// that did not go, and which plan and directory versions the cycle runs on. ES5, as board.js.
(function () {
  var $ = Six.$, esc = Six.esc;
  // A step of the cycle as the coordinator names it.
  function stepName(step) {
    if (step === 'open') { return '已开启（已发报送通知）'; }
    if (step === 'closed') { return '已关闭'; }
    if (step === 'close' || step === 'closeFailed') { return '关闭'; }
    if (step === 'extension') { return '延期'; }
    if (step === 'openFailed') { return '开启'; }
    if (step.indexOf('reminder') === 0) { return '催报'; }
    if (step.indexOf('escalation') === 0) { return '第' + step.charAt(10) + '级督办'; }
    return step;
  }
  Six.stepName = stepName;
  // The cycle's real state: the orchestration's own status, what failed, and the way back (恢复运行).
  var runtimeNames = { Failed: '运行失败', Terminated: '已被终止', Completed: '已结束', Running: '运行中', Pending: '等待启动' };
  Six.renderHealth = function (data) {
    var lines = [], i, p;
    if (data.runtime === 'Failed' || data.runtime === 'Terminated' || (data.runtime === 'Completed' && data.status === 'open')) {
      lines.push('流程状态：' + (runtimeNames[data.runtime] || data.runtime) + (data.failure ? '（' + data.failure + '）' : '') + '。');
    }
    for (i = 0; i < (data.problems || []).length; i++) {
      p = data.problems[i];
      lines.push(Six.dateTime(p.at) + ' ' + stepName(p.step) + '：' + p.message);
    }
    if ((data.mailProblems || []).length > 0) {
      lines.push('发送失败的邮件 ' + data.mailProblems.length + ' 封（收件人地址或邮件服务有误）。');
    }
    // Group robots beside mail: only what did not go (a message waiting for its robot's minute is not a problem).
    var robotFailed = 0, robots = [], r;
    for (i = 0; i < (data.robotProblems || []).length; i++) {
      r = data.robotProblems[i];
      if (r.status !== 'failed' && r.status !== 'rejected') { continue; }
      robotFailed++;
      if (robots.indexOf(r.robot) < 0) { robots.push(r.robot); }
    }
    if (robotFailed > 0) {
      lines.push('未送达的群机器人消息 ' + robotFailed + ' 条（机器人 ' + robots.join('、') + '：密钥、签名有误或一直无法连接）。');
    }
    var text = '';
    for (i = 0; i < lines.length; i++) { text += '<p>' + esc(lines[i]) + '</p>'; }
    if (data.versions) { text += '<p class="muted">本周期使用方案第 ' + data.versions.planNumber + ' 版、单位名录第 ' + data.versions.directoryNumber + ' 版。</p>'; }
    $('health-text').innerHTML = text;
    $('health').className = lines.length > 0 ? 'card err' : 'card hidden';
    if ($('resume')) { $('resume').className = data.canResume ? 'primary' : 'primary hidden'; }
  };
})();
