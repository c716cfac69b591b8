import { readEventStream } from './sse.js';

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  return new ReadableStream({
    pull(controller) {
      const next = bytes.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function events(chunks: string[]): Promise<Array<[string | undefined, string]>> {
  const seen: Array<[string | undefined, string]> = [];
  await readEventStream(body(chunks), {
    onEvent: (name, data) => seen.push([name, data]),
    onChunk: () => {},
    isCurrent: () => true,
  });
  return seen;
}

describe('reading the chat stream', () => {
  it('reads events split anywhere, even inside a character or a CRLF', async () => {
    const stream =
      'event: token\r\ndata: {"text":"Caf\u00e9"}\r\n\r\n: ping\n\nevent: done\ndata: {}\n\n';
    const whole = await events([stream]);
    expect(whole).toEqual([
      ['token', '{"text":"Café"}'],
      ['done', '{}'],
    ]);
    // Byte by byte: "é" is two bytes, "\r\n" two characters.
    const bytes = Array.from(new TextEncoder().encode(stream));
    const seen: Array<[string | undefined, string]> = [];
    await readEventStream(
      new ReadableStream({
        pull(c) {
          const b = bytes.shift();
          if (b === undefined) c.close();
          else c.enqueue(new Uint8Array([b]));
        },
      }),
      { onEvent: (n, d) => seen.push([n, d]), onChunk: () => {}, isCurrent: () => true },
    );
    expect(seen).toEqual(whole);
  });

  it('drops an event cut off before its blank line, and ends a stream closing on "\\r"', async () => {
    expect(await events(['event: done\ndata: {}\n'])).toEqual([]);
    expect(await events(['event: done\rdata: {}\r\r'])).toEqual([['done', '{}']]);
  });

  it('stops reading, and cancels the body, once the caller stops listening', async () => {
    let cancelled = false;
    let current = true;
    const seen: string[] = [];
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode('event: token\ndata: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    await readEventStream(stream, {
      onEvent: (_n, d) => {
        seen.push(d);
        current = seen.length < 3;
      },
      onChunk: () => {},
      isCurrent: () => current,
    });
    expect(seen).toHaveLength(3);
    expect(cancelled).toBe(true);
  });
});
