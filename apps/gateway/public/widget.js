/*
 * Chapter & Verse customer-support chat widget.
 * Embed with: <script src="https://<gateway>/widget.js" defer></script>
 * Optional: data-api-base="https://api.example.com" on that tag sends API calls elsewhere.
 */
(function () {
  'use strict';

  if (window.BookstoreChat) return;

  const STORAGE_KEY = 'bsc.session_id';
  // Same rule the API validates with; a bad stored id would make every request fail.
  const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
  const MAX_MESSAGE_LENGTH = 2000;
  const CHAT_TIMEOUT_MS = 35000;
  const HISTORY_TIMEOUT_MS = 10000;
  const FEEDBACK_TIMEOUT_MS = 10000;
  const FEEDBACK_ERROR_MS = 4000;
  const INPUT_MAX_HEIGHT_PX = 120;
  const TEXT = {
    title: 'Customer Support',
    subtitle: 'Chapter & Verse Books',
    welcome:
      "Hi! I'm the Chapter & Verse support assistant. Ask me about orders, shipping, returns, payment or book ideas.",
    genericError: 'Sorry, something went wrong. Please try again.',
    networkError: "Can't reach support right now. Please try again in a moment.",
    cutOff: 'The answer was cut off. Please try again.',
    stop: 'Stop',
    stopLabel: 'Stop answer',
    stopped: '(stopped)',
    placeholder: 'Type your message...',
    privacy: "Please don't share card numbers or passwords in this chat.",
    feedbackGroup: 'Was this answer helpful?',
    feedbackUp: 'Helpful',
    feedbackDown: 'Not helpful',
    feedbackError: "Couldn't save your feedback",
  };
  const RATINGS = ['up', 'down'];
  // Pixels from the bottom within which a growing answer keeps the conversation scrolled down.
  const STICKY_SCROLL_PX = 48;

  // Captured now: document.currentScript is null once this script has finished running.
  const ownScript =
    document.currentScript ||
    document.querySelector('script[src$="widget.js"], script[src*="/widget.js?"]');

  function scriptOrigin() {
    try {
      const origin = new URL(ownScript.getAttribute('src'), window.location.href).origin;
      if (origin && origin !== 'null') return origin;
    } catch {
      // fall through to the page origin
    }
    return window.location.origin;
  }

  function apiBaseFrom(origin) {
    const override = ownScript && ownScript.getAttribute('data-api-base');
    if (override && override.trim()) {
      try {
        return new URL(override.trim(), window.location.href).href.replace(/\/+$/, '');
      } catch {
        // an unusable override falls back to the script origin
      }
    }
    return origin;
  }

  const ASSET_BASE = scriptOrigin();
  const API_BASE = apiBaseFrom(ASSET_BASE);

  function apiUrl(path) {
    return API_BASE + path;
  }

  // localStorage can throw (privacy modes, blocked storage, sandboxed iframes).
  const store = {
    get() {
      try {
        const value = window.localStorage.getItem(STORAGE_KEY);
        return value && SESSION_ID_PATTERN.test(value) ? value : null;
      } catch {
        return null;
      }
    },
    set(value) {
      try {
        window.localStorage.setItem(STORAGE_KEY, value);
      } catch {
        // keep the id in memory only
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(STORAGE_KEY);
      } catch {
        // nothing stored
      }
    },
  };

  let sessionId = store.get();
  let started = false;
  let inflight = null;
  // Streamed answers need fetch body streams; without them (or without the endpoint) use /api/chat.
  let streamAnswers =
    typeof window.ReadableStream === 'function' && typeof window.TextDecoder === 'function';

  /* ---------- DOM helpers (text only, never HTML strings) ---------- */

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [name, value] of Object.entries(attrs)) {
        if (value === false || value === null || value === undefined) continue;
        if (name === 'text') node.textContent = value;
        else if (name === 'className') node.className = value;
        else node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    if (children) for (const child of children) node.appendChild(child);
    return node;
  }

  function svg(viewBox, className, shapes) {
    const NS = 'http://www.w3.org/2000/svg';
    const root = document.createElementNS(NS, 'svg');
    root.setAttribute('viewBox', viewBox);
    root.setAttribute('class', className);
    root.setAttribute('aria-hidden', 'true');
    root.setAttribute('focusable', 'false');
    for (const [tag, attrs] of shapes) {
      const shape = document.createElementNS(NS, tag);
      for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
      root.appendChild(shape);
    }
    return root;
  }

  /* ---------- Talk to a person (issue #15): a short form that hands the shopper to the team ---------- */

  // Self-contained: give it the DOM helper, the API URL builder and the current session id; it
  // returns the header button and the panel to place in the dialog. Text nodes only, never HTML.
  function talkToPerson(deps) {
    const PERSON = {
      button: 'Talk to a person',
      title: 'Talk to a person',
      intro:
        'Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day. They will see this conversation.',
      email: 'Your email',
      problem: 'What can we help with?',
      send: 'Send to the support team',
      cancel: 'Cancel',
      sending: 'Sending...',
      done: 'Thanks! Your reference is ',
      error: "Couldn't send your request. Please try again or email support@bookstore.com.",
      missing: 'Please give your email and a line about the problem.',
    };
    const SUPPORT_TIMEOUT_MS = 15000;
    const ids = {
      panel: 'bsc-person-panel',
      email: 'bsc-person-email',
      problem: 'bsc-person-problem',
    };
    const button = deps.el('button', {
      type: 'button',
      id: 'bsc-person',
      className: 'bsc-header-btn bsc-header-btn--person',
      'aria-expanded': 'false',
      'aria-controls': ids.panel,
      text: PERSON.button,
    });
    const email = deps.el('input', {
      id: ids.email,
      className: 'bsc-person__field',
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: '254',
    });
    const problem = deps.el('textarea', {
      id: ids.problem,
      className: 'bsc-person__field',
      name: 'problem',
      rows: '3',
      required: true,
      maxlength: '1000',
    });
    const submit = deps.el('button', {
      type: 'submit',
      className: 'bsc-person__send',
      text: PERSON.send,
    });
    const cancel = deps.el('button', {
      type: 'button',
      className: 'bsc-person__cancel',
      text: PERSON.cancel,
    });
    const status = deps.el('p', {
      id: 'bsc-person-status',
      className: 'bsc-person__status',
      role: 'status',
    });
    const form = deps.el('form', { className: 'bsc-person__form', novalidate: true }, [
      deps.el('label', { for: ids.email, text: PERSON.email }),
      email,
      deps.el('label', { for: ids.problem, text: PERSON.problem }),
      problem,
      deps.el('div', { className: 'bsc-person__actions' }, [submit, cancel]),
    ]);
    const panel = deps.el(
      'section',
      {
        id: ids.panel,
        className: 'bsc-person',
        'aria-labelledby': 'bsc-person-title',
        hidden: true,
      },
      [
        deps.el('h3', {
          id: 'bsc-person-title',
          className: 'bsc-person__title',
          text: PERSON.title,
        }),
        deps.el('p', { className: 'bsc-person__intro', text: PERSON.intro }),
        form,
        status,
      ],
    );

    function show(on) {
      panel.hidden = !on;
      button.setAttribute('aria-expanded', String(on));
      if (on) email.focus();
      else button.focus();
    }

    function say(text, isError) {
      status.textContent = text;
      status.classList.toggle('bsc-person__status--error', Boolean(isError));
    }

    // A conversation not yet started still needs an id: the request then has no transcript.
    function sessionForRequest() {
      const current = deps.getSessionId();
      if (current) return current;
      if (window.crypto && typeof window.crypto.randomUUID === 'function')
        return window.crypto.randomUUID();
      return 'form-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    }

    async function send() {
      if (!email.value.trim() || !problem.value.trim()) {
        say(PERSON.missing, true);
        return;
      }
      submit.disabled = true;
      say(PERSON.sending, false);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), SUPPORT_TIMEOUT_MS);
      try {
        const res = await fetch(deps.apiUrl('/api/support/requests'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            session_id: sessionForRequest(),
            email: email.value.trim(),
            problem: problem.value.trim(),
          }),
          signal: controller.signal,
        });
        const body = await res.json().catch(() => ({}));
        if (res.status === 201 && typeof body.reference === 'string') {
          form.hidden = true;
          say(PERSON.done + body.reference + '. ' + (body.expected_answer || ''), false);
        } else {
          say(typeof body.message === 'string' ? body.message : PERSON.error, true);
        }
      } catch {
        say(PERSON.error, true);
      } finally {
        clearTimeout(timer);
        submit.disabled = false;
      }
    }

    button.addEventListener('click', () => {
      if (panel.hidden) {
        form.hidden = false;
        say('', false);
      }
      show(panel.hidden);
    });
    cancel.addEventListener('click', () => show(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send();
    });
    return { button, panel };
  }

  /* ---------- Build the widget ---------- */

  const launcher = el(
    'button',
    {
      type: 'button',
      id: 'bsc-launcher',
      className: 'bsc-launcher',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'bsc-dialog',
    },
    [
      svg('0 0 24 24', 'bsc-launcher__icon', [
        [
          'path',
          {
            class: 'bsc-launcher__bubble',
            d: 'M5 3.5h14A2.5 2.5 0 0 1 21.5 6v9a2.5 2.5 0 0 1-2.5 2.5h-6.2l-4.9 3.8a.6.6 0 0 1-1-.5v-3.3H5A2.5 2.5 0 0 1 2.5 15V6A2.5 2.5 0 0 1 5 3.5z',
          },
        ],
        ['circle', { class: 'bsc-launcher__dot', cx: '8', cy: '10.5', r: '1.4' }],
        ['circle', { class: 'bsc-launcher__dot', cx: '12', cy: '10.5', r: '1.4' }],
        ['circle', { class: 'bsc-launcher__dot', cx: '16', cy: '10.5', r: '1.4' }],
      ]),
      el('span', { className: 'bsc-launcher__label', text: 'Help' }),
    ],
  );

  const newButton = el(
    'button',
    {
      type: 'button',
      id: 'bsc-new',
      className: 'bsc-header-btn bsc-header-btn--new',
      'aria-label': 'New conversation',
      title: 'Start a new conversation',
    },
    [
      svg('0 0 24 24', 'bsc-header-btn__icon', [
        ['path', { d: 'M20 12a8 8 0 1 1-2.34-5.66' }],
        ['path', { d: 'M20 4v5h-5' }],
      ]),
      el('span', { className: 'bsc-header-btn__text', text: 'New' }),
    ],
  );

  const closeButton = el(
    'button',
    {
      type: 'button',
      id: 'bsc-close',
      className: 'bsc-header-btn bsc-header-btn--close',
      'aria-label': 'Close chat',
      title: 'Close chat',
    },
    [el('span', { 'aria-hidden': 'true', text: '\u2715' })],
  );

  const person = talkToPerson({ el, apiUrl, getSessionId: () => sessionId });

  const typing = el(
    'div',
    {
      id: 'bsc-typing',
      className: 'bsc-typing',
      role: 'img',
      'aria-label': 'Support is typing',
      hidden: true,
    },
    [
      el('span', { className: 'bsc-typing__dot' }),
      el('span', { className: 'bsc-typing__dot' }),
      el('span', { className: 'bsc-typing__dot' }),
    ],
  );

  const messages = el(
    'div',
    {
      id: 'bsc-messages',
      className: 'bsc-messages',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': 'Conversation',
      // Focusable so keyboard users can scroll the conversation.
      tabindex: '0',
    },
    [typing],
  );

  const input = el('textarea', {
    id: 'bsc-input',
    className: 'bsc-input',
    rows: '1',
    maxlength: String(MAX_MESSAGE_LENGTH),
    placeholder: TEXT.placeholder,
    autocomplete: 'off',
    enterkeyhint: 'send',
  });

  const sendButton = el('button', {
    type: 'submit',
    id: 'bsc-send',
    className: 'bsc-send',
    text: 'Send',
  });

  // Takes the Send button's place while an answer is on its way.
  const stopButton = el(
    'button',
    {
      type: 'button',
      id: 'bsc-stop',
      className: 'bsc-send bsc-stop',
      'aria-label': TEXT.stopLabel,
      hidden: true,
    },
    [
      svg('0 0 24 24', 'bsc-stop__icon', [
        ['rect', { x: '6', y: '6', width: '12', height: '12', rx: '2' }],
      ]),
      el('span', { className: 'bsc-stop__text', text: TEXT.stop }),
    ],
  );

  const form = el('form', { id: 'bsc-form', className: 'bsc-composer', novalidate: true }, [
    el('label', { className: 'bsc-sr-only', for: 'bsc-input', text: 'Your message' }),
    input,
    sendButton,
    stopButton,
  ]);

  const dialog = el(
    'div',
    {
      id: 'bsc-dialog',
      className: 'bsc-dialog',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'bsc-title',
      hidden: true,
    },
    [
      el('div', { className: 'bsc-header' }, [
        el('div', { className: 'bsc-header__text' }, [
          el('h2', { id: 'bsc-title', className: 'bsc-title', text: TEXT.title }),
          el('p', { className: 'bsc-subtitle', text: TEXT.subtitle }),
        ]),
        el('div', { className: 'bsc-header__actions' }, [person.button, newButton, closeButton]),
      ]),
      person.panel,
      messages,
      form,
      el('p', { className: 'bsc-note', text: TEXT.privacy }),
    ],
  );

  // Kept hidden until widget.css has loaded, so the page never shows an unstyled button.
  const root = el('div', { id: 'bsc-root', className: 'bsc-root', hidden: true }, [
    launcher,
    dialog,
  ]);

  /* ---------- Messages ---------- */

  function scrollToEnd() {
    messages.scrollTop = messages.scrollHeight;
  }

  function appendMessage(text, kind) {
    const node = el('div', { className: 'bsc-msg ' + kind });
    node.appendChild(document.createTextNode(String(text)));
    messages.insertBefore(node, typing);
    scrollToEnd();
    return node;
  }

  function appendUserMessage(text) {
    return appendMessage(text, 'bsc-msg--user');
  }

  function isTurnNumber(value) {
    return Number.isInteger(value) && value > 0;
  }

  /* ---------- Feedback (thumbs up / down on one answer) ---------- */

  const THUMB_PATHS = {
    up: [
      'M7 11v10H4a1.5 1.5 0 0 1-1.5-1.5v-7A1.5 1.5 0 0 1 4 11h3z',
      'M7 11l4-8.5a2.5 2.5 0 0 1 2.5 2.5v4.5h5.4a2 2 0 0 1 2 2.3l-1.2 8a2 2 0 0 1-2 1.7H7',
    ],
    down: [
      'M17 13V3h3a1.5 1.5 0 0 1 1.5 1.5v7A1.5 1.5 0 0 1 20 13h-3z',
      'M17 13l-4 8.5a2.5 2.5 0 0 1-2.5-2.5v-4.5H5.1a2 2 0 0 1-2-2.3l1.2-8a2 2 0 0 1 2-1.7H17',
    ],
  };

  function rateButton(rating) {
    return el(
      'button',
      {
        type: 'button',
        className: 'bsc-rate bsc-rate--' + rating,
        'aria-label': rating === 'up' ? TEXT.feedbackUp : TEXT.feedbackDown,
        'aria-pressed': 'false',
        'data-rating': rating,
      },
      [
        svg(
          '0 0 24 24',
          'bsc-rate__icon',
          THUMB_PATHS[rating].map((d) => ['path', { d }]),
        ),
      ],
    );
  }

  function showRating(row, rating) {
    for (const button of row.querySelectorAll('.bsc-rate')) {
      const chosen = button.getAttribute('data-rating') === rating;
      button.setAttribute('aria-pressed', chosen ? 'true' : 'false');
      button.classList.toggle('bsc-rate--chosen', chosen);
    }
  }

  function showFeedbackError(row) {
    let note = row.querySelector('.bsc-rate-error');
    if (!note) {
      note = el('span', { className: 'bsc-rate-error', 'aria-live': 'polite' });
      row.appendChild(note);
    }
    note.textContent = TEXT.feedbackError;
    clearTimeout(row.errorTimer);
    row.errorTimer = setTimeout(() => note.remove(), FEEDBACK_ERROR_MS);
  }

  function clearFeedbackError(row) {
    clearTimeout(row.errorTimer);
    const note = row.querySelector('.bsc-rate-error');
    if (note) note.remove();
  }

  // One request at a time per answer, so replies can't arrive out of order.
  async function sendFeedback(row, rating) {
    if (row.pending || row.getAttribute('data-rating') === rating) return;
    row.pending = true;
    row.setAttribute('aria-busy', 'true');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FEEDBACK_TIMEOUT_MS);
    let saved = false;
    try {
      const res = await fetch(apiUrl('/api/chat/feedback'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ session_id: row.sessionId, turn: row.turn, rating }),
        signal: controller.signal,
      });
      saved = res.ok;
    } catch {
      saved = false;
    }
    clearTimeout(timer);
    row.pending = false;
    row.removeAttribute('aria-busy');
    if (saved) {
      row.setAttribute('data-rating', rating);
      showRating(row, rating);
      clearFeedbackError(row);
    } else {
      showFeedbackError(row);
    }
  }

  function feedbackRow(turn, rating) {
    const row = el('div', {
      className: 'bsc-feedback',
      role: 'group',
      'aria-label': TEXT.feedbackGroup,
    });
    row.sessionId = sessionId;
    row.turn = turn;
    for (const value of RATINGS) {
      const button = rateButton(value);
      button.addEventListener('click', () => sendFeedback(row, value));
      row.appendChild(button);
    }
    if (RATINGS.includes(rating)) {
      row.setAttribute('data-rating', rating);
      showRating(row, rating);
    }
    return row;
  }

  // With a stored turn number, the answer gets thumbs up / down (and `rating` preselected).
  function attachFeedback(node, turn, rating) {
    if (!isTurnNumber(turn) || !sessionId) return;
    node.setAttribute('data-turn', String(turn));
    node.classList.add('bsc-msg--rateable');
    node.appendChild(feedbackRow(turn, rating));
  }

  function appendBotMessage(text, turn, rating) {
    const node = appendMessage(text, 'bsc-msg--bot');
    attachFeedback(node, turn, rating);
    scrollToEnd();
    return node;
  }

  /* ---------- Answers that arrive piece by piece ---------- */

  // Someone who scrolled up to reread is left there while the answer grows.
  function isNearEnd() {
    return messages.scrollHeight - messages.scrollTop - messages.clientHeight <= STICKY_SCROLL_PX;
  }

  /*
   * A streamed answer's bubble, made on its first piece of text. The text lives in its own
   * .bsc-msg__text span so notes such as "(stopped)" stay outside it. While it grows, the bubble
   * and the log are aria-busy, so screen readers announce the finished answer once, not each piece.
   */
  function answerBubble(answer) {
    if (answer.node) return answer.node;
    const follow = isNearEnd();
    answer.textNode = document.createTextNode('');
    answer.node = el(
      'div',
      { className: 'bsc-msg bsc-msg--bot bsc-msg--streaming', 'aria-busy': 'true' },
      [el('span', { className: 'bsc-msg__text' }, [answer.textNode])],
    );
    messages.setAttribute('aria-busy', 'true');
    setTyping(false);
    messages.insertBefore(answer.node, typing);
    if (follow) scrollToEnd();
    return answer.node;
  }

  function appendAnswerText(answer, text) {
    const follow = isNearEnd();
    answerBubble(answer);
    answer.textNode.appendData(text);
    if (follow) scrollToEnd();
  }

  function settleAnswer(answer) {
    if (answer && answer.node) {
      answer.node.classList.remove('bsc-msg--streaming');
      answer.node.setAttribute('aria-busy', 'false');
    }
    messages.removeAttribute('aria-busy');
  }

  function appendErrorMessage(text) {
    return appendMessage(text, 'bsc-msg--bot bsc-msg--error');
  }

  function appendWelcome() {
    return appendMessage(TEXT.welcome, 'bsc-msg--bot bsc-msg--welcome');
  }

  function clearMessages() {
    for (const node of Array.from(messages.querySelectorAll('.bsc-msg'))) node.remove();
  }

  function setTyping(on) {
    typing.hidden = !on;
    if (on) scrollToEnd();
  }

  // While an answer is on its way, Stop stands where Send was (Send stays disabled).
  function setBusy(on, answering) {
    const showStop = Boolean(on && answering);
    const active = document.activeElement;
    if ((on && active === sendButton) || (!showStop && active === stopButton)) input.focus();
    sendButton.disabled = on;
    sendButton.hidden = showStop;
    stopButton.hidden = !showStop;
    root.classList.toggle('bsc-root--busy', on);
    root.classList.toggle('bsc-root--answering', showStop);
  }

  function setSession(id) {
    sessionId = id;
    if (id) store.set(id);
    else store.clear();
  }

  function rememberSession(id) {
    if (typeof id === 'string' && SESSION_ID_PATTERN.test(id)) setSession(id);
  }

  /* ---------- API ---------- */

  async function readJson(res) {
    const body = await res.text();
    try {
      return body ? JSON.parse(body) : null;
    } catch {
      return null;
    }
  }

  function errorText(body) {
    if (body && typeof body.message === 'string' && body.message.trim()) return body.message;
    if (body && Array.isArray(body.message)) {
      const parts = body.message.filter((part) => typeof part === 'string' && part.trim());
      if (parts.length) return parts.join('\n');
    }
    return TEXT.genericError;
  }

  function discardBody(res) {
    if (res && res.body) res.body.cancel().catch(() => {});
  }

  // The timeout restarts whenever part of a streamed answer arrives.
  function armTimer(controller) {
    clearTimeout(controller.timer);
    controller.timer = setTimeout(() => controller.abort(), controller.timeoutMs);
  }

  // `answering`: a chat message, which gets an answer (and a Stop button) rather than history.
  function startRequest(timeoutMs, answering) {
    const controller = new AbortController();
    controller.timeoutMs = timeoutMs;
    if (answering) controller.answer = { node: null, textNode: null };
    armTimer(controller);
    inflight = controller;
    setBusy(true, answering);
    return controller;
  }

  // Returns false when this request was superseded (e.g. by "New conversation" or Stop).
  function finishRequest(controller) {
    clearTimeout(controller.timer);
    if (inflight !== controller) return false;
    inflight = null;
    setBusy(false);
    return true;
  }

  function cancelRequest() {
    if (!inflight) return;
    const controller = inflight;
    inflight = null;
    clearTimeout(controller.timer);
    controller.abort();
    settleAnswer(controller.answer);
    setTyping(false);
    setBusy(false);
  }

  // Stop: end the answer here. What has arrived stays, marked as stopped.
  function stopAnswer() {
    const controller = inflight;
    if (!controller || !controller.answer) return;
    inflight = null;
    clearTimeout(controller.timer);
    controller.abort();
    const follow = isNearEnd();
    const node = answerBubble(controller.answer);
    node.classList.add('bsc-msg--stopped');
    node.appendChild(el('span', { className: 'bsc-stopped-note', text: TEXT.stopped }));
    settleAnswer(controller.answer);
    setTyping(false);
    setBusy(false);
    if (follow) scrollToEnd();
  }

  // The whole answer: its final text replaces the pieces, and it can be rated.
  function completeAnswer(controller, response, turn) {
    if (inflight !== controller) return;
    const answer = controller.answer;
    const follow = isNearEnd();
    answerBubble(answer);
    answer.textNode.data = response;
    attachFeedback(answer.node, turn);
    settleAnswer(answer);
    setTyping(false);
    finishRequest(controller);
    if (follow) scrollToEnd();
  }

  // An error notice after whatever part of the answer was already shown.
  function failAnswer(controller, text) {
    if (inflight !== controller) return;
    settleAnswer(controller.answer);
    setTyping(false);
    finishRequest(controller);
    appendErrorMessage(text);
  }

  /*
   * Server-sent events, parsed by hand: "field: value" lines, a blank line ends an event, lines
   * starting with ":" are comments. Chunks may end anywhere, even inside a line or between "\r"
   * and "\n", so an unfinished line waits for the next chunk.
   */
  function eventParser(onEvent) {
    let buffer = '';
    let name = '';
    let data = null;

    function line(text) {
      if (text === '') {
        if (data !== null) onEvent(name || 'message', data);
        name = '';
        data = null;
        return;
      }
      if (text.charAt(0) === ':') return;
      const colon = text.indexOf(':');
      const field = colon === -1 ? text : text.slice(0, colon);
      let value = colon === -1 ? '' : text.slice(colon + 1);
      if (value.charAt(0) === ' ') value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data = data === null ? value : data + '\n' + value;
    }

    function push(chunk) {
      buffer += chunk;
      const breaks = /\r\n|\r|\n/g;
      let start = 0;
      let match;
      while ((match = breaks.exec(buffer))) {
        if (match[0] === '\r' && breaks.lastIndex === buffer.length) break;
        line(buffer.slice(start, match.index));
        start = breaks.lastIndex;
      }
      buffer = buffer.slice(start);
    }

    // At the end a held-back "\r" is a line break after all; an unfinished event is dropped.
    function end() {
      if (buffer.endsWith('\r')) push('\n');
    }

    return { push, end };
  }

  const STREAM_EVENTS = ['meta', 'token', 'done', 'error'];

  function onStreamEvent(controller, name, data) {
    if (inflight !== controller || !STREAM_EVENTS.includes(name)) return;
    let event = null;
    try {
      event = JSON.parse(data);
    } catch {
      event = null;
    }
    if (!event || typeof event !== 'object') {
      failAnswer(controller, TEXT.genericError);
    } else if (name === 'meta') {
      rememberSession(event.session_id);
    } else if (name === 'token') {
      if (typeof event.text === 'string' && event.text) {
        appendAnswerText(controller.answer, event.text);
      }
    } else if (name === 'done') {
      if (typeof event.response !== 'string') failAnswer(controller, TEXT.genericError);
      else completeAnswer(controller, event.response, event.turn);
    } else {
      failAnswer(controller, errorText(event));
    }
  }

  async function readEvents(controller, body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = eventParser((name, data) => onStreamEvent(controller, name, data));
    try {
      while (inflight === controller) {
        const chunk = await reader.read();
        if (inflight !== controller) break;
        if (chunk.done) {
          parser.push(decoder.decode());
          parser.end();
          break;
        }
        armTimer(controller);
        parser.push(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // A dropped connection or a timeout: an early end, told below.
    }
    if (inflight === controller) failAnswer(controller, TEXT.cutOff);
    else reader.cancel().catch(() => {});
  }

  // Returns false when the server has no streaming endpoint, so the caller uses /api/chat.
  async function streamAnswer(controller, payload) {
    let res;
    try {
      res = await fetch(apiUrl('/api/chat/stream'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(payload),
        signal: controller.signal,
      });
    } catch {
      failAnswer(controller, TEXT.networkError);
      return true;
    }
    if (inflight !== controller) {
      discardBody(res);
      return true;
    }
    if (res.status === 404 || res.status === 405) {
      discardBody(res);
      streamAnswers = false;
      armTimer(controller);
      return false;
    }
    const type = (res.headers.get('content-type') || '').toLowerCase();
    if (!res.ok || !res.body || type.includes('json')) {
      let body = null;
      let failure = null;
      try {
        body = await readJson(res);
      } catch {
        failure = TEXT.networkError;
      }
      if (inflight !== controller) return true;
      if (!failure && res.ok && body && typeof body.response === 'string') {
        rememberSession(body.session_id);
        completeAnswer(controller, body.response, body.turn);
      } else {
        failAnswer(controller, failure || errorText(body));
      }
      return true;
    }
    await readEvents(controller, res.body);
    return true;
  }

  async function plainAnswer(controller, payload) {
    let reply = null;
    let failure = null;
    try {
      const res = await fetch(apiUrl('/api/chat'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
        signal: controller.signal,
      });
      const body = await readJson(res);
      if (res.ok && body && typeof body.response === 'string') {
        reply = body;
      } else {
        failure = errorText(body);
      }
    } catch {
      failure = TEXT.networkError;
    }

    if (inflight !== controller) return;
    if (!reply) {
      failAnswer(controller, failure);
      return;
    }
    setTyping(false);
    finishRequest(controller);
    rememberSession(reply.session_id);
    appendBotMessage(reply.response, reply.turn);
  }

  async function send(text) {
    const message = String(text == null ? '' : text).trim();
    if (!message || inflight) return false;

    appendUserMessage(message);
    input.value = '';
    autosize();

    const controller = startRequest(CHAT_TIMEOUT_MS, true);
    setTyping(true);

    const payload = { message };
    if (sessionId) payload.session_id = sessionId;

    if (streamAnswers && (await streamAnswer(controller, payload))) return true;
    if (inflight !== controller) return false;
    await plainAnswer(controller, payload);
    return true;
  }

  async function restoreHistory() {
    if (!sessionId) return;
    const controller = startRequest(HISTORY_TIMEOUT_MS);
    // Announce the restored conversation once, not message by message.
    messages.setAttribute('aria-busy', 'true');
    let turns = null;
    try {
      const res = await fetch(
        apiUrl('/api/chat/history?session_id=' + encodeURIComponent(sessionId)),
        { headers: { Accept: 'application/json' }, signal: controller.signal },
      );
      if (res.status === 200) {
        const body = await readJson(res);
        if (body && Array.isArray(body.turns)) turns = body.turns;
      }
    } catch {
      // No history is fine: the welcome message is already shown.
    }
    messages.removeAttribute('aria-busy');
    if (!finishRequest(controller) || !turns) return;

    for (const turn of turns) {
      if (!turn || typeof turn !== 'object') continue;
      if (typeof turn.user === 'string' && turn.user) appendUserMessage(turn.user);
      if (typeof turn.bot === 'string' && turn.bot) {
        appendBotMessage(turn.bot, turn.turn, turn.rating);
      }
    }
  }

  function newConversation() {
    const previous = sessionId;
    cancelRequest();
    messages.removeAttribute('aria-busy');
    if (previous) {
      fetch(apiUrl('/api/chat/history?session_id=' + encodeURIComponent(previous)), {
        method: 'DELETE',
        keepalive: true,
      }).catch(() => {
        // The server forgets idle sessions anyway.
      });
    }
    setSession(null);
    clearMessages();
    started = true;
    appendWelcome();
    input.focus();
  }

  /* ---------- Open / close, focus management ---------- */

  function isOpen() {
    return !dialog.hidden;
  }

  function mount() {
    if (!root.isConnected && document.body) document.body.appendChild(root);
  }

  function open() {
    mount();
    root.hidden = false;
    if (!isOpen()) {
      dialog.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      root.classList.add('bsc-root--open');
      document.addEventListener('keydown', onDocumentKeydown, true);
      if (!started) {
        started = true;
        appendWelcome();
        restoreHistory();
      }
      scrollToEnd();
    }
    input.focus();
  }

  function close() {
    if (!isOpen()) return;
    dialog.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('bsc-root--open');
    document.removeEventListener('keydown', onDocumentKeydown, true);
    launcher.focus();
  }

  function focusableItems() {
    const candidates = dialog.querySelectorAll(
      'button, textarea, input, select, a[href], [tabindex]:not([tabindex="-1"])',
    );
    return Array.from(candidates).filter(
      (node) => !node.disabled && !node.closest('[hidden]') && node.getClientRects().length > 0,
    );
  }

  function trapTab(event) {
    const items = focusableItems();
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (!dialog.contains(active)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function onDocumentKeydown(event) {
    if (!isOpen() || event.isComposing) return;
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      trapTab(event);
    }
  }

  /* ---------- Input ---------- */

  function autosize() {
    input.style.height = 'auto';
    const borders = input.offsetHeight - input.clientHeight;
    const height = Math.min(input.scrollHeight + borders, INPUT_MAX_HEIGHT_PX);
    input.style.height = height + 'px';
    input.classList.toggle('bsc-input--scroll', input.scrollHeight + borders > INPUT_MAX_HEIGHT_PX);
  }

  launcher.addEventListener('click', () => (isOpen() ? close() : open()));
  closeButton.addEventListener('click', close);
  newButton.addEventListener('click', newConversation);
  stopButton.addEventListener('click', stopAnswer);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send(input.value);
    }
  });

  input.addEventListener('input', autosize);

  /* ---------- Styles and mounting ---------- */

  function reveal() {
    root.hidden = false;
  }

  function loadStyles() {
    const href = ASSET_BASE + '/widget.css';
    const existing = Array.from(document.querySelectorAll('link[rel~="stylesheet"]')).find(
      (link) => link.href === href,
    );
    if (existing) {
      if (existing.sheet) reveal();
      else existing.addEventListener('load', reveal);
    } else {
      const link = el('link', { rel: 'stylesheet', href, 'data-bsc': 'styles' });
      link.addEventListener('load', reveal);
      link.addEventListener('error', reveal);
      (document.head || document.documentElement).appendChild(link);
    }
    // Never leave the launcher hidden because the stylesheet is slow.
    setTimeout(reveal, 4000);
  }

  loadStyles();
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  window.BookstoreChat = Object.freeze({ open, close });
})();
