import type { Language } from '@bookstore/intents';
import { demoText } from '../support/content.js';
import { closedPort } from '../support/http-server.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';

// What a shopper meets when the LLM cannot answer (#21.1): with the default configuration
// (LLM_BACKEND unset: ollama) and the LLM unreachable, slow, open-circuited or refusing, a
// question the help center answers keeps that answer, in every language; the plan's LLM failure
// text is for what nothing else answers. The oracle is the same system without an LLM.

/** Questions the help center answers (each goes to the LLM when there is one), per language. */
const KNOWN: Record<Language, string> = {
  en: 'Do you gift-wrap orders?',
  es: '¿Hacéis envoltorio para regalo?',
  fr: 'vous faites les paquets cadeaux ?',
  de: 'Bietet ihr Geschenkverpackung an?',
};
/** Questions nothing but an LLM could answer. */
const UNKNOWN: Record<Language, string> = {
  en: 'Can you explain the plot of a film I saw yesterday?',
  es: '¿Puedes explicarme la trama de una película que vi ayer?',
  fr: "Peux-tu m'expliquer l'intrigue d'un film vu hier ?",
  de: 'Kannst du mir die Handlung eines Films erklären, den ich gestern sah?',
};
const LANGUAGES = Object.keys(KNOWN) as Language[];

/** `LLM_BACKEND: ''` is unset: the default backend, ollama. */
const DEFAULTS = { LLM_BACKEND: '' };

async function metricValue(url: string, series: string): Promise<number> {
  const body = await (await fetch(`${url}/metrics`)).text();
  const line = body.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

let fake: FakeOpenAi;
let baseline: RunningSystem;
/** What the bot answers each known question with no LLM at all. */
const expected = new Map<string, { response: unknown; intent: unknown; source: unknown }>();

beforeAll(async () => {
  fake = await startFakeOpenAi();
  baseline = await startSystem({ chatbot: { LLM_BACKEND: 'none' } });
  for (const question of Object.values(KNOWN)) {
    const { body } = await json(`${baseline.gatewayUrl}/api/chat`, 'POST', { message: question });
    expect(body.source).toBe('rules');
    expected.set(question, { response: body.response, intent: body.intent, source: body.source });
  }
});
afterAll(async () => {
  await baseline.close();
  await fake.close();
});

describe.each([
  {
    mode: 'unreachable',
    env: async () => ({ OLLAMA_URL: `http://127.0.0.1:${await closedPort()}` }),
    setup: () => undefined,
  },
  {
    mode: 'slow',
    env: () =>
      Promise.resolve({
        OLLAMA_URL: fake.url,
        LLM_TIMEOUT: '1',
        LLM_FIRST_TOKEN_TIMEOUT: '1',
        LLM_CIRCUIT_FAILURES: '100',
      }),
    setup: () => fake.set({ firstTokenDelayMs: 3_000 }),
  },
  {
    mode: 'open-circuited',
    env: () => Promise.resolve({ OLLAMA_URL: fake.url, LLM_CIRCUIT_FAILURES: '1' }),
    setup: () => fake.set({ status: 500 }),
  },
  {
    mode: 'refusing',
    env: () => Promise.resolve({ OLLAMA_URL: fake.url }),
    setup: () => fake.set({ status: 403, errorBody: { error: { message: 'Forbidden' } } }),
  },
])('an LLM that is $mode (#21.1)', ({ mode, env, setup }) => {
  let system: RunningSystem;
  beforeAll(async () => {
    fake.reset();
    setup();
    system = await startSystem({ chatbot: { ...DEFAULTS, ...(await env()) } });
  });
  afterAll(() => system.close());

  it.each(LANGUAGES)('%s: the help center’s answer, by JSON and by stream', async (lang) => {
    const question = KNOWN[lang];
    const { body } = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: question });
    expect(body).toMatchObject({ ...expected.get(question), language: lang });
    expect(body.response).not.toBe(demoText(lang, 'llm_failure'));
    const { events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
      message: question,
    });
    expect(events.at(-1)).toMatchObject({
      event: 'done',
      data: { response: expected.get(question)?.response },
    });
  });

  it.each(LANGUAGES)(
    '%s: the LLM failure text, word for word, when nothing answers',
    async (lang) => {
      const { body } = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
        message: UNKNOWN[lang],
      });
      expect(body).toMatchObject({ response: demoText(lang, 'llm_failure'), source: 'fallback' });
    },
  );

  it.each(LANGUAGES)(
    '%s: two messages nothing answers bring the offer of a person, as without an LLM',
    async (lang) => {
      const first = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
        message: UNKNOWN[lang],
      });
      // The failure text, or (the circuit open by now) the rules' own "not sure".
      expect([demoText(lang, 'llm_failure'), demoText(lang, 'help')]).toContain(
        first.body.response,
      );
      const second = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
        message: UNKNOWN[lang],
        session_id: first.body.session_id,
      });
      expect(String(second.body.response).endsWith(` ${demoText(lang, 'handoff')}`)).toBe(true);
      expect(second.body.suggestions).toContain(demoText(lang, 'handoff.contact'));
      // Accepting it goes on with the handoff's questions.
      const yes = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
        message: demoText(lang, 'handoff.contact'),
        session_id: first.body.session_id,
      });
      expect(yes.body.intent).toBe('handoff');
    },
  );

  if (mode === 'open-circuited') {
    it('was answered with the circuit open', async () => {
      expect(
        await metricValue(
          system.chatbotUrl,
          'llm_requests_total{backend="ollama",outcome="circuit_open"}',
        ),
      ).toBeGreaterThan(0);
    });
  }

  if (mode === 'unreachable') {
    it('readiness says plainly that the configured LLM is unreachable', async () => {
      const { status, body } = await json(`${system.chatbotUrl}/health/ready`);
      expect(status).toBe(200);
      expect(JSON.stringify(body)).toMatch(/unreachable at http:\/\/127\.0\.0\.1:\d+/);
    });
  }
});
