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
    retry: 'Retry',
    retryLabel: 'Send your message again',
    confirmNew: 'Start a new conversation? This one will be erased.',
    confirmYes: 'Start over',
    confirmNo: 'Cancel',
    helpCenter: 'Help center',
    helpCenterUrl: '/#help',
    suggestionsGroup: 'Suggested replies',
    booksGroup: 'Books',
    linksGroup: 'Links',
    launcher: 'Help',
    unread: (n) => (n === 1 ? '1 new answer' : n + ' new answers'),
  };

  /* ---------- Languages (issue #16): the widget's own words follow the page, then the shopper ---------- */

  const LANGUAGES = ['en', 'es', 'fr', 'de'];
  // The words of the window that are not in TEXT above (labels of controls), in English.
  Object.assign(TEXT, {
    newLabel: 'New conversation',
    newTitle: 'Start a new conversation',
    newText: 'New',
    close: 'Close chat',
    typing: 'Support is typing',
    conversation: 'Conversation',
    send: 'Send',
    yourMessage: 'Your message',
  });
  // The shopper-facing texts in the other languages: the same keys as TEXT (unread is a function).
  const TRANSLATIONS = {
    es: {
      title: 'Atención al cliente',
      welcome:
        '¡Hola! Soy el asistente de Chapter & Verse. Pregúntame por pedidos, envíos, devoluciones, pagos o ideas de lectura.',
      genericError: 'Lo sentimos, algo ha fallado. Inténtalo de nuevo.',
      networkError:
        'Ahora mismo no podemos conectar con soporte. Inténtalo de nuevo en un momento.',
      cutOff: 'La respuesta se ha cortado. Inténtalo de nuevo.',
      stop: 'Parar',
      stopLabel: 'Parar la respuesta',
      stopped: '(detenida)',
      placeholder: 'Escribe tu mensaje...',
      privacy: 'No compartas números de tarjeta ni contraseñas en este chat.',
      feedbackGroup: '¿Te ha sido útil esta respuesta?',
      feedbackUp: 'Útil',
      feedbackDown: 'No es útil',
      feedbackError: 'No hemos podido guardar tu valoración',
      retry: 'Reintentar',
      retryLabel: 'Enviar tu mensaje de nuevo',
      confirmNew: '¿Empezar una conversación nueva? Esta se borrará.',
      confirmYes: 'Empezar de nuevo',
      confirmNo: 'Cancelar',
      helpCenter: 'Centro de ayuda',
      suggestionsGroup: 'Respuestas sugeridas',
      booksGroup: 'Libros',
      linksGroup: 'Enlaces',
      launcher: 'Ayuda',
      unread: (n) => (n === 1 ? '1 respuesta nueva' : n + ' respuestas nuevas'),
      newLabel: 'Conversación nueva',
      newTitle: 'Empezar una conversación nueva',
      newText: 'Nueva',
      close: 'Cerrar el chat',
      typing: 'Soporte está escribiendo',
      conversation: 'Conversación',
      send: 'Enviar',
      yourMessage: 'Tu mensaje',
    },
    fr: {
      title: 'Service client',
      welcome:
        'Bonjour ! Je suis l’assistant de Chapter & Verse. Posez-moi vos questions sur les commandes, la livraison, les retours, le paiement ou des idées de lecture.',
      genericError: 'Désolé, une erreur s’est produite. Veuillez réessayer.',
      networkError: 'Impossible de joindre l’assistance pour le moment. Réessayez dans un instant.',
      cutOff: 'La réponse a été interrompue. Veuillez réessayer.',
      stop: 'Arrêter',
      stopLabel: 'Arrêter la réponse',
      stopped: '(arrêtée)',
      placeholder: 'Écrivez votre message...',
      privacy: 'Ne partagez ni numéro de carte ni mot de passe dans ce chat.',
      feedbackGroup: 'Cette réponse vous a-t-elle aidé ?',
      feedbackUp: 'Utile',
      feedbackDown: 'Pas utile',
      feedbackError: 'Impossible d’enregistrer votre avis',
      retry: 'Réessayer',
      retryLabel: 'Renvoyer votre message',
      confirmNew: 'Commencer une nouvelle conversation ? Celle-ci sera effacée.',
      confirmYes: 'Recommencer',
      confirmNo: 'Annuler',
      helpCenter: 'Centre d’aide',
      suggestionsGroup: 'Réponses suggérées',
      booksGroup: 'Livres',
      linksGroup: 'Liens',
      launcher: 'Aide',
      unread: (n) => (n === 1 ? '1 nouvelle réponse' : n + ' nouvelles réponses'),
      newLabel: 'Nouvelle conversation',
      newTitle: 'Commencer une nouvelle conversation',
      newText: 'Nouvelle',
      close: 'Fermer le chat',
      typing: 'L’assistance écrit',
      conversation: 'Conversation',
      send: 'Envoyer',
      yourMessage: 'Votre message',
    },
    de: {
      title: 'Kundenservice',
      welcome:
        'Hallo! Ich bin der Assistent von Chapter & Verse. Fragen Sie mich zu Bestellungen, Versand, Rücksendungen, Zahlung oder Buchtipps.',
      genericError: 'Entschuldigung, da ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
      networkError:
        'Der Support ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      cutOff: 'Die Antwort wurde abgebrochen. Bitte versuchen Sie es erneut.',
      stop: 'Stopp',
      stopLabel: 'Antwort stoppen',
      stopped: '(gestoppt)',
      placeholder: 'Ihre Nachricht...',
      privacy: 'Bitte teilen Sie in diesem Chat keine Kartennummern oder Passwörter.',
      feedbackGroup: 'War diese Antwort hilfreich?',
      feedbackUp: 'Hilfreich',
      feedbackDown: 'Nicht hilfreich',
      feedbackError: 'Ihre Bewertung konnte nicht gespeichert werden',
      retry: 'Erneut versuchen',
      retryLabel: 'Nachricht erneut senden',
      confirmNew: 'Ein neues Gespräch beginnen? Dieses wird gelöscht.',
      confirmYes: 'Neu beginnen',
      confirmNo: 'Abbrechen',
      helpCenter: 'Hilfe-Center',
      suggestionsGroup: 'Vorgeschlagene Antworten',
      booksGroup: 'Bücher',
      linksGroup: 'Links',
      launcher: 'Hilfe',
      unread: (n) => (n === 1 ? '1 neue Antwort' : n + ' neue Antworten'),
      newLabel: 'Neues Gespräch',
      newTitle: 'Ein neues Gespräch beginnen',
      newText: 'Neu',
      close: 'Chat schließen',
      typing: 'Der Support schreibt',
      conversation: 'Gespräch',
      send: 'Senden',
      yourMessage: 'Ihre Nachricht',
    },
  };
  TRANSLATIONS.en = Object.assign({}, TEXT);

  /** "fr-CA" -> "fr", when it is a language the bot speaks. */
  function languageOf(tag) {
    const base = String(tag || '')
      .trim()
      .toLowerCase()
      .split(/[-_]/)[0];
    return LANGUAGES.includes(base) ? base : null;
  }

  // The page's own language first, then the browser's; English when neither is one we speak.
  function initialLanguage() {
    const page = languageOf(document.documentElement.getAttribute('lang'));
    if (page) return page;
    const browser = (
      navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]
    ).map(languageOf);
    return browser.find(Boolean) || 'en';
  }
  // How many quick replies, cards and links one answer may show.
  const MAX_SUGGESTIONS = 6;
  const MAX_BOOKS = 6;
  const MAX_LINKS = 5;
  // Below this width the window covers the page, so following a link to the page closes it.
  const PHONE_QUERY = '(max-width: 480px)';
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

  /*
   * A URL from an answer, made absolute against the gateway (its store page is where `/#book-1`
   * lives), or null unless it is http(s) or a plain mailto: address. Nothing else becomes an href.
   */
  function resolveUrl(raw) {
    if (typeof raw !== 'string' || !raw.trim()) return null;
    let url;
    try {
      url = new URL(raw.trim(), ASSET_BASE + '/');
    } catch {
      return null;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'mailto:' && /^[^\s@<>"'?&]+@[A-Za-z0-9.-]+$/.test(url.pathname)) {
      return 'mailto:' + url.pathname;
    }
    return null;
  }

  // A link to this very page (a book's anchor on the store page) changes only the hash.
  function isThisPage(href) {
    try {
      const url = new URL(href);
      const here = window.location;
      return url.origin === here.origin && url.pathname === here.pathname && url.hash !== '';
    } catch {
      return false;
    }
  }

  function linkAttrs(href) {
    if (href.startsWith('mailto:') || isThisPage(href)) return { href };
    try {
      if (new URL(href).origin === window.location.origin) return { href };
    } catch {
      // resolveUrl made it; it parses
    }
    return { href, target: '_blank', rel: 'noopener noreferrer' };
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
  // The form's words per language; talkToPerson reads PERSON, which setLanguage refills.
  const PERSON_TEXTS = {
    en: {
      button: 'Talk to a person',
      title: 'Talk to a person',
      intro:
        'Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day. They will see this conversation.',
      answers:
        'Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.',
      email: 'Your email',
      problem: 'What can we help with?',
      send: 'Send request',
      cancel: 'Cancel',
      close: 'Back to the chat',
      sending: 'Sending...',
      done: 'Thanks! Your reference is ',
      error: "Couldn't send your request. Please try again or email support@bookstore.com.",
      missing: 'Please give your email and a line about the problem.',
    },
    es: {
      button: 'Hablar con una persona',
      title: 'Hablar con una persona',
      intro:
        'Nuestro equipo de soporte responde de lunes a viernes, de 9:00 a 17:00 (hora del Este de EE. UU.), en un día hábil. Verán esta conversación.',
      answers:
        'Nuestro equipo de soporte responde de lunes a viernes, de 9:00 a 17:00 (hora del Este de EE. UU.), en un día hábil.',
      email: 'Tu correo electrónico',
      problem: '¿En qué podemos ayudarte?',
      send: 'Enviar solicitud',
      cancel: 'Cancelar',
      close: 'Volver al chat',
      sending: 'Enviando...',
      done: '¡Gracias! Tu referencia es ',
      error:
        'No hemos podido enviar tu solicitud. Inténtalo de nuevo o escribe a support@bookstore.com.',
      missing: 'Indica tu correo y una línea sobre el problema.',
    },
    fr: {
      button: 'Parler à une personne',
      title: 'Parler à une personne',
      intro:
        'Notre équipe d’assistance répond du lundi au vendredi, de 9 h à 17 h (heure de l’Est des États-Unis), sous 1 jour ouvré. Elle verra cette conversation.',
      answers:
        'Notre équipe d’assistance répond du lundi au vendredi, de 9 h à 17 h (heure de l’Est des États-Unis), sous 1 jour ouvré.',
      email: 'Votre e-mail',
      problem: 'Comment pouvons-nous vous aider ?',
      send: 'Envoyer la demande',
      cancel: 'Annuler',
      close: 'Retour au chat',
      sending: 'Envoi...',
      done: 'Merci ! Votre référence est ',
      error: 'Impossible d’envoyer votre demande. Réessayez ou écrivez à support@bookstore.com.',
      missing: 'Indiquez votre e-mail et une ligne sur le problème.',
    },
    de: {
      button: 'Mit einem Menschen sprechen',
      title: 'Mit einem Menschen sprechen',
      intro:
        'Unser Support-Team antwortet montags bis freitags von 9 bis 17 Uhr (US-Ostküstenzeit) innerhalb eines Werktags. Es sieht dieses Gespräch.',
      answers:
        'Unser Support-Team antwortet montags bis freitags von 9 bis 17 Uhr (US-Ostküstenzeit) innerhalb eines Werktags.',
      email: 'Ihre E-Mail-Adresse',
      problem: 'Wobei können wir helfen?',
      send: 'Anfrage senden',
      cancel: 'Abbrechen',
      close: 'Zurück zum Chat',
      sending: 'Wird gesendet...',
      done: 'Danke! Ihre Referenz ist ',
      error:
        'Ihre Anfrage konnte nicht gesendet werden. Bitte versuchen Sie es erneut oder schreiben Sie an support@bookstore.com.',
      missing: 'Bitte geben Sie Ihre E-Mail-Adresse und eine Zeile zum Problem an.',
    },
  };
  const PERSON = Object.assign({}, PERSON_TEXTS.en);

  function talkToPerson(deps) {
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
      rows: '2',
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
    const intro = deps.el('p', { className: 'bsc-person__intro', text: PERSON.intro });
    // Its own way back to the chat, there before and after sending (Cancel goes with the form).
    const back = deps.el(
      'button',
      {
        type: 'button',
        className: 'bsc-person__close',
        'aria-label': PERSON.close,
        title: PERSON.close,
      },
      [deps.el('span', { 'aria-hidden': 'true', text: '\u2715' })],
    );
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
        deps.el('div', { className: 'bsc-person__head' }, [
          deps.el('h3', {
            id: 'bsc-person-title',
            className: 'bsc-person__title',
            text: PERSON.title,
          }),
          back,
        ]),
        intro,
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
            // The language the window speaks, so the team answers in it.
            language: deps.getLanguage(),
          }),
          signal: controller.signal,
        });
        const body = await res.json().catch(() => ({}));
        if (res.status === 201 && typeof body.reference === 'string') {
          // The answer says when the team replies: the intro would say it twice.
          form.hidden = true;
          intro.hidden = true;
          panel.classList.add('bsc-person--sent');
          // The hours in the window's language: the server's expected_answer is in English.
          say(PERSON.done + body.reference + '. ' + PERSON.answers, false);
          // The focused Send button is gone with the form; the way back is next.
          back.focus();
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
        intro.hidden = false;
        panel.classList.remove('bsc-person--sent');
        say('', false);
      }
      show(panel.hidden);
    });
    cancel.addEventListener('click', () => show(false));
    back.addEventListener('click', () => show(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send();
    });
    return {
      button,
      panel,
      /** Escape inside the panel closes the panel, not the whole window. */
      closeFrom(target) {
        if (panel.hidden || !panel.contains(target)) return false;
        show(false);
        return true;
      },
    };
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
      el('span', { className: 'bsc-launcher__label', text: TEXT.launcher }),
    ],
  );

  // Answers that arrived while the window was closed.
  const badge = el('span', {
    className: 'bsc-launcher__badge',
    'aria-hidden': 'true',
    hidden: true,
  });
  launcher.appendChild(badge);
  let unread = 0;

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

  const person = talkToPerson({
    el,
    apiUrl,
    getSessionId: () => sessionId,
    getLanguage: () => language,
  });

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

  // Asked before "New conversation" erases anything the shopper wrote.
  const confirmYes = el('button', {
    type: 'button',
    id: 'bsc-confirm-yes',
    className: 'bsc-confirm__btn bsc-confirm__btn--yes',
    text: TEXT.confirmYes,
  });
  const confirmNo = el('button', {
    type: 'button',
    id: 'bsc-confirm-no',
    className: 'bsc-confirm__btn',
    text: TEXT.confirmNo,
  });
  const confirmBar = el(
    'div',
    {
      id: 'bsc-confirm',
      className: 'bsc-confirm',
      role: 'group',
      'aria-labelledby': 'bsc-confirm-text',
      hidden: true,
    },
    [
      el('p', { id: 'bsc-confirm-text', className: 'bsc-confirm__text', text: TEXT.confirmNew }),
      el('div', { className: 'bsc-confirm__actions' }, [confirmNo, confirmYes]),
    ],
  );

  const form = el('form', { id: 'bsc-form', className: 'bsc-composer', novalidate: true }, [
    el('label', { className: 'bsc-sr-only', for: 'bsc-input', text: 'Your message' }),
    input,
    sendButton,
    stopButton,
  ]);

  /*
   * The close button keeps the title's row, at its end, so no label in any language can push it
   * out of the window; the other actions get the row under it (a long label wraps in its button).
   */
  const headerActions = el('div', { className: 'bsc-header__actions' }, [person.button, newButton]);

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
        el('div', { className: 'bsc-header__top' }, [
          el('div', { className: 'bsc-header__text' }, [
            el('h2', { id: 'bsc-title', className: 'bsc-title', text: TEXT.title }),
            el('p', { className: 'bsc-subtitle', text: TEXT.subtitle }),
          ]),
          closeButton,
        ]),
        headerActions,
      ]),
      person.panel,
      messages,
      confirmBar,
      form,
      el('div', { className: 'bsc-footer' }, [
        el('p', { className: 'bsc-note', text: TEXT.privacy }),
        el(
          'a',
          Object.assign(
            { id: 'bsc-help-center', className: 'bsc-footer__link', text: TEXT.helpCenter },
            linkAttrs(resolveUrl(TEXT.helpCenterUrl)),
          ),
        ),
      ]),
    ],
  );

  // Kept hidden until widget.css has loaded, so the page never shows an unstyled button.
  const root = el('div', { id: 'bsc-root', className: 'bsc-root', hidden: true }, [
    launcher,
    dialog,
  ]);

  // Where each word of the window shows: [selector in the widget, attribute or text, TEXT key].
  const LABELS = [
    ['.bsc-launcher__label', 'text', 'launcher'],
    ['#bsc-new', 'aria-label', 'newLabel'],
    ['#bsc-new', 'title', 'newTitle'],
    ['#bsc-new .bsc-header-btn__text', 'text', 'newText'],
    ['#bsc-close', 'aria-label', 'close'],
    ['#bsc-close', 'title', 'close'],
    ['#bsc-typing', 'aria-label', 'typing'],
    ['#bsc-messages', 'aria-label', 'conversation'],
    ['#bsc-input', 'placeholder', 'placeholder'],
    ['label[for="bsc-input"]', 'text', 'yourMessage'],
    ['#bsc-send', 'text', 'send'],
    ['#bsc-stop', 'aria-label', 'stopLabel'],
    ['.bsc-stop__text', 'text', 'stop'],
    ['#bsc-confirm-yes', 'text', 'confirmYes'],
    ['#bsc-confirm-no', 'text', 'confirmNo'],
    ['#bsc-confirm-text', 'text', 'confirmNew'],
    ['#bsc-title', 'text', 'title'],
    ['.bsc-note', 'text', 'privacy'],
    ['#bsc-help-center', 'text', 'helpCenter'],
    ['.bsc-msg--welcome', 'text', 'welcome'],
  ];
  const PERSON_LABELS = [
    ['#bsc-person', 'text', 'button'],
    ['#bsc-person-panel h3', 'text', 'title'],
    ['.bsc-person__intro', 'text', 'intro'],
    ['label[for="bsc-person-email"]', 'text', 'email'],
    ['label[for="bsc-person-problem"]', 'text', 'problem'],
    ['.bsc-person__send', 'text', 'send'],
    ['.bsc-person__cancel', 'text', 'cancel'],
    ['.bsc-person__close', 'aria-label', 'close'],
    ['.bsc-person__close', 'title', 'close'],
  ];
  let language = 'en';

  function relabel(labels, words) {
    for (const [selector, where, key] of labels) {
      for (const node of root.querySelectorAll(selector)) {
        if (where === 'text') node.textContent = words[key];
        else node.setAttribute(where, words[key]);
      }
    }
  }

  /** The widget's own words in `next` (en, es, fr, de): the window as it is, and what comes. */
  function setLanguage(next) {
    if (!LANGUAGES.includes(next)) return;
    language = next;
    Object.assign(TEXT, TRANSLATIONS[next]);
    Object.assign(PERSON, PERSON_TEXTS[next]);
    root.setAttribute('lang', next);
    relabel(LABELS, TEXT);
    relabel(PERSON_LABELS, PERSON);
  }

  /** An answer names its language: a shopper writing in another one switches the window to it. */
  function followLanguage(reply) {
    if (reply && typeof reply.language === 'string' && reply.language !== language) {
      setLanguage(reply.language);
    }
  }

  setLanguage(initialLanguage());

  /* ---------- Messages ---------- */

  function scrollToEnd() {
    messages.scrollTop = messages.scrollHeight;
  }

  // Space kept above an answer scrolled to its start, so the question before it peeks in.
  const ANSWER_TOP_GAP_PX = 12;

  /*
   * Towards the end, but never past the start of the answer `bubble`: an answer taller than the
   * conversation's view (three book cards on a small screen) is read from its first line.
   */
  function scrollToAnswer(bubble) {
    const start =
      bubble.entry.getBoundingClientRect().top -
      messages.getBoundingClientRect().top +
      messages.scrollTop -
      ANSWER_TOP_GAP_PX;
    messages.scrollTop = Math.min(messages.scrollHeight - messages.clientHeight, start);
  }

  /*
   * When the conversation's view changes height (the "Talk to a person" panel opens or closes,
   * the message box grows, the window is resized), a conversation scrolled to its end stays at
   * its end, so the newest messages stay in view.
   */
  function keepEndOnResize() {
    if (typeof window.ResizeObserver !== 'function') return;
    let atEnd = true;
    const note = () => {
      atEnd = isNearEnd();
    };
    messages.addEventListener('scroll', note, { passive: true });
    new window.ResizeObserver(() => {
      if (messages.clientHeight === 0) return; // hidden with the window
      if (atEnd) scrollToEnd();
      note();
    }).observe(messages);
  }
  keepEndOnResize();

  const timeFormat = (() => {
    try {
      return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
    } catch {
      return null;
    }
  })();

  function timeOf(value) {
    const date = value ? new Date(value) : new Date();
    return Number.isNaN(date.getTime()) ? new Date() : date;
  }

  function timeStamp(date) {
    return el('time', {
      className: 'bsc-time',
      datetime: date.toISOString(),
      text: timeFormat ? timeFormat.format(date) : date.toTimeString().slice(0, 5),
    });
  }

  /*
   * One message: an entry holding the bubble (.bsc-msg, only the message itself, so its text is
   * what was said) and under it a meta row with the time and, for stored answers, the thumbs.
   * Returns the bubble; bubble.entry and bubble.meta reach the rest.
   */
  function appendMessage(text, kind, when) {
    const side = kind.includes('bsc-msg--user') ? 'user' : 'bot';
    const bubble = el('div', { className: 'bsc-msg ' + kind });
    if (text !== null) bubble.appendChild(document.createTextNode(String(text)));
    const meta = el('div', { className: 'bsc-meta' }, [timeStamp(timeOf(when))]);
    const entry = el('div', { className: 'bsc-entry bsc-entry--' + side }, [bubble, meta]);
    bubble.entry = entry;
    bubble.meta = meta;
    messages.insertBefore(entry, typing);
    scrollToEnd();
    return bubble;
  }

  function appendUserMessage(text, when) {
    return appendMessage(text, 'bsc-msg--user', when);
  }

  function isTurnNumber(value) {
    return Number.isInteger(value) && value > 0;
  }

  /* ---------- Rich parts of an answer: quick replies, book cards, links ---------- */

  function strings(value, max, limit) {
    if (!Array.isArray(value)) return [];
    return value
      .filter((item) => typeof item === 'string' && item.trim() && item.length <= limit)
      .map((item) => item.trim())
      .slice(0, max);
  }

  // A card's price as the answer's text writes it in the window's language ("24,99 $US" in French).
  function formatPrice(value) {
    try {
      const locale = language === 'en' ? 'en-US' : language;
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
    } catch {
      return null;
    }
  }

  function bookCard(book) {
    const href = resolveUrl(book.url);
    const details = [];
    if (typeof book.category === 'string' && book.category.trim()) {
      details.push(book.category.replace(/-/g, ' '));
    }
    const price =
      typeof book.price === 'number' && Number.isFinite(book.price) && formatPrice(book.price);
    if (price) {
      details.push(price);
    }
    const children = [el('span', { className: 'bsc-card__title', text: book.title })];
    if (typeof book.author === 'string' && book.author.trim()) {
      children.push(el('span', { className: 'bsc-card__author', text: book.author }));
    }
    if (details.length) {
      children.push(el('span', { className: 'bsc-card__details', text: details.join(' \u00b7 ') }));
    }
    const card = href
      ? el('a', Object.assign({ className: 'bsc-card' }, linkAttrs(href)), children)
      : el('div', { className: 'bsc-card' }, children);
    return el('li', { className: 'bsc-cards__item' }, [card]);
  }

  function answerLink(link) {
    const href = resolveUrl(link.url);
    if (!href) return null;
    const a = el('a', Object.assign({ className: 'bsc-link' }, linkAttrs(href)), [
      el('span', { className: 'bsc-link__label', text: link.label }),
    ]);
    return el('li', { className: 'bsc-links__item' }, [a]);
  }

  /*
   * The text lists the books for clients without cards ("• Title by Author ($9.99)"); with the
   * cards shown, those lines would say everything twice, so they go. Other lines stay.
   */
  function dropListedBooks(bubble, books) {
    const holder = bubble.querySelector('.bsc-msg__text') || bubble;
    const textNode = Array.from(holder.childNodes).find((n) => n.nodeType === Node.TEXT_NODE);
    if (!textNode) return;
    const lines = textNode.data.split('\n');
    const kept = lines.filter(
      (line) => !(/^\s*[\u2022*-]\s/.test(line) && books.some((b) => line.includes(b.title))),
    );
    if (kept.length < lines.length && kept.join('').trim()) textNode.data = kept.join('\n').trim();
  }

  // Books and links go inside the answer's bubble, built here element by element.
  function renderParts(bubble, parts) {
    if (!parts || typeof parts !== 'object') return;
    const books = Array.isArray(parts.books)
      ? parts.books
          .filter(
            (b) => b && typeof b === 'object' && typeof b.title === 'string' && b.title.trim(),
          )
          .slice(0, MAX_BOOKS)
      : [];
    if (books.length) {
      dropListedBooks(bubble, books);
      bubble.appendChild(
        el('ul', { className: 'bsc-cards', 'aria-label': TEXT.booksGroup }, books.map(bookCard)),
      );
    }
    const links = Array.isArray(parts.links)
      ? parts.links
          .filter(
            (l) => l && typeof l === 'object' && typeof l.label === 'string' && l.label.trim(),
          )
          .slice(0, MAX_LINKS)
          .map(answerLink)
          .filter(Boolean)
      : [];
    if (links.length) {
      bubble.appendChild(
        el('ul', { className: 'bsc-links', 'aria-label': TEXT.linksGroup }, links),
      );
    }
    showSuggestions(strings(parts.suggestions, MAX_SUGGESTIONS, 80));
  }

  function clearSuggestions() {
    for (const node of Array.from(messages.querySelectorAll('.bsc-suggestions'))) node.remove();
  }

  // Quick replies belong to the newest answer only; a tap sends the text as the shopper's message.
  function showSuggestions(texts) {
    clearSuggestions();
    if (!texts.length) return;
    const group = el('div', {
      className: 'bsc-suggestions',
      role: 'group',
      'aria-label': TEXT.suggestionsGroup,
    });
    for (const text of texts) {
      const chip = el('button', { type: 'button', className: 'bsc-chip', text });
      chip.addEventListener('click', () => send(text));
      group.appendChild(chip);
    }
    messages.insertBefore(group, typing);
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
  // A second tap on the chosen thumb takes the rating back ("none").
  async function sendFeedback(row, value) {
    if (row.pending) return;
    const rating = row.getAttribute('data-rating') === value ? 'none' : value;
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
      if (rating === 'none') row.removeAttribute('data-rating');
      else row.setAttribute('data-rating', rating);
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
    node.meta.appendChild(feedbackRow(turn, rating));
  }

  function appendBotMessage(text, turn, rating, parts, when) {
    const node = appendMessage(text, 'bsc-msg--bot', when);
    renderParts(node, parts);
    attachFeedback(node, turn, rating);
    scrollToAnswer(node);
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
    setTyping(false);
    const top = messages.scrollTop;
    answer.node = appendMessage(null, 'bsc-msg--bot bsc-msg--streaming');
    answer.node.setAttribute('aria-busy', 'true');
    answer.node.appendChild(el('span', { className: 'bsc-msg__text' }, [answer.textNode]));
    messages.setAttribute('aria-busy', 'true');
    if (!follow) messages.scrollTop = top;
    return answer.node;
  }

  function appendAnswerText(answer, text) {
    const follow = isNearEnd();
    answerBubble(answer);
    answer.textNode.appendData(text);
    if (follow) scrollToAnswer(answer.node);
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

  /*
   * A message that never got its answer (the network, not the server, said no): its text goes back
   * into the box unless the shopper typed something else, and Retry sends it again.
   */
  function offerRetry(errorNode, message, userNode) {
    if (!input.value.trim()) {
      input.value = message;
      autosize();
    }
    const button = el('button', {
      type: 'button',
      className: 'bsc-retry',
      'aria-label': TEXT.retryLabel,
      text: TEXT.retry,
    });
    button.addEventListener('click', () => {
      if (inflight) return;
      errorNode.entry.remove();
      if (input.value === message) {
        input.value = '';
        autosize();
      }
      send(message, userNode);
    });
    errorNode.meta.appendChild(button);
    button.focus();
  }

  function appendWelcome() {
    return appendMessage(TEXT.welcome, 'bsc-msg--bot bsc-msg--welcome');
  }

  function clearMessages() {
    for (const node of Array.from(messages.querySelectorAll('.bsc-entry, .bsc-suggestions'))) {
      node.remove();
    }
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

  // Support unreachable, failing or slow behind the gateway (502, 503, 504): worth sending again.
  function canRetry(res) {
    return res.status === 502 || res.status === 503 || res.status === 504;
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
    if (follow) scrollToAnswer(node);
  }

  // The whole answer: its final text replaces the pieces, and it can be rated.
  function completeAnswer(controller, response, turn, parts) {
    if (inflight !== controller) return;
    const answer = controller.answer;
    const follow = isNearEnd();
    answerBubble(answer);
    answer.textNode.data = response;
    renderParts(answer.node, parts);
    attachFeedback(answer.node, turn);
    noteUnread();
    settleAnswer(answer);
    setTyping(false);
    finishRequest(controller);
    if (follow) scrollToAnswer(answer.node);
  }

  // An error notice after whatever part of the answer was already shown.
  // `retry`: the message may never have arrived, so the shopper can send it again.
  function failAnswer(controller, text, retry) {
    if (inflight !== controller) return;
    settleAnswer(controller.answer);
    setTyping(false);
    finishRequest(controller);
    const node = appendErrorMessage(text);
    if (retry && controller.message) offerRetry(node, controller.message, controller.userNode);
    noteUnread();
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
      followLanguage(event);
    } else if (name === 'token') {
      if (typeof event.text === 'string' && event.text) {
        appendAnswerText(controller.answer, event.text);
      }
    } else if (name === 'done') {
      if (typeof event.response !== 'string') failAnswer(controller, TEXT.genericError);
      else completeAnswer(controller, event.response, event.turn, event);
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
    if (inflight === controller) failAnswer(controller, TEXT.cutOff, true);
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
      failAnswer(controller, TEXT.networkError, true);
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
        completeAnswer(controller, body.response, body.turn, body);
      } else {
        failAnswer(controller, failure || errorText(body), Boolean(failure) || canRetry(res));
      }
      return true;
    }
    await readEvents(controller, res.body);
    return true;
  }

  async function plainAnswer(controller, payload) {
    let reply = null;
    let failure = null;
    let retry = false;
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
        retry = canRetry(res);
      }
    } catch {
      failure = TEXT.networkError;
      retry = true;
    }

    if (inflight !== controller) return;
    if (!reply) {
      failAnswer(controller, failure, retry);
      return;
    }
    setTyping(false);
    finishRequest(controller);
    rememberSession(reply.session_id);
    followLanguage(reply);
    appendBotMessage(reply.response, reply.turn, undefined, reply);
    noteUnread();
  }

  // `userNode`: the shopper's message already shown (a retry), so it is not shown twice.
  async function send(text, userNode) {
    const message = String(text == null ? '' : text).trim();
    if (!message || inflight) return false;

    clearSuggestions();
    if (!userNode) {
      userNode = appendUserMessage(message);
      input.value = '';
      autosize();
    }

    const controller = startRequest(CHAT_TIMEOUT_MS, true);
    controller.message = message;
    controller.userNode = userNode;
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
      // The session id is a bearer secret: a header, never the URL (logs, history, Referer).
      const res = await fetch(apiUrl('/api/chat/history'), {
        headers: { Accept: 'application/json', 'X-Session-Id': sessionId },
        signal: controller.signal,
      });
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
      if (typeof turn.user === 'string' && turn.user) appendUserMessage(turn.user, turn.timestamp);
      if (typeof turn.bot === 'string' && turn.bot) {
        // The stored turn carries the answer's parts: cards, links, and (the newest's) quick replies.
        appendBotMessage(turn.bot, turn.turn, turn.rating, turn, turn.timestamp);
      }
    }
  }

  // Erasing is asked first, once there is something of the shopper's to lose.
  function askNewConversation() {
    if (!messages.querySelector('.bsc-msg--user')) {
      newConversation();
      return;
    }
    confirmBar.hidden = false;
    newButton.setAttribute('aria-expanded', 'true');
    confirmNo.focus();
  }

  function hideConfirm(focusNew) {
    if (confirmBar.hidden) return;
    confirmBar.hidden = true;
    newButton.setAttribute('aria-expanded', 'false');
    if (focusNew) newButton.focus();
  }

  function newConversation() {
    hideConfirm(false);
    const previous = sessionId;
    cancelRequest();
    messages.removeAttribute('aria-busy');
    if (previous) {
      fetch(apiUrl('/api/chat/history'), {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ session_id: previous }),
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

  /* ---------- Unread answers while the window is closed ---------- */

  function showUnread() {
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
    if (unread === 0) launcher.removeAttribute('aria-label');
    else launcher.setAttribute('aria-label', TEXT.launcher + ', ' + TEXT.unread(unread));
  }

  function noteUnread() {
    if (isOpen()) return;
    unread += 1;
    showUnread();
  }

  function open() {
    mount();
    root.hidden = false;
    if (unread) {
      unread = 0;
      showUnread();
    }
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
    hideConfirm(false);
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
      if (!person.closeFrom(document.activeElement)) close();
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
  newButton.addEventListener('click', askNewConversation);
  confirmYes.addEventListener('click', newConversation);
  confirmNo.addEventListener('click', () => hideConfirm(true));
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

  // On a phone the window covers the page: following a link to the page (a book) shows the page.
  dialog.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (
      link &&
      isThisPage(link.href) &&
      window.matchMedia &&
      window.matchMedia(PHONE_QUERY).matches
    ) {
      close();
    }
  });

  window.BookstoreChat = Object.freeze({ open, close });
})();
