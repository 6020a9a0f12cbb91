// The plans page (/coord/plans): ES5, no framework, served as a file under the page's Content-Security-Policy.
// Loads after common.js (Six). It calls the same /api routes scripts use, with the browser's session and the page's anti-forgery token: the directory as .xlsx, a plan file into a draft, one
// correction at a time under the draft's ETag, then confirmation and a cycle started on the plan.
(function () {
  var $ = Six.$, esc = Six.esc, say = Six.say, problem = Six.problem;
  var draft = null, draftTag = null, directoryTag = null;
  // The shared call with this page's arguments: a raw body (a file, or JSON text) with its type, and an ETag.
  function api(method, path, body, type, ifMatch, done) { Six.api(method, path, { body: body, type: type, ifMatch: ifMatch }, done); }
  function planId() { return $('plan-id').value.replace(/^\s+|\s+$/g, ''); }
  // Corrections, confirmation and the cycle act on the draft shown, whatever the box says since.
  function draftPlan() { return draft ? draft.draft.planId : planId(); }
  function fileType(name) {
    var n = name.toLowerCase();
    if (/\.docx$/.test(n)) { return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'; }
    if (/\.xlsx$/.test(n)) { return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'; }
    if (/\.json$/.test(n)) { return 'application/json'; }
    return 'text/plain';
  }

  // The directory: its version, a download, an upload guarded by the ETag read.
  function loadDirectory() {
    api('GET', '/api/directory', undefined, null, null, function (status, json, tag) {
      if (status === 200) {
        directoryTag = tag;
        $('directory-state').innerText = '当前名录：' + json.units.length + ' 个单位，' + (json.groups || []).length + ' 个单位组。';
      } else {
        $('directory-state').innerText = status === 404 ? '尚未导入单位名录。' : problem(status, json);
      }
    });
    $('directory-download').href = '/api/directory?format=xlsx';
  }
  $('directory-upload').onclick = function () {
    var file = $('directory-file').files[0];
    if (!file) { say('请先选择名录文件（.xlsx 或 .json）。', false); return; }
    api('PUT', '/api/directory', file, fileType(file.name), directoryTag, function (status, json) {
      if (status === 200) { say('名录已更新为第 ' + json.version + ' 版：' + json.units + ' 个单位。', true); loadDirectory(); } else { say(problem(status, json), false); }
    });
  };

  // The plan's draft.
  function showDraft(status, json, tag) {
    if (status !== 200) { say(problem(status, json), false); return; }
    draft = json; draftTag = tag;
    var d = json.draft, i, j, u, html;
    $('draft-card').className = 'card';
    $('draft-title').innerText = (d.title || '（未识别到标题）') + '　草稿';
    $('draft-summary').innerText = '文件：' + json.fileName + '　任务 ' + json.tasks + ' 项，非任务 ' + json.notTasks + ' 项，待确认的单位名称 ' + json.unknownUnits + ' 个。' +
      (json.confirmedVersion ? '　已确认为方案第 ' + json.confirmedVersion + ' 版。' : '');
    $('draft-problems').className = json.problems.length ? 'msg err' : 'hidden';
    html = '<b>确认前需处理：</b><ul>';
    for (i = 0; i < json.problems.length; i++) { html += '<li>' + esc(json.problems[i]) + '</li>'; }
    $('draft-problems').innerHTML = html + '</ul>';
    html = '';
    for (i = 0; i < d.units.length; i++) {
      u = d.units[i];
      if (u.match !== 'unknown') { continue; }
      html += '<div class="unknown-unit">名录中没有“<b>' + esc(u.name) + '</b>”。';
      var s = u.suggestions || [];
      if (s.length === 0) { html += '<span class="muted">没有相近的单位，请修改相关任务的单位或先在名录中补充。</span>'; }
      for (j = 0; j < s.length; j++) {
        html += '<button type="button" class="small accept" data-name="' + esc(u.name) + '" data-unit="' + esc(s[j].unitId || '') + '" data-group="' + esc(s[j].group || '') + '">采用：' + esc(s[j].name) + '</button>' +
          '<span class="muted">（' + esc(s[j].reason) + '）</span>';
      }
      html += '</div>';
    }
    $('draft-units').innerHTML = html;
    html = '';
    if (d.warnings.length) {
      html = '<details><summary>导入提示 ' + d.warnings.length + ' 条</summary><ul>';
      for (i = 0; i < d.warnings.length; i++) { var w = d.warnings[i];
        html += '<li>' + esc(w.table ? '表' + w.table + '第' + w.row + '行：' : w.line ? '第' + w.line + '行：' : '') + esc(w.message) + '</li>'; }
      html += '</ul></details>';
    }
    $('draft-warnings').innerHTML = html;
    html = '<tr><th>序号</th><th>内容</th><th>责任单位（第一个为牵头单位）</th><th>位置</th><th></th></tr>';
    for (i = 0; i < d.items.length; i++) {
      var it = d.items[i];
      html += '<tr id="item-' + it.number + '"' + (it.isTask ? '' : ' class="not-task"') + '><td>' + (it.isTask ? '任务' + it.taskNumber : '非任务') + '<br><span class="muted">' + esc(it.label) + '</span></td>' +
        '<td>' + esc(it.title) + '</td>' +
        '<td><input type="text" class="units" data-item="' + it.number + '" value="' + esc(it.units.join('、')) + '" aria-label="第' + it.number + '项的责任单位">' +
        '<button type="button" class="small set-units" data-item="' + it.number + '" data-lead="' + it.leadCount + '">保存单位</button>' +
        (it.leadCount > 1 ? '<span class="muted">前 ' + it.leadCount + ' 个为牵头单位</span>' : '') + '</td>' +
        '<td class="muted">' + (it.location.table ? '表' + it.location.table + '第' + it.location.row + '行' : '第' + it.location.line + '行') + '</td>' +
        '<td><button type="button" class="small toggle" data-item="' + it.number + '" data-task="' + (it.isTask ? '1' : '0') + '">' + (it.isTask ? '不是任务' : '列为任务') + '</button></td></tr>';
    }
    $('draft-items').innerHTML = html;
    $('draft-confirm').disabled = !json.ready || !!json.confirmedVersion;
  }
  function correct(body) {
    api('POST', '/api/plans/' + encodeURIComponent(draftPlan()) + '/draft/corrections', JSON.stringify(body), 'application/json', draftTag, function (status, json, tag) {
      if (status === 200) { showDraft(status, json, tag); say('已修改。' + (json.ready ? '草稿可以确认了。' : ''), true); } else { say(problem(status, json), false); }
    });
  }
  $('plan-upload').onclick = function () {
    var file = $('plan-file').files[0];
    if (!file) { say('请先选择方案文件（.docx 或 .txt）。', false); return; }
    say('正在读取方案文件…', true);
    api('PUT', '/api/plans/' + encodeURIComponent(planId()) + '/draft?fileName=' + encodeURIComponent(file.name), file, fileType(file.name), null, function (status, json, tag) {
      showDraft(status, json, tag);
      if (status === 200) { say('草稿已生成，请核对任务和责任单位。', true); }
    });
  };
  $('draft-load').onclick = function () {
    api('GET', '/api/plans/' + encodeURIComponent(planId()) + '/draft', undefined, null, null, showDraft);
  };
  $('draft-card').onclick = function (e) {
    var t = e.target || e.srcElement, item = parseInt(t.getAttribute('data-item'), 10);
    if (/\baccept\b/.test(t.className)) {
      var body = { action: 'acceptSuggestion', name: t.getAttribute('data-name') };
      if (t.getAttribute('data-unit')) { body.unitId = t.getAttribute('data-unit'); } else { body.group = t.getAttribute('data-group'); }
      correct(body);
    } else if (/\bset-units\b/.test(t.className)) {
      var box = t.previousSibling, names = box.value.split(/[、，,；;\s]+/), units = [];
      for (var i = 0; i < names.length; i++) { if (names[i]) { units.push(names[i]); } }
      // The lead units (牵头单位) the plan names stay leads: the first leadCount of the list.
      var lead = parseInt(t.getAttribute('data-lead'), 10) || 1;
      correct({ action: 'setUnits', item: item, units: units, leadCount: Math.max(1, Math.min(lead, units.length)) });
    } else if (/\btoggle\b/.test(t.className)) {
      correct({ action: t.getAttribute('data-task') === '1' ? 'markNotTask' : 'markTask', item: item });
    }
  };
  $('draft-confirm').onclick = function () {
    api('POST', '/api/plans/' + encodeURIComponent(draftPlan()) + '/draft/confirm', '{}', 'application/json', draftTag, function (status, json) {
      if (status === 200 || status === 201) {
        // The confirmation marked the draft: read it again so its ETag and state are current.
        api('GET', '/api/plans/' + encodeURIComponent(draftPlan()) + '/draft', undefined, null, null, function (s, j, tag) { if (s === 200) { draft = j; draftTag = tag; } });
        say('已确认为方案“' + json.title + '”第 ' + json.version + ' 版：' + json.tasks + ' 项任务。可以启动报送周期了。', true);
        $('start-card').className = '';
        $('draft-confirm').disabled = true;
        loadDirectory();
      } else { say(problem(status, json), false); }
    });
  };
  $('start-cycle').onclick = function () {
    var quarter = $('start-quarter').value.replace(/^\s+|\s+$/g, '').toUpperCase();
    api('POST', '/api/cycles', JSON.stringify({ planId: draftPlan(), quarter: quarter }), 'application/json', null, function (status, json) {
      if (status === 202) { say('报送周期 ' + json.cycleId + (json.created ? ' 已启动，报送通知正在发出。' : ' 早已启动。'), true); } else { say(problem(status, json), false); }
    });
  };
  loadDirectory();
  // /coord/plans?plan=ID opens that plan's draft (a link the coordinator can keep or send).
  var asked = (/[?&]plan=([^&]*)/.exec(location.search) || [])[1];
  if (asked) { $('plan-id').value = decodeURIComponent(asked); $('draft-load').onclick(); }
})();
