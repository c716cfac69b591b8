import { createRequire } from 'node:module';
import { Registry } from 'prom-client';
import { createLlmClient } from './llm.module.js';
import { countPromptTokens, loadTokenizer, promptFits } from './prompt-tokens.js';
import type { LlmModuleOptions } from './llm.types.js';

/**
 * Whether gpt-tokenizer's encoding (20 MiB of heap) is loaded in this process: through require, the
 * only way prompt-tokens.ts loads it (an `import` of it elsewhere would not show here).
 */
const tokenizerLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('gpt-tokenizer'));

const options = (backend: LlmModuleOptions['backend']): LlmModuleOptions => ({
  backend,
  timeoutMs: 2_000,
  firstTokenTimeoutMs: 1_500,
  maxTokens: 128,
  ollama: { url: 'http://127.0.0.1:9', model: 'llama3.2:3b' },
  vcf: { model: 'llama-3.1-8b', tokenFile: '/nonexistent/token' },
  openai: { model: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' },
  circuit: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
  requiredForReadiness: false,
});

describe('the tokenizer', () => {
  it('is not loaded for a bot without an LLM, and is once a real backend is configured', () => {
    createLlmClient(options('none'), { registry: new Registry() });
    expect(tokenizerLoaded()).toBe(false);
    createLlmClient(options('ollama'), { registry: new Registry() });
    expect(tokenizerLoaded()).toBe(true);
  });

  it('counts a prompt with the chat template’s tokens around each message', () => {
    expect(countPromptTokens([{ role: 'user', content: 'hello world' }])).toBe(2 + 4 + 3);
  });
});

describe('promptFits', () => {
  const texts = [
    'Do you offer gift wrapping?',
    'Wo ist meine Bestellung? Ich habe sie vor zwei Wochen aufgegeben und nichts gehört.',
    '📦📦📦 where is it 🙏🏽 ' + '🎁'.repeat(40),
    '注文した本はいつ届きますか？'.repeat(5),
    'word '.repeat(300),
  ];

  it('agrees with the count at every limit around it, emoji and CJK included', () => {
    for (const content of texts) {
      const messages = [
        { role: 'system' as const, content: 'You are the store’s assistant.' },
        { role: 'user' as const, content },
      ];
      const exact = countPromptTokens(messages);
      for (let limit = exact - 3; limit <= Buffer.byteLength(content) + 80; limit++) {
        expect(promptFits(messages, limit), `${content.slice(0, 20)}… at ${limit}`).toBe(
          exact <= limit,
        );
      }
    }
  });

  it('does not run the tokenizer when the bytes alone are within the limit', () => {
    const spy = vi.spyOn(loadTokenizer(), 'countTokens');
    try {
      const messages = [{ role: 'user' as const, content: 'Do you offer gift wrapping?' }];
      expect(promptFits(messages, 100)).toBe(true);
      expect(spy).not.toHaveBeenCalled();
      expect(promptFits(messages, 10)).toBe(false);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
