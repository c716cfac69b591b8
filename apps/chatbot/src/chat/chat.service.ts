import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { ChatRequest, ChatResponse } from '@bookstore/contracts';
import { SessionStore, type ConversationState } from '@bookstore/sessions';
import type { Counter, Histogram } from 'prom-client';
import { CHAT_REQUESTS, CHAT_RESPONSE_SECONDS } from './chat.metrics.js';
import { DialogueService, readState, type DialogueReply } from './dialogue.service.js';

@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);

  constructor(
    private readonly sessions: SessionStore,
    private readonly dialogue: DialogueService,
    @InjectMetric(CHAT_REQUESTS) private readonly requests: Counter<'intent' | 'source'>,
    @InjectMetric(CHAT_RESPONSE_SECONDS) private readonly seconds: Histogram<'intent' | 'source'>,
  ) {}

  async reply(request: ChatRequest, clientIp?: string): Promise<ChatResponse> {
    const started = process.hrtime.bigint();
    const sessionId = request.session_id ?? randomUUID();
    const state = await this.loadState(sessionId);
    const reply = await this.dialogue.respond(request.message, readState(state), {
      sessionId,
      clientIp,
    });
    const turn = await this.saveTurn(sessionId, request.message, reply);
    const labels = { intent: reply.intent, source: reply.source };
    this.requests.inc(labels);
    this.seconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    return {
      response: reply.response,
      session_id: sessionId,
      intent: reply.intent,
      source: reply.source,
      ...(turn === undefined ? {} : { turn }),
    };
  }

  // The store failing costs the conversation's memory, never the answer.
  private async loadState(sessionId: string): Promise<ConversationState | null> {
    try {
      return await this.sessions.getState(sessionId);
    } catch (err) {
      this.logger.warn(`session state not read, answering without it: ${(err as Error).message}`);
      return null;
    }
  }

  private async saveTurn(
    sessionId: string,
    user: string,
    reply: DialogueReply,
  ): Promise<number | undefined> {
    try {
      return await this.sessions.saveTurn(
        sessionId,
        {
          timestamp: new Date().toISOString(),
          user,
          bot: reply.response,
          intent: reply.intent,
          source: reply.source,
        },
        reply.state,
      );
    } catch (err) {
      this.logger.warn(`turn not saved to history: ${(err as Error).message}`);
      return undefined;
    }
  }
}
