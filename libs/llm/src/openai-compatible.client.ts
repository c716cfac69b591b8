import { Logger } from '@nestjs/common';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { AxiosInstance } from 'axios';
import {
  closeOutbound,
  createOutboundClient,
  drain,
  readText,
  send,
  type OutboundResponse,
} from '@bookstore/http';
import { CallScope, untilAborted } from './call-scope.js';
import { CallSlots } from './call-slots.js';
import { CompletionStream } from './completion-stream.js';
import { DeltaQueue } from './delta-queue.js';
import type { BackendProfile } from './llm-backends.js';
import { LlmUnavailableError } from './llm-unavailable.error.js';
import { LlmClient } from './llm.client.js';
import { TrimmedDeltas } from './reply-text.js';
import type { LlmMetrics } from './llm.metrics.js';
import { countPromptTokens, loadTokenizer } from './prompt-tokens.js';
import type {
  CircuitStateName,
  LlmCallOptions,
  LlmHealth,
  LlmMessage,
  LlmModuleOptions,
  LlmReply,
  LlmServerLimits,
  LlmUsage,
} from './llm.types.js';
import { httpError, isBackendFailure } from './upstream-error.js';

/** Low enough that support answers stay on topic, high enough not to read as canned. */
const DEFAULT_TEMPERATURE = 0.3;

/**
 * Reported prompt tokens below this share of our own count mean the server cut the prompt:
 * tokenizers differ by a fifth or so, a silent truncation keeps a fraction (138 of 650).
 */
const TRUNCATED_BELOW = 0.6;
const TRUNCATED_MIN_TOKENS = 32;

/** Statuses that every chat call will meet again: a refused key, a model or route not there. */
const REFUSALS = [401, 403, 404];

const DEFAULT_CONCURRENCY = { max: 32, perClient: 4 };
/** Connections beyond the chat calls' own, so that readiness is never queued behind a busy LLM. */
const SPARE_CONNECTIONS = 2;
/** The server's limits are asked with this bound, and asked again this long after a failure. */
const LIMITS_TIMEOUT_MS = 2_000;
const LIMITS_RETRY_MS = 60_000;

type Response = OutboundResponse;

interface ChatCompletion {
  choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
}

/**
 * One client for every OpenAI-compatible backend (Ollama, Private AI Services, OpenAI): the
 * profile says where and how to authenticate. Each call is bounded by the timeouts and guarded by
 * a circuit breaker, so a slow or dead LLM costs the chat at most one timeout, then nothing.
 */
