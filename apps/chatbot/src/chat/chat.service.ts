import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { ChatRequest, ChatResponse } from '@bookstore/contracts';
import { matchIntent } from '@bookstore/intents';
import type { Counter, Histogram } from 'prom-client';
import { CHAT_REQUESTS, CHAT_RESPONSE_SECONDS } from './chat.metrics.js';

@Injectable()
export class ChatService {
  constructor(
    @InjectMetric(CHAT_REQUESTS) private readonly requests: Counter<'intent' | 'source'>,
    @InjectMetric(CHAT_RESPONSE_SECONDS) private readonly seconds: Histogram<'intent' | 'source'>,
  ) {}

  reply(request: ChatRequest): ChatResponse {
    const started = process.hrtime.bigint();
    const match = matchIntent(request.message);
    const source = match.intent === 'fallback' ? 'fallback' : 'rules';
    const answer: ChatResponse = {
      response: match.response,
      session_id: request.session_id ?? randomUUID(),
      intent: match.intent,
      source,
    };
    const labels = { intent: answer.intent, source };
    this.requests.inc(labels);
    this.seconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    return answer;
  }
}
