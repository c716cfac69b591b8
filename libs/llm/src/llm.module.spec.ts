import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/support/fake-openai.js';
import { LlmUnavailableError } from './llm-unavailable.error.js';
import { LlmClient } from './llm.client.js';
import { LlmModule, createLlmClient } from './llm.module.js';
import { LLM_BACKENDS, type LlmModuleOptions } from './llm.types.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  Logger.overrideLogger(false);
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

const options = (over: Partial<LlmModuleOptions> = {}): LlmModuleOptions => ({
  backend: 'ollama',
  timeoutMs: 2_000,
  firstTokenTimeoutMs: 1_500,
  maxTokens: 128,
  ollama: { url: fake.url, model: 'llama3.2:3b' },
  vcf: { model: 'llama-3.1-8b', tokenFile: '/nonexistent/token' },
  openai: { model: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' },
  circuit: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
  requiredForReadiness: false,
  ...over,
});

describe('LlmModule', () => {
  it('provides LlmClient for the configured backend, and closes it on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [LlmModule.forRootAsync({ useFactory: () => Promise.resolve(options()) })],
    }).compile();
    const app = await moduleRef.init();
    const client = app.get(LlmClient);
    expect(client.backend).toBe('ollama');
    expect(client.model).toBe('llama3.2:3b');
    expect((await client.chat([{ role: 'user', content: 'hi' }])).text).toBe(
      'Hello from the fake model.',
    );
    const close = vi.spyOn(client, 'close');
    await app.close();
    expect(close).toHaveBeenCalled();
  });

  it('knows the four backends', () => {
    expect(LLM_BACKENDS).toEqual(['ollama', 'vcf_private_ai', 'openai', 'none']);
  });
});

describe('createLlmClient', () => {
  it('refuses vcf_private_ai without an endpoint, naming the setting', () => {
    expect(() => createLlmClient(options({ backend: 'vcf_private_ai' }))).toThrow(
      /vcf_private_ai needs vcf\.endpoint \(VCF_MODEL_ENDPOINT\)/,
    );
  });

  it('backend none: fails every call at once, without a request', async () => {
    const before = fake.requests.length;
    const client = createLlmClient(options({ backend: 'none' }), { registry: new Registry() });
    expect(client.backend).toBe('none');
    await expect(client.chat([{ role: 'user', content: 'hi' }])).rejects.toThrow(
      new LlmUnavailableError('disabled'),
    );
    const iterate = async () => {
      for await (const _ of client.stream([{ role: 'user', content: 'hi' }])) return;
    };
    await expect(iterate()).rejects.toBeInstanceOf(LlmUnavailableError);
    expect(await client.health()).toEqual({
      ok: false,
      backend: 'none',
      model: '',
      detail: 'no LLM configured',
    });
    expect(client.circuitState()).toBe('closed');
    expect(fake.requests.length).toBe(before);
    await client.close();
  });
});
