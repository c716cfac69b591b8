import { SseDecoder, type SseEvent } from './sse-decoder.js';

const encode = (s: string) => new TextEncoder().encode(s);

function eventsInPieces(bytes: Uint8Array, size: number): SseEvent[] {
  const sse = new SseDecoder();
  const events: SseEvent[] = [];
  for (let i = 0; i < bytes.length; i += size)
    events.push(...sse.push(bytes.subarray(i, i + size)));
  return [...events, ...sse.end()];
}

function decodeInPieces(bytes: Uint8Array, size: number): string[] {
  return eventsInPieces(bytes, size).map((e) => e.data);
}

describe('SseDecoder', () => {
  const body =
    ': keep-alive comment\n\n' +
    'data: {"text":"Café ☕"}\n\n' +
    'event: message\r\nid: 7\r\ndata:{"text":"📚 no space after the colon"}\r\n\r\n' +
    'data: first line\ndata: second line\n\n' +
    'retry: 1000\rdata: [DONE]\r\r';
  const expected = [
    '{"text":"Café ☕"}',
    '{"text":"📚 no space after the colon"}',
    'first line\nsecond line',
    '[DONE]',
  ];

  it('reads data events, skipping comments and other fields, with any line ending', () => {
    expect(decodeInPieces(encode(body), 1_000_000)).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7, 13])(
    'gives the same events when the body arrives in %i-byte pieces',
    (size) => {
      expect(decodeInPieces(encode(body), size)).toEqual(expected);
    },
  );

  it('keeps a last event that lacks its blank line when the body ends', () => {
    const sse = new SseDecoder();
    expect(sse.push(encode('data: one\n\ndata: [DONE]'))).toEqual([{ data: 'one' }]);
    expect(sse.end()).toEqual([{ data: '[DONE]' }]);
  });

  it('dispatches nothing for a blank line without data', () => {
    const sse = new SseDecoder();
    expect(sse.push(encode('\n\n: ping\n\nid: 1\n\n'))).toEqual([]);
  });

  // llama.cpp's server: `error:` is not a standard field, and a TCP read may split its line.
  const llamaError =
    'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n' +
    'error: {"code":500,"message":"context shift is disabled","type":"server_error"}\n\n' +
    'data: [DONE]\n\n';

  it.each([1, 2, 3, 4, 7, 1_000_000])(
    "reads llama.cpp's non-standard error field as an error event, in %i-byte pieces",
    (size) => {
      expect(eventsInPieces(encode(llamaError), size)).toEqual([
        { data: '{"choices":[{"delta":{"content":"Hi"}}]}' },
        {
          type: 'error',
          data: '{"code":500,"message":"context shift is disabled","type":"server_error"}',
        },
        { data: '[DONE]' },
      ]);
    },
  );

  it('keeps the event type', () => {
    const sse = new SseDecoder();
    expect(sse.push(encode('event: error\ndata: {"message":"overloaded"}\n\n'))).toEqual([
      { type: 'error', data: '{"message":"overloaded"}' },
    ]);
  });
});
