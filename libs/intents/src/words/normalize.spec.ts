import { normalize, stem, tokenize } from './normalize.js';

describe('normalize', () => {
  it('lowercases, strips accents and punctuation and collapses whitespace', () => {
    expect(normalize('  Héllo,   WORLD!!  Crème   brûlée?  ')).toBe('hello world creme brulee');
  });

  it('expands contractions typed with or without the apostrophe', () => {
    expect(normalize("Where's my order? I can't find it")).toBe(
      'where is my order i can not find it',
    );
    expect(normalize('whats up, i dont know, wanna chat')).toBe(
      'what is up i do not know want to chat',
    );
    expect(normalize('How’ve you been? I’d like that')).toBe('how have you been i would like that');
  });

  it('drops possessive endings', () => {
    expect(normalize("children's books")).toBe('children books');
  });

  it('splits hyphenated and glued words at punctuation', () => {
    expect(normalize('sci-fi refunding$299 #123456')).toBe('sci fi refunding 299 123456');
  });

  it('shrinks stretched letters', () => {
    expect(normalize('hiiii heyyyy')).toBe('hi hey');
  });

  it('returns an empty string for blank, emoji-only and punctuation-only input', () => {
    expect(normalize('')).toBe('');
    expect(normalize(' \n\t ')).toBe('');
    expect(normalize('🙂👍 ?!')).toBe('');
  });
});

describe('tokenize', () => {
  it('splits the normalised text into words', () => {
    expect(tokenize("Hi, where's #123456?")).toEqual(['hi', 'where', 'is', '123456']);
    expect(tokenize('   ')).toEqual([]);
  });
});

describe('stem', () => {
  it('gives inflections of one word the same stem', () => {
    const same = (words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
    same(['ship', 'ships', 'shipped', 'shipping', 'shipment', 'shipments']);
    same(['refund', 'refunds', 'refunded', 'refunding', 'refundable']);
    same(['reimburse', 'reimbursed', 'reimbursing', 'reimbursement', 'reimbursements']);
    same(['deliveries', 'delivery']);
    same(['arrive', 'arrived', 'arriving', 'arrival']);
    same(['locate', 'located', 'locating', 'location']);
  });

  it('keeps short words and numbers as they are', () => {
    expect(stem('is')).toBe('is');
    expect(stem('hey')).toBe('hey');
    expect(stem('123456')).toBe('123456');
  });

  it('keeps words whose ending only looks like a suffix', () => {
    expect(stem('status')).toBe('status');
    expect(stem('payment')).not.toBe(stem('pay'));
    expect(stem('installment')).not.toBe(stem('install'));
  });
});
