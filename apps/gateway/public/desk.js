// The support team's desk, an ES module: no inline code (the page's CSP allows none); every
// text from the server goes into the page as text, never as HTML.
const $ = (id) => document.getElementById(id);
const LANGUAGES = { en: 'English', es: 'Spanish', fr: 'French', de: 'German' };
const REASONS = {
  fallback: 'fallback',
  not_understood: 'not understood',
  llm_failure: 'LLM failure',
  down: 'thumbs-down',
};
const state = { view: 'requests', open: null, agent: null };

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function api(method, path, body) {
  const res = await fetch(`/api/desk/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  if (res.status === 401 && path !== 'sign-in') {
    showSignIn();
    throw new Error('Your session has ended. Please sign in again.');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new Error((data && data.message) || `The desk answered ${res.status}.`);
  return data;
}

function age(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

/** "5 min ago", or "just now". */
function ago(iso) {
  const a = age(iso);
  return a === 'just now' ? a : `${a} ago`;
}

function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function say(id, text, kind) {
  const node = $(id);
  node.textContent = text || '';
  node.dataset.kind = kind || '';
}

/* ---------- Signing in and out ---------- */

function showSignIn() {
  state.agent = null;
  $('sign-in').hidden = false;
  $('desk-nav').hidden = true;
  $('desk-agent').hidden = true;
  for (const view of document.querySelectorAll('.view')) view.hidden = true;
  $('sign-in-email').focus();
}

function showDesk(agent) {
  state.agent = agent;
  $('sign-in').hidden = true;
  $('desk-nav').hidden = false;
  $('desk-agent').hidden = false;
  $('agent-name').textContent = agent.name;
  $('reply-hint').textContent = agent.can_reply
    ? ''
    : 'Replies cannot be mailed: the gateway has no SMTP_URL.';
  show(state.view);
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('sign-in-error', '');
  const email = $('sign-in-email').value.trim();
  const password = $('sign-in-password').value;
  if (!email || !password) {
    say('sign-in-error', 'Enter your email and password.');
    return;
  }
  try {
    await api('POST', 'sign-in', { email, password });
    $('sign-in-password').value = '';
    showDesk(await api('GET', 'me'));
  } catch (err) {
    say('sign-in-error', err.message);
  }
});

$('sign-out').addEventListener('click', async () => {
  try {
    await api('POST', 'sign-out');
  } finally {
    state.open = null;
    showSignIn();
  }
});

/* ---------- Views ---------- */

function show(view) {
  state.view = view;
  for (const tab of document.querySelectorAll('.tab')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== `view-${view}`;
  }
  refresh().catch((err) => say('page-status', err.message, 'error'));
}

for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => show(tab.dataset.view));
}
$('refresh').addEventListener('click', () => {
  refresh().catch((err) => say('page-status', err.message, 'error'));
});

async function refresh() {
  const [requests, unanswered, down] = await Promise.all([
    api('GET', 'requests'),
    api('GET', 'unanswered'),
    api('GET', 'marked-down'),
  ]);
  $('count-requests').textContent = String(requests.items.length);
  $('count-unanswered').textContent = String(unanswered.items.length);
  $('count-marked-down').textContent = String(down.items.length);
  renderRequests(requests.items);
  renderGroups('unanswered', unanswered.items);
  renderGroups('marked-down', down.items, 'marked_down');
  say('page-status', '');
}

/* ---------- Requests ---------- */

function renderRequests(items) {
  const body = $('requests-body');
  body.replaceChildren();
  $('requests-empty').hidden = items.length > 0;
  $('requests-table').hidden = items.length === 0;
  for (const r of items) {
    const open = el('button', {
      type: 'button',
      class: 'link',
      text: r.reference,
      'aria-label': `Open request ${r.reference}`,
    });
    open.addEventListener('click', () => openRequest(r.reference));
    const row = el(
      'tr',
      state.open === r.reference ? { class: 'is-open', 'aria-current': 'true' } : {},
      el('th', { scope: 'row' }, open),
      el('td', { class: 'cell-email', text: r.email }),
      el('td', { class: 'cell-problem', text: r.problem }),
      el('td', { text: r.order_id ? `#${r.order_id}` : '—' }),
      el('td', { text: LANGUAGES[r.language] || r.language }),
      el('td', { class: 'cell-age', text: age(r.created_at), title: when(r.created_at) }),
    );
    body.append(row);
  }
}

