// Helpers every page script shares (board.js, plans.js, review.js): loaded before them, ES5 so an old office
// browser runs it. One global, Six, so nothing else leaks into the page.
var Six = (function () {
  function $(id) { return document.getElementById(id); }
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  // The page's anti-forgery token, on whichever element carries it (#board-app, #plans-app).
  function csrf() {
    var el = document.querySelector ? document.querySelector('[data-csrf]') : null;
    return el ? el.getAttribute('data-csrf') || '' : '';
  }
  // A call to the /api routes with the browser's session. options: json (an object sent as JSON), or body with type;
  // ifMatch (an ETag). done(status, json, etag) — json null when the answer is not JSON. Every write carries the token.
  function api(method, path, options, done) {
    var o = options || {}, xhr = new XMLHttpRequest(), body = null, type = o.type;
    if (o.json !== undefined) { body = JSON.stringify(o.json); type = 'application/json'; } else if (o.body !== undefined) { body = o.body; }
    xhr.open(method, path, true);
    if (method !== 'GET') { xhr.setRequestHeader('X-CSRF-Token', csrf()); }
    if (type) { xhr.setRequestHeader('Content-Type', type); }
    if (o.ifMatch) { xhr.setRequestHeader('If-Match', o.ifMatch); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var json = null;
      try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
      done(xhr.status, json, xhr.getResponseHeader('ETag'));
    };
    xhr.send(body);
  }
  // The page's message line (#message): green for done, red for refused.
  function say(text, ok) {
    var m = $('message');
    if (!m) { return; }
    m.className = 'msg ' + (ok ? 'ok' : 'err');
    m.innerText = text;
    if (m.scrollIntoView) { m.scrollIntoView(false); }
  }
  // What a refusal says (problem+json's detail or title, and each field's error), in the reader's words.
  function problem(status, json) {
    if (status === 401) { return '登录已过期，请刷新页面重新登录。'; }
    if (status === 403 && !(json && (json.detail || json.title))) { return '您的角色没有此项权限。'; }
    var text = (json && (json.detail || json.title)) || ('请求失败（' + status + '）');
    if (json && json.errors) {
      for (var f in json.errors) { if (json.errors.hasOwnProperty(f)) { text += '\n' + [].concat(json.errors[f]).join('；'); } }
    }
    return text;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // Beijing time whatever the browser's own zone: UTC+8 (China has kept no summer time since 1991). Read from the ISO
  // text the API writes (any fraction, Z or an offset) without trusting an old browser's own date parser.
  function beijing(value) {
    var ms;
    if (value instanceof Date) { ms = value.getTime(); } else {
      var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|([+-])(\d\d):?(\d\d))?$/.exec(String(value));
      if (!m) { return null; }
      ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
      if (m[9]) { ms -= (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]) * 60000; }
    }
    return new Date(ms + 8 * 3600000);
  }
  // 2020-10-14 18:00 (24-hour, Beijing).
  function dateTime(value) {
    var d = beijing(value);
    return d ? d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) : String(value);
  }
  // 18:00:05 (24-hour, Beijing).
  function clock(value) {
    var d = beijing(value);
    return d ? pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) : String(value);
  }
  // An element with a class and its text (textContent: whatever the data holds stays text).
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  return { $: $, esc: esc, api: api, say: say, problem: problem, dateTime: dateTime, clock: clock, el: el, add: add };
})();
