import type { BackendProfile } from '../llm-backends.js';
import type { LlmMessage, LlmServerLimits, LlmUsage } from '../llm.types.js';
import { countPromptTokens, loadTokenizer } from '../prompt-tokens.js';
import type { BackendHttp } from './backend-http.js';
import { CallScope } from './call-scope.js';

/** The server's limits are asked with this bound, and asked again this long after a failure. */
const LIMITS_TIMEOUT_MS = 2_000;
const LIMITS_RETRY_MS = 60_000;

/**
 * Reported prompt tokens below this share of our own count mean the server cut the prompt:
 * tokenizers differ by a fifth or so, a silent truncation keeps a fraction (138 of 650).
 */
const TRUNCATED_BELOW = 0.6;
const TRUNCATED_MIN_TOKENS = 32;

/**
 * The server's context and tokenizer ratio, asked once (llama.cpp's `/props` and `/tokenize`,
 * Ollama's `/api/show`), again a minute after a failure; the ratio the replies' usage showed
 * raises the measured one.
 */
export class ServerLimits {
  /** The highest server-to-cl100k token ratio the replies' usage showed. */
  private observedRatio: number | undefined;
  private limits: { asked: Promise<LlmServerLimits>; at: number; failed: boolean } | undefined;

  constructor(
    private readonly http: BackendHttp,
    private readonly profile: BackendProfile,
  ) {}

  /**
   * The prompt tokens sent and kept when the server cut the prompt, else undefined; an uncut
   * prompt's usage is the server tokenizer's ratio to ours, which raises the observed one.
   */
  promptCut(
    messages: LlmMessage[],
    usage: LlmUsage | undefined,
  ): { sent: number; kept: number } | undefined {
    if (!usage) return undefined;
    const sent = countPromptTokens(messages);
    const kept = usage.promptTokens;
    if (kept >= sent * TRUNCATED_BELOW || sent - kept < TRUNCATED_MIN_TOKENS) {
      if (sent > 0) this.observedRatio = Math.max(this.observedRatio ?? 0, kept / sent);
      return undefined;
    }
    return { sent, kept };
  }

  async get(sample?: string): Promise<LlmServerLimits> {
    const now = Date.now();
    if (!this.limits || (this.limits.failed && now - this.limits.at > LIMITS_RETRY_MS)) {
      const entry = { at: now, failed: false, asked: Promise.resolve({}) };
      entry.asked = this.ask(sample).catch(() => {
        entry.failed = true;
        return {};
      });
      this.limits = entry;
    }
    const asked = await this.limits.asked;
    const ratio = Math.max(asked.tokenRatio ?? 0, this.observedRatio ?? 0);
    return { ...asked, ...(ratio > 0 && { tokenRatio: ratio }) };
  }

  private async ask(sample: string | undefined): Promise<LlmServerLimits> {
    const scope = new CallScope(LIMITS_TIMEOUT_MS);
    try {
      const root = new URL(this.profile.rootUrl).pathname.replace(/\/+$/, '');
      const props = await this.http.askJson('GET', `${root}/props`, undefined, scope);
      let contextTokens = positive(
        (props as { default_generation_settings?: { n_ctx?: unknown } } | undefined)
          ?.default_generation_settings?.n_ctx ?? (props as { n_ctx?: unknown } | undefined)?.n_ctx,
      );
      if (contextTokens === undefined && this.profile.backend === 'ollama') {
        // Ollama runs a model with the num_ctx its Modelfile sets, else its server's default.
        const show = await this.http.askJson(
          'POST',
          `${root}/api/show`,
          { model: this.profile.model },
          scope,
        );
        const parameters = (show as { parameters?: unknown } | undefined)?.parameters;
        const numCtx = typeof parameters === 'string' ? /\bnum_ctx\s+(\d+)/.exec(parameters) : null;
        contextTokens = positive(numCtx ? Number(numCtx[1]) : undefined);
      }
      let tokenRatio: number | undefined;
      if (sample && props !== undefined) {
        const counted = await this.http.askJson(
          'POST',
          `${root}/tokenize`,
          { content: sample, add_special: false },
          scope,
        );
        const tokens = (counted as { tokens?: unknown } | undefined)?.tokens;
        const ours = loadTokenizer().countTokens(sample);
        if (Array.isArray(tokens) && ours > 0) tokenRatio = tokens.length / ours;
      }
      return {
        ...(contextTokens !== undefined && { contextTokens }),
        ...(tokenRatio !== undefined && { tokenRatio }),
      };
    } finally {
      scope.dispose();
    }
  }
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
