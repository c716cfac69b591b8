import { SseDecoder } from './sse-decoder.js';

const encode = (s: string) => new TextEncoder().encode(s);

function decodeInPieces(bytes: Uint8Array, size: number): string[] {
  const sse = new SseDecoder();
  const events: string[] = [];
  for (let i = 0; i < bytes.length; i += size)
    events.push(...sse.push(bytes.subarray(i, i + size)));
  return [...events, ...sse.end()];
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
    expect(sse.push(encode('data: one\n\ndata: [DONE]'))).toEqual(['one']);
    expect(sse.end()).toEqual(['[DONE]']);
  });

  it('dispatches nothing for a blank line without data', () => {
    const sse = new SseDecoder();
    expect(sse.push(encode('\n\n: ping\n\nid: 1\n\n'))).toEqual([]);
  });
});
