import {
  LlmClient,
  type CircuitStateName,
  type LlmBackend,
  type LlmHealth,
  type LlmMessage,
  type LlmReply,
} from '@bookstore/llm';

/**
 * An LLM in memory, for specs of the code that calls one without HTTP: `chat` answers the deltas
 * joined, `stream` yields them; `fail` is thrown after them (before any when there are none).
 * It keeps the messages it was sent.
 */
export class ScriptedLlm extends LlmClient {
  readonly model = 'scripted';
  sent: LlmMessage[][] = [];

  constructor(
    readonly backend: LlmBackend,
    private readonly deltas: string[],
    private readonly fail?: Error,
  ) {
    super();
  }

  async chat(messages: LlmMessage[]): Promise<LlmReply> {
    this.sent.push(messages);
    await Promise.resolve();
    if (this.fail) throw this.fail;
    return { text: this.deltas.join('').trim() };
  }

  async *stream(messages: LlmMessage[]): AsyncGenerator<string> {
    this.sent.push(messages);
    for (const delta of this.deltas) {
      await Promise.resolve();
      yield delta;
    }
    if (this.fail) throw this.fail;
  }

  health(): Promise<LlmHealth> {
    return Promise.resolve({ ok: true, backend: this.backend, model: this.model, detail: '' });
  }

  circuitState(): CircuitStateName {
    return 'closed';
  }
}
