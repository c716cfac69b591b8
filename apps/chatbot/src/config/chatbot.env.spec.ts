import { validateEnv } from '@bookstore/config';
import { ChatbotEnv } from './chatbot.env.js';

const validate = (env: Record<string, string>) => () =>
  validateEnv(ChatbotEnv)({ NODE_ENV: 'test', ...env });

describe('ChatbotEnv: the reply budget and the context (#25.4)', () => {
  it('refuses LLM_MAX_TOKENS at or over LLM_CONTEXT_TOKENS, in one line naming both', () => {
    for (const maxTokens of ['256', '300']) {
      expect(validate({ LLM_CONTEXT_TOKENS: '256', LLM_MAX_TOKENS: maxTokens })).toThrow(
        new RegExp(
          `^Invalid configuration:\\n  - LLM_MAX_TOKENS=\\(redacted\\): LLM_MAX_TOKENS \\(${maxTokens}\\) ` +
            'must be below LLM_CONTEXT_TOKENS \\(256\\)',
        ),
      );
    }
  });

  it("holds an unset LLM_CONTEXT_TOKENS to the backend's default", () => {
    expect(validate({ LLM_MAX_TOKENS: '4096' })).toThrow(
      "LLM_MAX_TOKENS (4096) must be below LLM_CONTEXT_TOKENS (unset: ollama's default) (4096)",
    );
    expect(
      validate({ LLM_BACKEND: 'openai', OPENAI_API_KEY: 'k', LLM_MAX_TOKENS: '4096' }),
    ).not.toThrow();
    expect(validate({ LLM_BACKEND: 'none', LLM_MAX_TOKENS: '4096' })).not.toThrow();
  });

  it('accepts a reply budget below the context', () => {
    expect(validate({ LLM_CONTEXT_TOKENS: '256', LLM_MAX_TOKENS: '64' })).not.toThrow();
  });

  it('takes the LLM concurrency bounds (#24.5)', () => {
    expect(validateEnv(ChatbotEnv)({ NODE_ENV: 'test' })).toMatchObject({
      LLM_MAX_CONCURRENCY: 32,
      LLM_MAX_CONCURRENCY_PER_CLIENT: 4,
    });
    expect(validate({ LLM_MAX_CONCURRENCY_PER_CLIENT: '0' })).toThrow(
      'LLM_MAX_CONCURRENCY_PER_CLIENT',
    );
  });
});
