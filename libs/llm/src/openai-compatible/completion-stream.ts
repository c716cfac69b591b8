import type { Readable } from 'node:stream';
import { SseDecoder, type SseEvent } from '@bookstore/http';
import { LlmUnavailableError } from '../llm-unavailable.error.js';
import type { LlmUsage } from '../llm.types.js';
import { streamError } from './upstream-error.js';

interface StreamChunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: unknown;
  /** vLLM's error chunk: `{"object":"error","message":...}`. */
  object?: unknown;
}

/**
 * Reads a chat-completions SSE body: text deltas in order, then the finish reason and usage. A
 * body that ends before `data: [DONE]` is a cut, not a short answer, and an error sent in any of
 * the servers' forms fails the stream even when `[DONE]` follows it: llama.cpp's `error:` field,
 * an `event: error`, a `{"error": ...}` chunk (OpenAI, recent vLLM) or vLLM's
 * `{"object": "error"}` chunk.
 *
 * The body is read as it arrives rather than on demand: a stream destroyed by a dropped connection
 * discards what it buffered, and the deltas that made it here before the cut belong to the caller.
 */
export class CompletionStream {
  usage: LlmUsage | undefined;
  finishReason: string | undefined;
  private readonly sse = new SseDecoder();
  private pending: SseEvent[] = [];
  private done = false;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(body: Readable) {
    body.on('data', (bytes: Uint8Array) => this.arrived(this.sse.push(bytes)));
    body.on('end', () => {
      this.ended = true;
      this.arrived(this.sse.end());
    });
    body.on('error', (err: Error) => {
      this.failure ??= err;
      this.arrived([]);
    });
    body.on('close', () => {
      if (!this.ended) this.failure ??= new Error('body closed before its end');
      this.arrived([]);
    });
  }

  /** True once `[DONE]` has arrived. */
  get complete(): boolean {
    return this.done;
  }

  /** True once the body has been read to its end. */
  get drained(): boolean {
    return this.ended;
  }

  /** The next non-empty text delta, or undefined after `[DONE]`. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const event = this.pending.shift();
      if (event !== undefined) {
        if (event.type === 'error') throw streamError(parsedError(event.data));
        const { data } = event;
        if (data.trim() === '[DONE]') {
          this.done = true;
          this.pending = [];
          return undefined;
        }
        const text = this.read(data);
        if (text) return text;
        continue;
      }
      if (this.done) return undefined;
      if (this.ended || this.failure) {
        throw new LlmUnavailableError('stream cut', { cause: this.failure });
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Resolves once the body has ended or failed, or after `ms`. */
  async settled(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    while (!this.ended && !this.failure) {
      const timedOut = await new Promise<boolean>((resolve) => {
        this.wake = () => resolve(false);
        timer = setTimeout(() => resolve(true), ms);
      });
      clearTimeout(timer);
      if (timedOut) return;
    }
  }

  private arrived(events: SseEvent[]): void {
    if (!this.done) this.pending.push(...events);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private read(data: string): string {
    let chunk: StreamChunk;
    try {
      chunk = JSON.parse(data) as StreamChunk;
    } catch (err) {
      throw new LlmUnavailableError('malformed chunk', { cause: err });
    }
    if (typeof chunk !== 'object' || chunk === null) {
      throw new LlmUnavailableError('malformed chunk');
    }
    // Some servers report a failure mid-stream as a chunk of its own.
    if ((chunk.error !== undefined && chunk.error !== null) || chunk.object === 'error') {
      throw streamError(chunk);
    }
    const usage = chunk.usage;
    if (usage && typeof usage.prompt_tokens === 'number') {
      this.usage = {
        promptTokens: usage.prompt_tokens,
        completionTokens: typeof usage.completion_tokens === 'number' ? usage.completion_tokens : 0,
      };
    }
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (typeof choice?.finish_reason === 'string') this.finishReason = choice.finish_reason;
    const content = choice?.delta?.content;
    return typeof content === 'string' ? content : '';
  }
}

/** llama.cpp's `error:` line: JSON as a rule, plain text as its own message otherwise. */
function parsedError(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
