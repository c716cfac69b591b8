import { LlmUnavailableError } from '../llm-unavailable.error.js';
import type { LlmCallOptions, LlmMessage, LlmReply, LlmUsage } from '../llm.types.js';

/** Low enough that support answers stay on topic, high enough not to read as canned. */
const DEFAULT_TEMPERATURE = 0.3;

interface ChatCompletion {
  choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
}

/** The `/chat/completions` request body, streamed or not. */
export function completionBody(
  model: string,
  messages: LlmMessage[],
  options: LlmCallOptions,
  defaultMaxTokens: number,
  stream: boolean,
): string {
  return JSON.stringify({
    model,
    messages: messages.map(({ role, content }) => ({ role, content })),
    max_tokens: options.maxTokens ?? defaultMaxTokens,
    temperature: options.temperature ?? DEFAULT_TEMPERATURE,
    stream,
    ...(stream && { stream_options: { include_usage: true } }),
  });
}

/** The reply of a non-streamed completion; a body without a choice is a malformed response. */
export function parseCompletion(text: string): LlmReply {
  let completion: ChatCompletion;
  try {
    completion = JSON.parse(text) as ChatCompletion;
  } catch (err) {
    throw new LlmUnavailableError('malformed response', { cause: err });
  }
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice) throw new LlmUnavailableError('malformed response');
  const content = choice.message?.content;
  const finishReason = choice.finish_reason;
  return {
    // Trimmed as a stream of the same reply is: one text whichever path asked.
    text: typeof content === 'string' ? content.trim() : '',
    usage: usageOf(completion.usage),
    finishReason: typeof finishReason === 'string' ? finishReason : undefined,
  };
}

export function requestHeaders(
  token: string | undefined,
  json: boolean,
  stream = false,
): Record<string, string> {
  return {
    accept: stream ? 'text/event-stream' : 'application/json',
    ...(json && { 'content-type': 'application/json' }),
    ...(token && { authorization: `Bearer ${token}` }),
  };
}

function usageOf(usage: ChatCompletion['usage']): LlmUsage | undefined {
  if (!usage || typeof usage.prompt_tokens !== 'number') return undefined;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: typeof usage.completion_tokens === 'number' ? usage.completion_tokens : 0,
  };
}
