import { LLM_FAILURE_RESPONSE } from '../support/content.js';
import { SHORTENED_NOTE } from '../../apps/chatbot/src/assistant/context-budget.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { startServer } from '../support/http-server.js';
import { json } from '../support/http.js';
import { readEvents } from '../support/sse.js';
import { startGateway, startSystem, type RunningSystem } from '../support/system.js';

// The LLM path against servers as llama.cpp's server, Ollama and OpenAI behave on the wire
// (#25, #24.5): context refusals, broken JSON turns, readiness, the reply budget, the tokenizer,
// grounding links, and one client's burst.

const GIFT = 'Do you gift-wrap orders?';
const GIFT_ANSWER = /\$3\.99 a book/;

async function metricValue(url: string, series: string): Promise<number> {
  const body = await (await fetch(`${url}/metrics`)).text();
  const line = body.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const chats = (fake: FakeOpenAi) => fake.requests.filter((r) => r.path.endsWith('/completions'));
const post = (url: string, message: string, sessionId?: string) =>
  json(`${url}/api/chat`, 'POST', { message, ...(sessionId && { session_id: sessionId }) });

describe("llama.cpp's refusal of a prompt over its context (#25.1)", () => {
  let fake: FakeOpenAi;
  let system: RunningSystem;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ contextTokens: 700, contextMode: 'refuse' });
    system = await startSystem({
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_MAX_TOKENS: '64' },
    });
  });
  afterAll(async () => {
    await system.close();
    await fake.close();
  });

  it('five long messages from one shopper: answered, never the breaker for the next shopper', async () => {
    const long = `Can you tell me a long story about dragons? ${'Please make it long, with many twists and many characters. '.repeat(30)}`;
    const refusedBefore = await metricValue(
      system.chatbotUrl,
      'llm_requests_total{backend="ollama",outcome="refused"}',
    );
    for (let i = 0; i < 5; i++) {
      const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
        message: long,
        session_id: 'long-messages-1',
      });
      // Shortened and sent again: the model answers what it could be given.
      expect(events.at(-1)).toMatchObject({
        event: 'done',
        data: { response: 'Hello from the fake model.' },
      });
    }
    expect(
      await metricValue(
        system.chatbotUrl,
        'llm_requests_total{backend="ollama",outcome="refused"}',
      ),
    ).toBeGreaterThan(refusedBefore);
    expect(await metricValue(system.chatbotUrl, 'llm_circuit_state{backend="ollama"}')).toBe(0);
    // Every prompt sent after the first refusal fits the server's context, note included.
    const sent = chats(fake);
    expect(sent.at(-1)?.body?.messages?.[0].content).toContain(SHORTENED_NOTE);
    expect(sent.at(-1)?.promptTokens).toBeLessThan(700 - 64);
    // Another shopper's question still reaches the model.
    const other = await post(system.gatewayUrl, GIFT);
    expect(other.body).toMatchObject({ source: 'llm', response: 'Hello from the fake model.' });
  });
});

describe('a JSON turn whose LLM stream broke mid-way (#25.2)', () => {
  let fake: FakeOpenAi;
  let system: RunningSystem;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    system = await startSystem({
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_CIRCUIT_FAILURES: '50' },
    });
  });
  afterAll(async () => {
    await system.close();
    await fake.close();
  });

  it.each([
    ['a question the help center answers', GIFT, GIFT_ANSWER],
    ['a question nothing else answers', 'Can you tell me a joke about dragons?', null],
  ])('%s: answers and stores the same text, with its turn', async (_, question, expected) => {
    fake.set({
      reply: 'Yes we wrap gifts for every order today.',
      streamError: { afterChunks: 3, form: 'llama.cpp', message: 'slot crashed' },
    });
    const { body } = await post(system.gatewayUrl, question);
    expect(body.turn).toBe(1);
    if (expected) expect(body.response).toMatch(expected);
    else expect(body.response).toBe(LLM_FAILURE_RESPONSE);
    const history = await json(
      `${system.gatewayUrl}/api/chat/history?session_id=${String(body.session_id)}`,
    );
    const turns = history.body.turns as Record<string, unknown>[];
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ turn: 1, bot: body.response, source: body.source });
    expect(turns[0].cut).toBeUndefined();
  });
});

describe('readiness learns a refused key without waiting for a shopper (#25.3)', () => {
  it("llama.cpp's public /v1/models with the wrong key: degraded before any chat", async () => {
    const fake = await startFakeOpenAi({
      publicModels: true,
      expectedToken: 'the-right-key',
      models: ['gpt-4o-mini'],
      ollamaApi: false,
    });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'openai',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: 'a-wrong-key',
      },
    });
    try {
      const ready = await json(`${system.chatbotUrl}/health/ready`);
      expect(ready.body).toMatchObject({
        details: {
          llm: {
            status: 'degraded',
            message: 'the API key was refused: HTTP 401: Invalid token',
          },
        },
      });
      // Asked with a one-token completion, not a shopper's chat.
      expect(chats(fake).every((r) => r.body?.max_tokens === 1)).toBe(true);
    } finally {
      await system.close();
      await fake.close();
    }
  });
});

describe('a prompt known not to fit is never sent (#25.4)', () => {
  it('the system message alone over the budget: the help center answers, the LLM is not asked', async () => {
    const fake = await startFakeOpenAi();
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        LLM_CONTEXT_TOKENS: '256',
        LLM_MAX_TOKENS: '64',
      },
    });
    try {
      const { body } = await post(system.gatewayUrl, GIFT);
      expect(body.response).toMatch(GIFT_ANSWER);
      expect(chats(fake)).toEqual([]);
    } finally {
      await system.close();
      await fake.close();
    }
  });
});

