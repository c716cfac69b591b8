import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { createHmac } from 'node:crypto';
import type { Counter } from 'prom-client';
import type { Subscription } from 'rxjs';
import { fillStoreFacts, type StoreProfile } from '@bookstore/content';
import { isLanguage, text } from '@bookstore/intents';
import { DeskRepository } from '@bookstore/database';
import { ChatbotClient } from '../chat-proxy/chatbot.client.js';
import { ChatTurns, type AnsweredTurn, type RatedTurn } from '../chat-proxy/chat-turns.js';
import { GatewayOptions } from '../config/gateway.options.js';
import { CHAT_CONVERSATIONS, CHAT_UNRESOLVED, CHAT_UNANSWERED } from './desk.metrics.js';

const LANGUAGES = new Set(['en', 'es', 'fr', 'de']);

/**
 * Why a turn counts as not answered; undefined when it was answered. The failure text is compared
 * as the shopper got it: with the store's facts ({support_email}...) the chatbot filled in.
 */
export function unansweredReason(t: AnsweredTurn, store: StoreProfile): string | undefined {
  if (t.broken) return 'llm_failure';
  if (t.intent === 'gibberish') return 'not_understood';
  if (t.source !== 'fallback') return undefined;
  const language = t.language ?? 'en';
  return isLanguage(language) &&
    t.response === fillStoreFacts(text(language, 'llm_failure'), store, language)
    ? 'llm_failure'
    : 'fallback';
}

/**
 * Keeps, from what the chat proxy passes on, what the team needs to see: each turn the bot could
 * not answer, each answer marked down (the turn read back from the chatbot's history, since the
 * rating names only its number), masked by the repository before it is written. Done here, at
 * the gateway, because the gateway owns the database and already sees every turn: the chatbot
 * makes no extra call per turn, and a slow or failing database never delays an answer.
 */
@Injectable()
export class DeskRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeskRecorder.name);
  private readonly keep: string[];
  private readonly key: string;
  private readonly store: StoreProfile;
  private readonly subscriptions: Subscription[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    options: GatewayOptions,
    private readonly repo: DeskRepository,
    private readonly turns: ChatTurns,
    private readonly chatbot: ChatbotClient,
    @InjectMetric(CHAT_UNANSWERED) private readonly unanswered: Counter<'language'>,
    @InjectMetric(CHAT_CONVERSATIONS) private readonly conversations: Counter,
    @InjectMetric(CHAT_UNRESOLVED) private readonly unresolved: Counter<'reason'>,
  ) {
    this.keep = [options.support.email];
    this.store = options.content.profile;
    // Conversations are told apart by a keyed hash: the session id itself is a bearer secret.
    this.key = options.chatbot.internalToken ?? 'bookstore-desk';
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.turns.answered.subscribe((t) => this.track(this.answered(t))),
      this.turns.rated.subscribe((r) => this.track(this.rated(r))),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when what was handed over so far is written (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  sessionKey(sessionId: string): string {
    return createHmac('sha256', this.key).update(sessionId).digest('hex').slice(0, 32);
  }

  private track(work: Promise<void>): void {
    const done = work.catch((err: unknown) =>
      this.logger.warn(`desk record failed: ${(err as Error).message}`),
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  private async answered(t: AnsweredTurn): Promise<void> {
    if (t.turn === 1) this.conversations.inc();
    const reason = unansweredReason(t, this.store);
    const handoff = t.intent === 'handoff';
    if (!reason && !handoff) return;
    const sessionKey = this.sessionKey(t.sessionId);
    if (reason) {
      const language = t.language && LANGUAGES.has(t.language) ? t.language : 'other';
      this.unanswered.inc({ language });
      await this.repo.recordItem(
        {
          kind: 'unanswered',
          reason,
          question: t.message,
          answer: t.response,
          language: t.language,
          intent: t.intent,
          sessionKey,
          turn: t.turn,
        },
        this.keep,
      );
    }
    if (await this.repo.markUnresolved(sessionKey)) {
      this.unresolved.inc({ reason: reason ? 'unanswered' : 'handoff' });
    }
  }

  private async rated(r: RatedTurn): Promise<void> {
    const sessionKey = this.sessionKey(r.sessionId);
    if (r.rating !== 'down') {
      await this.repo.removeRating(sessionKey, r.turn);
      return;
    }
    const reply = await this.chatbot.send(`/sessions/${r.sessionId}/history`, 'GET');
    const turns = (reply.body as { turns?: unknown } | null)?.turns;
    if (reply.status !== 200 || !Array.isArray(turns)) return;
    const turn = (turns as Array<Record<string, unknown>>).find((x) => x.turn === r.turn);
    if (!turn || typeof turn.user !== 'string' || typeof turn.bot !== 'string') return;
    await this.repo.recordItem(
      {
        kind: 'marked_down',
        reason: 'down',
        question: turn.user,
        answer: turn.bot,
        intent: typeof turn.intent === 'string' ? turn.intent : undefined,
        sessionKey,
        turn: r.turn,
      },
      this.keep,
    );
  }
}
