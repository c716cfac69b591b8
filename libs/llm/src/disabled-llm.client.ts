import { LlmUnavailableError } from './llm-unavailable.error.js';
import { LlmClient } from './llm.client.js';
import type { CircuitStateName, LlmHealth, LlmReply } from './llm.types.js';

/**
 * `LLM_BACKEND=none`: every call fails at once, so the chat goes straight to its fallback. No
 * metrics: nothing was asked of an LLM.
 */
export class DisabledLlmClient extends LlmClient {
  readonly backend = 'none';
  readonly model = '';

  chat(): Promise<LlmReply> {
    return Promise.reject(new LlmUnavailableError('disabled'));
  }

  stream(): AsyncIterable<string> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new LlmUnavailableError('disabled')),
      }),
    };
  }

  health(): Promise<LlmHealth> {
    return Promise.resolve({ ok: false, backend: 'none', model: '', detail: 'no LLM configured' });
  }

  circuitState(): CircuitStateName {
    return 'closed';
  }
}