describe("the server's own tokenizer and context (#25.5)", () => {
  it('llama.cpp counting more than cl100k: the prompt leaves room for the whole reply', async () => {
    // A tokenizer that counts a token every 3 characters (about 1.5 times cl100k on English),
    // a server context equal to LLM_CONTEXT_TOKENS, and a reply of 150 tokens.
    const reply = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ');
    const fake = await startFakeOpenAi({
      llamaCppRoutes: true,
      charsPerToken: 3,
      contextTokens: 1024,
      contextMode: 'refuse',
      ollamaApi: false,
      reply,
    });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        LLM_CONTEXT_TOKENS: '1024',
        LLM_MAX_TOKENS: '200',
        LLM_CIRCUIT_FAILURES: '50',
      },
    });
    try {
      const long = `${GIFT} ${'Tell me how the wrapping paper looks and whether a note can be added. '.repeat(27)}`;
      const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
        message: long,
      });
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { response: reply } });
      const [sent] = chats(fake);
      expect((sent.promptTokens ?? Infinity) + 150).toBeLessThanOrEqual(1024);
      expect(fake.requests.map((r) => r.path)).toEqual(
        expect.arrayContaining(['/props', '/tokenize']),
      );
    } finally {
      await system.close();
      await fake.close();
    }
  });
});

describe('grounding and the gateway’s stream count (#25.6)', () => {
  it('an LLM answer links the help article it was grounded in, named once in the prompt', async () => {
    const fake = await startFakeOpenAi({ reply: 'Yes, for $3.99 a book.' });
    const system = await startSystem({ chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url } });
    try {
      const { body } = await post(system.gatewayUrl, GIFT);
      expect(body).toMatchObject({
        source: 'llm',
        links: [expect.objectContaining({ url: '/#help-gift-wrapping' })],
      });
      const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
        message: GIFT,
      });
      expect(events.at(-1)?.data.links).toEqual([
        expect.objectContaining({ url: '/#help-gift-wrapping' }),
      ]);
      const system0 = chats(fake)[0].body?.messages?.[0].content ?? '';
      expect(system0).toContain('Gift wrapping: $3.99 a book');
      expect(system0).not.toContain('Gift wrapping: Gift wrapping');
    } finally {
      await system.close();
      await fake.close();
    }
  });

  it('a stream the shopper left part-way is counted apart from ok', async () => {
    // A chatbot that sends its first event, then keeps the stream open.
    const chatbot = await startServer((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: meta\ndata: {"session_id":"left-part-way","source":"llm"}\n\n');
    });
    const gw = await startGateway({ CHAT_SERVICE_URL: chatbot.url });
    const series = (outcome: string) =>
      metricValue(
        gw.url,
        `gateway_upstream_requests_total{route="/chat/stream",outcome="${outcome}"}`,
      );
    try {
      const [okBefore, leftBefore] = [await series('ok'), await series('client_left')];
      const leaving = new AbortController();
      await readEvents(
        `${gw.url}/api/chat/stream`,
        { message: 'hello there' },
        { signal: leaving.signal, onEvent: () => leaving.abort() },
      ).catch(() => undefined);
      await expect.poll(() => series('client_left')).toBe(leftBefore + 1);
      expect(await series('ok')).toBe(okBefore);
    } finally {
      await gw.app.close();
      await chatbot.close();
    }
  });
});

describe('one client cannot open the circuit for everyone (#24.5)', () => {
  it('60 parallel questions from one client within its rate limit', async () => {
    const token = 'an-internal-token-for-tests';
    // A slow model: a call that waits for a connection behind 32 others runs out of time.
    const fake = await startFakeOpenAi({ firstTokenDelayMs: 1_200, reply: 'From the model.' });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        LLM_TIMEOUT: '2',
        LLM_FIRST_TOKEN_TIMEOUT: '2',
        RATE_LIMIT_PER_MINUTE: '30',
        INTERNAL_API_TOKEN: token,
      },
    });
    const ask = (address: string, sessionId: string) =>
      json(
        `${system.chatbotUrl}/chat`,
        'POST',
        { message: GIFT, session_id: sessionId },
        { 'x-internal-token': token, 'x-shopper-address': address },
      );
    try {
      const replies = await Promise.all(
        Array.from({ length: 60 }, (_, i) => ask('203.0.113.9', `burst-session-${i}`)),
      );
      expect(replies.every((r) => r.status === 200)).toBe(true);
      // Those over the client's share are answered at once from the help center.
      expect(
        replies.every((r) => r.body.source === 'llm' || GIFT_ANSWER.test(String(r.body.response))),
      ).toBe(true);
      expect(await metricValue(system.chatbotUrl, 'llm_circuit_state{backend="ollama"}')).toBe(0);
      // Over the share, at once and without the LLM (how many got a slot depends on arrival times).
      expect(
        await metricValue(system.chatbotUrl, 'llm_requests_total{backend="ollama",outcome="busy"}'),
      ).toBeGreaterThan(0);
      const other = await ask('198.51.100.20', 'another-shopper-1');
      expect(other.body).toMatchObject({ source: 'llm', response: 'From the model.' });
    } finally {
      await system.close();
      await fake.close();
    }
  });
});
