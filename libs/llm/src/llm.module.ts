import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  Module,
} from '@nestjs/common';
import type { Registry } from 'prom-client';
import { DisabledLlmClient } from './disabled-llm.client.js';
import { backendProfile } from './llm-backends.js';
import { LlmClient } from './llm.client.js';
import { LlmMetrics } from './llm.metrics.js';
import { LLM_MODULE_OPTIONS } from './llm.tokens.js';
import type { LlmModuleOptions } from './llm.types.js';
import { OpenAiCompatibleClient } from './openai-compatible/openai-compatible.client.js';
import { loadTokenizer } from './prompt-tokens.js';

const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<LlmModuleOptions>({
  optionsInjectionToken: LLM_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (module, extras) => ({ ...module, global: extras.isGlobal }))
  .build();

export type LlmModuleAsyncOptions = ConfigurableModuleAsyncOptions<LlmModuleOptions> & {
  isGlobal?: boolean;
};

export interface LlmClientDeps {
  /** Where the `llm_*` metrics go; prom-client's global registry (what /metrics serves) by default. */
  registry?: Registry;
}

/** The client for the configured backend. Throws when that backend's settings are incomplete. */
export function createLlmClient(options: LlmModuleOptions, deps: LlmClientDeps = {}): LlmClient {
  if (options.backend === 'none') return new DisabledLlmClient();
  const profile = backendProfile(options);
  loadTokenizer();
  return new OpenAiCompatibleClient(
    profile,
    options,
    new LlmMetrics(profile.backend, deps.registry, options.price),
  );
}

@Module({
  providers: [
    {
      provide: LlmClient,
      useFactory: (o: LlmModuleOptions) => createLlmClient(o),
      inject: [LLM_MODULE_OPTIONS],
    },
  ],
  // The options go with the client so that LlmReadiness, provided by the health module, sees them.
  exports: [LlmClient, LLM_MODULE_OPTIONS],
})
export class LlmModule extends ConfigurableModuleClass {}
