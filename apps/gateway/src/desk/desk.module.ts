import { Module } from '@nestjs/common';
import { ChatProxyModule } from '../chat-proxy/chat-proxy.module.js';
import { DeskAuthService } from './desk-auth.service.js';
import { DeskController } from './desk.controller.js';
import { deskMetricProviders } from './desk.metrics.js';
import { DeskPageController } from './desk-page.controller.js';
import { DeskRecorder } from './desk-recorder.service.js';
import { DeskRetentionService } from './desk-retention.service.js';
import { DeskSessionGuard, SameOriginGuard } from './desk-session.guard.js';
import { ReplyDeliveryService } from './reply-delivery.service.js';

/**
 * The support team's desk: agents sign in at /desk, answer and close support requests, and see
 * what the bot could not answer and which answers shoppers marked down.
 */
@Module({
  imports: [ChatProxyModule],
  controllers: [DeskPageController, DeskController],
  providers: [
    DeskAuthService,
    DeskSessionGuard,
    SameOriginGuard,
    DeskRecorder,
    DeskRetentionService,
    ReplyDeliveryService,
    ...deskMetricProviders,
  ],
})
export class DeskModule {}
