import { createRequire } from 'node:module';
import type { LlmBackend, LlmMessage } from './llm.types.js';

type Encoding = typeof import('gpt-tokenizer/encoding/cl100k_base');

// The encoding's tables hold 20 MiB of heap: loaded when a client for a real backend is made (or a
// prompt is first counted), so a bot without an LLM never holds them.
const load = createRequire(import.meta.url);
let encoding: Encoding | undefined;

/** Loads the encoding now (~0.1 s), so that the first shopper's prompt does not wait for it. */
export function loadTokenizer(): Encoding {
  return (encoding ??= load('gpt-tokenizer/encoding/cl100k_base') as Encoding);
}

/** What the chat template adds around each message (role markers), and to prime the reply. */
const PER_MESSAGE = 4;
const PER_PROMPT = 3;

/**
 * The prompt's size in cl100k_base tokens (GPT-4's encoding, from which Llama 3's is built), with
 * the chat template's few tokens per message. Other models' tokenizers differ: Llama 2's gives
 * up to a fifth more, so budgets leave a margin on top of this count.
 */
export function countPromptTokens(messages: readonly LlmMessage[]): number {
  const { countTokens } = loadTokenizer();
  return messages.reduce((n, m) => n + countTokens(m.content) + PER_MESSAGE, PER_PROMPT);
}

/**
 * Whether the prompt is within `limit` tokens by `countPromptTokens`. Every token is at least one
 * byte of the UTF-8 text, so a prompt with no more bytes than that is within it uncounted:
 * counting a grounded prompt took ~0.6 ms of CPU on the way to the first token.
 */
export function promptFits(messages: readonly LlmMessage[], limit: number): boolean {
  const bytes = messages.reduce(
    (n, m) => n + Buffer.byteLength(m.content) + PER_MESSAGE,
    PER_PROMPT,
  );
  return bytes <= limit || countPromptTokens(messages) <= limit;
}

/**
 * The context each backend gets when `LLM_CONTEXT_TOKENS` is unset: Ollama's documented default
 * without a large GPU (4k; 2048 in older releases, hence `OLLAMA_CONTEXT_LENGTH` in the deploy),
 * 4k for a VCF model of unknown size, 128k for OpenAI's current models.
 */
export const DEFAULT_CONTEXT_TOKENS: Record<Exclude<LlmBackend, 'none'>, number> = {
  ollama: 4_096,
  vcf_private_ai: 4_096,
  openai: 128_000,
};

export function defaultContextTokens(backend: LlmBackend): number {
  return backend === 'none' ? DEFAULT_CONTEXT_TOKENS.ollama : DEFAULT_CONTEXT_TOKENS[backend];
}
