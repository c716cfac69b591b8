import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
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
  judgeHealth: (body: unknown) => { ok: boolean; detail: string };
  /** The server's root, where llama.cpp's `/props` and `/tokenize` and Ollama's `/api/show` live. */
  rootUrl: string;
  /** Asked when `healthUrl` is 404: Ollama's backend pointed at another OpenAI-compatible server. */
  fallbackHealth?: { url: string; judge: (body: unknown) => { ok: boolean; detail: string } };
}

export function backendProfile(options: LlmModuleOptions): BackendProfile {
  switch (options.backend) {
    case 'ollama': {
      const root = trimSlashes(options.ollama.url);
      const model = options.ollama.model;
      const check = options.modelCheck ?? true;
      return {
        backend: 'ollama',
        model,
        baseUrl: `${root}/v1`,
        rootUrl: root,
        healthUrl: `${root}/api/tags`,
        judgeHealth: (body) => judgeOllamaTags(body, model, check),
        fallbackHealth: {
          url: `${root}/v1/models`,
          judge: (body) => judgeModelList(body, model, '', check),
        },
      };
    }
    case 'vcf_private_ai': {
      const { endpoint, model, namespace, apiToken, tokenFile } = options.vcf;
      if (!endpoint) {
        throw new Error('LLM backend vcf_private_ai needs vcf.endpoint (VCF_MODEL_ENDPOINT).');
      }
      const baseUrl = vcfBaseUrl(endpoint);
      const where = namespace ? ` in namespace ${namespace}` : '';
      if (!apiToken && !existsSync(tokenFile)) {
        // Every call would go without a Bearer token and be refused: say so now, not per chat.
        new Logger('LlmClient').warn(
          `vcf_private_ai has no token: ${tokenFile} does not exist and VCF_API_TOKEN is unset; ` +
            'calls go unauthenticated (mount the service-account token or set VCF_API_TOKEN)',
        );
      }
      return {
        backend: 'vcf_private_ai',
        model,
        baseUrl,
        rootUrl: rootOf(baseUrl),
        token: new BearerToken(tokenFile, apiToken),
        healthUrl: `${baseUrl}/models`,
        judgeHealth: (body) => judgeModelList(body, model, where, options.modelCheck ?? true),
      };
    }
    case 'openai': {
      const { apiKey, model } = options.openai;
      const baseUrl = trimSlashes(options.openai.baseUrl);
      return {
        backend: 'openai',
        model,
        baseUrl,
        rootUrl: rootOf(baseUrl),
        token: new BearerToken(undefined, apiKey),
        healthUrl: `${baseUrl}/models`,
        judgeHealth: (body) => judgeModelList(body, model, '', options.modelCheck ?? true),
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

/** The server's root: the OpenAI base without its `/v1`. */
function rootOf(baseUrl: string): string {
  return baseUrl.replace(/\/v1$/, '');
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `llama3.2` and `llama3.2:latest` name the same Ollama model. */
function ollamaName(name: string): string {
  const tagged = name.slice(name.lastIndexOf('/') + 1).includes(':');
  return tagged ? name : `${name}:latest`;
}

const MODEL_FILE = /\.(gguf|ggml|bin|safetensors)$/i;

/**
 * Whether a served model id names the configured model, as each server names it: exactly (vLLM's
 * served name, llama.cpp's `--alias`, OpenAI), as Ollama's `name:tag` (`llama3.2` is
 * `llama3.2:latest`), or, for llama.cpp's server started without an alias, by the model file's
 * base name (`/models/tiny.gguf` serves `tiny`). A Hugging Face id such as `org/name` is not a
 * file, and vLLM refuses a request that names only its last part, so it must match exactly.
 */
export function servesModel(served: string, wanted: string): boolean {
  if (served === wanted) return true;
  if (ollamaName(served) === ollamaName(wanted)) return true;
  const isFile = served.startsWith('/') || served.startsWith('.') || MODEL_FILE.test(served);
  if (!isFile) return false;
  const base = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(MODEL_FILE, '');
  return base(served).toLowerCase() === base(wanted).toLowerCase();
}

function judgeOllamaTags(
  body: unknown,
  model: string,
  check: boolean,
): { ok: boolean; detail: string } {
  const models = (body as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return { ok: false, detail: 'unexpected /api/tags reply' };
  if (!check) return { ok: true, detail: 'ollama answers (model check off)' };
  const pulled = models.some((m: { name?: unknown; model?: unknown } | null) =>
    [m?.name, m?.model].some((n) => typeof n === 'string' && servesModel(n, model)),
  );
  return pulled
    ? { ok: true, detail: `model ${model} is pulled` }
    : { ok: false, detail: `model ${model} is missing (ollama pull ${model})` };
}

function judgeModelList(
  body: unknown,
  model: string,
  where: string,
  check: boolean,
): { ok: boolean; detail: string } {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return { ok: false, detail: 'unexpected /models reply' };
  if (!check) return { ok: true, detail: `the server answers${where} (model check off)` };
  if (data.length === 0)
    return { ok: true, detail: `model list is empty${where}; assuming ${model}` };
  const ids = (m: { id?: unknown; aliases?: unknown } | null): unknown[] => [
    m?.id,
    ...(Array.isArray(m?.aliases) ? (m.aliases as unknown[]) : []),
  ];
  const served = data.some((m: { id?: unknown; aliases?: unknown } | null) =>
    ids(m).some((id) => typeof id === 'string' && servesModel(id, model)),
  );
  return served
    ? { ok: true, detail: `model ${model} is served${where}` }
    : { ok: false, detail: `model ${model} is missing${where}` };
}
