/*
 * The customer-support chat widget: one script tag on any page.
 *   <script src="https://<gateway>/widget.js" defer></script>
 * Optional: data-api-base="https://api.example.com" on that tag sends API calls elsewhere.
 * Built into apps/gateway/public/widget.js by scripts/build-widget.mjs (esbuild).
 */
import { stopAnswer } from './chat/answer.js';
import { Requests } from './chat/requests.js';
import { send } from './chat/send.js';
import { STORE_FACTS_TIMEOUT_MS } from './config.js';
import type { Widget } from './context.js';
import { Session } from './session.js';
import { loadStoreFacts } from './store-facts.js';
import { Texts } from './texts/texts.js';
import { initialLanguage } from './texts/words.js';
import { autosize, setBusy, wireComposer } from './ui/composer.js';
import { applyLanguage } from './ui/labels.js';
import { Log } from './ui/messages.js';
import { wireNewConversation } from './ui/new-conversation.js';
import { talkToPerson } from './ui/person.js';
import { loadStyles } from './ui/styles.js';
import { buildView } from './ui/view.js';
import { wireWindow, type WindowControls } from './ui/window.js';
import { Origins } from './urls.js';

declare global {
  interface Window {
    BookstoreChat?: Readonly<{ open(): void; close(): void }>;
  }
}

function ownScript(): HTMLScriptElement | null {
  // Read while this script runs: document.currentScript is null once it has finished.
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector('script[src$="widget.js"], script[src*="/widget.js?"]');
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function start(): void {
  const origins = Origins.fromScript(ownScript());
  const texts = new Texts(
    initialLanguage(document.documentElement.getAttribute('lang'), browserLanguages()),
  );
  const session = new Session();
  const person = talkToPerson({ texts, origins, session });
  const view = buildView(origins, person);
  let win: WindowControls | null = null;
  const ctx: Widget = {
    view,
    texts,
    origins,
    session,
    log: new Log(view.messages, view.typing),
    requests: new Requests((on, answering) => setBusy(view, on, answering)),
    factsReady: Promise.resolve(),
    state: {
      started: false,
      streamAnswers:
        typeof window.ReadableStream === 'function' && typeof window.TextDecoder === 'function',
      unread: 0,
    },
    actions: {
      send: (text, userNode) => send(ctx, text, userNode),
      noteUnread: () => win?.noteUnread(),
      autosize: () => autosize(view.input),
      setLanguage: (lang) => applyLanguage(view.root, texts, lang),
    },
  };
  applyLanguage(view.root, texts, texts.language);
  // The store's name, support address and hours: the words that name them are filled once known.
  ctx.factsReady = loadStoreFacts(origins.api('/api/store'), STORE_FACTS_TIMEOUT_MS).then(
    (facts) => {
      texts.facts = facts;
      if (facts) applyLanguage(view.root, texts, texts.language);
    },
  );
  ctx.log.keepEndOnResize();
  const confirm = wireNewConversation(ctx);
  win = wireWindow(ctx, person, confirm.hideConfirm);
  wireComposer(
    view,
    (text) => void send(ctx, text),
    () => stopAnswer(ctx),
  );

  const mount = () => {
    if (!view.root.isConnected && document.body) document.body.appendChild(view.root);
  };
  loadStyles(origins.assetBase, view.root);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  window.BookstoreChat = Object.freeze({ open: win.open, close: win.close });
}

if (!window.BookstoreChat) start();
