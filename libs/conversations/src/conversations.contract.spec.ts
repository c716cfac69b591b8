import { dropPrefix, REDIS_URL, testPrefix, withRedis } from '../../../test/support/redis.js';
import { startBlackhole, TcpProxy } from '../../../test/support/tcp.js';
import { MemoryConversations } from './memory-conversations.js';
import { RedisConversations } from './redis-conversations.js';
import {
  ConversationBusyError,
  ConversationErasedError,
  type OpenTurn,
  type Conversations,
} from './conversations.js';
import type { NewTurn, SessionOptions } from './session.types.js';
import { STORED_PARTS_MAX } from './stored-turn.js';

const turn = (user: string, bot = 'ok'): NewTurn => ({
  timestamp: new Date().toISOString(),
  user,
  bot,
  intent: 'greeting',
  source: 'rules',
});

interface Harness {
  store: Conversations;
  /** Moves the store's clock (memory) or checks Redis TTLs (redis). */
  prefix: string;
  cleanup(): Promise<void>;
}

type Factory = (options: Omit<SessionOptions, 'prefix'>) => Harness;

let clock = 0;
const factories: Array<[string, Factory]> = [
  [
    'memory',
    (o) => {
      const prefix = 'chat:';
      return {
        store: new MemoryConversations({ ...o, prefix }, () => clock),
        prefix,
        cleanup: () => Promise.resolve(),
      };
    },
  ],
  [
    'redis',
    (o) => {
      const prefix = testPrefix('sessions');
      const store = new RedisConversations({
        ...o,
        prefix,
        url: REDIS_URL,
        commandTimeoutMs: 5_000,
      });
      return {
        store,
        prefix,
        cleanup: async () => {
          await store.close();
          await dropPrefix(prefix);
        },
      };
    },
  ],
];

