import type { Intent } from '../intent.types.js';
import { analyzeIntent, matchIntent } from './matcher.js';
import { CANNED_RESPONSES } from './responses.js';

const intentOf = (message: string): Intent => matchIntent(message).intent;

describe('matchIntent: the original plan phrases', () => {
  it.each<[Intent, string[]]>([
    ['greeting', ['Hi', 'Hello', 'Hey']],
    ['order_status', ['Where is my order?', 'Track order', 'Order status']],
    ['shipping', ['How long does shipping take?', 'Shipping time', 'Delivery']],
    ['returns', ['Return policy', 'How to return', 'Refund']],
    [
      'payment',
      ['Payment methods', 'How to pay', 'Credit card', 'What payment methods do you accept?'],
    ],
    [
      'recommendation',
      [
        'Book recommendation',
        'What should I read',
        'Bestsellers',
        'recommend a mystery',
        'any good sci-fi?',
      ],
    ],
  ])('%s', (intent, phrases) => {
    for (const phrase of phrases) {
      expect(matchIntent(phrase), phrase).toMatchObject({
        intent,
        response: CANNED_RESPONSES[intent as keyof typeof CANNED_RESPONSES],
      });
    }
  });

  it('answers the fallback text when nothing matches', () => {
    expect(matchIntent('what is the capital of france')).toEqual({
      intent: 'fallback',
      response: "I'm not sure about that. Please contact {support_email} for assistance.",
      entities: {},
    });
  });
});

describe('matchIntent: entities', () => {
  it('treats a bare order number as an order-status question', () => {
    expect(matchIntent('#123456')).toEqual({
      intent: 'order_status',
      response: CANNED_RESPONSES.order_status,
      entities: { orderId: '123456' },
    });
    expect(matchIntent('where is 123456')).toMatchObject({
      intent: 'order_status',
      entities: { orderId: '123456' },
    });
    expect(matchIntent('order no. 123456 please')).toMatchObject({
      intent: 'order_status',
      entities: { orderId: '123456' },
    });
  });

  it('keeps the order number when the question is about something else', () => {
    expect(matchIntent('I want a refund for order 123456')).toMatchObject({
      intent: 'returns',
      entities: { orderId: '123456' },
    });
  });

  it('reports the book category', () => {
    expect(matchIntent('recommend a mystery').entities).toEqual({ category: 'mystery' });
    expect(matchIntent('any good sci-fi?').entities).toEqual({ category: 'science fiction' });
    expect(matchIntent('fantasy').intent).toBe('recommendation');
  });
});

