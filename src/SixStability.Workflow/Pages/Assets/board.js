// The board (/coord): ES5, no framework, so an old office browser runs it. Served as a file so the page
// runs under a Content-Security-Policy that forbids inline script; loads after common.js (Six). It calls the
// /api routes with the browser's signed-in session; what the reader's role allows comes from the page
// (#board-app), and the routes check the role again. Every write carries the page's anti-forgery token.
// Units come grouped as the city lists them (县市区政府, 园区管委会, 市直部门), filtered, sorted and paged by the
// server; on a phone the grid gives way to one card per unit (site.css). Clicks on a submitted cell belong to
// the review pane (review.js), which asks for a reload with the event board:refresh.
(function () {
  var $ = Six.$, esc = Six.esc, say = Six.say, problem = Six.problem;
  var app = $('board-app');
  var canAct = app.getAttribute('data-can-act') === '1', showBoard = app.getAttribute('data-board') === '1';
  var showReports = app.getAttribute('data-reports') === '1';
  var asked = (/[?&]cycle=([^&]*)/.exec(location.search) || [])[1];
  var current = null, data = null;
  function api(method, path, body, done) { Six.api(method, path, body ? { json: body } : null, done); }
  // A task's state as the board and the review pane name it: accepted (已审核) when the answer says so.
  function cellState(t) {
    if (t.state === 'submitted') { return t.accepted === true ? 'accepted' : 'submitted'; }
    return t.state === 'draft' ? 'draft' : 'outstanding';
  }
  // The colour: reported late is lighter green, an escalated task owed shows its level.
  function cellClass(t) {
    var s = cellState(t);
    if (s === 'accepted') { return 'accepted'; }
    if (s === 'submitted') { return t.late ? 'late' : 'submitted'; }
    if (t.level >= 3) { return 'l3'; }
    if (t.level === 2) { return 'l2'; }
    if (t.level === 1) { return 'l1'; }
    return s === 'draft' ? 'draft' : 'owed';
  }
  var stepName = Six.stepName;
  var stateNames = { accepted: '已审核', submitted: '已报送', late: '逾期报送', draft: '草稿', owed: '未报送', l1: '一级督办', l2: '二级督办', l3: '三级督办' };
  var levelNames = ['未督办', '一级督办', '二级督办', '三级督办'];
  var groupNames = { countyGovernment: '县市区政府', parkCommittee: '园区管委会', department: '市直部门' };
  function levelName(n) { return levelNames[n] || (n + '级督办'); }
  // 10月14日 from 2020-10-14.
  function monthDay(day) {
    var m = /^\d{4}-(\d\d)-(\d\d)$/.exec(day || '');
    return m ? (+m[1]) + '月' + (+m[2]) + '日' : (day || '');
  }
  // The columns: the plan's tasks with short titles and counts; an older answer without them has task numbers only.
  function columns() {
    if (data.columns) { return data.columns; }
    var tasks = (data.taskNumbers || []).slice(), seen = {}, i, j, t, list = [];
    for (i = 0; i < tasks.length; i++) { seen[tasks[i]] = true; }
    for (i = 0; i < data.units.length; i++) {
      for (j = 0; j < data.units[i].tasks.length; j++) {
        t = data.units[i].tasks[j].task;
        if (!seen[t]) { seen[t] = true; tasks.push(t); }
      }
    }
    tasks.sort(function (a, b) { return a - b; });
    for (i = 0; i < tasks.length; i++) { list.push({ number: tasks[i], shortTitle: String(tasks[i]), title: '任务' + tasks[i] }); }
    return list;
  }
  function groupName(kind) {
    var g = data.groups || [], i;
    for (i = 0; i < g.length; i++) { if (g[i].kind === kind) { return g[i].name + '（' + g[i].units + ' 个单位）'; } }
    return groupNames[kind] || kind || '其他单位';
  }
  function render() {
    if (!data) { return; }
    var c = data.counts || {};
    $('counts').innerHTML = '应报送 <b>' + c.obligations + '</b> 项，已报送 <b id="submitted-total">' + c.submitted + '</b> 项（逾期 ' + c.late + ' 项' +
      (typeof c.accepted === 'number' ? '，已审核 <b id="accepted-total">' + c.accepted + '</b> 项' : '') + '），未报送 <b>' + c.owed + '</b> 项。';
    var status = { open: '进行中', closed: '已关闭', cancelled: '已取消' }[data.status] || data.status;
    $('status').innerText = '状态：' + status + (data.step ? '　当前步骤：' + stepName(data.step) : '') + '　更新于 ' + Six.clock(new Date()) + '（北京时间）';
    if ($('close')) { $('close').style.display = data.status === 'open' ? '' : 'none'; }
    Six.renderHealth(data);
    renderPager();
    renderGrid(columns());
    renderList(columns());
    var names = {}, pending = '', r, i;
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
  // The grid: a heading row per group, task columns headed by number and short title (the full title as tooltip),
  // a count per column over every unit the filter matched, and per row what is owed, reported and late.
  function renderGrid(cols) {
    var i, j, u, t, col, kind = null, span = cols.length + 5 + (canAct ? 1 : 0);
    var html = '<thead><tr><th class="unit-head">单位</th>';
    for (i = 0; i < cols.length; i++) {
      col = cols[i];
      html += '<th class="task" data-task="' + col.number + '" title="' + esc(col.number + '. ' + col.title) + '"><span class="num">' + col.number + '</span><span class="short">' + esc(col.shortTitle) + '</span></th>';
    }
    html += '<th class="n">未报送</th><th class="n">已报送</th><th class="n">逾期</th><th>最高级别</th>' + (canAct ? '<th></th>' : '') + '</tr>';
    html += '<tr class="col-counts"><th title="各列：已报送数 / 应报送数（筛选出的全部单位，不只本页）">已报送/应报</th>';
    for (i = 0; i < cols.length; i++) {
      col = cols[i];
      html += typeof col.total === 'number'
        ? '<th class="n" id="col-count-' + col.number + '" title="' + esc('任务' + col.number + '：已报送 ' + col.submitted + ' 个，应报送 ' + col.total + ' 个' + (col.accepted ? '，已审核 ' + col.accepted + ' 个' : '')) + '">' + col.submitted + '/' + col.total + '</th>'
        : '<th></th>';
    }
    html += '<th colspan="' + (4 + (canAct ? 1 : 0)) + '"></th></tr></thead><tbody>';
    for (i = 0; i < data.units.length; i++) {
      u = data.units[i];
      if (u.kind !== kind) {
        kind = u.kind;
        html += '<tr class="group" data-group="' + esc(kind || '') + '"><th colspan="' + span + '">' + esc(groupName(kind)) + '</th></tr>';
      }
      var byTask = {}, leads = {};
      for (j = 0; j < u.tasks.length; j++) { byTask[u.tasks[j].task] = u.tasks[j]; }
      for (j = 0; j < (u.leads || []).length; j++) { leads[u.leads[j]] = true; }
      html += '<tr data-unit="' + esc(u.unitId) + '"><td class="unit-name">' + esc(u.name) + '</td>';
      for (j = 0; j < cols.length; j++) {
        t = byTask[cols[j].number];
        if (!t) { html += '<td></td>'; continue; }
        var cls = cellClass(t), state = cellState(t);
        html += '<td class="cell ' + cls + (u.leads && !leads[t.task] ? ' co' : '') + '" data-unit="' + esc(u.unitId) + '" data-task="' + t.task + '" data-state="' + state + '" title="' +
          esc(u.name + ' ' + t.task + '. ' + cols[j].shortTitle + (u.leads ? (leads[t.task] ? '（牵头）' : '（配合）') : '') + '：' + stateNames[cls] + '，截止 ' + t.due) + '">' +
          (state === 'accepted' ? '✓' : t.level > 0 && state !== 'submitted' ? t.level : '') + '</td>';
      }
      html += '<td class="n">' + u.owed.length + '</td><td class="n">' + u.submitted.length + '</td><td class="n">' + u.late + '</td>' +
        '<td>' + (u.level > 0 ? levelName(u.level) : '—') + '</td>' + (canAct ? '<td>' + (data.status === 'open' ? '<button type="button" class="extend" data-unit="' + esc(u.unitId) + '">延期</button>' : '') + '</td>' : '') + '</tr>';
    }
    $('board').innerHTML = html + '</tbody>';
  }
  // A phone's view: one card per unit — its name, due day, what it still owes (short titles) and its level.
  function renderList(cols) {
    var titles = {}, i, j, u, kind = null, html = '';
    for (i = 0; i < cols.length; i++) { titles[cols[i].number] = cols[i].shortTitle; }
    for (i = 0; i < data.units.length; i++) {
      u = data.units[i];
      if (u.kind !== kind) { kind = u.kind; html += '<h3 class="group">' + esc(groupName(kind)) + '</h3>'; }
      var owed = '';
      for (j = 0; j < u.owed.length; j++) { owed += (j ? '、' : '') + '<span class="owed-task">' + u.owed[j] + '. ' + esc(titles[u.owed[j]] || ('任务' + u.owed[j])) + '</span>'; }
      html += '<div class="unit-card' + (u.owed.length ? ' owes' : '') + (u.level > 0 ? ' lv' + Math.min(u.level, 3) : '') + '" data-card="' + esc(u.unitId) + '"><b>' + esc(u.name) + '</b>' +
        '<span class="muted"> 截止 ' + monthDay(u.due) + (u.level > 0 ? ' · <span class="state bg-l' + Math.min(u.level, 3) + '">' + levelName(u.level) + '</span>' : '') + '</span>' +
        '<p class="muted">已报送 ' + u.submitted.length + ' 项' + (u.late ? '（逾期 ' + u.late + ' 项）' : '') + '，未报送 ' + u.owed.length + ' 项' + (u.owed.length ? '：' : '。') + '</p>' +
        (owed ? '<p class="owed-list">' + owed + '</p>' : '') +
        (canAct && data.status === 'open' ? '<button type="button" class="extend small" data-unit="' + esc(u.unitId) + '">延期</button>' : '') + '</div>';
    }
    $('board-list').innerHTML = html || '<p class="muted">没有符合条件的单位。</p>';
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
  var timer = null, asks = 0, pageNo = 1, typing = null;
  // The filters as the server reads them (GET /api/cycles/{id}?page=&late=&name=&state=&level=&group=&role=&sort=).
  function query() {
    var q = '?page=' + pageNo, ids = ['state', 'level', 'group', 'role', 'sort'], i, v;
    if ($('late-only').checked) { q += '&late=true'; }
    if ($('name-filter').value) { q += '&name=' + encodeURIComponent($('name-filter').value); }
    for (i = 0; i < ids.length; i++) {
      v = $('filter-' + ids[i]) ? $('filter-' + ids[i]).value : '';
      if (v) { q += '&' + ids[i] + '=' + encodeURIComponent(v); }
    }
    return q;
  }
  // The next poll is set when an answer arrives, so a slow answer (a large cycle) never piles requests up.
  function load() {
    if (!current || !showBoard) { return; }
    if (timer) { clearTimeout(timer); timer = null; }
    var asked = current;
    var seq = ++asks;
    api('GET', '/api/cycles/' + encodeURIComponent(asked) + query(), null, function (status, json) {
      // Only the latest question's answer is drawn: a filter typed meanwhile has asked again.
      if (asked !== current || seq !== asks) { return; }
      if (status === 200 && json && json.units) { data = json; render(); }
      else if (status !== 200) { $('status').innerText = problem(status, json); }
      timer = setTimeout(load, 2000);
    });
  }
  // The review pane (review.js) accepted or returned a report: show the current page as it now stands.
  if (document.addEventListener) { document.addEventListener('board:refresh', function () { load(); }, false); }
  function links() {
    if (!showReports) { return; }
    var base = '/api/cycles/' + encodeURIComponent(current) + '/summary?format=';
    $('summary-html').href = base + 'html';
    $('summary-docx').href = base + 'docx';
    $('summary-xlsx').href = base + 'xlsx';
    $('summary-json').href = base + 'json';
  }
  // A unit's report, read-only, for the readers who cannot review (督查室, 分管领导): the last submission's text, status and figures.
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
  function extend(unitId) {
    var due = prompt('新的截止日期（如 2020-10-20）：');
    if (!due) { return; }
    var reason = prompt('延期理由（可不填）：') || null;
    api('POST', '/api/cycles/' + encodeURIComponent(current) + '/extensions', { unitId: unitId, due: due, reason: reason }, function (status, json) {
      say(status === 202 ? '已延期至 ' + due + '。' : problem(status, json), status === 202); load();
    });
  }
  // Cells: a reader who cannot review reads the report here; the coordinator's clicks on a submitted cell open the
  // review pane (review.js, by delegation on the document), so this handles only 延期.
  function onBoardClick(e) {
    var el = e.target || e.srcElement;
    var state = el.getAttribute ? el.getAttribute('data-state') : null;
    if (/\bextend\b/.test(el.className || '')) { if (canAct) { extend(el.getAttribute('data-unit')); } return; }
    // Submitted and accepted cells open the review pane for every role (review.js); a draft is read here.
    if (!canAct && state === 'draft') { showReport(el.getAttribute('data-unit'), +el.getAttribute('data-task')); }
  }
  if ($('board')) { $('board').onclick = onBoardClick; }
  if ($('board-list')) { $('board-list').onclick = onBoardClick; }
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
  function again() { pageNo = 1; load(); }
  if ($('late-only')) { $('late-only').onclick = again; }
  var selects = ['state', 'level', 'group', 'role', 'sort'], s;
  for (s = 0; s < selects.length; s++) { if ($('filter-' + selects[s])) { $('filter-' + selects[s]).onchange = again; } }
  if ($('name-filter')) {
    $('name-filter').oninput = function () {
      if (typing) { clearTimeout(typing); }
      typing = setTimeout(function () { typing = null; again(); }, 250);
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