describe.each(factories)('Conversations contract: %s', (kind, make) => {
  let h: Harness;
  beforeEach(async () => {
    clock = Date.now();
    h = make({ maxTurns: 5, ttlSeconds: 86_400 });
    if (kind === 'redis') await waitReady(h.store);
  });
  afterEach(() => h.cleanup());

  it('appends numbered turns and returns them oldest first', async () => {
    expect(await h.store.saveTurn('s1', turn('a'), { keep: true })).toBe(1);
    expect(await h.store.saveTurn('s1', turn('b'), { keep: true })).toBe(2);
    expect(await h.store.saveTurn('s2', turn('x'), { keep: true })).toBe(1);
    const history = await h.store.history('s1');
    expect(history.map((t) => [t.turn, t.user])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(history[0]).toMatchObject({ bot: 'ok', intent: 'greeting', source: 'rules' });
    expect(await h.store.history('nobody')).toEqual([]);
  });

  it("keeps an answer's quick replies, book cards and links with its turn", async () => {
    const book = {
      title: 'Dune',
      author: 'Frank Herbert',
      price: 10.99,
      category: 'science-fiction',
      url: '/#book-1',
    };
    const parts = {
      suggestions: ['Track my order', 'Returns'],
      books: [book, { ...book, title: 'Circe', url: 'https://shop.example/#book-2' }],
      links: [{ label: 'Email the support team', url: 'mailto:support@bookstore.com' }],
    };
    await h.store.saveTurn('parts-1', { ...turn('books please'), ...parts }, { keep: true });
    await h.store.saveTurn('parts-1', turn('thanks'), { keep: true });
    const [first, second] = await h.store.history('parts-1');
    expect(first).toMatchObject({ turn: 1, user: 'books please', ...parts });
    // A plain answer has none, not empty lists.
    for (const key of ['suggestions', 'books', 'links']) expect(second).not.toHaveProperty(key);
  });

  it('reads back only well-formed parts, and no more of each than the bound', async () => {
    const good = { title: 'Dune', author: 'F. H.', price: 9, category: 'sf', url: '/#book-1' };
    const stored = {
      ...turn('odd parts'),
      suggestions: [
        'ok',
        '',
        42,
        'x'.repeat(301),
        ...Array.from({ length: 20 }, (_, i) => `s${i}`),
      ],
      books: [
        good,
        { ...good, url: 'javascript:alert(1)' },
        { ...good, url: '//evil.example/x' },
        { ...good, price: -1 },
        { ...good, title: undefined },
        'Dune',
        null,
        ...Array.from({ length: 20 }, () => good),
      ],
      links: [
        { label: 'Help', url: 'https://help.example/a' },
        { label: 'Bad', url: 'data:text/html,<b>x</b>' },
        { label: '', url: 'mailto:a@b.example' },
      ],
    } as unknown as NewTurn;
    await h.store.saveTurn('parts-2', stored, { keep: true });
    await h.store.saveTurn('parts-2', { ...turn('none'), books: 'Dune' } as unknown as NewTurn, {
      keep: true,
    });
    const [read, plain] = await h.store.history('parts-2');
    expect(read.suggestions).toEqual(['ok', ...Array.from({ length: 7 }, (_, i) => `s${i}`)]);
    expect(read.suggestions).toHaveLength(STORED_PARTS_MAX.suggestions);
    expect(read.books).toEqual(Array.from({ length: STORED_PARTS_MAX.books }, () => good));
    expect(read.links).toEqual([{ label: 'Help', url: 'https://help.example/a' }]);
    expect(plain).not.toHaveProperty('books');
    expect(plain).toMatchObject({ user: 'none', bot: 'ok' });
  });

  it('keeps only the newest maxTurns turns', async () => {
    for (let i = 1; i <= 8; i++) await h.store.saveTurn('s', turn(`m${i}`), { keep: true });
    expect((await h.store.history('s')).map((t) => t.turn)).toEqual([4, 5, 6, 7, 8]);
  });

  it('expires a conversation after the TTL and refreshes it on each turn', async () => {
    await h.store.saveTurn('s', turn('a'), { set: { pending: 'order_number' } });
    if (kind === 'redis') {
      await withRedis(async (redis) => {
        await redis.expire(`${h.prefix}s`, 100);
        await h.store.saveTurn('s', turn('b'), { keep: true });
        for (const suffix of ['', ':seq', ':state']) {
          const ttl = await redis.ttl(`${h.prefix}s${suffix}`);
          expect(ttl, suffix).toBeGreaterThan(86_000);
          expect(ttl, suffix).toBeLessThanOrEqual(86_400);
        }
      });
    } else {
      clock += 86_000_000;
      await h.store.saveTurn('s', turn('b'), { keep: true });
      clock += 86_000_000;
      expect(await h.store.history('s')).toHaveLength(2);
      clock += 1_000_000;
      expect(await h.store.history('s')).toEqual([]);
      expect(await stateOf(h.store, 's')).toBeNull();
    }
  });

  it('sets, keeps and clears the conversation state with the turn', async () => {
    expect(await stateOf(h.store, 's')).toBeNull();
    await h.store.saveTurn('s', turn('where is my order'), { set: { pending: 'order_number' } });
    expect(await stateOf(h.store, 's')).toEqual({ pending: 'order_number' });
    await h.store.saveTurn('s', turn('hm'), { keep: true });
    expect(await stateOf(h.store, 's')).toEqual({ pending: 'order_number' });
    await h.store.saveTurn('s', turn('123456'), { clear: true });
    expect(await stateOf(h.store, 's')).toBeNull();
  });

  it('opens a turn with its state and last turns, and saving it frees the conversation', async () => {
    for (const [i, u] of ['a', 'b', 'c'].entries()) {
      await h.store.saveTurn(
        'open-1',
        turn(u),
        i === 2 ? { set: { pending: 'email' } } : { keep: true },
      );
    }
    await h.store.rate('open-1', 3, 'up');
    const open = await h.store.beginTurn('open-1', 2);
    expect(open.state).toEqual({ pending: 'email' });
    expect(open.recent.map((t) => [t.turn, t.user, t.rating])).toEqual([
      [2, 'b', undefined],
      [3, 'c', undefined],
    ]);
    expect((await h.store.beginTurn('new-1', 4)).recent).toEqual([]);
    expect(await open.save(turn('d'), { keep: true })).toBe(4);
    if (kind === 'redis') {
      await withRedis(async (redis) => {
        expect(await redis.exists(`${h.prefix}open-1:lock`)).toBe(0);
      });
    }
    // The next turn needs no wait, and the first one's late release takes nothing from it.
    const next = await h.store.beginTurn('open-1');
    await open.release();
    expect(await next.save(turn('e'), { keep: true })).toBe(5);
    await next.release();
  });

  it('stores feedback with a turn that is still kept, and refuses others', async () => {
    for (let i = 1; i <= 7; i++) await h.store.saveTurn('s', turn(`m${i}`), { keep: true });
    expect(await h.store.rate('s', 6, 'up')).toBe(true);
    expect(await h.store.rate('s', 7, 'down')).toBe(true);
    expect(await h.store.rate('s', 6, 'down')).toBe(true);
    expect(await h.store.rate('s', 2, 'up')).toBe(false); // trimmed away
    expect(await h.store.rate('s', 8, 'up')).toBe(false); // not yet said
    expect(await h.store.rate('s', 0, 'up')).toBe(false);
    expect(await h.store.rate('other', 1, 'up')).toBe(false);
    const rated = (await h.store.history('s')).map((t) => [t.turn, t.rating]);
    expect(rated).toEqual([
      [3, undefined],
      [4, undefined],
      [5, undefined],
      [6, 'down'],
      [7, 'down'],
    ]);
  });

  it('takes a rating back', async () => {
    for (let i = 1; i <= 2; i++) await h.store.saveTurn('s', turn(`m${i}`), { keep: true });
    await h.store.rate('s', 1, 'up');
    await h.store.rate('s', 2, 'down');
    expect(await h.store.rate('s', 2, null)).toBe(true);
    expect(await h.store.rate('s', 2, null)).toBe(true); // already clear: still fine
    expect(await h.store.rate('s', 3, null)).toBe(false);
    const turns = await h.store.history('s');
    expect(turns.map((t) => t.rating)).toEqual(['up', undefined]);
    expect('rating' in turns[1]).toBe(false);
  });

  it('erases turns, state and feedback on delete', async () => {
    await h.store.saveTurn('s', turn('a'), { set: { pending: 'x' } });
    await h.store.rate('s', 1, 'up');
    await h.store.delete('s');
    expect(await h.store.history('s')).toEqual([]);
    expect(await stateOf(h.store, 's')).toBeNull();
    expect(await h.store.saveTurn('s', turn('again'), { keep: true })).toBe(1);
    if (kind === 'redis') {
      await h.store.delete('s');
      await withRedis(async (redis) => {
        // Only readiness's own probe, which expires by itself.
        expect(await redis.keys(`${h.prefix}*`)).toEqual(
          (await redis.exists(`${h.prefix}:ready-probe`)) ? [`${h.prefix}:ready-probe`] : [],
        );
      });
    }
  });

  it('runs one turn of a conversation at a time, and others beside it', async () => {
    const order: string[] = [];
    const turnOf = (id: string, name: string, ms: number) =>
      inTurn(h.store, id, async () => {
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name}:end`);
      });
    await Promise.all([
      turnOf('locked-1', 'a', 150),
      turnOf('locked-1', 'b', 10),
      turnOf('other-1', 'c', 10),
    ]);
    expect(order.indexOf('b:start')).toBeGreaterThan(order.indexOf('a:end'));
    expect(order.indexOf('c:end')).toBeLessThan(order.indexOf('a:end'));
  });

  it('refuses a turn with a 409 after the bounded wait, and frees the lock after a failure', async () => {
    await h.cleanup();
    h = make({ maxTurns: 5, ttlSeconds: 600, turnLockWaitMs: 100 });
    if (kind === 'redis') await waitReady(h.store);
    const slow = inTurn(h.store, 'busy-1', () => new Promise((r) => setTimeout(r, 400)));
    await new Promise((r) => setTimeout(r, 20));
    await expect(inTurn(h.store, 'busy-1', () => Promise.resolve())).rejects.toMatchObject({
      status: 409,
    });
    await slow;
    await expect(
      inTurn(h.store, 'busy-1', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await inTurn(h.store, 'busy-1', () => Promise.resolve('free'))).toBe('free');
  });

  it('saves nothing for a turn that was running when the conversation was erased', async () => {
    await h.store.saveTurn('erased-1', turn('before'), { set: { verified: ['123456'] } });
    await expect(
      inTurn(h.store, 'erased-1', async (open) => {
        await h.store.delete('erased-1');
        return open.save(turn('during'), { set: { verified: ['123456'] } });
      }),
    ).rejects.toBeInstanceOf(ConversationErasedError);
    expect(await h.store.history('erased-1')).toEqual([]);
    expect(await stateOf(h.store, 'erased-1')).toBeNull();
    // The conversation may start again afterwards.
    expect(
      await inTurn(h.store, 'erased-1', (open) => open.save(turn('again'), { keep: true })),
    ).toBe(1);
    if (kind === 'redis') {
      await withRedis(async (redis) => {
        expect(await redis.exists(`${h.prefix}erased-1:lock`)).toBe(0);
      });
    }
  });

  it("keeps each turn's own token: a newer turn never lends it to an older one", async () => {
    await h.store.saveTurn('own-1', turn('before'), { set: { verified: ['123456'] } });
    const older = await h.store.beginTurn('own-1');
    await h.store.delete('own-1');
    // A newer turn of the same conversation in the same process, saved before the older ends.
    const newer = await h.store.beginTurn('own-1');
    expect(await newer.save(turn('newer'), { keep: true })).toBe(1);
    await expect(
      older.save(turn('older'), { set: { verified: ['123456'] } }),
    ).rejects.toBeInstanceOf(ConversationErasedError);
    await older.release();
    expect((await h.store.history('own-1')).map((t) => t.user)).toEqual(['newer']);
    expect(await stateOf(h.store, 'own-1')).toBeNull();
  });

  it('never saves past a running turn without its token', async () => {
    const open = await h.store.beginTurn('busy-2');
    await expect(
      h.store.saveTurn('busy-2', turn('outside'), { keep: true }),
    ).rejects.toBeInstanceOf(ConversationBusyError);
    expect(await open.save(turn('inside'), { keep: true })).toBe(1);
    expect(await h.store.saveTurn('busy-2', turn('after'), { keep: true })).toBe(2);
  });

  it('loses none of 10,000 concurrent turns over 100 sessions', async () => {
    await h.cleanup();
    h = make({ maxTurns: 100, ttlSeconds: 600 });
    if (kind === 'redis') await waitReady(h.store);
    const sessions = Array.from({ length: 100 }, (_, i) => `load-${i}`);
    const numbers = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) =>
        h.store.saveTurn(sessions[i % 100], turn(`m${i}`), { keep: true }),
      ),
    );
    expect(numbers).toHaveLength(10_000);
    for (const id of sessions) {
      const history = await h.store.history(id);
      expect(history).toHaveLength(100);
      expect(history.map((t) => t.turn)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    }
  });
});

describe('RedisConversations with data it did not write', () => {
  it('opens a turn and reads the history over state or turns that do not parse, keeping the lock', async () => {
    const prefix = testPrefix('unparsable');
    const store = new RedisConversations({
      prefix,
      maxTurns: 10,
      ttlSeconds: 60,
      url: REDIS_URL,
      commandTimeoutMs: 5_000,
    });
    try {
      await waitReady(store);
      await store.saveTurn('bad-1', turn('a'), { keep: true });
      await withRedis(async (redis) => {
        await redis.set(`${prefix}bad-1:state`, '{not json');
        await redis.rpush(`${prefix}bad-1`, 'garbage');
      });
      const open = await store.beginTurn('bad-1', 5);
      expect(open.state).toBeNull();
      expect(open.recent.map((t) => t.user)).toEqual(['a']);
      // The history too: the line that is not a turn is left out, the others are read.
      expect((await store.history('bad-1')).map((t) => t.user)).toEqual(['a']);
      // Still this turn's lock: the save is not refused as if the conversation had been erased.
      expect(await open.save(turn('b'), { keep: true })).toBe(2);
      await open.release();
    } finally {
      await store.close();
      await dropPrefix(prefix);
    }
  });
});

describe('RedisConversations when Redis fails', () => {
  const options = { prefix: 'unused:', maxTurns: 10, ttlSeconds: 60, commandTimeoutMs: 300 };

  it('fails fast when nothing listens', async () => {
    const store = new RedisConversations({ ...options, url: 'redis://127.0.0.1:1' });
    const started = Date.now();
    // A turn still opens, without memory or lock; a save fails for the caller to decide.
    expect(await store.beginTurn('s', 5)).toMatchObject({ state: null, recent: [] });
    await expect(store.saveTurn('s', turn('a'), { keep: true })).rejects.toThrow();
    await expect(store.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(500);
    await store.close();
  });

  it('gives up on a Redis that accepts connections and never answers', async () => {
    const hole = await startBlackhole();
    const store = new RedisConversations({ ...options, url: `redis://127.0.0.1:${hole.port}` });
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow();
    expect(await store.beginTurn('s', 5)).toMatchObject({ state: null, recent: [] });
    expect(Date.now() - started).toBeLessThan(1_500);
    await store.close();
    await hole.close();
  });

  it('writes again by itself once Redis is back', async () => {
    const proxy = await new TcpProxy(Number(new URL(REDIS_URL).port || 6379)).start();
    const prefix = testPrefix('recovery');
    const store = new RedisConversations({
      ...options,
      prefix,
      url: `redis://127.0.0.1:${proxy.port}/${new URL(REDIS_URL).pathname.slice(1) || 0}`,
    });
    try {
      await waitReady(store);
      expect(await store.saveTurn('s', turn('before'), { keep: true })).toBe(1);
      await proxy.stop();
      await expect(store.saveTurn('s', turn('during'), { keep: true })).rejects.toThrow();
      await proxy.start();
      await waitReady(store, 10_000);
      expect(await store.saveTurn('s', turn('after'), { keep: true })).toBe(2);
      expect((await store.history('s')).map((t) => t.user)).toEqual(['before', 'after']);
    } finally {
      await store.close();
      await proxy.stop();
      await dropPrefix(prefix);
    }
  });
});

/** Runs `fn` inside a turn of the conversation, closing the turn whatever happens. */
async function inTurn<T>(
  store: Conversations,
  sessionId: string,
  fn: (open: OpenTurn) => Promise<T>,
): Promise<T> {
  const turn = await store.beginTurn(sessionId);
  try {
    return await fn(turn);
  } finally {
    await turn.release();
  }
}

/** The conversation's state, as the next turn would start from it. */
async function stateOf(store: Conversations, sessionId: string) {
  const open = await store.beginTurn(sessionId);
  await open.release();
  return open.state;
}

async function waitReady(store: Conversations, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await store.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
