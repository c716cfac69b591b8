import { jsonDepth, reservedKeyIn } from './body-shape.js';

describe('jsonDepth', () => {
  it.each([
    ['"[[[["', 0],
    ['{"a":1}', 1],
    ['[[],[[]]]', 3],
    ['{"a":"}}}{{{","b":[{"c":"\\"["}]}', 3],
    ['['.repeat(2000) + ']'.repeat(2000), 2000],
  ])('%s is %i deep', (json, depth) => {
    expect(jsonDepth(Buffer.from(json))).toBe(depth);
  });
});

describe('reservedKeyIn', () => {
  it('finds keys that object mapping would skip, at any depth', () => {
    expect(reservedKeyIn(JSON.parse('{"message":"hi","__proto__":null}'))).toBe('__proto__');
    expect(reservedKeyIn({ a: [{ b: { constructor: 1 } }] })).toBe('constructor');
    expect(reservedKeyIn({ prototype: 1 })).toBe('prototype');
    expect(reservedKeyIn({ toString: 'x' })).toBe('toString');
    expect(reservedKeyIn({ message: 'constructor', session_id: 'abc' })).toBeUndefined();
    expect(reservedKeyIn('text')).toBeUndefined();
    expect(reservedKeyIn(null)).toBeUndefined();
  });
});
