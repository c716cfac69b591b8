/* What the widget reads from the API's answers, whatever the endpoint. */

export type Body = Record<string, unknown>;

/** The JSON body as an object, or null (empty, not JSON, not an object). */
export async function readJson(res: Response): Promise<Body | null> {
  const text = await res.text();
  try {
    const body: unknown = text ? JSON.parse(text) : null;
    return body !== null && typeof body === 'object' ? (body as Body) : null;
  } catch {
    return null;
  }
}

/** The API's own message (the one error shape), or `fallback`. */
export function errorText(body: Body | null, fallback: string): string {
  const message = body?.message;
  if (typeof message === 'string' && message.trim()) return message;
  if (Array.isArray(message)) {
    const parts = message.filter(
      (part): part is string => typeof part === 'string' && !!part.trim(),
    );
    if (parts.length) return parts.join('\n');
  }
  return fallback;
}

// Support unreachable, failing or slow behind the gateway (502, 503, 504): worth sending again.
export function canRetry(res: Response): boolean {
  return res.status === 502 || res.status === 503 || res.status === 504;
}

export function discardBody(res: Response): void {
  res.body?.cancel().catch(() => {});
}
