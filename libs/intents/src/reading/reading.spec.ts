import { splitQuestions } from './questions.js';
import { understand } from './understanding.js';

describe('splitQuestions', () => {
  it('splits two questions on different topics', () => {
    expect(
      splitQuestions('what cards do you take, and can I return a book after two weeks?'),
    ).toEqual(['what cards do you take', 'can I return a book after two weeks?']);
  });

  it.each([
    'how long does shipping take?',
    'not a return question - how long does delivery take?',
    'I love mysteries, and do you have any new ones?',
    'how much is shipping? and how long does it take?',
  ])('keeps %j whole', (message) => {
    expect(splitQuestions(message)).toEqual([message]);
  });
});

describe('understand: a message read once', () => {
  it('reads its language, questions, intents and entities', () => {
    const heard = understand('what cards do you take, and can I return a book after two weeks?');
    expect(heard.language).toBe('en');
    expect(heard.parts.map((p) => p.match.intent)).toEqual(['payment', 'returns']);
    const order = understand('where is order 123456? my email is ann@example.com').parts[0];
    expect(order.orderId).toBe('123456');
    expect(order.email).toBe('ann@example.com');
    expect(order.cues.details).toBe(true);
    expect(order.cues.cancel).toBe(false);
  });

  it('reads another language with its English gloss, and keeps the conversation’s', () => {
    const heard = understand('¿Cuánto tarda el envío?');
    expect(heard.language).toBe('es');
    expect(heard.parts[0].match.intent).toBe('shipping');
    expect(heard.parts[0].search).not.toBe('');
    expect(understand('ok', { language: 'es' }).language).toBe('es');
  });

  it('reads a bare wrong-length number as an order number only when one was asked', () => {
    expect(understand('12345', { awaitingOrderNumber: true }).parts[0].wrongLength).toBe('12345');
    expect(understand('12345').parts[0].wrongLength).toBeUndefined();
  });

  it('reads the handoff’s answers and the books asked for', () => {
    expect([...understand('no thanks').answers]).toContain('decline');
    const books = understand('something like Dune for my 7 year old').parts[0].books;
    expect(books.like).toBeDefined();
    expect(books.forChild).toBe(true);
    expect(books.age).toBe(7);
  });
});
