import { SUPPORT_TIMEOUT_MS } from '../config.js';
import type { Widget } from '../context.js';

/** What the form needs of the widget: built before the window, it reads these when sending. */
type Deps = Pick<Widget, 'texts' | 'origins' | 'session'>;
import { el } from '../dom.js';
import type { PersonWords } from '../texts/words.js';

/* "Talk to a person" (issue #15): a short form that hands the shopper to the team. */

export interface PersonPanel {
  button: HTMLButtonElement;
  panel: HTMLElement;
  /** Escape inside the panel closes the panel, not the whole window. */
  closeFrom(target: EventTarget | null): boolean;
}

interface Parts {
  button: HTMLButtonElement;
  panel: HTMLElement;
  form: HTMLFormElement;
  intro: HTMLParagraphElement;
  email: HTMLInputElement;
  problem: HTMLTextAreaElement;
  submit: HTMLButtonElement;
  cancel: HTMLButtonElement;
  back: HTMLButtonElement;
  status: HTMLParagraphElement;
}

// Its words are set by setLanguage (PERSON_LABELS), like the rest of the window's.
function buildParts(): Parts {
  const ids = {
    panel: 'bsc-person-panel',
    email: 'bsc-person-email',
    problem: 'bsc-person-problem',
  };
  const button = el('button', {
    type: 'button',
    id: 'bsc-person',
    className: 'bsc-header-btn bsc-header-btn--person',
    'aria-expanded': 'false',
    'aria-controls': ids.panel,
  });
  const email = el('input', {
    id: ids.email,
    className: 'bsc-person__field',
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    required: true,
    maxlength: '254',
  });
  const problem = el('textarea', {
    id: ids.problem,
    className: 'bsc-person__field',
    name: 'problem',
    rows: '2',
    required: true,
    maxlength: '1000',
  });
  const submit = el('button', { type: 'submit', className: 'bsc-person__send' });
  const cancel = el('button', { type: 'button', className: 'bsc-person__cancel' });
  const intro = el('p', { className: 'bsc-person__intro' });
  // Its own way back to the chat, there before and after sending (Cancel goes with the form).
  const back = el('button', { type: 'button', className: 'bsc-person__close' }, [
    el('span', { 'aria-hidden': 'true', text: '\u2715' }),
  ]);
  const status = el('p', {
    id: 'bsc-person-status',
    className: 'bsc-person__status',
    role: 'status',
  });
  const form = el('form', { className: 'bsc-person__form', novalidate: true }, [
    el('label', { for: ids.email }),
    email,
    el('label', { for: ids.problem }),
    problem,
    el('div', { className: 'bsc-person__actions' }, [submit, cancel]),
  ]);
  const head = el('div', { className: 'bsc-person__head' }, [
    el('h3', { id: 'bsc-person-title', className: 'bsc-person__title' }),
    back,
  ]);
  const panel = el(
    'section',
    { id: ids.panel, className: 'bsc-person', 'aria-labelledby': 'bsc-person-title', hidden: true },
    [head, intro, form, status],
  );
  return { button, panel, form, intro, email, problem, submit, cancel, back, status };
}

// A conversation not yet started still needs an id: the request then has no transcript.
function sessionForRequest(ctx: Deps): string {
  if (ctx.session.id) return ctx.session.id;
  if (window.crypto && typeof window.crypto.randomUUID === 'function') {
    return window.crypto.randomUUID();
  }
  return 'form-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

async function postRequest(ctx: Deps, p: Parts): Promise<{ status: number; body: unknown }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SUPPORT_TIMEOUT_MS);
  try {
    const res = await fetch(ctx.origins.api('/api/support/requests'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        session_id: sessionForRequest(ctx),
        email: p.email.value.trim(),
        problem: p.problem.value.trim(),
        // The language the window speaks, so the team answers in it.
        language: ctx.texts.language,
      }),
      signal: controller.signal,
    });
    const body: unknown = await res.json().catch(() => ({}));
    return { status: res.status, body };
  } finally {
    clearTimeout(timer);
  }
}

function say(p: Parts, text: string, isError: boolean): void {
  p.status.textContent = text;
  p.status.classList.toggle('bsc-person__status--error', isError);
}

async function send(ctx: Deps, p: Parts): Promise<void> {
  const words = (key: keyof PersonWords) => ctx.texts.person(key);
  if (!p.email.value.trim() || !p.problem.value.trim()) return say(p, words('missing'), true);
  p.submit.disabled = true;
  say(p, words('sending'), false);
  try {
    const { status, body } = await postRequest(ctx, p);
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (status === 201 && typeof b.reference === 'string') {
      // The answer says when the team replies: the intro would say it twice.
      p.form.hidden = true;
      p.intro.hidden = true;
      p.panel.classList.add('bsc-person--sent');
      // The hours in the window's language: the server's expected_answer is in English.
      say(p, (words('done') + b.reference + '. ' + words('answers')).trim(), false);
      // The focused Send button is gone with the form; the way back is next.
      p.back.focus();
    } else {
      say(p, typeof b.message === 'string' ? b.message : words('error'), true);
    }
  } catch {
    say(p, words('error'), true);
  } finally {
    p.submit.disabled = false;
  }
}

/** The header's button and the panel to place in the dialog. Text nodes only, never HTML. */
export function talkToPerson(ctx: Deps): PersonPanel {
  const p = buildParts();
  const show = (on: boolean) => {
    p.panel.hidden = !on;
    p.button.setAttribute('aria-expanded', String(on));
    if (on) p.email.focus();
    else p.button.focus();
  };
  p.button.addEventListener('click', () => {
    if (p.panel.hidden) {
      p.form.hidden = false;
      p.intro.hidden = false;
      p.panel.classList.remove('bsc-person--sent');
      say(p, '', false);
    }
    show(p.panel.hidden === true);
  });
  p.cancel.addEventListener('click', () => show(false));
  p.back.addEventListener('click', () => show(false));
  p.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(ctx, p);
  });
  return {
    button: p.button,
    panel: p.panel,
    closeFrom(target) {
      if (p.panel.hidden || !(target instanceof Node) || !p.panel.contains(target)) return false;
      show(false);
      return true;
    },
  };
}
