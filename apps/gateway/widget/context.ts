import type { Requests } from './chat/requests.js';
import type { Session } from './session.js';
import type { Texts } from './texts/texts.js';
import type { Lang } from './texts/words.js';
import type { Log, Message } from './ui/messages.js';
import type { View } from './ui/view.js';
import type { Origins } from './urls.js';

/**
 * What the widget's parts share: its DOM, words, origins, session and the request under way.
 * Calls that go back up (a quick reply sends a message) go through `actions`, set by main.ts,
 * so no module imports one that imports it.
 */
export interface Widget {
  view: View;
  log: Log;
  texts: Texts;
  origins: Origins;
  session: Session;
  requests: Requests;
  /** Settles when GET /api/store has answered or failed. */
  factsReady: Promise<void>;
  state: {
    /** The welcome (and stored history) shown. */
    started: boolean;
    // Streamed answers need fetch body streams; without them (or without the endpoint) /api/chat.
    streamAnswers: boolean;
    unread: number;
  };
  actions: Actions;
}

export interface Actions {
  /** `userNode`: the shopper's message already shown (a retry), so it is not shown twice. */
  send(text: string, userNode?: Message): Promise<boolean>;
  /** An answer arrived: counted on the launcher while the window is closed. */
  noteUnread(): void;
  autosize(): void;
  setLanguage(lang: Lang): void;
}