describe('matchIntent: priorities', () => {
  it.each<[string, Intent]>([
    ['hi, where is my order?', 'order_status'],
    ['hello, how do I get a refund', 'returns'],
    ['hey there, do you ship to Canada?', 'shipping'],
    ['good morning! which payment methods do you accept', 'payment'],
    ['hi, can you recommend a fantasy novel', 'recommendation'],
    ['I paid with my card but want my money back', 'returns'],
    ['how long do refunds take', 'returns'],
    ['how long does delivery take', 'shipping'],
    ['can I pay on delivery', 'payment'],
    ['hi, I forgot my password', 'fallback'],
  ])('%j -> %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });
});

describe('matchIntent: word boundaries and negative cues', () => {
  it.each<[string, Intent]>([
    ['this is a long relationship story', 'fallback'],
    ['which chip is in this phone', 'fallback'],
    ['book a flight to paris', 'fallback'],
    ['book a table for two tonight', 'fallback'],
    ['what time will you return', 'fallback'],
    ['how do I file my tax return', 'fallback'],
    ['the return on my investment', 'fallback'],
    ['how much do nurses get paid', 'fallback'],
    ['I need to pay my electricity bill', 'fallback'],
    ['track my fitness goals', 'fallback'],
    ['what is the order of operations', 'fallback'],
    ['recommend a good movie', 'fallback'],
    ['is the cruise ship leaving on time', 'fallback'],
    ['the police stopped me', 'fallback'],
    ['hey, tell me a joke', 'fallback'],
  ])('%j -> %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });

  // "human agent" and "customer service" ask for a person: handoff.spec.ts.
  it.each(['account', 'password', 'newsletter', 'complaint'])(
    '%j alone is not an intent',
    (message) => {
      expect(intentOf(message)).toBe('fallback');
    },
  );
});

describe('matchIntent: typos', () => {
  it.each<[string, Intent]>([
    ['refnd', 'returns'],
    ['how do i get a refnd', 'returns'],
    ['shiping to france', 'shipping'],
    ['paymnet methods', 'payment'],
    ['i want a reimbursment', 'returns'],
    ['do you shpi to Munich?', 'shipping'],
    ['track my ordr', 'order_status'],
    ['whats the staus of my order', 'order_status'],
    ['helo there', 'greeting'],
  ])('%j -> %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });

  it('reports what it corrected', () => {
    expect(analyzeIntent('refnd').words).toEqual(['refund']);
  });

  it.each<[string, Intent]>([
    ['acn i pay with paypal', 'payment'],
    ['hwo acn I pay', 'payment'],
    ['cna i send teh book back', 'returns'],
    ['whcih day will my order arrive', 'order_status'],
  ])('reads a function word typed with two letters swapped: %j -> %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });
});

describe('matchIntent: a greeting to the assistant by name', () => {
  it.each(['hey Ava', 'hi Leo!', 'good morning Nora', 'hello Sam, how are you?', 'hello chat bot'])(
    '%j is a greeting',
    (message) => {
      expect(intentOf(message)).toBe('greeting');
    },
  );

  it('takes one name only, and not a question', () => {
    expect(intentOf('hey what is the weather like')).toBe('fallback');
    expect(intentOf('hi there, my parcel never came')).toBe('order_status');
  });
});

describe('matchIntent: the newsletter is not an order', () => {
  it.each([
    'where do i order the newsletter',
    'track the newsletter I ordered',
    'my news letter never arrived',
  ])('%j -> fallback', (message) => {
    expect(intentOf(message)).toBe('fallback');
  });
});

describe('matchIntent: recommendations by popularity, reviews or reader', () => {
  it.each([
    'what are your well reviewed books',
    "what's most popular right now",
    'show me your highest rated novels',
    'something for a teenage girl',
    'what would a 12 year old enjoy',
    'what is everyone reading',
  ])('%j -> recommendation', (message) => {
    expect(intentOf(message)).toBe('recommendation');
  });

  it('leaves praise of things that are not books alone', () => {
    expect(intentOf("what's the most popular movie this year")).toBe('fallback');
    expect(intentOf("what's the highest rated social services non-profit")).toBe('fallback');
    expect(intentOf('do you sell ebooks?')).toBe('fallback');
  });
});

describe('matchIntent: phrasing variety', () => {
  it.each<[string, Intent]>([
    ['how are you doing today', 'greeting'],
    ["what's up", 'greeting'],
    ['good evening', 'greeting'],
    ['nice to meet you', 'greeting'],
    ['my package is late', 'order_status'],
    ['has my order shipped yet?', 'order_status'],
    ['I want to locate purchase 3707955617', 'order_status'],
    ['what are the delivery options', 'shipping'],
    ['can I place an order from Japan', 'shipping'],
    ['I want my money back', 'returns'],
    ['can I return a book I bought', 'returns'],
    ['do you accept paypal', 'payment'],
    ['can I pay in installments', 'payment'],
    ['I like thrillers, any suggestions?', 'recommendation'],
    ['books similar to harry potter', 'recommendation'],
  ])('%j -> %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });
});

describe('matchIntent: odd input', () => {
  it.each(['', '   ', '\n\t', '🙂🙂🙂', '?!.,', '💸 refund 💸'])(
    'does not throw on %j',
    (message) => {
      expect(() => matchIntent(message)).not.toThrow();
    },
  );

  it('treats blank messages and emoji that say nothing as fallback', () => {
    expect(intentOf('')).toBe('fallback');
    expect(intentOf('   ')).toBe('fallback');
    expect(intentOf('🦄')).toBe('fallback');
  });

  it('reads what an emoji-only message says', () => {
    expect(intentOf('🙂🙂🙂')).toBe('acknowledge');
    expect(intentOf('👍')).toBe('acknowledge');
    expect(intentOf('🙏')).toBe('thanks');
    expect(intentOf('😡')).toBe('frustrated');
  });

  it('copes with a 2000-character message', () => {
    const long = 'where is my order '.repeat(120).slice(0, 2000);
    expect(long).toHaveLength(2000);
    expect(intentOf(long)).toBe('order_status');
    expect(() => matchIntent('x'.repeat(2000))).not.toThrow();
    expect(() => matchIntent('a '.repeat(1000))).not.toThrow();
  });

  it('does not throw on a non-string from untyped callers', () => {
    expect(matchIntent(undefined as unknown as string).intent).toBe('fallback');
  });

  it('names the rule that decided', () => {
    expect(analyzeIntent('Refund').ruleId).toBe('returns.refund-word');
    expect(analyzeIntent('what is the capital of france').ruleId).toBeUndefined();
  });
});
