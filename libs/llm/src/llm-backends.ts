import { BearerToken } from './bearer-token.js';
import type { LlmBackend, LlmModuleOptions } from './llm.types.js';

/** What differs between the OpenAI-compatible backends: where they live, auth, health. */
export interface BackendProfile {
  backend: Exclude<LlmBackend, 'none'>;
  model: string;
  /** The OpenAI base (`…/v1`), no trailing slash: `/chat/completions` and `/models` hang off it. */
  baseUrl: string;
  token?: BearerToken;
  healthUrl: string;
  /** Reads a 200 health body: is the configured model there? */
  judgeHealth(body: unknown): { ok: boolean; detail: string };
}

export function backendProfile(options: LlmModuleOptions): BackendProfile {
  switch (options.backend) {
    case 'ollama': {
      const root = trimSlashes(options.ollama.url);
      const model = options.ollama.model;
      return {
        backend: 'ollama',
        model,
        baseUrl: `${root}/v1`,
        healthUrl: `${root}/api/tags`,
        judgeHealth: (body) => judgeOllamaTags(body, model),
      };
    }
    case 'vcf_private_ai': {
      const { endpoint, model, namespace, apiToken, tokenFile } = options.vcf;
      if (!endpoint) {
        throw new Error('LLM backend vcf_private_ai needs vcf.endpoint (VCF_MODEL_ENDPOINT).');
      }
      const baseUrl = vcfBaseUrl(endpoint);
      const where = namespace ? ` in namespace ${namespace}` : '';
      return {
        backend: 'vcf_private_ai',
        model,
        baseUrl,
        token: new BearerToken(tokenFile, apiToken),
        healthUrl: `${baseUrl}/models`,
        judgeHealth: (body) => judgeModelList(body, model, where),
      };
    }
    case 'openai': {
      const { apiKey, model } = options.openai;
      const baseUrl = trimSlashes(options.openai.baseUrl);
      return {
        backend: 'openai',
        model,
        baseUrl,
        token: new BearerToken(undefined, apiKey),
        healthUrl: `${baseUrl}/models`,
        judgeHealth: (body) => judgeModelList(body, model, ''),
      };
    }
    case 'none':
      throw new Error('The none backend has no HTTP profile.');
  }
}

/**
 * Private AI Services publish the OpenAI API under a base such as
 * `https://host/api/v1/compatibility/openai/v1`; operators copy it with or without the `/v1` (or
 * the whole `/chat/completions` URL), so every form is brought to one base ending in `/v1`.
 */
export function vcfBaseUrl(endpoint: string): string {
  let base = trimSlashes(endpoint.trim()).replace(/\/chat\/completions$/, '');
  base = trimSlashes(base);
  return base.endsWith('/v1') ? base : `${base}/v1`;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `llama3.2` and `llama3.2:latest` name the same Ollama model. */
function ollamaName(name: string): string {
  const tagged = name.slice(name.lastIndexOf('/') + 1).includes(':');
  return tagged ? name : `${name}:latest`;
}

function judgeOllamaTags(body: unknown, model: string): { ok: boolean; detail: string } {
  const models = (body as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return { ok: false, detail: 'unexpected /api/tags reply' };
  const wanted = ollamaName(model);
  const pulled = models.some((m: { name?: unknown; model?: unknown } | null) =>
    [m?.name, m?.model].some((n) => typeof n === 'string' && ollamaName(n) === wanted),
  );
  return pulled
    ? { ok: true, detail: `model ${model} is pulled` }
    : { ok: false, detail: `model ${model} is missing (ollama pull ${model})` };
}

function judgeModelList(
  body: unknown,
  model: string,
  where: string,
): { ok: boolean; detail: string } {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return { ok: false, detail: 'unexpected /models reply' };
  if (data.length === 0)
    return { ok: true, detail: `model list is empty${where}; assuming ${model}` };
  const served = data.some((m: { id?: unknown } | null) => m?.id === model);
  return served
    ? { ok: true, detail: `model ${model} is served${where}` }
    : { ok: false, detail: `model ${model} is missing${where}` };
}
