// The review pane's 报送记录 (review.js): every submission of a report with what its text changed since the one before,
// as the server diffed it (inserted green, deleted struck through), then who returned or accepted it when. Text is set
// with textContent only, never as HTML.
(function () {
  var el = Six.el, add = Six.add, time = Six.dateTime;
  function diff(segments) {
    var p = el('p', 'review-diff pre-wrap'), i, s, tag;
    for (i = 0; i < segments.length; i++) {
      s = segments[i];
      tag = s.kind === 'added' ? 'ins' : s.kind === 'removed' ? 'del' : 'span';
      add(p, el(tag, null, s.text));
    }
    return p;
  }
  function changed(segments) {
    for (var i = 0; i < segments.length; i++) { if (segments[i].kind !== 'same') { return true; } }
    return false;
  }

  var whatNames = { submitted: '报送', draft: '保存草稿', returned: '退回', accepted: '审核通过', attached: '上传附件', detached: '删除附件', extended: '延期' };
  // Every submission, newest first, each with what its texts changed since the one before; then the decisions.
  Six.revisions = function (pane, revisions, items) {
    var box = add(pane, el('div', 'review-field')), i, r, one, names, j;
    add(box, el('h3', null, '报送记录（共 ' + revisions.length + ' 次，最新在前）'));
    box.id = 'review-revisions';
    for (i = revisions.length - 1; i >= 0; i--) {
      r = revisions[i];
      one = add(box, el('div', 'review-revision'));
      add(one, el('p', 'muted', '第 ' + r.number + ' 次报送 · ' + time(r.at) + (i === 0 ? '' : '（标出与第 ' + (r.number - 1) + ' 次的不同：绿色为新增，红色删除线为删去）')));
      add(one, el('b', null, '工作进展'));
      add(one, i === 0 ? el('p', 'pre-wrap', r.form.narrative || '—') : diff(r.narrativeChanges));
      if (changed(r.difficultiesChanges) && i > 0) { add(one, el('b', null, '存在困难')); add(one, diff(r.difficultiesChanges)); }
      if (changed(r.nextStepsChanges) && i > 0) { add(one, el('b', null, '下一步打算')); add(one, diff(r.nextStepsChanges)); }
      names = [];
      for (j = 0; j < (r.form.attachments || []).length; j++) { names.push(r.form.attachments[j].name); }
      if (names.length) { add(one, el('p', 'muted', '附件：' + names.join('、'))); }
    }
    var log = add(box, el('ul', 'review-log'));
    for (i = items.length - 1; i >= 0; i--) {
      if (items[i].what !== 'returned' && items[i].what !== 'accepted' && items[i].what !== 'submitted') { continue; }
      add(log, el('li', null, time(items[i].at) + ' ' + (whatNames[items[i].what] || items[i].what) + (items[i].what === 'returned' && typeof items[i].content === 'string' ? '：' + items[i].content : '')));
    }
  };
})();
