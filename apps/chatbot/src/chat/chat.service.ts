import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { AnswerParts, ChatRequest, ChatResponse, ChatStreamEvent } from '@bookstore/contracts';
import { addressKey } from '@bookstore/http';
import { text, type Intent, type Language, type Understanding } from '@bookstore/intents';
import { LlmUnavailableError } from '@bookstore/llm';
import { Conversations, type OpenTurn, type Turn } from '@bookstore/conversations';
import type { Counter, Histogram } from 'prom-client';
import { AssistantService, type AnswerSources } from '../assistant/assistant.service.js';
import { DialogueService } from '../dialogue/dialogue.service.js';
import { llmAnswers } from '../dialogue/llm-decision.js';
import type { Reply } from '../dialogue/reply.js';
import { inLanguage, readState, type DialogueState } from '../dialogue/state.js';
import { StoreFacts } from '../dialogue/store-facts.js';
import { CHAT_REQUESTS, CHAT_RESPONSE_SECONDS } from './chat.metrics.js';

/** A turn as `openStream` opened it. */
interface Opened {
  started: bigint;
  sessionId: string;
  message: string;
  turn: OpenTurn;
}

interface TurnContext extends Omit<Opened, 'turn'> {
  /** Saves with this turn's own lock token (see OpenTurn.save). */
  save: OpenTurn['save'];
  state: DialogueState;
  /** The message, read once. */
  heard: Understanding;
  /** The last turns, for the LLM (none when no LLM is configured). */
  recent: Turn[];
  reply: Reply;
  /** The conversation's language after this message. */
  language: Language;
}

/** One chat turn: the rules and the store first, then the LLM, then the fallback text. */
@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);

  constructor(
    private readonly sessions: Conversations,
    private readonly dialogue: DialogueService,
    private readonly assistant: AssistantService,
    private readonly facts: StoreFacts,
    @InjectMetric(CHAT_REQUESTS) private readonly requests: Counter<'intent' | 'source'>,
    @InjectMetric(CHAT_RESPONSE_SECONDS) private readonly seconds: Histogram<'intent' | 'source'>,
  ) {}

  /** The turn's stream collected: one pipeline decides every answer, JSON or streamed. */
  async reply(
    request: ChatRequest,
    clientIp: string | undefined,
    signal: AbortSignal,
  ): Promise<ChatResponse> {
    return collect(await this.openStream(request, clientIp, signal, true));
  }

  /**
   * `stream` in an open turn of the conversation (see Conversations.beginTurn), opened before any
   * event so a 409 stays a 409. That one round trip also reads the state and, when an LLM may
   * answer, the turns it is shown. `buffered`: nobody sees the tokens before the end (JSON), so
   * an LLM answer that breaks off is replaced whole rather than shown cut.
   */
  async openStream(
    request: ChatRequest,
    clientIp: string | undefined,
    signal: AbortSignal,
    buffered = false,
  ): Promise<AsyncGenerator<ChatStreamEvent>> {
    const started = process.hrtime.bigint();
    const sessionId = request.session_id ?? randomUUID();
    // The client's budget of new conversations bounds what one client can store.
    const client = clientIp === undefined ? undefined : { key: addressKey(clientIp) };
    const turn = await this.sessions.beginTurn(sessionId, this.assistant.historyTurns, client);
    return releasing(
      this.stream(
        { started, sessionId, message: request.message, turn },
        clientIp,
        signal,
        buffered,
      ),
      turn.release,
    );
  }

  /**
   * One turn as events: `meta` once the source is known, `token` deltas, then `done` (or `error`
   * when the LLM breaks off). The turn is saved once, complete.
   */
  private async *stream(
    opened: Opened,
    clientIp: string | undefined,
    signal: AbortSignal,
    buffered: boolean,
  ): AsyncGenerator<ChatStreamEvent> {
    const ctx = await this.begin(opened, clientIp);
    const toLlm = llmAnswers(ctx.reply, this.assistant.enabled);
    // What the LLM answers is reported as the fallback intent, as it was before the help center.
    const intent = toLlm ? 'fallback' : ctx.reply.intent;
    const meta = (source: Reply['source'], shown: Intent = intent): ChatStreamEvent => ({
      event: 'meta',
      data: { session_id: ctx.sessionId, intent: shown, source, language: ctx.language },
    });
    if (!toLlm) {
      yield meta(ctx.reply.source);
      yield { event: 'token', data: { text: ctx.reply.response } };
      yield doneEvent(await this.finish(ctx, ctx.reply));
      return;
    }
    let said = '';
    // The shopper's share of LLM calls is counted as limits count clients: IPv6 by its /64.
    const client = clientIp === undefined ? undefined : addressKey(clientIp);
    const sources: AnswerSources = { client, links: [] };
    try {
      for await (const delta of this.assistant.stream(
        ctx.heard,
        ctx.recent,
        turnState(ctx),
        signal,
        sources,
      )) {
        if (said === '') yield meta('llm');
        said += delta;
        yield { event: 'token', data: { text: delta } };
      }
      if (said.trim() === '') throw new LlmUnavailableError('empty reply');
    } catch (err) {
      const partial: Reply = {
        ...ctx.reply,
        intent,
        response: said,
        source: 'llm',
        parts: undefined,
        cut: true,
      };
      if (signal.aborted) {
        // The shopper stopped it: keep what they saw.
        if (said) await this.finish(ctx, partial);
        return;
      }
      if (!(err instanceof LlmUnavailableError)) throw err;
      this.logger.warn(`LLM stream failed: ${err.message}`);
      const failed = this.withoutLlm(ctx, intent);
      // Nobody saw a token yet (or a JSON client sees only the end): the whole answer is replaced,
      // and what is stored is what was answered.
      if (said === '' || buffered) {
        yield meta(failed.source, failed.intent);
        yield { event: 'token', data: { text: failed.response } };
        yield doneEvent(await this.finish(ctx, failed));
      } else {
        const failure = this.said(
          { ...ctx.reply, response: text(ctx.language, 'llm_failure') },
          ctx.language,
        ).response;
        // What the shopper saw, marked as cut: never a complete answer in the history.
        await this.finish(ctx, partial);
        yield { event: 'error', data: { message: failure } };
      }
      return;
    }
    yield doneEvent(
      await this.finish(ctx, {
        ...ctx.reply,
        intent,
        response: said.trim(),
        source: 'llm',
        // The help article the answer was grounded in, for the shopper to read more.
        parts: { links: sources.links },
      }),
    );
  }

  /**
   * The answer when the LLM could not give one (down, slow, circuit open, refused): the one the
   * rules and the help center have (the dialogue's reply carries the matched article's answer),
   * and the plan's LLM failure text only when they have none, counted as not understood.
   */
  private withoutLlm(ctx: TurnContext, intent: Intent): Reply {
    if (ctx.reply.source !== 'fallback') return { ...ctx.reply };
    const failed: Reply = {
      ...ctx.reply,
      intent,
      response: text(ctx.language, 'llm_failure'),
      source: 'fallback',
    };
    return this.said(this.dialogue.notUnderstood(ctx.heard, turnState(ctx), failed), ctx.language);
  }

  /**
   * The one place the rules' texts get the store's facts ({support_email}, {store_name}, ...):
   * every reply the shopper sees and the history keeps passes here first.
   */
  private said(reply: Reply, language: Language): Reply {
    return this.facts.fill(reply, language);
  }

  private async begin(opened: Opened, clientIp?: string): Promise<TurnContext> {
    const { started, sessionId, message, turn } = opened;
    const state = readState(turn.state);
    const heard = this.dialogue.read(message, state);
    const reply = this.said(
      await this.dialogue.respond(heard, state, { sessionId, clientIp }),
      heard.language,
    );
    return {
      started,
      sessionId,
      message,
      state,
      heard,
      recent: turn.recent,
      reply,
      language: heard.language,
      save: turn.save,
    };
  }

  private async finish(ctx: TurnContext, final: Reply): Promise<ChatResponse> {
    const turn = await this.saveTurn(ctx, final);
    const labels = { intent: final.intent, source: final.source };
    this.requests.inc(labels);
    this.seconds.observe(labels, Number(process.hrtime.bigint() - ctx.started) / 1e9);
    return {
      response: final.response,
      session_id: ctx.sessionId,
      intent: final.intent,
      source: final.source,
      language: ctx.language,
      ...(turn === undefined ? {} : { turn }),
      ...withoutEmpty(final.parts),
    };
  }

  private async saveTurn(ctx: TurnContext, final: Reply): Promise<number | undefined> {
    try {
      return await ctx.save(
        {
          timestamp: new Date().toISOString(),
          user: ctx.message,
          bot: final.response,
          intent: final.intent,
          source: final.source,
          ...(final.cut && { cut: true }),
          // Kept with the turn so the widget shows them again after a reload.
          ...withoutEmpty(final.parts),
        },
        final.state,
      );
    } catch (err) {
      this.logger.warn(`turn not saved to history: ${(err as Error).message}`);
      return undefined;
    }
  }
}