export class OpenAiCompatibleClient extends LlmClient {
  readonly backend: BackendProfile['backend'];
  readonly model: string;
  private readonly logger = new Logger('LlmClient');
  private readonly http: AxiosInstance;
  private readonly chatPath: string;
  private readonly healthPath: string;
  private readonly fallbackHealthPath: string | undefined;
  private readonly policy: CircuitBreakerPolicy;
  private readonly slots: CallSlots;
  /** Why the last chat call was refused (key, model or route): chat will meet it again. */
  private refusal: string | undefined;
  /** The token a completion was last accepted with, where the models list does not tell. */
  private keyAccepted: string | undefined;
  private limits: { asked: Promise<LlmServerLimits>; at: number; failed: boolean } | undefined;
  /** The highest server-to-cl100k token ratio the replies' usage showed. */
  private observedRatio: number | undefined;
  private openedAt = 0;
  private breakReason: string | undefined;
  private halfOpenTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly profile: BackendProfile,
    private readonly options: LlmModuleOptions,
    private readonly metrics: LlmMetrics,
  ) {
    super();
    this.backend = profile.backend;
    this.model = profile.model;
    const base = new URL(profile.baseUrl);
    const health = new URL(profile.healthUrl);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.slots = new CallSlots(concurrency.max, concurrency.perClient);
    // The outbound client every service uses: keep-alive connections of our own to the backend.
    this.http = createOutboundClient({
      baseUrl: base.origin,
      connections: concurrency.max + SPARE_CONNECTIONS,
    });
    this.chatPath = `${base.pathname.replace(/\/+$/, '')}/chat/completions`;
    this.healthPath = health.pathname;
    const fallback = profile.fallbackHealth;
    this.fallbackHealthPath = fallback ? new URL(fallback.url).pathname : undefined;

    this.policy = circuitBreaker(handleWhen(isBackendFailure), {
      halfOpenAfter: options.circuit.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.circuit.failureThreshold),
    });
    this.policy.onBreak((reason) => {
      this.openedAt = Date.now();
      const why = 'error' in reason && reason.error instanceof Error ? reason.error.message : '';
      this.breakReason = why || undefined;
      this.logger.warn(`${this.backend} circuit opened${why ? ` after: ${why}` : ''}`);
      // The gauge should show half-open once calls may try again, even before one does.
      clearTimeout(this.halfOpenTimer);
      this.halfOpenTimer = setTimeout(
        () => this.metrics.circuitState(this.circuitState()),
        options.circuit.halfOpenAfterMs,
      ).unref();
    });
    this.policy.onReset(() => this.logger.log(`${this.backend} circuit closed`));
    this.policy.onStateChange(() => this.metrics.circuitState(this.circuitState()));
    this.metrics.circuitState('closed');
  }

  async chat(messages: LlmMessage[], options: LlmCallOptions = {}): Promise<LlmReply> {
    const scope = new CallScope(this.options.timeoutMs, options.signal);
    try {
      const reply = await this.guarded(scope, options.client, () =>
        this.complete(messages, options, scope),
      );
      this.refusal = undefined;
      this.metrics.request('ok', scope.startedAt);
      this.metrics.usage(reply.usage);
      this.checkPromptKept(messages, reply.usage);
      return reply;
    } catch (err) {
      throw this.settle(err, scope);
    } finally {
      scope.dispose();
    }
  }

  async *stream(messages: LlmMessage[], options: LlmCallOptions = {}): AsyncGenerator<string> {
    const scope = new CallScope(
      this.options.timeoutMs,
      options.signal,
      this.options.firstTokenTimeoutMs,
    );
    const deltas = new DeltaQueue();
    // The whole upstream read runs under the circuit breaker, so a stream cut after its first
    // token counts as the failure it is; the caller reads the deltas as they come meanwhile.
    const run = this.guarded(scope, options.client, () =>
      this.produce(messages, options, scope, deltas),
    );
    run.then(
      () => deltas.end(),
      (err: unknown) => deltas.fail(err),
    );
    let settled = false;
    const trimmed = new TrimmedDeltas();
    try {
      for (let text = await deltas.next(); text !== undefined; text = await deltas.next()) {
        // After an abort, deltas already queued are not wanted either.
        if (scope.cause === 'aborted') throw new Error('aborted');
        const shown = trimmed.next(text);
        if (shown) yield shown;
      }
      const usage = await run;
      settled = true;
      this.refusal = undefined;
      this.metrics.request('ok', scope.startedAt);
      this.metrics.usage(usage);
      this.checkPromptKept(messages, usage);
    } catch (err) {
      settled = true;
      throw this.settle(err, scope);
    } finally {
      if (!settled) {
        // The consumer stopped iterating early: close the upstream request, count an abort.
        scope.cancel();
        this.metrics.request('aborted', scope.startedAt);
      }
      scope.dispose();
    }
  }

  async health(signal?: AbortSignal): Promise<LlmHealth> {
    const scope = new CallScope(this.options.timeoutMs, signal);
    try {
      // What the last real call met outranks the models list, which llama.cpp's server serves
      // without the key. Asked again here, with a request that needs the key, so a pod taken out
      // of traffic for it comes back once the key or model is put right.
      if (this.refusal) {
        const refused = await this.stillRefused(scope);
        if (refused) return this.report(false, `the last chat call was refused: ${refused}`);
      }
      let res = await this.get(this.healthPath, scope);
      let judge = this.profile.judgeHealth;
      const fallback = this.profile.fallbackHealth;
      if (res.status === 404 && fallback && this.fallbackHealthPath) {
        // Ollama's backend pointed at another OpenAI-compatible server: no /api/tags there.
        await drain(res.body);
        res = await this.get(this.fallbackHealthPath, scope);
        judge = fallback.judge;
      }
      const text = await untilAborted(readText(res.body), scope.signal);
      if (res.status < 200 || res.status >= 300) {
        return this.report(false, httpError(res.status, text).message);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return this.report(false, 'health reply is not JSON');
      }
      const { ok, detail } = judge(body);
      if (!ok) return this.report(ok, detail);
      const refusedKey = await this.keyRefused(scope);
      return refusedKey
        ? this.report(false, `the API key was refused: ${refusedKey}`)
        : this.report(ok, detail);
    } catch (err) {
      return this.report(false, this.classify(err, scope).message);
    } finally {
      scope.dispose();
    }
  }

  /**
   * A key the models list cannot judge: llama.cpp's server (`--api-key`) lists its models to
   * anyone. When the list answers without our key, a one-token completion (which needs it) tells;
   * once a key is accepted it is not asked again until it changes.
   */
  private async keyRefused(scope: CallScope): Promise<string | undefined> {
    const token = await this.profile.token?.get();
    if (!token || this.keyAccepted === token) return undefined;
    const bare = await untilAborted(
      send(this.http, {
        method: 'GET',
        url: this.healthPath,
        signal: scope.signal,
        headers: headers(undefined, false),
      }),
      scope.signal,
    );
    await drain(bare.body);
    // A list that wants the key has judged it already.
    const refused =
      bare.status >= 200 && bare.status < 300 ? await this.stillRefused(scope, false) : undefined;
    if (!refused) this.keyAccepted = token;
    return refused;
  }

  /**
   * The server's context and tokenizer ratio, asked once (llama.cpp's `/props` and `/tokenize`,
   * Ollama's `/api/show`), again a minute after a failure; the ratio the replies' usage showed
   * raises the measured one.
   */
  override async serverLimits(sample?: string): Promise<LlmServerLimits> {
    const now = Date.now();
    if (!this.limits || (this.limits.failed && now - this.limits.at > LIMITS_RETRY_MS)) {
      const entry = { at: now, failed: false, asked: Promise.resolve({}) };
      entry.asked = this.askLimits(sample).catch(() => {
        entry.failed = true;
        return {};
      });
      this.limits = entry;
    }
    const asked = await this.limits.asked;
    const ratio = Math.max(asked.tokenRatio ?? 0, this.observedRatio ?? 0);
    return { ...asked, ...(ratio > 0 && { tokenRatio: ratio }) };
  }

  private async askLimits(sample: string | undefined): Promise<LlmServerLimits> {
    const scope = new CallScope(LIMITS_TIMEOUT_MS);
    try {
      const root = new URL(this.profile.rootUrl).pathname.replace(/\/+$/, '');
      const props = await this.askJson('GET', `${root}/props`, undefined, scope);
      let contextTokens = positive(
        (props as { default_generation_settings?: { n_ctx?: unknown } } | undefined)
          ?.default_generation_settings?.n_ctx ?? (props as { n_ctx?: unknown } | undefined)?.n_ctx,
      );
      if (contextTokens === undefined && this.backend === 'ollama') {
        // Ollama runs a model with the num_ctx its Modelfile sets, else its server's default.
        const show = await this.askJson('POST', `${root}/api/show`, { model: this.model }, scope);
        const parameters = (show as { parameters?: unknown } | undefined)?.parameters;
        const numCtx = typeof parameters === 'string' ? /\bnum_ctx\s+(\d+)/.exec(parameters) : null;
        contextTokens = positive(numCtx ? Number(numCtx[1]) : undefined);
      }
      let tokenRatio: number | undefined;
      if (sample && props !== undefined) {
        const counted = await this.askJson(
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

  /** A JSON answer, or undefined when the server does not offer the route (any 4xx). */
  private async askJson(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    scope: CallScope,
  ): Promise<unknown> {
    const res = await untilAborted(
      this.send(method, path, body === undefined ? undefined : JSON.stringify(body), {
        signal: scope.signal,
      }),
      scope.signal,
    );
    const text = await untilAborted(readText(res.body), scope.signal);
    if (res.status >= 400 && res.status < 500) return undefined;
    if (res.status < 200 || res.status >= 300) throw httpError(res.status, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  /**
   * A one-token completion, outside the circuit breaker: the refusal, or undefined once gone.
   * `remember`: what it finds replaces the refusal a chat call met (not when only the key is judged).
   */
  private async stillRefused(scope: CallScope, remember = true): Promise<string | undefined> {
    const body = JSON.stringify({
      model: this.model,
      messages: [{ role: 'user', content: 'ping' }],
      max_tokens: 1,
      stream: false,
    });
    const res = await untilAborted(
      this.send('POST', this.chatPath, body, { signal: scope.signal }),
      scope.signal,
    );
    const text = await untilAborted(readText(res.body), scope.signal);
    let refusal: string | undefined;
    if (REFUSALS.includes(res.status)) refusal = httpError(res.status, text).message;
    else if (res.status < 200 || res.status >= 300) return remember ? this.refusal : undefined;
    if (remember) this.refusal = refusal;
    return refusal;
  }

  private get(path: string, scope: CallScope): Promise<Response> {
    return untilAborted(this.send('GET', path, undefined, { signal: scope.signal }), scope.signal);
  }

  circuitState(): CircuitStateName {
    switch (this.policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half_open';
      case CircuitState.Isolated:
        return 'isolated';
      case CircuitState.Open:
        // cockatiel only moves to half-open when a call arrives; report what that call will find.
        return Date.now() - this.openedAt >= this.options.circuit.halfOpenAfterMs
          ? 'half_open'
          : 'open';
    }
  }

  override openedBecause(): string | undefined {
    return this.breakReason;
  }

  override close(): Promise<void> {
    clearTimeout(this.halfOpenTimer);
    closeOutbound(this.http);
    return Promise.resolve();
  }

  /**
   * Runs the call under the circuit breaker, and never longer than the call's deadlines. The wait
   * for a free slot (see CallSlots) comes first, outside the breaker: a queue is not a failure.
   */
  private async guarded<T>(
    scope: CallScope,
    client: string | undefined,
    fn: () => Promise<T>,
  ): Promise<T> {
    if (scope.signal.aborted) throw new Error('aborted before start');
    // While the one half-open trial is out, other calls fail fast rather than queue behind it.
    if (this.policy.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
    const slot = await this.slots.acquire(client, scope.signal);
    const run = this.policy.execute(async () => {
      try {
        return await fn();
      } catch (err) {
        throw this.classify(err, scope, slot.waited);
      }
    });
    void run.then(slot.release, slot.release);
    // The breaker counts an aborted call before its caller hears of it: the aborted request
    // settles within microtasks; a call that ignores the signal is not waited for past this turn.
    return untilAborted(run, scope.signal).catch(async (err: unknown) => {
      await Promise.race([run.catch(() => undefined), new Promise((r) => setImmediate(r))]);
      throw err;
    });
  }

  private async complete(
    messages: LlmMessage[],
    options: LlmCallOptions,
    scope: CallScope,
  ): Promise<LlmReply> {
    const res = await this.send('POST', this.chatPath, this.body(messages, options, false), {
      signal: scope.signal,
      headers: options.headers,
    });
    const text = await readText(res.body);
    if (res.status < 200 || res.status >= 300) throw this.rejected(res.status, text);
    let completion: ChatCompletion;
    try {
      completion = JSON.parse(text) as ChatCompletion;
    } catch (err) {
      throw new LlmUnavailableError('malformed response', { cause: err });
    }
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    if (!choice) throw new LlmUnavailableError('malformed response');
    const content = choice.message?.content;
    const finishReason = choice.finish_reason;
    return {
      // Trimmed as a stream of the same reply is: one text whichever path asked.
      text: typeof content === 'string' ? content.trim() : '',
      usage: usageOf(completion.usage),
      finishReason: typeof finishReason === 'string' ? finishReason : undefined,
    };
  }

  /** Reads one streamed completion into `deltas`; resolves with the usage at `[DONE]`. */
  private async produce(
    messages: LlmMessage[],
    options: LlmCallOptions,
    scope: CallScope,
    deltas: DeltaQueue,
  ): Promise<LlmUsage | undefined> {
    const res = await this.send('POST', this.chatPath, this.body(messages, options, true), {
      signal: scope.signal,
      stream: true,
      headers: options.headers,
    });
    if (res.status < 200 || res.status >= 300) {
      throw this.rejected(res.status, await readText(res.body));
    }
    const reader = new CompletionStream(res.body);
    try {
      for (let text = await reader.next(); text !== undefined; text = await reader.next()) {
        if (scope.firstTokenArrived()) this.metrics.firstTokenAfter(scope.startedAt);
        deltas.push(text);
      }
      // The body's end follows [DONE] closely; reading it keeps the connection for the next call.
      await reader.settled(100);
      return reader.usage;
    } finally {
      if (!reader.drained) res.body.destroy();
    }
  }

  /** One request; after a 401 the token is re-read and, if it rotated, the request sent again. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    opts: { signal: AbortSignal; stream?: boolean; headers?: Record<string, string> },
  ): Promise<Response> {
    const token = await this.profile.token?.get();
    const res = await send(this.http, {
      method,
      url: path,
      data: body,
      signal: opts.signal,
      headers: { ...opts.headers, ...headers(token, body !== undefined, opts.stream) },
    });
    // A completion that went through proves the key, which readiness then need not ask about.
    if (path === this.chatPath && res.status >= 200 && res.status < 300) this.keyAccepted = token;
    if (res.status !== 401 || !this.profile.token) return res;
    if (!(await this.profile.token.reload(token))) return res;
    await drain(res.body);
    return send(this.http, {
      method,
      url: path,
      data: body,
      signal: opts.signal,
      headers: {
        ...opts.headers,
        ...headers(await this.profile.token.get(), body !== undefined, opts.stream),
      },
    });
  }

  private body(messages: LlmMessage[], options: LlmCallOptions, stream: boolean): string {
    return JSON.stringify({
      model: this.model,
      messages: messages.map(({ role, content }) => ({ role, content })),
      max_tokens: options.maxTokens ?? this.options.maxTokens,
      temperature: options.temperature ?? DEFAULT_TEMPERATURE,
      stream,
      ...(stream && { stream_options: { include_usage: true } }),
    });
  }

  private rejected(status: number, text: string): LlmUnavailableError {
    const err = httpError(status, text);
    // A refused key, or a model or route the server does not have: every call will meet it.
    if (REFUSALS.includes(status)) this.refusal = err.message;
    // Not the backend's fault: our request is wrong, which no retry or fallback will fix.
    if (!isBackendFailure(err)) {
      this.logger.warn(`${this.backend} refused a request: ${err.message}`);
    }
    return err;
  }

  /** Every error becomes an LlmUnavailableError; our own cuts win over what they caused. */
  private classify(err: unknown, scope: CallScope, queued = false): LlmUnavailableError {
    if (err instanceof LlmUnavailableError && err.outcome === 'busy') return err;
    switch (scope.cause) {
      case 'aborted':
        return new LlmUnavailableError('aborted', { outcome: 'aborted' });
      case 'timeout':
        return new LlmUnavailableError('timeout', { outcome: 'timeout', queued });
      case 'first_token':
        return new LlmUnavailableError('timeout before the first token', {
          outcome: 'timeout',
          queued,
        });
    }
    if (err instanceof LlmUnavailableError) return err;
    if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) {
      return new LlmUnavailableError('circuit open', { outcome: 'circuit_open' });
    }
    // Said plainly: the most common state of a laptop or a cluster without a model server.
    return new LlmUnavailableError(`unreachable at ${this.profile.rootUrl}: ${describe(err)}`, {
      cause: err,
    });
  }

  /** Counts the call's end. A failure classified when it happened keeps that reason. */
  private settle(err: unknown, scope: CallScope): LlmUnavailableError {
    const failure = err instanceof LlmUnavailableError ? err : this.classify(err, scope);
    const reachedBackend = failure.outcome !== 'circuit_open' && failure.outcome !== 'busy';
    this.metrics.request(failure.outcome, reachedBackend ? scope.startedAt : undefined);
    return failure;
  }

  /**
   * llama.cpp's server (without context-shift errors) and Ollama cut a prompt longer than their
   * context from its start, system message first, and say so only through the usage they report.
   */
  private checkPromptKept(messages: LlmMessage[], usage: LlmUsage | undefined): void {
    if (!usage) return;
    const sent = countPromptTokens(messages);
    const kept = usage.promptTokens;
    if (kept >= sent * TRUNCATED_BELOW || sent - kept < TRUNCATED_MIN_TOKENS) {
      // Not cut: what the server counted for our prompt is its tokenizer's ratio to ours.
      if (sent > 0) this.observedRatio = Math.max(this.observedRatio ?? 0, kept / sent);
      return;
    }
    this.metrics.promptTruncated();
    this.logger.warn(
      `${this.backend} reports ${kept} prompt tokens for about ${sent} sent: the server cut the ` +
        "prompt to its context; set LLM_CONTEXT_TOKENS to the model's context",
    );
  }

  private report(ok: boolean, detail: string): LlmHealth {
    return { ok, backend: this.backend, model: this.model, detail };
  }
}

function headers(token: string | undefined, json: boolean, stream = false): Record<string, string> {
  return {
    accept: stream ? 'text/event-stream' : 'application/json',
    ...(json && { 'content-type': 'application/json' }),
    ...(token && { authorization: `Bearer ${token}` }),
  };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function usageOf(usage: ChatCompletion['usage']): LlmUsage | undefined {
  if (!usage || typeof usage.prompt_tokens !== 'number') return undefined;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: typeof usage.completion_tokens === 'number' ? usage.completion_tokens : 0,
  };
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const inner = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return typeof code === 'string' ? `${code} (${err.message}${inner})` : err.message;
}
