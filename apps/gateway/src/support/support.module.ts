import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { outboundConfig } from '@bookstore/http';
import { ChatProxyModule } from '../chat-proxy/chat-proxy.module.js';
import { SupportController } from './support.controller.js';
import { SupportDeliveryService } from './support-delivery.service.js';
import { supportMetricProviders } from './support.metrics.js';
import { SupportService } from './support.service.js';
import { SupportTokenGuard } from './support-token.guard.js';
import { SupportTranscript } from './support-transcript.js';

/** Handoff to the support team: requests, their delivery, and the agents' routes. */
@Module({
  // The webhook's client: full URLs, a few kept-alive connections.
  imports: [ChatProxyModule, HttpModule.register(outboundConfig({ connections: 4 }))],
  controllers: [SupportController],
  providers: [
    SupportService,
    SupportDeliveryService,
    SupportTranscript,
    SupportTokenGuard,
    ...supportMetricProviders,
  ],
})
export class SupportModule {}
