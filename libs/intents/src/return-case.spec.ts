import { returnCase } from './return-case.js';

describe('returnCase: whose doing the problem is (#21)', () => {
  it.each([
    'the cover is ripped in half',
    'my book arrived with water damage',
    'pages are missing from the book I got',
    'the spine is cracked and a few pages fell out',
    'you sent me the wrong book',
    'I got the wrong book in my package',
    "this isn't the book I ordered",
  ])('reads %j as damaged or sent in error', (message) => {
    expect(returnCase(message)).toBe('damaged');
  });

  it.each([
    'i ordered the wrong book, can i change it?',
    'I accidentally bought the wrong edition',
    'I picked the paperback by mistake, can I swap it for the hardcover',
    'changed my mind, can I get a different title',
  ])('reads %j as the shopper’s own choice', (message) => {
    expect(returnCase(message)).toBe('mistake');
  });

  it.each(['how do returns work', 'can I return a gift', 'where is my refund'])(
    'reads %j as neither',
    (message) => {
      expect(returnCase(message)).toBeUndefined();
    },
  );
});
