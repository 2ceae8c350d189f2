// The sandbox page: sends what the person types to POST /api/sandbox/messages and shows the answer.
// Every value from the member or the server goes in as text (textContent); only the bot's messages,
// which the server has already reduced to a few safe tags, are parsed as HTML. The conversation is
// kept in sessionStorage for this tab, with secrets already masked by the server.
(function () {
  'use strict';
  var HISTORY = 'tidewatch.sandbox.history';
  var texts = JSON.parse(document.getElementById('tw-texts').textContent);
  var examples = JSON.parse(document.getElementById('tw-examples').textContent);
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var form = document.getElementById('composer');
  var conversation = document.getElementById('conversation');
  var errorBox = document.getElementById('error');

  function t(key) { return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key; }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function history() {
    try { return JSON.parse(sessionStorage.getItem(HISTORY) || '[]'); } catch (e) { return []; }
  }

  function save(entries) {
    try { sessionStorage.setItem(HISTORY, JSON.stringify(entries.slice(-50))); } catch (e) { /* storage full or off */ }
  }

  function where() {
    var checked = form.querySelector('input[name="where"]:checked').value.split(' ');
    return { platform: checked[0], chat: checked[1] };
  }

  function render(entry) {
    var a = entry.answer;
    var deleted = a.actions.some(function (x) { return x.type === 'DELETE_MESSAGE'; });
    var li = el('li', 'entry' + (deleted ? ' deleted' : ''));

    var member = el('div', 'bubble member');
    var head = el('div', 'who');
    head.appendChild(el('span', 'member-name', entry.user.name || entry.user.username || entry.user.id));
    if (entry.user.username) head.appendChild(el('span', 'member-username', '@' + entry.user.username));
    head.appendChild(el('span', 'where', t('sandbox.where_label') + ' ' + t('sandbox.where.' + entry.platform + '_' + entry.chat)));
    member.appendChild(head);
    member.appendChild(el('p', 'member-text', a.shown_text));
    if (deleted) member.appendChild(el('span', 'badge badge-deleted', t('sandbox.deleted')));
    if (a.findings.some(function (f) { return f.category === 'secret'; })) {
      member.appendChild(el('p', 'note', t('sandbox.secret_masked')));
    }
    li.appendChild(member);

    var verdict = el('div', 'verdict');
    if (a.findings.length) {
      verdict.appendChild(el('h3', null, t('sandbox.findings')));
      var fl = el('ul', 'findings');
      a.findings.forEach(function (f) {
        var item = el('li', 'finding severity-' + f.severity);
        item.setAttribute('data-category', f.category);
        item.appendChild(el('strong', null, t('category.' + f.category)));
        item.appendChild(el('span', 'severity', ' ' + t('severity.' + f.severity) + ' '));
        item.appendChild(el('code', 'rule', f.rule));
        if (f.excerpt) item.appendChild(el('code', 'excerpt', f.excerpt));
        if (f.reason) item.appendChild(el('span', 'reason', f.reason));
        fl.appendChild(item);
      });
      verdict.appendChild(fl);
    }
    verdict.appendChild(el('h3', null, t('sandbox.actions')));
    if (a.actions.length) {
      var al = el('ul', 'actions');
      a.actions.forEach(function (x) {
        var item = el('li', 'action');
        item.setAttribute('data-type', x.type);
        item.appendChild(el('strong', null, t('action.' + x.type)));
        if (x.reason) item.appendChild(el('span', 'reason', x.reason));
        al.appendChild(item);
      });
      verdict.appendChild(al);
    } else {
      verdict.appendChild(el('p', 'nothing', t('sandbox.nothing')));
    }
    li.appendChild(verdict);

    a.messages.forEach(function (m) {
      var bubble = el('div', 'bubble bot to-' + m.to);
      bubble.setAttribute('data-to', m.to);
      bubble.appendChild(el('div', 'who', t('sandbox.bot') + ' · ' +
        t(m.to === 'moderators' ? 'sandbox.reply.moderators' : m.to === 'member' ? 'sandbox.reply.private' : 'sandbox.reply.in_chat')));
      var body = el('div', 'bot-text');
      var tpl = document.createElement('template');
      tpl.innerHTML = m.html; // already sanitized by the server (jsoup Safelist); the CSP blocks scripts besides
      body.appendChild(tpl.content);
      bubble.appendChild(body);
      li.appendChild(bubble);
    });
    conversation.appendChild(li);
    document.getElementById('empty').hidden = true;
    li.scrollIntoView({ block: 'nearest' });
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function send(request) {
    showError('');
    return fetch('/api/sandbox/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { showError(body.error || String(response.status)); return; }
        var entry = { platform: request.platform, chat: request.chat, user: request.user, answer: body };
        delete entry.answer.replies; // the page shows messages; keep the stored history small
        var all = history();
        all.push(entry);
        save(all);
        render(entry);
        document.getElementById('text').value = '';
      });
    }).catch(function () { showError(t('sandbox.failed')); });
  }

  function requestFromForm() {
    var w = where();
    return {
      platform: w.platform,
      chat: w.chat,
      user: {
        id: document.getElementById('user-id').value,
        name: document.getElementById('name').value,
        username: document.getElementById('username').value
      },
      text: document.getElementById('text').value
    };
  }

  function showRules(status) {
    document.getElementById('rules-status').textContent = status.message || '';
    var refusal = document.getElementById('rules-refusal');
    refusal.textContent = status.refusal || '';
    refusal.hidden = !status.refusal;
  }

  function rules(method, path) {
    return fetch(path, {
      method: method,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' }
    }).then(function (r) { return r.json(); }).then(showRules).catch(function () { /* shown on the next try */ });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = requestFromForm();
    if (!request.text.trim()) return;
    send(request);
  });
  document.getElementById('text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  document.getElementById('clear').addEventListener('click', function () {
    save([]);
    conversation.textContent = '';
    document.getElementById('empty').hidden = false;
  });
  document.getElementById('reload').addEventListener('click', function () { rules('POST', '/api/sandbox/reload'); });

  var exampleBox = document.getElementById('examples');
  examples.forEach(function (x, i) {
    var b = el('button', 'example secondary', t(x.label));
    b.type = 'button';
    b.setAttribute('data-example', x.label);
    b.addEventListener('click', function () {
      var radio = form.querySelector('input[name="where"][value="' + x.platform + ' ' + x.chat + '"]');
      if (radio) radio.checked = true;
      document.getElementById('name').value = x.user.name || '';
      document.getElementById('username').value = x.user.username || '';
      document.getElementById('user-id').value = x.user.id || '';
      document.getElementById('text').value = x.text;
      send(requestFromForm());
    });
    exampleBox.appendChild(b);
  });

  history().forEach(render);
  rules('GET', '/api/sandbox/rules');
}());
