import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import type { StoreApiClient } from '../store-client/store-api.client.js';
import { dialogueOf } from './dialogue.fixture.js';
import { readState } from './state.js';

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
    ) as StoreApiClient;
    const dialogue = dialogueOf(store, new ScriptedLlm('none', []));
    for (const message of [
      'Do you offer gift wrapping?',
      'any mysteries?',
      'Do you offer gift wrapping?',
    ])
      await dialogue.respond(dialogue.read(message, {}), {}, { sessionId: 's1' });
    expect(calls.filter((c) => c === 'catalog')).toHaveLength(1);
  });
});