async function openRequest(reference) {
  say('reply-status', '');
  const r = await api('GET', `requests/${encodeURIComponent(reference)}`);
  state.open = reference;
  for (const row of document.querySelectorAll('#requests-body tr')) {
    const mine = row.querySelector('button').textContent === reference;
    row.classList.toggle('is-open', mine);
    if (mine) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
  $('request-none').hidden = true;
  $('request-body').hidden = false;
  $('request-title').textContent = `${r.reference}: ${r.email}`;
  const facts = $('request-facts');
  facts.replaceChildren();
  for (const [term, value] of [
    ['Order', r.order_id ? `#${r.order_id} (verified in the chat)` : 'none verified'],
    ['Language', LANGUAGES[r.language] || r.language],
    ['Why', r.reason.replace('_', ' ')],
    ['Created', `${when(r.created_at)} (${ago(r.created_at)})`],
    ['Status', r.status],
  ]) {
    facts.append(el('div', {}, el('dt', { text: term }), el('dd', { text: value })));
  }
  $('request-problem').textContent = r.problem;
  const transcript = $('request-transcript');
  transcript.replaceChildren();
  if (r.transcript.length === 0) {
    transcript.append(el('li', { class: 'empty', text: 'No turns were stored.' }));
  }
  for (const t of r.transcript) {
    transcript.append(
      el(
        'li',
        { class: 'line line--shopper' },
        el('span', { class: 'line__who', text: 'Shopper' }),
        el('p', { class: 'line__text', text: t.user }),
      ),
    );
    const badges = el('span', { class: 'line__who', text: 'Bot' });
    if (t.source === 'llm')
      badges.append(el('span', { class: 'badge badge--llm', text: 'LLM answer' }));
    if (t.source === 'fallback')
      badges.append(el('span', { class: 'badge badge--fallback', text: 'fallback' }));
    transcript.append(
      el(
        'li',
        { class: `line line--bot${t.source === 'llm' ? ' line--llm' : ''}` },
        badges,
        el('p', { class: 'line__text', text: t.bot }),
      ),
    );
  }
  const replies = $('request-replies');
  replies.replaceChildren();
  $('request-replies-wrap').hidden = r.replies.length === 0;
  for (const reply of r.replies) {
    replies.append(
      el(
        'li',
        { class: 'reply-sent' },
        el('span', {
          class: 'line__who',
          text: `${reply.agent} · ${when(reply.created_at)} · ${reply.delivery === 'delivered' ? 'mailed' : 'waiting for the mail server'}`,
        }),
        el('p', { class: 'line__text', text: reply.body }),
      ),
    );
  }
  $('send-reply').disabled = !state.agent || !state.agent.can_reply;
  $('close-request').disabled = r.status !== 'open';
  $('request-title').focus();
}

$('request-title').setAttribute('tabindex', '-1');

$('reply-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (!state.open) return;
  if (!text) {
    say('reply-status', 'Write the reply first.', 'error');
    return;
  }
  $('send-reply').disabled = true;
  try {
    await api('POST', `requests/${encodeURIComponent(state.open)}/replies`, { body: text });
    $('reply-text').value = '';
    await openRequest(state.open);
    say('reply-status', 'Reply sent to the shopper.', 'ok');
  } catch (err) {
    say('reply-status', err.message, 'error');
  } finally {
    $('send-reply').disabled = !state.agent || !state.agent.can_reply;
  }
});

$('close-request').addEventListener('click', async () => {
  if (!state.open) return;
  try {
    const closed = state.open;
    await api('POST', `requests/${encodeURIComponent(closed)}/close`);
    state.open = null;
    $('request-body').hidden = true;
    $('request-none').hidden = false;
    await refresh();
    say('page-status', `Request ${closed} closed.`, 'ok');
  } catch (err) {
    say('reply-status', err.message, 'error');
  }
});

/* ---------- Groups: not answered, marked down ---------- */

function renderGroups(id, items, kind = 'unanswered') {
  const list = $(`${id}-list`);
  list.replaceChildren();
  $(`${id}-empty`).hidden = items.length > 0;
  for (const g of items) {
    const done = el('button', {
      type: 'button',
      class: 'button button--secondary',
      text: 'Mark done',
      'aria-label': `Mark done: ${g.question}`,
    });
    done.addEventListener('click', async () => {
      try {
        await api('POST', 'groups/done', { kind, group_key: g.group_key });
        await refresh();
        say('page-status', 'Group marked done.', 'ok');
      } catch (err) {
        say('page-status', err.message, 'error');
      }
    });
    const meta = [
      `${g.count} ${g.count === 1 ? 'time' : 'times'}`,
      `last ${ago(g.last_at)}`,
      g.languages.map((l) => LANGUAGES[l] || l).join(', '),
      g.reasons.map((r) => REASONS[r] || r).join(', '),
    ].filter(Boolean);
    list.append(
      el(
        'li',
        { class: 'group' },
        el('span', { class: 'group__count', text: String(g.count), 'aria-hidden': 'true' }),
        el(
          'div',
          { class: 'group__body' },
          el('p', { class: 'group__question', text: g.question }),
          el('p', { class: 'group__answer', text: `Bot: ${g.answer}` }),
          el('p', { class: 'group__meta', text: meta.join(' · ') }),
        ),
        done,
      ),
    );
  }
}

/* ---------- Start ---------- */

api('GET', 'me')
  .then(showDesk)
  .catch(() => showSignIn());
// Lists stay fresh while the desk is open.
setInterval(() => {
  if (state.agent && document.visibilityState === 'visible') refresh().catch(() => undefined);
}, 30000);
