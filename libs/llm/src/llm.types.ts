export const LLM_BACKENDS = ['ollama', 'vcf_private_ai', 'openai', 'none'] as const;
export type LlmBackend = (typeof LLM_BACKENDS)[number];

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmCallOptions {
  /** Reply length cap; the module's `maxTokens` when unset. */
  maxTokens?: number;
  /** Sampling temperature; 0.3 when unset, for answers that stay on topic. */
  temperature?: number;
  /** Aborting stops the call and closes the upstream request. */
  signal?: AbortSignal;
  /** Extra request headers, such as the caller's `x-request-id` for tracing. */
  headers?: Record<string, string>;
  /** Who the call is for (the shopper's address): bounds that client's share of LLM calls. */
  client?: string;
}

/** What the server says of its own limits, where it says it. */
export interface LlmServerLimits {
  /** The context the server runs the model with (llama.cpp's `/props`, Ollama's `num_ctx`). */
  contextTokens?: number;
  /**
   * The server's tokens per cl100k_base token (our count), measured on the store's own text with
   * the server's tokenizer (llama.cpp's `/tokenize`) or read from the usage its replies report.
   */
  tokenRatio?: number;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface LlmReply {
  text: string;
  usage?: LlmUsage;
  finishReason?: string;
}

export interface LlmHealth {
  ok: boolean;
  backend: LlmBackend;
  model: string;
  /** What was found, in a few words: `model llama3.2:3b is pulled`, `HTTP 401`. */
  detail: string;
}

export type CircuitStateName = 'closed' | 'open' | 'half_open' | 'isolated';

export interface LlmModuleOptions {
  backend: LlmBackend;
  /** Bounds every call end to end, streams included. */
  timeoutMs: number;
  /** Streams: time allowed to the first token; a cold model load can take most of `timeoutMs`. */
  firstTokenTimeoutMs: number;
  /** Default `max_tokens` for replies. */
  maxTokens: number;
  ollama: { url: string; model: string };
  vcf: {
    /** The OpenAI-compatible base, with or without its trailing `/v1`. */
    endpoint?: string;
    model: string;
    /** The supervisor namespace serving the model; reported in health details. */
    namespace?: string;
    apiToken?: string;
    /** A projected service-account token; preferred over `apiToken` when the file exists. */
    tokenFile: string;
  };
  openai: { apiKey?: string; model: string; baseUrl: string };
  circuit: { failureThreshold: number; halfOpenAfterMs: number };
  /**
   * LLM calls in flight at once (also the connections kept to the backend), and for any one client
   * (`LlmCallOptions.client`); 32 and 4 when unset.
   */
  concurrency?: { max: number; perClient: number };
  /** False: an unhealthy LLM leaves readiness `degraded` (the bot still answers by rules). */
  requiredForReadiness: boolean;
  /** Whether health wants the configured model among the served ones (default true); off for servers that ignore it. */
  modelCheck?: boolean;
  /** USD per 1,000 prompt and completion tokens, for `llm_cost_usd_total`; zero when unset. */
  price?: { inputPer1k: number; outputPer1k: number };
}
