// The review pane (/coord): the coordinator reads a unit's report as it was filed — texts, indicator values against
// their targets, files, every submission with what changed since the one before, who answers for it — and accepts it
// (通过) or returns it (退回) with a reason, then walks to the previous or next report of the same task (board column)
// or unit (board row), across board pages: the server says which report is next. Leaders and the supervision office
// read it without the buttons. ES5 and DOM only, as board.js: every text the data carries is set with textContent, never
// as HTML. After a decision it asks the board to reload (board:refresh).
(function () {
  var $ = Six.$;
  var app = $('board-app');
  if (!app) { return; }
  var canAct = app.getAttribute('data-can-act') === '1';
  var pane = null, shown = null, axis = 'task', busy = false;

  // The body as JSON and the revision read as If-Match, with the page's session and token (common.js).
  function api(method, path, body, ifMatch, done) { Six.api(method, path, body ? { json: body, ifMatch: ifMatch } : { ifMatch: ifMatch }, done); }
  var problem = Six.problem, time = Six.dateTime;
  var el = Six.el, add = Six.add;
  function cycleId() { return $('cycle') ? $('cycle').value : ''; }
  function base(ref) {
    return '/api/cycles/' + encodeURIComponent(cycleId()) + '/units/' + encodeURIComponent(ref.unitId) + '/obligations/' + ref.task;
  }

  function ensurePane() {
    if (pane) { return pane; }
    pane = el('aside', 'review-pane hidden');
    pane.id = 'review-pane';
    pane.setAttribute('role', 'dialog');
    pane.setAttribute('aria-label', '报送材料审核');
    document.body.appendChild(pane);
    pane.onclick = onPaneClick;
    pane.onchange = function (e) {
      var t = e.target || e.srcElement;
      if (t.id === 'review-axis') { axis = t.value; render(shown.review); }
    };
    return pane;
  }
  function close() {
    if (pane) { pane.className = 'review-pane hidden'; }
    shown = null;
  }

  function open(ref, note) {
    ensurePane();
    busy = true;
    api('GET', base(ref), null, null, function (status, json) {
      busy = false;
      if (status !== 200 || !json) { shown = { ref: ref, review: null }; renderError(problem(status, json)); return; }
      shown = { ref: ref, review: json };
      render(json, note);
    });
  }

  function renderError(text) {
    pane.innerHTML = '';
    var head = add(pane, el('div', 'review-head'));
    add(head, el('b', null, '报送材料'));
    add(head, button('review-close', '收起', 'small'));
    add(pane, el('p', 'msg err', text));
    pane.className = 'review-pane';
  }

  function button(id, text, cls) {
    var b = el('button', cls || null, text);
    b.type = 'button';
    b.id = id;
    return b;
  }

  function stateText(o) {
    if (o.state === 'submitted') { return o.isAccepted ? '已审核' : (o.late ? '逾期报送（待审核）' : '已报送（待审核）'); }
    if (o.returnReason) { return '已退回，待重新报送'; }
    return o.state === 'draft' ? '草稿（未报送）' : '未报送';
  }

  function render(r, note) {
    var o = r.obligation, revisions = r.revisions || [], last = revisions.length ? revisions[revisions.length - 1] : null, form = last ? last.form : null, i;
    pane.innerHTML = '';
    var head = add(pane, el('div', 'review-head'));
    add(head, el('b', 'review-title', (r.unitName || o.unitId) + ' · 任务' + o.taskNumber + (r.taskTitle ? ' ' + r.taskTitle : '')));
    add(head, button('review-close', '收起', 'small'));

    var state = add(pane, el('p', 'review-state'));
    add(state, el('span', 'state ' + (o.isAccepted ? 'bg-accepted' : o.state === 'submitted' ? (o.late ? 'bg-late' : 'bg-submitted') : 'bg-owed'), stateText(o))).id = 'review-state';
    if (o.submittedAt) { add(state, el('span', 'muted', ' 报送于 ' + time(o.submittedAt) + (o.late ? '（逾期）' : ''))); }
    if (o.acceptedAt) { add(state, el('span', 'muted', '，审核通过于 ' + time(o.acceptedAt))); }
    if (o.returns > 0) { add(state, el('span', 'muted', '，已退回 ' + o.returns + ' 次')); }
    walk(r.walk);
    if (o.returnReason) { add(pane, el('p', 'msg err', '退回理由：' + o.returnReason)); }
    if (note) { add(pane, el('p', 'msg ok', note)).id = 'review-note'; }

    var c = r.contact;
    add(pane, el('p', 'review-contact', c ? '填报人：' + c.filler + '　联系电话：' + c.phone + '　审核领导：' + c.approver : '本单位本周期尚未填写填报人、联系电话和审核领导。')).id = 'review-contact';

    if (!form) {
      add(pane, el('p', 'muted', '尚无报送内容。'));
    } else {
      field('自评', form.status || '—');
      field('工作进展', form.narrative || '—', 'review-narrative');
      if (form.difficulties) { field('存在困难', form.difficulties); }
      if (form.nextSteps) { field('下一步打算', form.nextSteps); }
      indicators(r.targets || [], form.indicators || []);
      deadlines(form.deadlines || []);
      files(form.attachments || [], o);
    }
    actions(o, r.cycleOpen);
    Six.revisions(pane, revisions, r.history || []);
    pane.className = 'review-pane';
    if (pane.scrollTop) { pane.scrollTop = 0; }
  }

  function field(label, text, id) {
    var box = add(pane, el('div', 'review-field'));
    add(box, el('h3', null, label));
    var p = add(box, el('p', 'pre-wrap', text));
    if (id) { p.id = id; }
  }

  function number(v) { return typeof v === 'number' ? String(v) : (v === null || v === undefined ? '—' : String(v)); }

  function indicators(targets, values) {
    if (!targets.length && !values.length) { return; }
    var box = add(pane, el('div', 'review-field'));
    add(box, el('h3', null, '指标完成情况'));
    var table = add(box, el('table', 'review-indicators')), tr = add(table, el('tr')), i, j, v, t, seen = {};
    add(tr, el('th', null, '指标'));
    add(tr, el('th', null, '填报值'));
    add(tr, el('th', null, '目标'));
    function row(name, value, target) {
      var r = add(table, el('tr'));
      add(r, el('td', null, name));
      add(r, el('td', null, value === null ? '未填报' : number(value) + (target ? target.unit : '')));
      var goal = '—';
      if (target) {
        goal = (target.kind === 'atMost' ? '不超过 ' : '') + number(target.target) + target.unit;
        if (value !== null && target.kind !== 'atMost' && target.target > 0) { goal += '（完成 ' + Math.round(value * 1000 / target.target) / 10 + '%）'; }
      }
      add(r, el('td', null, goal));
    }
    for (i = 0; i < targets.length; i++) {
      t = targets[i]; v = null;
      for (j = 0; j < values.length; j++) { if (values[j].name === t.name) { v = values[j].value; } }
      seen[t.name] = true;
      row(t.name, v, t);
    }
    for (j = 0; j < values.length; j++) { if (!seen[values[j].name]) { row(values[j].name, values[j].value, null); } }
  }

  function deadlines(answers) {
    if (!answers.length) { return; }
    var box = add(pane, el('div', 'review-field')), i, a;
    add(box, el('h3', null, '时间节点'));
    for (i = 0; i < answers.length; i++) {
      a = answers[i];
      add(box, el('p', null, a.date + '：' + a.answer + (a.reason ? '（' + a.reason + '）' : '')));
    }
  }

  function files(list, o) {
    var box = add(pane, el('div', 'review-field')), i, f, line, link;
    add(box, el('h3', null, '附件'));
    if (!list.length) { add(box, el('p', 'muted', '无附件。')); return; }
    var ul = add(box, el('ul', 'review-files'));
    ul.id = 'review-files';
    for (i = 0; i < list.length; i++) {
      f = list[i];
      line = add(ul, el('li'));
      link = add(line, el('a', 'review-file', f.name));
      link.href = base({ unitId: o.unitId, task: o.taskNumber }) + '/attachments/' + encodeURIComponent(f.id);
      link.target = '_blank';
      link.rel = 'noopener';
      add(line, el('span', 'muted', '（' + Math.max(1, Math.round(f.size / 1024)) + ' KB）'));
      var down = add(line, el('a', 'button small', '下载'));
      down.href = link.href;
      down.setAttribute('download', f.name);
    }
  }

  function actions(o, cycleOpen) {
    if (!canAct) { return; }
    var box = add(pane, el('div', 'review-actions'));
    box.id = 'review-actions';
    if (!cycleOpen) {
      add(box, el('p', 'muted', '本周期已结束，报送材料只能查看，不能再审核通过或退回。'));
      return;
    }
    if (o.state !== 'submitted') {
      add(box, el('p', 'muted', '该任务当前没有待审核的报送。'));
      return;
    }
    if (!o.isAccepted) { add(box, button('review-accept', '通过', 'primary')); }
    var label = add(box, el('label', null, '退回理由（将通知该单位）'));
    label.setAttribute('for', 'review-reason');
    var reason = add(box, el('textarea', 'short'));
    reason.id = 'review-reason';
    reason.setAttribute('maxlength', '1000');
    add(box, button('review-return', '退回'));
    add(box, el('p', 'msg err hidden')).id = 'review-error';
  }

  function walk(w) {
    if (!w) { return; }
    var box = add(pane, el('div', 'review-walk')), step = axis === 'unit' ? w.byUnit : w.byTask;
    var select = add(box, el('select'));
    select.id = 'review-axis';
    select.setAttribute('aria-label', '浏览顺序');
    var a = add(select, el('option', null, '同一任务的各单位')); a.value = 'task';
    var b = add(select, el('option', null, '同一单位的各任务')); b.value = 'unit';
    select.value = axis;
    var prev = add(box, button('review-prev', '上一份', 'small'));
    var next = add(box, button('review-next', '下一份', 'small'));
    prev.disabled = !step.previous;
    next.disabled = !step.next;
    add(box, el('span', 'muted', step.position > 0 ? '第 ' + step.position + ' / ' + step.count + ' 份' : '共 ' + step.count + ' 份已报送')).id = 'review-position';
  }

  function say(text) {
    var e = $('review-error');
    if (e) { e.textContent = text; e.className = 'msg err'; }
  }
  function decided(note) {
    document.dispatchEvent(new CustomEvent('board:refresh'));
    open(shown.ref, note);
  }

  function onPaneClick(e) {
    var t = e.target || e.srcElement, r = shown && shown.review;
    if (t.id === 'review-close') { close(); return; }
    if (!r || busy) { return; }
    var o = r.obligation, step = axis === 'unit' ? r.walk.byUnit : r.walk.byTask;
    if (t.id === 'review-prev' && step.previous) { open(step.previous); return; }
    if (t.id === 'review-next' && step.next) { open(step.next); return; }
    if (t.id === 'review-accept') {
      busy = true;
      api('POST', base(shown.ref) + '/accept', null, o.revisionTag, function (status, json) {
        busy = false;
        if (status === 200) { decided('已审核通过。'); return; }
        if (status === 409) { open(shown.ref, problem(status, json) + ' 已重新载入，请再看一遍。'); return; }
        say(problem(status, json));
      });
      return;
    }
    if (t.id === 'review-return') {
      var why = $('review-reason').value;
      if (!why || !why.replace(/\s/g, '')) { say('请填写退回理由。'); $('review-reason').focus(); return; }
      busy = true;
      api('POST', '/api/cycles/' + encodeURIComponent(cycleId()) + '/returns', { unitId: o.unitId, task: o.taskNumber, reason: why }, o.revisionTag, function (status, json) {
        busy = false;
        if (status === 200) { decided('已退回，已通知该单位。'); return; }
        if (status === 409) { open(shown.ref, problem(status, json) + ' 已重新载入，请再看一遍。'); return; }
        say(problem(status, json));
      });
    }
  }

  // The board draws its cells again every few seconds: one listener on the document serves every cell it draws.
  document.addEventListener('click', function (e) {
    var t = e.target || e.srcElement;
    while (t && t !== document && !(t.getAttribute && t.getAttribute('data-task') && t.getAttribute('data-unit'))) { t = t.parentNode; }
    if (!t || t === document) { return; }
    var state = t.getAttribute('data-state');
    if (state !== 'submitted' && state !== 'accepted') { return; }
    var board = $('board');
    if (!board || !board.contains(t)) { return; }
    axis = 'task';
    open({ unitId: t.getAttribute('data-unit'), task: +t.getAttribute('data-task') });
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.keyCode === 27) && shown) { close(); }
  });
})();
