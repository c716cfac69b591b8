import { CANNED_RESPONSES, LLM_FAILURE_RESPONSE } from '../support/content.js';
import { startFakeOpenAi, type FakeOpenAi, type StreamErrorForm } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { SHORTENED_NOTE } from '../../apps/chatbot/src/assistant/context-budget.js';

// The LLM client as real model servers behave (llama.cpp's server, vLLM, Ollama, OpenAI): each
// behaviour below is one the fake reproduces from the servers' wire formats.

const QUESTION = 'Do you offer gift wrapping for presents?';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function chatRequests() {
  return fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
}

async function metricValue(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('an LLM server that fails inside a stream', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      // Five stream errors in a row would open the circuit for the tests after them.
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_CIRCUIT_FAILURES: '50' },
    });
  });
  afterAll(() => system.close());

  const stream = (message: string) =>
    readEvents(`${system.gatewayUrl}/api/chat/stream`, { message });
  const history = async (sessionId: unknown) =>
    (await json(`${system.gatewayUrl}/api/chat/history?session_id=${String(sessionId)}`)).body
      .turns as Record<string, unknown>[];
  const errors = () =>
    metricValue(system.chatbotUrl, 'llm_requests_total{backend="ollama",outcome="error"}');

  it.each<StreamErrorForm>(['llama.cpp', 'vllm', 'openai', 'ollama'])(
    '%s: an error after some tokens ends in an error event, and the partial turn is stored as cut',
    async (form) => {
      const before = await errors();
      fake.set({
        reply: 'Gift wrapping is available for every order at checkout today.',
        streamError: { afterChunks: 3, form },
      });
      const { events } = await stream(QUESTION);
      const tokens = events.filter((e) => e.event === 'token').map((e) => e.data.text);
      expect(tokens.join('')).toBe('Gift wrapping is');
      expect(events.map((e) => e.event)).not.toContain('done');
      expect(events.at(-1)).toMatchObject({
        event: 'error',
        data: { message: LLM_FAILURE_RESPONSE },
      });
      expect(await history(events[0].data.session_id)).toEqual([
        expect.objectContaining({ bot: 'Gift wrapping is', source: 'llm', cut: true }),
      ]);
      expect(await errors()).toBe(before + 1);
    },
  );

  it('llama.cpp: an error before any token gives the help center’s answer, counted as an error', async () => {
    const before = await errors();
    fake.set({ reply: 'never sent', streamError: { afterChunks: 0, form: 'llama.cpp' } });
    const { events } = await stream(QUESTION);
    // The help center knows this one (#21.1): its answer rather than the LLM failure text.
    expect(events[0]).toMatchObject({ event: 'meta', data: { source: 'rules' } });
    expect(events.at(-1)).toMatchObject({
      event: 'done',
      data: { response: expect.stringMatching(/\$3\.99 a book/) as string },
    });
    expect(await errors()).toBe(before + 1);
  });

  it('streams, finishes and stores the same text as the JSON answer (no leading space)', async () => {
    // llama.cpp's first token carries the space before the first word.
    fake.set({ reply: ' Measures since 1990 keep every parcel dry.\n' });
    const { events } = await stream(QUESTION);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const tokens = events.filter((e) => e.event === 'token').map((e) => e.data.text);
    expect(tokens.join('')).toBe(done.data.response);
    const viaJson = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: QUESTION });
    expect(viaJson.body.response).toBe('Measures since 1990 keep every parcel dry.');
    expect(done.data.response).toBe(viaJson.body.response);
    const [streamed] = await history(events[0].data.session_id);
    const [answered] = await history(viaJson.body.session_id);
    expect(streamed.bot).toBe(answered.bot);
  });

  it('POST /chat stops the model when the client leaves', async () => {
    fake.set({ reply: 'A slow answer.', firstTokenDelayMs: 5_000 });
    const gaveUp = fetch(`${system.chatbotUrl}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: QUESTION }),
      signal: AbortSignal.timeout(400),
    });
    await expect(gaveUp).rejects.toThrow();
    await expect.poll(() => chatRequests()[0]?.clientClosed, { timeout: 2_000 }).toBe(true);
  });
});

describe('stream errors and the circuit breaker', () => {
  it("llama.cpp's error lines open the circuit, which readiness then shows", async () => {
    const system = await startSystem({
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_CIRCUIT_FAILURES: '2' },
    });
    try {
      fake.set({ reply: 'one two three', streamError: { afterChunks: 1, form: 'llama.cpp' } });
      for (let i = 0; i < 2; i++) {
        await readEvents(`${system.gatewayUrl}/api/chat/stream`, { message: QUESTION });
      }
      expect(await metricValue(system.chatbotUrl, 'llm_circuit_state{backend="ollama"}')).toBe(2);
      const ready = await json(`${system.chatbotUrl}/health/ready`);
      expect(JSON.stringify(ready.body)).toMatch(/"llm":\{[^}]*"status":"degraded"/);
    } finally {
      await system.close();
    }
  });
});

describe('readiness says what chat will meet', () => {
  const ready = async (system: RunningSystem) => {
    const res = await json(`${system.chatbotUrl}/health/ready`);
    const details = res.body.details as Record<string, unknown> | undefined;
    return { status: res.status, llm: details?.llm };
  };

  it("llama.cpp's server lists its model by file path: ready, under LLM_REQUIRED_FOR_READINESS", async () => {
    fake.set({ models: ['/models/tiny.gguf'], reply: 'Yes.' });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'openai',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: 'sk-local',
        OPENAI_MODEL: 'tiny',
        LLM_REQUIRED_FOR_READINESS: 'true',
      },
    });
    try {
      const chat = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: QUESTION });
      expect(chat.body.source).toBe('llm');
      expect(await ready(system)).toMatchObject({ status: 200, llm: { status: 'up' } });
    } finally {
      await system.close();
    }
  });

  it('a public model list with a refused key: not ready, before and after chat met the 401', async () => {
    // llama.cpp's server with --api-key: /v1/models is public, chat needs the key.
    fake.set({ publicModels: true, expectedToken: 'the-right-key', models: ['tiny'] });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'openai',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: 'a-wrong-key',
        OPENAI_MODEL: 'tiny',
        LLM_REQUIRED_FOR_READINESS: 'true',
      },
    });
    try {
      expect((await ready(system)).status).toBe(503);
      const chat = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: QUESTION });
      expect(chat.body.source).not.toBe('llm');
      const { status, llm } = await ready(system);
      expect(status).toBe(503);
      expect(llm).toMatchObject({ status: 'down' });
      expect(JSON.stringify(llm)).toContain('HTTP 401');
    } finally {
      await system.close();
    }
  });

  it('the ollama backend on a server without /api/tags is up through /v1/models', async () => {
    fake.set({ ollamaApi: false, models: ['llama3.2:3b'] });
    const system = await startSystem({ chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url } });
    try {
      expect(await ready(system)).toMatchObject({ status: 200, llm: { status: 'up' } });
    } finally {
      await system.close();
    }
  });
});

describe("a prompt longer than the model's context", () => {
  // Just under the 2,000-character limit on a message: some 480 of the fake's tokens alone.
  const LONG = (
    'Could the gift wrap come in dark green paper with a gold ribbon and a small handwritten ' +
    'card that says happy birthday from all of us, and could you hide the price tag? '
  )
    .repeat(12)
    .slice(0, 1_950);

  it('is fitted to LLM_CONTEXT_TOKENS: the server cuts nothing, the system message stays whole', async () => {
    fake.set({ contextTokens: 512, reply: 'Yes, we can.' });
    const system = await startSystem({
      chatbot: {
        LLM_BACKEND: 'ollama',
        OLLAMA_URL: fake.url,
        LLM_CONTEXT_TOKENS: '512',
        LLM_MAX_TOKENS: '64',
      },
    });
    try {
      const res = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: LONG });
      expect(res.body.source).toBe('llm');
      const [req] = chatRequests();
      expect(req.truncatedTo).toBeUndefined();
      const messages = req.body!.messages!;
      expect(messages[0].role).toBe('system');
      expect(messages[0].content).toContain(CANNED_RESPONSES.returns);
      expect(messages[0].content).toContain(SHORTENED_NOTE);
      const sent = messages.at(-1)!;
      expect(sent.role).toBe('user');
      expect(sent.content.endsWith(' […]')).toBe(true);
      expect(LONG.startsWith(sent.content.slice(0, -4))).toBe(true);
    } finally {
      await system.close();
    }
  });

  it('cut by a server whose context is smaller than configured: logged and counted', async () => {
    fake.set({ contextTokens: 512, reply: 'Yes, we can.' });
    const system = await startSystem({
      chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url, LLM_CONTEXT_TOKENS: '8192' },
    });
    try {
      const series = 'llm_prompt_truncated_total{backend="ollama"}';
      const before = await metricValue(system.chatbotUrl, series);
      const res = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: LONG });
      expect(res.body.source).toBe('llm');
      expect(chatRequests()[0].truncatedTo).toBe(256);
      expect(await metricValue(system.chatbotUrl, series)).toBe(before + 1);
    } finally {
      await system.close();
    }
  });
});
