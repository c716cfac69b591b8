import { Readable } from 'node:stream';
import { CompletionStream } from './completion-stream.js';

const event = (data: unknown) =>
  `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
const chunk = (delta: object, finish: string | null = null) =>
  event({ object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

function body(...parts: string[]): Readable {
  return Readable.from(parts.map((p) => Buffer.from(p)));
}

async function all(stream: CompletionStream): Promise<string[]> {
  const out: string[] = [];
  for (let t = await stream.next(); t !== undefined; t = await stream.next()) out.push(t);
  return out;
}

describe('CompletionStream', () => {
  it('yields content deltas, skips role-only and empty ones, and keeps finish reason and usage', async () => {
    const stream = new CompletionStream(
      body(
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: 'Hello' }),
        chunk({ content: '' }),
        chunk({ content: ' there' }),
        chunk({}, 'stop'),
        event({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 2 } }),
        event('[DONE]'),
      ),
    );
    expect(await all(stream)).toEqual(['Hello', ' there']);
    expect(stream.complete).toBe(true);
    expect(stream.finishReason).toBe('stop');
    expect(stream.usage).toEqual({ promptTokens: 12, completionTokens: 2 });
  });

  it('fails on a chunk that is not JSON, after the deltas before it', async () => {
    const stream = new CompletionStream(body(chunk({ content: 'ok' }), event('{not json')));
    expect(await stream.next()).toBe('ok');
    await expect(stream.next()).rejects.toThrow('malformed chunk');
  });

  it('fails when the body ends without [DONE]', async () => {
    const stream = new CompletionStream(
      body(chunk({ content: 'par' }), chunk({ content: 'tial' })),
    );
    expect(await stream.next()).toBe('par');
    expect(await stream.next()).toBe('tial');
    await expect(stream.next()).rejects.toThrow('stream cut');
  });

  it('fails on an error event sent mid-stream', async () => {
    const stream = new CompletionStream(
      body(chunk({ content: 'a' }), event({ error: { message: 'model unloaded' } })),
    );
    expect(await stream.next()).toBe('a');
    await expect(stream.next()).rejects.toThrow('stream error: model unloaded');
  });

  it('keeps the deltas that arrived before the body was destroyed', async () => {
    const source = new Readable({ read: () => undefined });
    const stream = new CompletionStream(source);
    source.push(Buffer.from(chunk({ content: 'kept' })));
    await new Promise((r) => setImmediate(r));
    source.destroy(new Error('socket hang up'));
    expect(await stream.next()).toBe('kept');
    await expect(stream.next()).rejects.toThrow('stream cut');
  });

  it.each([
    ['llama.cpp error field', 'error: {"code":500,"message":"context shift is disabled"}\n\n'],
    ['SSE error event', 'event: error\ndata: {"message":"context shift is disabled"}\n\n'],
    ['OpenAI error chunk', event({ error: { message: 'context shift is disabled' } })],
    [
      'vLLM error chunk',
      event({ object: 'error', message: 'context shift is disabled', code: 400 }),
    ],
  ])('fails on a %s even when [DONE] follows it', async (_form, error) => {
    const stream = new CompletionStream(body(chunk({ content: 'a' }), error, event('[DONE]')));
    expect(await stream.next()).toBe('a');
    await expect(stream.next()).rejects.toThrow('stream error: context shift is disabled');
    expect(stream.complete).toBe(false);
  });
});
