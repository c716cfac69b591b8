import { Logger } from '@nestjs/common';
import { BrokenCircuitError } from 'cockatiel';
import { drain, readText } from '@bookstore/http';
import type { BackendProfile } from '../llm-backends.js';
import { LlmClient } from '../llm.client.js';
import type { LlmMetrics } from '../llm.metrics.js';
import { LlmUnavailableError } from '../llm-unavailable.error.js';
import type {
  CircuitStateName,
  LlmCallOptions,
  LlmHealth,
  LlmMessage,
  LlmModuleOptions,
  LlmReply,
  LlmServerLimits,
  LlmUsage,
} from '../llm.types.js';
import { BackendCircuit } from './backend-circuit.js';
import { BackendHttp } from './backend-http.js';
import { CallScope, untilAborted } from './call-scope.js';
import { classifyFailure, settleFailure } from './call-failure.js';
import { CallSlots } from './call-slots.js';
import { completionBody, parseCompletion } from './completion-request.js';
import { CompletionStream } from './completion-stream.js';
import { DeltaQueue } from './delta-queue.js';
import { TrimmedDeltas } from './reply-text.js';
import { ServerLimits } from './server-limits.js';
import { httpError, isBackendFailure } from './upstream-error.js';

/** Statuses that every chat call will meet again: a refused key, a model or route not there. */
const REFUSALS = [401, 403, 404];

const DEFAULT_CONCURRENCY = { max: 32, perClient: 4 };

/**
 * One client for every OpenAI-compatible backend (Ollama, Private AI Services, OpenAI): the
 * profile says where and how to authenticate. Each call is bounded by the timeouts and guarded by
 * a circuit breaker, so a slow or dead LLM costs the chat at most one timeout, then nothing.
 */
export class OpenAiCompatibleClient extends LlmClient {
  readonly backend: BackendProfile['backend'];
  readonly model: string;
  private readonly logger = new Logger('LlmClient');
  private readonly http: BackendHttp;
  private readonly limits: ServerLimits;
  private readonly circuit: BackendCircuit;
  private readonly slots: CallSlots;
  /** Why the last chat call was refused (key, model or route): chat will meet it again. */
  private refusal: string | undefined;

  constructor(
    private readonly profile: BackendProfile,
    private readonly options: LlmModuleOptions,
    private readonly metrics: LlmMetrics,
  ) {
    super();
    this.backend = profile.backend;
    this.model = profile.model;
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.slots = new CallSlots(concurrency.max, concurrency.perClient);
    this.http = new BackendHttp(profile, concurrency.max);
    this.limits = new ServerLimits(this.http, profile);

    this.circuit = new BackendCircuit(this.backend, options.circuit, metrics, this.logger);
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
      throw settleFailure(err, scope, this.profile.rootUrl, this.metrics);
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
      throw settleFailure(err, scope, this.profile.rootUrl, this.metrics);
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
      let res = await this.http.get(this.http.healthPath, scope);
      let judge = this.profile.judgeHealth;
      const fallback = this.profile.fallbackHealth;
      if (res.status === 404 && fallback && this.http.fallbackHealthPath) {
        // Ollama's backend pointed at another OpenAI-compatible server: no /api/tags there.
        await drain(res.body);
        res = await this.http.get(this.http.fallbackHealthPath, scope);
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
      return this.report(false, classifyFailure(err, scope, this.profile.rootUrl).message);
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
    if (!token || this.http.keyAccepted === token) return undefined;
    const bare = await this.http.bare(this.http.healthPath, scope);
    await drain(bare.body);
    // A list that wants the key has judged it already.
    const refused =
      bare.status >= 200 && bare.status < 300 ? await this.stillRefused(scope, false) : undefined;
    if (!refused) this.http.keyAccepted = token;
    return refused;
  }

  /** The server's context and tokenizer ratio (see ServerLimits). */
  override serverLimits(sample?: string): Promise<LlmServerLimits> {
    return this.limits.get(sample);
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
      this.http.send('POST', this.http.chatPath, body, { signal: scope.signal }),
      scope.signal,
    );
    const text = await untilAborted(readText(res.body), scope.signal);
    let refusal: string | undefined;
    if (REFUSALS.includes(res.status)) refusal = httpError(res.status, text).message;
    else if (res.status < 200 || res.status >= 300) return remember ? this.refusal : undefined;
    if (remember) this.refusal = refusal;
    return refusal;
  }

  circuitState(): CircuitStateName {
    return this.circuit.state();
  }

  override openedBecause(): string | undefined {
    return this.circuit.openedBecause();
  }

  override close(): Promise<void> {
    this.circuit.close();
    this.http.close();
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
    if (this.circuit.trialOut) throw new BrokenCircuitError();
    const slot = await this.slots.acquire(client, scope.signal);
    const run = this.circuit.execute(async () => {
      try {
        return await fn();
      } catch (err) {
        throw classifyFailure(err, scope, this.profile.rootUrl, slot.waited);
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
    const res = await this.http.send(
      'POST',
      this.http.chatPath,
      this.body(messages, options, false),
      {
        signal: scope.signal,
        headers: options.headers,
      },
    );
    const text = await readText(res.body);
    if (res.status < 200 || res.status >= 300) throw this.rejected(res.status, text);
    return parseCompletion(text);
  }

  /** Reads one streamed completion into `deltas`; resolves with the usage at `[DONE]`. */
  private async produce(
    messages: LlmMessage[],
    options: LlmCallOptions,
    scope: CallScope,
    deltas: DeltaQueue,
  ): Promise<LlmUsage | undefined> {
    const res = await this.http.send(
      'POST',
      this.http.chatPath,
      this.body(messages, options, true),
      {
        signal: scope.signal,
        stream: true,
        headers: options.headers,
      },
    );
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

  private body(messages: LlmMessage[], options: LlmCallOptions, stream: boolean): string {
    return completionBody(this.model, messages, options, this.options.maxTokens, stream);
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

  /**
   * llama.cpp's server (without context-shift errors) and Ollama cut a prompt longer than their
   * context from its start, system message first, and say so only through the usage they report.
   */
  private checkPromptKept(messages: LlmMessage[], usage: LlmUsage | undefined): void {
    const cut = this.limits.promptCut(messages, usage);
    if (!cut) return;
    const { sent, kept } = cut;
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
