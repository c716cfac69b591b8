export interface JsonReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
}

/** A JSON request over real HTTP, timed. */
export async function json(
  url: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonReply> {
  const started = performance.now();
  const res = await fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}
