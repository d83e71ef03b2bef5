// The dossier workspace: the message editor over the JSON API (docs/workspace.md).
// Text from the project is only ever set as text (textContent), never as markup, except
// the preview, which the server renders by the editions' rules.
'use strict';
(function () {
  const token = document.querySelector('meta[name="dossier-token"]')?.content || '';
  const body = document.body;
  const locale = body.dataset.locale;
  const doc = body.dataset.doc;
  const live = document.getElementById('live');
  const say = (t) => { if (live) { live.textContent = ''; live.textContent = t; } };

  async function api(method, path, data) {
    const r = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'X-Dossier-Token': token, 'Content-Type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify(data),
    });
    let json = null;
    try { json = await r.json(); } catch (e) { json = null; }
    return { status: r.status, json };
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids.flat()) {
      if (k === null || k === undefined || k === false) continue;
      e.append(k.nodeType ? k : document.createTextNode(String(k)));
    }
    return e;
  }

  // The home page only refreshes when files change.
  if (!locale) {
    watchChanges(() => location.reload());
    return;
  }

  const editor = document.getElementById('editor');
  const enc = encodeURIComponent;
  const base = (id) => `${enc(locale)}/${enc(doc)}/${enc(id)}`;
  let current = null; // { view, dirty }
  let checkTimer = null;

  const links = () => Array.from(document.querySelectorAll('#queue a[data-id]'));

  function mark(id) {
    for (const a of links()) {
      if (a.dataset.id === id) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  }

  async function open(id, focus) {
    const r = await api('GET', `/api/messages/${base(id)}`);
    if (r.status !== 200) { say(r.json?.error || `cannot open ${id}`); return; }
    current = { view: r.json, dirty: false };
    render();
    mark(id);
    if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
    if (focus) document.getElementById('translation')?.focus();
  }

  function pieces(diff) {
    return diff.map((p) => p.op === 'delete' ? el('del', {}, p.text)
      : p.op === 'insert' ? el('ins', {}, p.text) : document.createTextNode(p.text));
  }

  function diagnosticsList(list) {
    const ul = el('ul', { class: 'diagnostics', id: 'diagnostics', 'aria-live': 'polite', 'aria-label': 'Checks' });
    if (!list.length) {
      ul.append(el('li', { class: 'ok' }, 'No problems found.'));
      return ul;
    }
    for (const d of list) {
      const li = el('li', { class: d.severity, 'data-code': d.code },
        el('strong', {}, `${d.severity}[${d.code}]`), ' ', d.message);
      if (d.fix) {
        li.append(' ', el('button', {
          type: 'button',
          onclick: () => applyFix(d),
          'aria-label': `Apply: ${d.fix.message}`,
        }, d.fix.automatic ? 'Fix' : 'Apply suggestion'));
      }
      ul.append(li);
    }
    return ul;
  }

  function applyFix(d) {
    const ta = document.getElementById('translation');
    const chars = Array.from(ta.value);
    chars.splice(d.start, d.end - d.start, ...Array.from(d.fix.replacement));
    ta.value = chars.join('');
    edited();
    ta.focus();
  }

  function render() {
    const v = current.view;
    editor.replaceChildren();
    const title = el('h2', {}, el('code', {}, v.id), ' ', el('span', { class: `badge ${v.state}` }, v.state),
      v.class ? el('span', { class: 'badge class' }, v.class) : null);
    editor.append(title);
    if (v.location) editor.append(el('p', { class: 'muted' }, v.location));
    if (v.review) {
      editor.append(el('p', { class: 'review' },
        `${v.review.verdict} by ${v.review.by} on ${v.review.date}`, v.review.note ? `: ${v.review.note}` : ''));
    }
    const ctx = el('div', { class: 'context' });
    if (v.heading && v.kind !== 'heading') ctx.append(el('p', {}, 'Section: ', el('span', { lang: 'en' }, v.heading)));
    if (v.previous) ctx.append(el('p', {}, 'Before: ', el('span', { lang: locale }, v.previous.translation || ''), ' ', el('span', { lang: 'en', class: 'muted' }, `(${v.previous.english})`)));
    editor.append(ctx);
    const english = el('section', { class: 'english', 'aria-label': 'English' });
    if (v.english_before) {
      english.append(el('h3', {}, 'English: as translated → now'), el('p', { lang: 'en' }, pieces(v.diff)));
    } else {
      english.append(el('h3', {}, 'English'), el('p', { lang: 'en' }, v.english));
    }
    editor.append(english);
    const ta = el('textarea', { id: 'translation', lang: locale, spellcheck: 'true', 'aria-describedby': 'diagnostics' });
    ta.value = v.translation || '';
    ta.addEventListener('input', edited);
    editor.append(el('label', { for: 'translation' }, el('h3', {}, `Translation (${locale})`)), ta);
    editor.append(diagnosticsList(v.diagnostics));
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', id: 'save', onclick: save }, 'Save (Ctrl+Enter)'),
      v.state === 'stale' ? el('button', { type: 'button', id: 'accept', onclick: accept }, 'Accept unchanged') : null,
      el('button', { type: 'button', id: 'previous', onclick: () => step(-1) }, 'Previous (Alt+↑)'),
      el('button', { type: 'button', id: 'next', onclick: () => step(1) }, 'Next (Alt+↓)'));
    editor.append(actions);
    const note = el('input', { id: 'note', type: 'text' });
    editor.append(el('div', { class: 'actions review-actions' },
      el('button', { type: 'button', id: 'approve', onclick: () => review('approve') }, 'Approve'),
      el('label', { for: 'note' }, 'Note '), note,
      el('button', { type: 'button', id: 'reject', onclick: () => review('reject') }, 'Reject')));
    if (v.suggestions.length) {
      const ul = el('ul', { class: 'suggestions' });
      for (const s of v.suggestions) {
        ul.append(el('li', {}, el('button', {
          type: 'button',
          onclick: () => { ta.value = s.translation; edited(); ta.focus(); },
          'aria-label': `Use the suggestion from ${s.id} (${s.match} %)`,
        }, `Use (${s.match} %)`), ' ', el('span', { lang: locale }, s.translation), ' ', el('span', { class: 'muted' }, `— ${s.id}`)));
      }
      editor.append(el('h3', {}, 'Suggestions'), ul);
    }
    if (v.terms.length) {
      const ul = el('ul', { class: 'terms' });
      for (const t of v.terms) {
        ul.append(el('li', {}, el('span', { lang: 'en' }, t.english), ' → ',
          el('strong', { lang: locale }, t.forms.join(', ') || '—'),
          t.allowed.length ? el('span', { class: 'muted', lang: locale }, ` (also ${t.allowed.join(', ')})`) : null));
      }
      editor.append(el('h3', {}, 'Glossary'), ul);
    }
    editor.append(el('h3', {}, 'Preview'), el('div', { class: 'preview', id: 'preview', lang: locale }));
    if (v.next) editor.append(el('p', { class: 'context' }, 'After: ', el('span', { lang: 'en' }, v.next.english)));
    preview();
  }

  function edited() {
    if (!current) return;
    current.dirty = true;
    clearTimeout(checkTimer);
    checkTimer = setTimeout(async () => {
      const text = document.getElementById('translation').value;
      const r = await api('POST', `/api/check/${base(current.view.id)}`, { translation: text });
      if (r.status === 200) {
        document.getElementById('diagnostics')?.replaceWith(diagnosticsList(r.json.diagnostics));
      }
      preview();
    }, 250);
  }

  async function preview() {
    const box = document.getElementById('preview');
    const text = document.getElementById('translation')?.value || '';
    if (!box) return;
    if (!text.trim()) { box.replaceChildren(); return; }
    const r = await api('POST', `/api/preview/${base(current.view.id)}`, { translation: text });
    // Rendered by the server as the editions render translations: inert.
    if (r.status === 200) box.innerHTML = r.json.html;
  }

  function updateItem(view) {
    const a = links().find((x) => x.dataset.id === view.id);
    const badge = a?.querySelector('.badge');
    if (badge) { badge.textContent = view.state; badge.className = `badge ${view.state}`; }
    if (a) a.className = `item ${view.state}`;
  }

  async function save() {
    const text = document.getElementById('translation').value;
    const r = await api('PUT', `/api/messages/${base(current.view.id)}`, { translation: text, version: current.view.version });
    if (r.status === 200) {
      current = { view: r.json.message, dirty: false };
      render();
      updateItem(current.view);
      say(`Saved ${current.view.id}: ${current.view.state}`);
    } else if (r.status === 409) {
      conflict(r.json.message, text);
    } else {
      say(r.json?.error || 'not saved');
      showError(r.json?.error || 'not saved');
    }
  }

  function showError(text) {
    editor.querySelector('.error-box')?.remove();
    editor.prepend(el('p', { class: 'conflict error-box', role: 'alert' }, text));
  }

  function conflict(theirs, mine) {
    editor.querySelector('.conflict')?.remove();
    const box = el('div', { class: 'conflict', role: 'alert' },
      el('p', {}, el('strong', {}, 'This message changed on disk since you opened it.'), ' Your text was not saved.'),
      el('p', {}, 'On disk: ', el('span', { lang: locale, id: 'theirs' }, theirs.translation || '(no translation)')),
      el('p', {}, 'Yours: ', el('span', { lang: locale, id: 'mine' }, mine)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'keep-mine', onclick: async () => {
          current.view.version = theirs.version;
          await save();
        } }, 'Save mine over it'),
        el('button', { type: 'button', id: 'take-theirs', onclick: () => {
          current = { view: theirs, dirty: false };
          render();
        } }, 'Take the version on disk')));
    editor.prepend(box);
    say('This message changed on disk: your text was not saved');
  }

  async function accept() {
    const r = await api('POST', `/api/accept/${base(current.view.id)}`, { version: current.view.version });
    if (r.status === 200) {
      current = { view: r.json.message, dirty: false };
      render();
      updateItem(current.view);
      say(`Accepted ${current.view.id}`);
    } else if (r.status === 409) {
      conflict(r.json.message, document.getElementById('translation').value);
    } else {
      showError(r.json?.error || 'not accepted');
    }
  }

  async function review(verdict) {
    const note = document.getElementById('note').value;
    const r = await api('POST', `/api/review/${base(current.view.id)}`, { verdict, note: note || null, version: current.view.version });
    if (r.status === 200) {
      current = { view: r.json.message, dirty: false };
      render();
      updateItem(current.view);
      say(`${current.view.id}: ${current.view.state}`);
    } else if (r.status === 409) {
      conflict(r.json.message, document.getElementById('translation').value);
    } else {
      showError(r.json?.error || 'not recorded');
    }
  }

  function step(by) {
    const ids = links().map((a) => a.dataset.id);
    if (!ids.length) return;
    const i = current ? ids.indexOf(current.view.id) : -1;
    const next = ids[Math.min(ids.length - 1, Math.max(0, i + by))];
    if (next) open(next, true);
  }

  document.getElementById('queue')?.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-id]');
    if (!a) return;
    e.preventDefault();
    open(a.dataset.id, true);
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && current) { e.preventDefault(); save(); }
    else if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); step(1); }
    else if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); step(-1); }
  });

  // Changes on disk (a git pull, an editor's save, a sync): the queue is rendered again,
  // the open message reloaded unless it has unsaved edits (then both versions are shown
  // when it is saved).
  async function refresh() {
    const r = await fetch(location.pathname + location.search, { credentials: 'same-origin' });
    if (r.ok) {
      const page = new DOMParser().parseFromString(await r.text(), 'text/html');
      const queue = page.getElementById('queue');
      const heading = page.getElementById('queue-title');
      if (queue) document.getElementById('queue').replaceChildren(...queue.childNodes);
      if (heading) document.getElementById('queue-title').textContent = heading.textContent;
    }
    if (current) {
      mark(current.view.id);
      const m = await api('GET', `/api/messages/${base(current.view.id)}`);
      if (m.status === 200 && m.json.version !== current.view.version) {
        if (!current.dirty) { current = { view: m.json, dirty: false }; render(); say(`${m.json.id} changed on disk: reloaded`); }
        else say(`${m.json.id} changed on disk; saving will show both versions`);
      }
    }
  }

  async function watchChanges(onChange) {
    let generation = null;
    for (;;) {
      try {
        const q = generation === null ? '' : `?since=${generation}`;
        const r = await api('GET', `/api/changes${q}`);
        if (r.status !== 200) { await new Promise((ok) => setTimeout(ok, 2000)); continue; }
        if (generation !== null && r.json.generation !== generation) await onChange();
        generation = r.json.generation;
      } catch (e) {
        await new Promise((ok) => setTimeout(ok, 2000));
      }
    }
  }

  watchChanges(refresh);
  // A message's address is the queue page with its id: links, bookmarks, back and forward.
  window.addEventListener('hashchange', () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && id !== current?.view.id) open(id, true);
  });
  const first = decodeURIComponent(location.hash.slice(1));
  if (first) open(first, false);
})();
