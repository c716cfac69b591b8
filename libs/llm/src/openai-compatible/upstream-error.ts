import { LlmUnavailableError, type ContextOverflow } from '../llm-unavailable.error.js';

/**
 * The message inside an error body: OpenAI's `{"error":{"message"}}`, Ollama's `{"error":"..."}`,
 * a bare `{"message"}`, or the start of a body that is not JSON at all.
 */
export function errorMessage(text: string): string | undefined {
  return messageOf(parsed(text));
}

export function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().replace(/\s+/g, ' ').slice(0, 200) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && error) return error;
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === 'string' && inner) return inner;
  }
  return typeof message === 'string' && message ? message : undefined;
}

/**
 * Statuses that refuse this request rather than report a server unwell: a bad request (llama.cpp
 * and vLLM answer a prompt over the context with 400), too large (413), unprocessable (422).
 */
const REQUEST_REFUSALS = [400, 413, 422];

/**
 * How servers word a prompt longer than their context: llama.cpp ("the request exceeds the
 * available context size", type `exceed_context_size_error`), OpenAI and vLLM ("maximum context
 * length", code `context_length_exceeded`), others ("prompt is too long", "too many tokens").
 */
const CONTEXT_WORDS =
  /exceeds? the (available )?context|context (size|length|window)|maximum context|context_length_exceeded|exceed_context_size|prompt is too long|too many tokens|input is too long/i;

export function httpError(status: number, text: string): LlmUnavailableError {
  return upstreamError(status, parsed(text), `HTTP ${status}`, REQUEST_REFUSALS.includes(status));
}

/**
 * An error a server reported inside a stream (llama.cpp's `error:` field, an error chunk), its
 * `code` read as the HTTP status it stands for. Only a context overflow refuses the request here:
 * vLLM sends every mid-stream failure, engine errors too, with code 400.
 */
export function streamError(body: unknown): LlmUnavailableError {
  const fields = errorFields(body);
  const code = typeof fields.code === 'number' ? fields.code : Number(fields.code);
  const status = Number.isInteger(code) && code >= 100 && code < 600 ? code : undefined;
  return upstreamError(status, body, 'stream error', false);
}

function upstreamError(
  status: number | undefined,
  body: unknown,
  prefix: string,
  statusRefuses: boolean,
): LlmUnavailableError {
  const message = messageOf(body);
  const reason = message ? `${prefix}: ${message}` : prefix;
  const context = contextOverflow(status, body, message);
  const refused = context !== undefined || statusRefuses;
  return new LlmUnavailableError(reason, {
    status,
    ...(refused && { outcome: 'refused' as const }),
    ...(context && { context }),
  });
}

/** The overflow a refusal describes, with the server's own figures when it gives them. */
function contextOverflow(
  status: number | undefined,
  body: unknown,
  message: string | undefined,
): ContextOverflow | undefined {
  const fields = errorFields(body);
  const named =
    status === 413 ||
    (typeof fields.type === 'string' && CONTEXT_WORDS.test(fields.type)) ||
    (typeof fields.code === 'string' && CONTEXT_WORDS.test(fields.code)) ||
    (message !== undefined && CONTEXT_WORDS.test(message));
  // A server error that mentions the context (a KV cache full mid-reply) is the server's problem.
  if (!named || (status !== undefined && status >= 500)) return undefined;
  const count = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
  return {
    ...(count(fields.n_prompt_tokens) && { promptTokens: count(fields.n_prompt_tokens) }),
    ...(count(fields.n_ctx) && { contextTokens: count(fields.n_ctx) }),
  };
}

/** The error object's own fields: `{"error":{...}}` or the object itself (llama.cpp's stream form). */
function errorFields(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const inner = (body as { error?: unknown }).error;
  return typeof inner === 'object' && inner !== null
    ? (inner as Record<string, unknown>)
    : (body as Record<string, unknown>);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Whether a failure says the backend is unwell (and so counts for the circuit): server errors,
 * rate limits, auth and request timeouts, our timeouts, dropped connections and garbled streams.
 * A refused request (a prompt over the context, another 4xx) is that request's problem, a call
 * that found no free connection (or waited for one until its deadline) never reached the backend,
 * and an abort is the caller's choice.
 */
export function isBackendFailure(err: unknown): boolean {
  if (!(err instanceof LlmUnavailableError)) return true;
  if (err.outcome === 'timeout') return !err.queued;
  if (err.outcome !== 'error') return false;
  const status = err.status;
  // An `error` with 400 is a stream's (an HTTP 400 is `refused`): vLLM's code for any failure.
  return (
    status === undefined || status >= 500 || status === 400 || [401, 408, 429].includes(status)
  );
}
