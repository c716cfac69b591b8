import type { Message } from '../ui/messages.js';

/** A streamed answer as it grows: its message, made on its first piece of text. */
export interface Answer {
  message: Message | null;
  text: Text | null;
}

/** One request to the API, with its timeout; a chat message's also carries its answer. */
export class ChatRequest {
  readonly controller = new AbortController();
  /** Null for a request that is not a chat message (history). */
  readonly answer: Answer | null;
  /** What the shopper sent, and its message in the log: what Retry sends again. */
  message = '';
  userNode: Message | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly timeoutMs: number,
    answering: boolean,
  ) {
    this.answer = answering ? { message: null, text: null } : null;
    this.arm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the timeout: it restarts whenever part of a streamed answer arrives. */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.timeoutMs);
  }

  disarm(): void {
    clearTimeout(this.timer);
  }

  abort(): void {
    this.disarm();
    this.controller.abort();
  }
}

/** The one request under way: a newer one (New conversation, Stop) supersedes it. */
export class Requests {
  private current: ChatRequest | null = null;

  /** `busy`: shows the window busy (and Stop, while a chat message is answered). */
  constructor(private readonly busy: (on: boolean, answering: boolean) => void) {}

  get inflight(): ChatRequest | null {
    return this.current;
  }

  isCurrent(request: ChatRequest): boolean {
    return this.current === request;
  }

  /** `answering`: a chat message, which gets an answer (and a Stop button) rather than history. */
  start(timeoutMs: number, answering = false): ChatRequest {
    const request = new ChatRequest(timeoutMs, answering);
    this.current = request;
    this.busy(true, answering);
    return request;
  }

  /** Returns false when this request was superseded (e.g. by "New conversation" or Stop). */
  finish(request: ChatRequest): boolean {
    request.disarm();
    if (this.current !== request) return false;
    this.current = null;
    this.busy(false, false);
    return true;
  }

  /** Takes the request under way off, aborted; the caller tidies up, then calls idle(). */
  takeOver(): ChatRequest | null {
    const request = this.current;
    if (!request) return null;
    this.current = null;
    request.abort();
    return request;
  }

  idle(): void {
    this.busy(false, false);
  }
}
