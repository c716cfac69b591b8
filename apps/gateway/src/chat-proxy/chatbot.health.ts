import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadinessCheck } from '@bookstore/health';
import { ChatbotClient } from './chatbot.client.js';

@Injectable()
export class ChatbotReadiness extends ReadinessCheck {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly chatbot: ChatbotClient,
  ) {
    super();
  }

  check(): Promise<HealthIndicatorResult> {
    return Promise.resolve(
      this.indicator
        .check('chatbot')
        .attempt(() => this.chatbot.ping(1_000))
        .withTimeout(1_500),
    );
  }
}
