import { json } from '../support/http.js';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.js';
import pg from 'pg';
import { closedPort } from '../support/http-server.js';
import { createSchema } from '../support/postgres.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';

/*
 * #22: a chatbot turn calls back into the gateway at most once, even cold (a chatbot that has
 * kept nothing yet), and the gateway never calls the chatbot back during a turn. A proxy on each
 * side counts what crosses it.
 */
const INTERNAL = 'calls-per-turn-internal-token';
const AGENTS = 'calls-per-turn-agent-token';

let gateway: RunningApp;
/** The chatbot's calls to the gateway's store API. */
let toGateway: CountingProxy;
/** The gateway's calls to the chatbot. */
let toChatbot: CountingProxy;
let chatbot: RunningApp | undefined;
let schema: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  toChatbot = await startCountingProxy();
  schema = await createSchema();
  gateway = await startGateway({
    DATABASE_URL: schema.url,
    DATABASE_POOL_SIZE: '3',
    CHAT_SERVICE_URL: toChatbot.url,
    INTERNAL_API_TOKEN: INTERNAL,
    SUPPORT_API_TOKEN: AGENTS,
    SUPPORT_RETRY_INTERVAL_MS: '300',
  });
  toGateway = await startCountingProxy(gateway.url);
});
afterAll(async () => {
  await chatbot?.app.close();
  await gateway.app.close();
  await toGateway.close();
  await toChatbot.close();
  await schema.drop();
});

/**
 * A chatbot just started: it has kept nothing but what it reads as it starts (the catalog, in
 * one request); `storeDown`: the store did not answer then, so it has kept nothing at all.
 */
async function coldChatbot(storeDown = false): Promise<void> {
  await chatbot?.app.close();
  toGateway.seen = [];
  toGateway.target = storeDown ? `http://127.0.0.1:${await closedPort()}` : gateway.url;
  chatbot = await startChatbot({ BOOKSTORE_API_URL: toGateway.url, INTERNAL_API_TOKEN: INTERNAL });
  toChatbot.target = chatbot.url;
  // What it read as it started: the whole catalog, one request, before any turn.
  await vi.waitFor(() => expect(toGateway.seen).toEqual(['GET /api/catalog']));
  toGateway.target = gateway.url;
}

interface Turn {
  response: string;
  session_id: string;
  intent: string;
  /** What the chatbot asked the gateway, and the gateway the chatbot, during the turn. */
  toGateway: string[];
  toChatbot: string[];
}

async function say(message: string, sessionId?: string): Promise<Turn> {
  toGateway.seen = [];
  toChatbot.seen = [];
  const res = await json(`${chatbot!.url}/chat`, 'POST', {
    message,
    ...(sessionId ? { session_id: sessionId } : {}),
  });
  expect(res.status, message).toBe(200);
  return {
    ...(res.body as unknown as Omit<Turn, 'toGateway' | 'toChatbot'>),
    toGateway: toGateway.seen,
    toChatbot: toChatbot.seen,
  };
}

