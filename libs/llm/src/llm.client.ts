import type {
  CircuitStateName,
  LlmBackend,
  LlmCallOptions,
  LlmHealth,
  LlmMessage,
  LlmReply,
  LlmServerLimits,
} from './llm.types.js';

/**
 * The LLM behind the chat. The abstract class is the DI token: consumers inject `LlmClient` and
 * never know which backend answers. Every failure is an `LlmUnavailableError`.
 */
export abstract class LlmClient {
  abstract readonly backend: LlmBackend;
  abstract readonly model: string;

  /** One whole reply, its text trimmed. */
  abstract chat(messages: LlmMessage[], options?: LlmCallOptions): Promise<LlmReply>;

  /**
   * The reply as text deltas that join to the trimmed reply, as `chat` gives it; aborting
   * `options.signal` stops it and closes the upstream request.
   */
  abstract stream(messages: LlmMessage[], options?: LlmCallOptions): AsyncIterable<string>;

  /** Whether the backend answers and serves the configured model. Never throws. */
  abstract health(signal?: AbortSignal): Promise<LlmHealth>;

  abstract circuitState(): CircuitStateName;

  /** The failure that last opened the circuit, for readiness to say why. */
  openedBecause(): string | undefined {
    return undefined;
  }

  /**
   * The server's context and tokenizer, as far as it tells them (asked once, then kept); `sample`
   * is the text its tokenizer is measured on. Never throws: what is not known is left out.
   */
  serverLimits(_sample?: string, _signal?: AbortSignal): Promise<LlmServerLimits> {
    return Promise.resolve({});
  }

  /** Nest calls this on the provider itself: the client closes with the app. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Releases connections. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