/** The state the LLM answers from: the one before the turn, in the language this message set. */
function turnState(ctx: TurnContext): DialogueState {
  return inLanguage(ctx.state, ctx.language);
}

async function* releasing<T>(
  events: AsyncGenerator<T>,
  release: () => Promise<void>,
): AsyncGenerator<T> {
  try {
    yield* events;
  } finally {
    await release();
  }
}

/**
 * A JSON reply from the turn's events: `meta` and `done` make the answer. A stream that broke off
 * after its first tokens (an `error` event) answers with the failure text, as the widget shows it.
 */
async function collect(events: AsyncGenerator<ChatStreamEvent>): Promise<ChatResponse> {
  let meta: Extract<ChatStreamEvent, { event: 'meta' }>['data'] | undefined;
  let said = '';
  let done: Extract<ChatStreamEvent, { event: 'done' }>['data'] | undefined;
  let failure: string | undefined;
  for await (const e of events) {
    if (e.event === 'meta') meta = e.data;
    else if (e.event === 'token') said += e.data.text;
    else if (e.event === 'done') done = e.data;
    else failure = e.data.message;
  }
  if (!meta) throw new Error('a turn ended before it said anything');
  const { session_id, intent, language } = meta;
  if (done) {
    const { response, ...rest } = done;
    return { response, session_id, intent, source: meta.source, language, ...rest };
  }
  return failure === undefined
    ? { response: said, session_id, intent, source: meta.source, language }
    : { response: failure, session_id, intent, source: 'fallback', language };
}

/** `done` carries what `meta` did not: the whole text, the turn and the answer's parts. */
function doneEvent(answer: ChatResponse): ChatStreamEvent {
  const {
    session_id: _id,
    intent: _intent,
    source: _source,
    language: _language,
    ...done
  } = answer;
  return { event: 'done', data: done };
}

/** Only the parts that hold something, so plain answers carry no empty lists. */
function withoutEmpty(parts: AnswerParts | undefined): AnswerParts {
  const out: AnswerParts = {};
  if (parts?.suggestions?.length) out.suggestions = parts.suggestions;
  if (parts?.books?.length) out.books = parts.books;
  if (parts?.links?.length) out.links = parts.links;
  return out;
}
