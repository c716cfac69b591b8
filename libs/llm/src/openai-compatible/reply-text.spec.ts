import fc from 'fast-check';
import { TrimmedDeltas } from './reply-text.js';

function shown(deltas: string[]): string[] {
  const trim = new TrimmedDeltas();
  return deltas.map((d) => trim.next(d)).filter((t) => t !== '');
}

describe('TrimmedDeltas', () => {
  it("drops a reply's leading space and its trailing newline, keeping inner spaces", () => {
    expect(shown([' measures', ' since', ' 1990', '.\n', '\n'])).toEqual([
      'measures',
      ' since',
      ' 1990',
      '.',
    ]);
  });

  it('holds spaces until text follows them', () => {
    expect(shown(['  ', 'a ', ' ', 'b', '  '])).toEqual(['a', '  b']);
  });

  it("joins to the whole reply's trim(), however the reply is split", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(' ', '\n', '\t', 'a', 'é', '.') })),
        (parts) => {
          expect(shown(parts).join('')).toBe(parts.join('').trim());
        },
      ),
    );
  });
});
