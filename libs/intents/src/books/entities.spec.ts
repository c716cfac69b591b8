import { extractCategory, extractOrderId, extractWrongLengthOrderNumber } from './entities.js';

describe('extractOrderId', () => {
  it.each([
    ['#123456', '123456'],
    ['123456', '123456'],
    ['where is 123456', '123456'],
    ['order 123456', '123456'],
    ['order no. 123456', '123456'],
    ['Order #123456 still not here!', '123456'],
    ['order number: 004512, please', '004512'],
    ['orders 123456 654321', '123456'],
    ['my phone is 555-1234 and my order is 123456', '123456'],
    ['status of order 456 789?', '456789'],
    ['check #678-901 for me', '678901'],
    ['track 123-456', '123456'],
    ['Order No: 234567', '234567'],
    ['order number 345 678 please', '345678'],
  ])('finds the order number in %j', (message, id) => {
    expect(extractOrderId(message)).toBe(id);
  });

  it.each([
    ['order 12345', 'five digits'],
    ['order 1234567', 'seven digits'],
    ['order 00123842', 'eight digits'],
    ['call me on 555 123456', 'phone number in groups'],
    ['my phone number is 123456', 'introduced as a phone number'],
    ['+123456', 'international prefix'],
    ['card 4111 1111 1111 1111', 'card number in groups'],
    ['4111-1111-1111-1111', 'card number with dashes'],
    ['my card ending 123456', 'introduced as a card'],
    ['zip code 123456', 'postal code'],
    ['I paid $123456', 'amount'],
    ['123456 dollars', 'amount in words'],
    ['123,456.78', 'formatted amount'],
    ['2024-05-06', 'date'],
    ['abc123456', 'glued to letters'],
    ['no numbers here', 'no number'],
    ['call me at 555-123', 'grouped digits with no order word'],
    ['I paid 123 456 dollars', 'an amount in groups'],
  ])('ignores %j (%s)', (message) => {
    expect(extractOrderId(message)).toBeUndefined();
  });
});

describe('extractCategory', () => {
  it.each([
    ['recommend a mystery', 'mystery'],
    ['any good sci-fi?', 'science fiction'],
    ['I love scifi', 'science fiction'],
    ['science-fiction novels', 'science fiction'],
    ['Science Fiction', 'science fiction'],
    ['some fantasy please', 'fantasy'],
    ['romance novels', 'romance'],
    ['a gripping thriller', 'thriller'],
    ['biographies of artists', 'biography'],
    ['a history book', 'history'],
    ["children's books", 'children'],
    ['something for my kids', 'children'],
    ['literary fiction', 'fiction'],
    ['non-fiction', 'non-fiction'],
    ['nonfiction titles', 'non-fiction'],
    ['self-help', 'self-help'],
    ['poetry collections', 'poetry'],
    ['horror stories', 'horror'],
    ['young adult fiction', 'young adult'],
    ['ya novels', 'young adult'],
    ['cookbooks', 'cooking'],
    ['business books', 'business'],
    ['popular science', 'science'],
    ['a good mistery', 'mystery'],
  ])('reads %j as %j', (message, category) => {
    expect(extractCategory(message)).toBe(category);
  });

  it('returns the first category named', () => {
    expect(extractCategory('horror or romance?')).toBe('horror');
  });

  it.each([
    'show me my order history',
    'delivery takes 5 business days',
    'how ya doing',
    'where is my order',
    '',
  ])('finds no category in %j', (message) => {
    expect(extractCategory(message)).toBeUndefined();
  });
});

describe('extractWrongLengthOrderNumber', () => {
  it.each([
    ['is order 98765 on its way', '98765'],
    ['my order is 12345', '12345'],
    ['order #1234567', '1234567'],
    ['#4321', '4321'],
    ['order number: 1234', '1234'],
  ])('reads %j as an order number of the wrong length', (message, digits) => {
    expect(extractWrongLengthOrderNumber(message)).toBe(digits);
  });

  it('reads a bare number once an order number was asked for', () => {
    expect(extractWrongLengthOrderNumber('98765', true)).toBe('98765');
    expect(extractWrongLengthOrderNumber('98765')).toBeUndefined();
  });

  it.each([
    'order 123456',
    'I ordered 3 books',
    'my order was $12345',
    'order 12345 dollars worth',
    'it took 12 days',
    'call 5551234',
  ])('finds none in %j', (message) => {
    expect(extractWrongLengthOrderNumber(message)).toBeUndefined();
  });
});
