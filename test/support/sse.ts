export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
  /** Milliseconds since the request was sent. */
  at: number;
}

/** Posts to an event-stream endpoint and collects the events with their arrival times. */
export async function readEvents(
  url: string,
  body: unknown,
  options: {
    signal?: AbortSignal;
    onEvent?: (e: ReceivedEvent) => void;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; events: ReceivedEvent[] }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...options.headers,
    },
    body: JSON.stringify(body),
    signal: options.signal,
  });
  const events: ReceivedEvent[] = [];
  if (!res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return { status: res.status, events };
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!name || data === undefined) continue;
        const e = {
          event: name,
          data: JSON.parse(data) as Record<string, unknown>,
          at: performance.now() - started,
        };
        events.push(e);
        options.onEvent?.(e);
      }
    }
  } catch (err) {
    if (!options.signal?.aborted) throw err;
  }
  return { status: res.status, events };
}