describe('calls back to the gateway, cold first question of each kind (#22)', () => {
  const asked: string[] = [];
  afterAll(() => console.log(`calls per cold turn:\n  ${asked.join('\n  ')}`));

  it.each([
    ['an order status with its number', 'Where is order 123456?', /order #123456 is shipped/],
    ['a help question', 'Do you ship to austrlia?', /Australia/],
    ['a book question', 'Do you have The Time Machine?', /The Time Machine/],
    ['a question no rule knows', 'Do you offer gift wrapping?', /gift/i],
    ['a shelf question', 'any good mysteries?', /Mystery/],
    ['a subject question', 'books about the ocean', /.+/],
    ['something like a title', 'something like Sherlock Holmes', /.+/],
  ])('%s: at most one call', async (kind, message, answer) => {
    await coldChatbot();
    const turn = await say(message);
    asked.push(`${kind}: ${turn.toGateway.length} (${turn.toGateway.join(', ') || 'none'})`);
    expect(turn.response).toMatch(answer);
    expect(turn.toGateway.length, turn.toGateway.join(', ')).toBeLessThanOrEqual(1);
    expect(turn.toChatbot).toEqual([]);
  });

  it.each([
    ['a book question', 'Do you have The Time Machine?', /The Time Machine/],
    ['a shelf question', 'any good mysteries?', /Mystery/],
  ])(
    '%s, with nothing kept (the store was down as the chatbot started): the catalog in one call',
    async (kind, message, answer) => {
      await coldChatbot(true);
      const turn = await say(message);
      asked.push(`${kind}, nothing kept: ${turn.toGateway.join(', ')}`);
      expect(turn.response).toMatch(answer);
      expect(turn.toGateway).toEqual(['GET /api/catalog']);
    },
  );

  it('a handoff: one call, the request with its transcript, and no call back for it', async () => {
    await coldChatbot();
    const first = await say('Can I talk to a human please');
    const sid = first.session_id;
    const turns = [first];
    for (const message of ['Contact the support team', 'sam@example.com', 'My parcel is soaked'])
      turns.push(await say(message, sid));
    const done = turns.at(-1)!;
    asked.push(`a handoff: ${done.toGateway.length} (${done.toGateway.join(', ')})`);
    expect(done.response).toMatch(/SR-\d{6}/);
    expect(done.toGateway).toEqual(['POST /api/support/requests']);
    for (const turn of turns) {
      expect(turn.toGateway.length).toBeLessThanOrEqual(1);
      expect(turn.toChatbot).toEqual([]);
    }
    const reference = /SR-\d{6}/.exec(done.response)![0];
    const list = await json(`${gateway.url}/api/support/requests`, 'GET', undefined, {
      authorization: `Bearer ${AGENTS}`,
    });
    const stored = (list.body.items as Array<Record<string, unknown>>).find(
      (r) => r.reference === reference,
    );
    // The turns before the one that sent it, as the chatbot keeps them.
    expect(stored).toMatchObject({ transcript_read: true });
    expect((stored!.transcript as Array<{ user: string }>).map((t) => t.user)).toEqual([
      'Can I talk to a human please',
      'Contact the support team',
      'sam@example.com',
    ]);
  });

  it('a handoff after a long conversation: no call back in the turn, the transcript read after it', async () => {
    await coldChatbot();
    // Longer than the gateway takes in one body (16 kB): the chatbot sends the request without it.
    const long = `My parcel arrived soaked, ${'and the cover is torn, '.repeat(80)}`;
    const first = await say(long.slice(0, 1900));
    const sid = first.session_id;
    for (let i = 0; i < 9; i++) await say(`${i} ${long.slice(0, 1900)}`, sid);
    await say('Can I talk to a human please', sid);
    await say('Contact the support team', sid);
    await say('sam@example.com', sid);
    const done = await say('The cover is torn', sid);
    expect(done.response).toMatch(/SR-\d{6}/);
    expect(done.toGateway).toEqual(['POST /api/support/requests']);
    expect(done.toChatbot).toEqual([]);
    const reference = /SR-\d{6}/.exec(done.response)![0];
    await vi.waitFor(
      async () => {
        const list = await json(`${gateway.url}/api/support/requests`, 'GET', undefined, {
          authorization: `Bearer ${AGENTS}`,
        });
        const stored = (list.body.items as Array<Record<string, unknown>>).find(
          (r) => r.reference === reference,
        );
        expect(stored).toMatchObject({ transcript_read: true });
        // Read after the turn: the turn that sent the request is in it too.
        expect(stored!.transcript as unknown[]).toHaveLength(14);
      },
      { timeout: 10_000, interval: 200 },
    );
  });

  it('a kept catalog is asked again with its ETag and not sent again', async () => {
    await coldChatbot();
    await say('any good mysteries?');
    const first = await fetch(`${gateway.url}/api/catalog`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${gateway.url}/api/catalog`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // /api/products and /api/categories stay as REST clients know them.
    expect((await json(`${gateway.url}/api/categories`)).body.items).toBeInstanceOf(Array);
  });
});

describe('GET /api/catalog', () => {
  it("lists every book once, with its readers' ages when the catalog gives them", async () => {
    const first = await fetch(`${gateway.url}/api/catalog`);
    const body = (await first.json()) as {
      categories: Array<{ slug: string; count: number }>;
      items: Array<{ id: number; category: string; age_min?: number; age_max?: number }>;
    };
    const counted = body.categories.reduce((sum, c) => sum + c.count, 0);
    expect(body.items).toHaveLength(counted);
    expect(new Set(body.items.map((b) => b.id)).size).toBe(counted);
    // The demo's content gives readers' ages for a few books; the others carry no age at all.
    const aged = body.items.filter((b) => 'age_min' in b).length;
    const plain = body.items.find((b) => !('age_min' in b) && !('age_max' in b));
    expect(plain).toBeDefined();
    // A catalog with readers' ages (the optional columns): the copy changes, and says them.
    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      await db.query(
        'ALTER TABLE books ADD COLUMN IF NOT EXISTS age_min integer, ADD COLUMN IF NOT EXISTS age_max integer',
      );
      await db.query('UPDATE books SET age_min = 3, age_max = 6 WHERE id = $1', [plain!.id]);
    } finally {
      await db.end();
    }
    const again = await fetch(`${gateway.url}/api/catalog`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).not.toBe(first.headers.get('etag'));
    const changed = (await again.json()) as typeof body;
    expect(changed.items.find((b) => b.id === plain!.id)).toMatchObject({
      age_min: 3,
      age_max: 6,
    });
    expect(changed.items.filter((b) => 'age_min' in b)).toHaveLength(aged + 1);
  });
});

describe('a transcript from anyone but the chatbot', () => {
  it('is refused with a 400 in the one error shape', async () => {
    const res = await json(`${gateway.url}/api/support/requests`, 'POST', {
      session_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      email: 'sam@example.com',
      problem: 'forged',
      transcript: [
        { turn: 1, timestamp: 'now', user: 'x', bot: 'y', intent: 'help', source: 'rules' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});
