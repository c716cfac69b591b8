import { extractCategory, extractOrderId } from './entities.js';

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
