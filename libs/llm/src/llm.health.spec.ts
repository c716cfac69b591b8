import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test, type TestingModule } from '@nestjs/testing';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/support/fake-openai.js';
import { LlmClient } from './llm.client.js';
import { LlmReadiness } from './llm.health.js';
import { LlmModule } from './llm.module.js';
import type { LlmModuleOptions } from './llm.types.js';

let fake: FakeOpenAi;
let app: TestingModule | undefined;
beforeAll(async () => {
  Logger.overrideLogger(false);
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function readiness(over: Partial<LlmModuleOptions> = {}) {
  const options: LlmModuleOptions = {
    backend: 'ollama',
    timeoutMs: 5_000,
    firstTokenTimeoutMs: 4_000,
    maxTokens: 128,
    ollama: { url: fake.url, model: 'llama3.2:3b' },
    vcf: { model: 'llama-3.1-8b', tokenFile: '/nonexistent/token' },
    openai: { model: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' },
    circuit: { failureThreshold: 2, halfOpenAfterMs: 30_000 },
    requiredForReadiness: false,
    ...over,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      TerminusModule.forRoot({ logger: false }),
      LlmModule.forRootAsync({ useFactory: () => options }),
    ],
    providers: [LlmReadiness],
  }).compile();
  app = await moduleRef.init();
  const check = app.get(LlmReadiness);
  const health = app.get(HealthCheckService);
  return {
    check,
    client: app.get(LlmClient),
    probe: () => health.check([() => check.check()]),
  };
}

describe('LlmReadiness', () => {
  it('is up with backend, model and circuit when the model is served', async () => {
    const { check } = await readiness();
    expect(await check.check()).toEqual({
      llm: expect.objectContaining({
        status: 'up',
        backend: 'ollama',
        model: 'llama3.2:3b',
        circuit: 'closed',
        detail: 'model llama3.2:3b is pulled',
      }),
    });
  });

  it('caches the answer briefly so probes do not hammer the LLM', async () => {
    const { check } = await readiness();
    // The start-up line's probe is apart from readiness's.
    const asked = () => fake.requests.filter((r) => r.path === '/api/tags').length;
    await check.check();
    const once = asked();
    const again = await check.check();
    expect(again.llm).toMatchObject({ status: 'up', cachedResponse: true });
    expect(asked()).toBe(once);
  });

  it('is degraded, and the probe still passes, when the model is missing', async () => {
    fake.set({ models: ['mistral:7b'] });
    const { check, probe } = await readiness();
    const result = await check.check();
    expect(result.llm).toMatchObject({ status: 'degraded', backend: 'ollama' });
    expect(result.llm.message).toContain('model llama3.2:3b is missing');
    expect(await probe()).toMatchObject({ status: 'degraded' });
  });

  it('is down, failing the probe, when the LLM is required', async () => {
    fake.set({ models: [] });
    const { check, probe } = await readiness({ requiredForReadiness: true });
    expect((await check.check()).llm).toMatchObject({ status: 'down' });
    await expect(probe()).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('reports an open circuit without asking the LLM', async () => {
    fake.set({ status: 500 });
    const { check, client } = await readiness();
    for (let i = 0; i < 2; i++) await client.chat([{ role: 'user', content: 'x' }]).catch(() => 0);
    const before = fake.requests.length;
    expect((await check.check()).llm).toMatchObject({
      status: 'degraded',
      circuit: 'open',
      // With the failure that opened it.
      message: 'circuit open after: HTTP 500: Fake failure 500',
    });
    expect(fake.requests.length).toBe(before);
  });

  it('bounds a hung LLM to two seconds', async () => {
    fake.set({ hang: true });
    const { check } = await readiness();
    const started = performance.now();
    const result = await check.check();
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(result.llm).toMatchObject({ status: 'degraded', message: 'timeout of 2000ms exceeded' });
  });

  it('is up for backend none: the bot answers without an LLM', async () => {
    const { check } = await readiness({ backend: 'none' });
    expect(await check.check()).toEqual({ llm: { status: 'up', backend: 'none' } });
  });
});
