import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import { MemorySessionStore } from '@bookstore/sessions';
import type { BookstoreClient } from '../store-client/bookstore.client.js';
import { CatalogIndex } from './catalog.js';
import { DialogueService, readState, splitQuestions } from './dialogue.service.js';
import { HandoffService } from './handoff.service.js';
import { HelpCenter } from './help-center.js';

describe('readState', () => {
  it('keeps what it knows', () => {
    const state = {
      pending: 'order_email',
      orderId: '123456',
      verified: [{ orderId: '123456', summary: 'Order #123456 is shipped.' }],
      books: { category: 'mystery', exclude: ['romance'], bestseller: true, shown: [8, 9] },
      topic: 'shipping',
    };
    expect(readState(state)).toEqual(state);
  });

  it('drops what a tampered or older session holds', () => {
    expect(
      readState({
        pending: 'drop_tables',
        topic: 'weather',
        orderId: '12345',
        verified: [{ orderId: 1 }, 'x'],
        books: {
          category: 'Mystery; DROP',
          author: 'x'.repeat(500),
          exclude: ['romance', 7, '../etc'],
          shown: [1, '2', 3.5, 4],
        },
      }),
    ).toEqual({ verified: [], books: { exclude: ['romance'], shown: [1, 4] } });
    expect(readState({ books: { category: 'mystery' } })).toEqual({});
    expect(readState(null)).toEqual({});
  });

  it('remembers at most the last 60 books shown', () => {
    const shown = Array.from({ length: 100 }, (_, i) => i);
    expect(readState({ books: { shown } }).books?.shown).toEqual(shown.slice(-60));
  });
});

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

describe('DialogueService and the store', () => {
  it('asks the store for the catalog once a minute, not on every turn', async () => {
    const calls: string[] = [];
    // A store with one category and no books, help articles or orders, that counts what it is asked.
    const store = new Proxy(
      {},
      {
        get: (_t, name: string) => () => {
          calls.push(name);
          return Promise.resolve(
            name === 'catalog'
              ? {
                  kind: 'catalog',
                  etag: '"v1"',
                  catalog: { categories: [{ slug: 'mystery', name: 'Mystery' }], items: [] },
                }
              : [],
          );
        },
      },
    ) as BookstoreClient;
    const dialogue = new DialogueService(
      store,
      new CatalogIndex(store),
      new HelpCenter(store),
      new HandoffService(
        store,
        new ScriptedLlm('none', []),
        new MemorySessionStore({ prefix: 'chat:', maxTurns: 20, ttlSeconds: 60 }),
      ),
    );
    for (const message of [
      'Do you offer gift wrapping?',
      'any mysteries?',
      'Do you offer gift wrapping?',
    ])
      await dialogue.respond(message, {}, { sessionId: 's1' });
    expect(calls.filter((c) => c === 'catalog')).toHaveLength(1);
  });
});
