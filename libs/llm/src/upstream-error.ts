import { LlmUnavailableError } from './llm-unavailable.error.js';

/**
 * The message inside an error body: OpenAI's `{"error":{"message"}}`, Ollama's `{"error":"..."}`,
 * a bare `{"message"}`, or the start of a body that is not JSON at all.
 */
export function errorMessage(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const plain = text.trim().replace(/\s+/g, ' ');
    return plain ? plain.slice(0, 200) : undefined;
  }
  return messageOf(body);
}

export function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && error) return error;
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === 'string' && inner) return inner;
  }
  return typeof message === 'string' && message ? message : undefined;
}

export function httpError(status: number, text: string): LlmUnavailableError {
  const message = errorMessage(text);
  return new LlmUnavailableError(message ? `HTTP ${status}: ${message}` : `HTTP ${status}`, {
    status,
  });
}

/**
 * Whether a failure says the backend is unwell (and so counts for the circuit): server errors,
 * rate limits, auth and request timeouts, our timeouts, dropped connections and garbled streams.
 * Other 4xx are the caller's fault and an abort is the caller's choice.
 */
export function isBackendFailure(err: unknown): boolean {
  if (!(err instanceof LlmUnavailableError)) return true;
  if (err.outcome === 'timeout') return true;
  if (err.outcome !== 'error') return false;
  const status = err.status;
  return status === undefined || status >= 500 || [401, 408, 429].includes(status);
}
