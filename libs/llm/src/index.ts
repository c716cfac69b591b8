export { LlmClient } from './llm.client.js';
export { LlmReadiness } from './llm.health.js';
export {
  LLM_CIRCUIT_STATE,
  LLM_COST_USD,
  LLM_PROMPT_TRUNCATED,
  LLM_REQUESTS,
  LLM_REQUEST_SECONDS,
  LLM_TIME_TO_FIRST_TOKEN_SECONDS,
  LLM_TOKENS,
} from './llm.metrics.js';
export {
  LlmModule,
  createLlmClient,
  type LlmClientDeps,
  type LlmModuleAsyncOptions,
} from './llm.module.js';
export {
  LLM_BACKENDS,
  type CircuitStateName,
  type LlmBackend,
  type LlmCallOptions,
  type LlmHealth,
  type LlmMessage,
  type LlmModuleOptions,
  type LlmReply,
  type LlmServerLimits,
  type LlmUsage,
} from './llm.types.js';
export {
  DEFAULT_CONTEXT_TOKENS,
  countPromptTokens,
  defaultContextTokens,
  promptFits,
} from './prompt-tokens.js';
export {
  LlmUnavailableError,
  type ContextOverflow,
  type LlmOutcome,
} from './llm-unavailable.error.js';
