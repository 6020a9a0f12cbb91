// The board (/coord): ES5, no framework, so an old office browser runs it. Served as a file so the page
// runs under a Content-Security-Policy that forbids inline script. It calls the /api routes with the
// browser's signed-in session; what the reader's role allows comes from the page (#board-app), and the
// routes check the role again. Every write carries the page's anti-forgery token.
(function () {
  function $(id) { return document.getElementById(id); }
  var app = $('board-app');
  var canAct = app.getAttribute('data-can-act') === '1', showBoard = app.getAttribute('data-board') === '1';
  var showReports = app.getAttribute('data-reports') === '1', csrf = app.getAttribute('data-csrf') || '';
  var asked = (/[?&]cycle=([^&]*)/.exec(location.search) || [])[1];
  var current = null, data = null;
  function api(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path, true);
    if (method !== 'GET') { xhr.setRequestHeader('X-CSRF-Token', csrf); }
    if (body) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var json = null;
      try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
      done(xhr.status, json);
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }
  function say(text, ok) {
    var m = $('message');
    m.className = 'msg ' + (ok ? 'ok' : 'err');
    m.style.display = 'block';
    m.innerText = text;
  }
  function problem(status, json) {
    if (status === 401) { return '登录已过期，请刷新页面重新登录。'; }
    return (json && (json.detail || json.title)) || ('请求失败（' + status + '）');
  }
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  function cellClass(t) {
    if (t.state === 'submitted' && t.accepted) { return 'accepted'; }
    if (t.state === 'submitted') { return t.late ? 'late' : 'submitted'; }
    if (t.level >= 3) { return 'l3'; }
    if (t.level === 2) { return 'l2'; }
    if (t.level === 1) { return 'l1'; }
    return t.state === 'draft' ? 'draft' : 'owed';
  }
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
  // review.js opens the pane on data-state submitted or accepted (late or not: the class keeps the colour).
  function cellState(t) { return t.state === 'submitted' ? (t.accepted ? 'accepted' : 'submitted') : cellClass(t); }
  var stateNames = { accepted: '已审核', submitted: '已报送', late: '逾期报送', draft: '草稿', owed: '未报送', l1: '一级督办', l2: '二级督办', l3: '三级督办' };
  function render() {
    if (!data) { return; }
    var c = data.counts || {};
    $('counts').innerHTML = '应报送 <b>' + c.obligations + '</b> 项，已报送 <b id="submitted-total">' + c.submitted + '</b> 项（逾期 ' + c.late + ' 项），未报送 <b>' + c.owed + '</b> 项。';
    var status = { open: '进行中', closed: '已关闭', cancelled: '已取消' }[data.status] || data.status;
    $('status').innerText = '状态：' + status + (data.step ? '　当前步骤：' + stepName(data.step) : '') + '　更新于 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
    if ($('close')) { $('close').style.display = data.status === 'open' ? '' : 'none'; }
    renderHealth();
    // The plan's task numbers are the columns, the same on every page; an older answer without them lists the page's.
    var tasks = (data.taskNumbers || []).slice(), seen = {}, i, j, u, t;
    for (i = 0; i < tasks.length; i++) { seen[tasks[i]] = true; }
    for (i = 0; i < data.units.length; i++) {
      for (j = 0; j < data.units[i].tasks.length; j++) {
        t = data.units[i].tasks[j].task;
        if (!seen[t]) { seen[t] = true; tasks.push(t); }
      }
    }
    tasks.sort(function (a, b) { return a - b; });
    renderPager();
    var html = '<tr><th>单位</th>';
    for (i = 0; i < tasks.length; i++) { html += '<th>' + tasks[i] + '</th>'; }
    html += '<th>最高级别</th>' + (canAct ? '<th></th>' : '') + '</tr>';
    for (i = 0; i < data.units.length; i++) {
      u = data.units[i];
      var byTask = {};
      for (j = 0; j < u.tasks.length; j++) { byTask[u.tasks[j].task] = u.tasks[j]; }
      html += '<tr data-unit="' + esc(u.unitId) + '"><td>' + esc(u.name) + '</td>';
      for (j = 0; j < tasks.length; j++) {
        t = byTask[tasks[j]];
        if (!t) { html += '<td></td>'; continue; }
        var cls = cellClass(t);
        html += '<td class="cell ' + cls + '" data-unit="' + esc(u.unitId) + '" data-task="' + t.task + '" data-state="' + cellState(t) + '" title="' + esc(u.name + ' 任务' + t.task + '：' + stateNames[cls] + '，截止 ' + t.due) + '">' + (cls === 'accepted' ? '✓' : t.level > 0 && t.state !== 'submitted' ? t.level : '') + '</td>';
      }
      html += '<td>' + (u.level > 0 ? u.level + '级' : '—') + '</td>' + (canAct ? '<td>' + (data.status === 'open' ? '<button type="button" class="extend" data-unit="' + esc(u.unitId) + '">延期</button>' : '') + '</td>' : '') + '</tr>';
    }
    $('board').innerHTML = html;
    var names = {}, pending = '', r;
    for (i = 0; i < data.units.length; i++) { names[data.units[i].unitId] = data.units[i].name; }
    for (i = 0; i < (data.extensionRequests || []).length; i++) {
      r = data.extensionRequests[i];
      if (r.state !== 'pending') { continue; }
      pending += '<p data-request="' + esc(r.unitId) + '">' + esc((r.name || names[r.unitId] || r.unitId) + ' 申请延期至 ' + r.due + '：' + r.reason) +
        (canAct && data.status === 'open' ? ' <button type="button" class="decide" data-unit="' + esc(r.unitId) + '" data-approve="1">同意</button><button type="button" class="decide" data-unit="' + esc(r.unitId) + '" data-approve="0">不同意</button>' : '') + '</p>';
    }
    $('requests').innerHTML = pending;
    $('requests-card').className = pending ? 'card' : 'card hidden';
  }
  // The server pages and filters the units (a province has thousands): this says which page is shown of how many.
  function renderPager() {
    var p = data.paging;
    if (!p) { $('pager').innerHTML = ''; return; }
    pageNo = p.page;
    $('pager').innerHTML = '共 <b id="matched-units">' + p.matched + '</b> 个单位' + (p.matched !== p.total ? '（全部 ' + p.total + ' 个）' : '') +
      '，第 <b id="page-number">' + p.page + '</b> / ' + p.pages + ' 页 ' +
      '<button type="button" id="page-prev"' + (p.page <= 1 ? ' disabled' : '') + '>上一页</button> ' +
      '<button type="button" id="page-next"' + (p.page >= p.pages ? ' disabled' : '') + '>下一页</button>';
  }
  // The cycle's real state: the orchestration's own status, what failed, and the way back (恢复运行).
  var runtimeNames = { Failed: '运行失败', Terminated: '已被终止', Completed: '已结束', Running: '运行中', Pending: '等待启动' };
  function renderHealth() {
    var lines = [], i, p;
    if (data.runtime === 'Failed' || data.runtime === 'Terminated' || (data.runtime === 'Completed' && data.status === 'open')) {
      lines.push('流程状态：' + (runtimeNames[data.runtime] || data.runtime) + (data.failure ? '（' + data.failure + '）' : '') + '。');
    }
    for (i = 0; i < (data.problems || []).length; i++) {
      p = data.problems[i];
      lines.push(new Date(p.at).toLocaleString('zh-CN', { hour12: false }) + ' ' + stepName(p.step) + '：' + p.message);
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
  }
  var timer = null, asks = 0, pageNo = 1, typing = null;
  // The next poll is set when an answer arrives, so a slow answer (a large cycle) never piles requests up.
  function load() {
    if (!current || !showBoard) { return; }
    if (timer) { clearTimeout(timer); timer = null; }
    var asked = current;
    var query = '?page=' + pageNo + ($('late-only').checked ? '&late=true' : '') + ($('name-filter').value ? '&name=' + encodeURIComponent($('name-filter').value) : '');
    var seq = ++asks;
    api('GET', '/api/cycles/' + encodeURIComponent(asked) + query, null, function (status, json) {
      // Only the latest question's answer is drawn: a filter typed meanwhile has asked again.
      if (asked !== current || seq !== asks) { return; }
      if (status === 200 && json && json.units) { data = json; render(); }
      else if (status !== 200) { $('status').innerText = problem(status, json); }
      timer = setTimeout(load, 2000);
    });
  }
  function links() {
    if (!showReports) { return; }
    var base = '/api/cycles/' + encodeURIComponent(current) + '/summary?format=';
    $('summary-html').href = base + 'html';
    $('summary-docx').href = base + 'docx';
    $('summary-xlsx').href = base + 'xlsx';
    $('summary-json').href = base + 'json';
  }
  // A unit's report, read-only: the last submission's text, status and figures.
  function showReport(unitId, task) {
    api('GET', '/api/cycles/' + encodeURIComponent(current) + '/units/' + encodeURIComponent(unitId) + '/obligations/' + task, null, function (status, json) {
      if (status !== 200 || !json) { say(problem(status, json), false); return; }
      var name = unitId, i, h = json.history || [], form = null, html = '';
      for (i = 0; i < data.units.length; i++) { if (data.units[i].unitId === unitId) { name = data.units[i].name; } }
      for (i = h.length - 1; i >= 0; i--) { if ((h[i].what === 'submitted' || h[i].what === 'draft') && h[i].content && typeof h[i].content === 'object') { form = h[i].content; break; } }
      $('report-title').innerText = name + ' 任务' + task + '（' + (json.obligation.state === 'submitted' ? '已报送' : '未报送') + '）';
      if (!form) { html = '<p class="muted">尚无报送内容。</p>'; }
      else {
        html += '<p><b>自评：</b>' + esc(form.status || '—') + '</p><p class="text"><b>工作进展：</b>' + esc(form.narrative || '—') + '</p>';
        for (i = 0; i < (form.indicators || []).length; i++) { html += '<p><b>' + esc(form.indicators[i].name) + '：</b>' + esc(form.indicators[i].value) + '</p>'; }
        if (form.difficulties) { html += '<p><b>存在困难：</b>' + esc(form.difficulties) + '</p>'; }
        if (form.nextSteps) { html += '<p><b>下一步打算：</b>' + esc(form.nextSteps) + '</p>'; }
      }
      if (json.contact) { html += '<p class="muted">填报人：' + esc(json.contact.filler) + '（' + esc(json.contact.phone) + '），审核领导：' + esc(json.contact.approver) + '</p>'; }
      $('report').innerHTML = html;
      $('report-card').className = 'card';
      if ($('report-card').scrollIntoView) { $('report-card').scrollIntoView(); }
    });
  }
  if ($('board')) $('board').onclick = function (e) {
    var el = e.target || e.srcElement;
    var state = el.getAttribute ? el.getAttribute('data-state') : null;
    // Submitted and accepted cells open the review pane (review.js); a draft is read here.
    if (!canAct) {
      if (state === 'draft') { showReport(el.getAttribute('data-unit'), +el.getAttribute('data-task')); }
      return;
    }
    if (el.className === 'extend') {
      var due = prompt('新的截止日期（如 2020-10-20）：');
      if (!due) { return; }
      var reason = prompt('延期理由（可不填）：') || null;
      api('POST', '/api/cycles/' + encodeURIComponent(current) + '/extensions', { unitId: el.getAttribute('data-unit'), due: due, reason: reason }, function (status, json) {
        say(status === 202 ? '已延期至 ' + due + '。' : problem(status, json), status === 202); load();
      });
    }
  };
  // The review pane accepted or returned a report: draw the board again now rather than at the next poll.
  document.addEventListener('board:refresh', function () { load(); });
  if ($('requests')) $('requests').onclick = function (e) {
    var el = e.target || e.srcElement;
    if (!canAct || el.className !== 'decide') { return; }
    var approve = el.getAttribute('data-approve') === '1';
    var note = prompt(approve ? '审核意见（可不填）：' : '不同意的理由（将通知该单位）：');
    if (note === null) { return; }
    api('POST', '/api/cycles/' + encodeURIComponent(current) + '/extension-requests/' + encodeURIComponent(el.getAttribute('data-unit')), { approve: approve, note: note || null }, function (status, json) {
      say(status < 300 ? (approve ? '已同意延期。' : '已告知不同意。') : problem(status, json), status < 300); load();
    });
  };
  if ($('close')) $('close').onclick = function () {
    if (!confirm('确定立即关闭本周期？关闭后各单位不能再报送，并将生成汇总报告。')) { return; }
    api('POST', '/api/cycles/' + encodeURIComponent(current) + '/close', {}, function (status, json) {
      say(status === 202 ? '正在关闭，汇总报告生成后可在上方查看。' : problem(status, json), status === 202); load();
    });
  };
  if ($('resume')) $('resume').onclick = function () {
    if (!confirm('确定恢复运行本周期？将从当前步骤继续，已发出的通知不会重复发送。')) { return; }
    api('POST', '/api/cycles/' + encodeURIComponent(current) + '/resume', {}, function (status, json) {
      say(status === 202 ? '已恢复运行。' : problem(status, json), status === 202); load();
    });
  };
  if ($('late-only')) { $('late-only').onclick = function () { pageNo = 1; load(); }; }
  if ($('name-filter')) {
    $('name-filter').oninput = function () {
      if (typing) { clearTimeout(typing); }
      typing = setTimeout(function () { typing = null; pageNo = 1; load(); }, 250);
    };
  }
  if ($('pager')) {
    $('pager').onclick = function (e) {
      var el = e.target || e.srcElement;
      if (el.id === 'page-prev' && pageNo > 1) { pageNo--; load(); }
      else if (el.id === 'page-next') { pageNo++; load(); }
    };
  }
  $('cycle').onchange = function () { current = this.value; pageNo = 1; links(); load(); };
  api('GET', '/api/cycles', null, function (status, json) {
    if (status !== 200 || !json) { $('status').innerText = problem(status, json); return; }
    if (json.length === 0) { $('status').innerText = '还没有报送周期。'; return; }
    var html = '', i, pick = json[0].cycleId, found = false;
    for (i = 0; i < json.length; i++) {
      html += '<option value="' + esc(json[i].cycleId) + '">' + esc(json[i].quarterName + '（' + json[i].planId + '，' + ({ open: '进行中', closed: '已关闭', cancelled: '已取消' }[json[i].status] || json[i].status) + '）') + '</option>';
      if (json[i].status === 'open' && json[0].status !== 'open') { pick = json[i].cycleId; }
      if (asked && json[i].cycleId === decodeURIComponent(asked)) { found = true; }
    }
    // A link from a mail (/coord?cycle=…) opens that cycle.
    if (found) { pick = decodeURIComponent(asked); }
    $('cycle').innerHTML = html;
    $('cycle').value = pick;
    current = pick; links(); load();
    if (!showBoard) { $('status').innerText = '请选择报送周期，查看其季度汇总报告。'; }
  });
})();
