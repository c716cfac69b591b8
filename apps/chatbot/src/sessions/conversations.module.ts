import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller.js';
import { sessionsMetricProviders } from './sessions.metrics.js';

/** The HTTP face of stored conversations; the store itself comes from SessionsModule (global). */
@Module({
  controllers: [SessionsController],
  providers: [...sessionsMetricProviders],
})
export class ConversationsModule {}
