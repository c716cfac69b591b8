import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { MetricsModule } from '@bookstore/observability';
import { SessionsModule, SessionsReadiness } from '@bookstore/sessions';
import { ChatModule } from './chat/chat.module.js';
import { ChatbotEnv } from './config/chatbot.env.js';
import { ConversationsModule } from './sessions/conversations.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnv(ChatbotEnv),
    }),
    MetricsModule.forRoot(),
    SessionsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ChatbotEnv, true>) => ({
        redisUrl: config.get('REDIS_URL', { infer: true }),
        prefix: config.get('SESSION_KEY_PREFIX', { infer: true }),
        maxTurns: config.get('SESSION_MAX_TURNS', { infer: true }),
        ttlSeconds: config.get('SESSION_TTL_SECONDS', { infer: true }),
        commandTimeoutMs: config.get('REDIS_COMMAND_TIMEOUT_MS', { infer: true }),
      }),
    }),
    HealthModule.forRoot({
      checks: [SessionsReadiness],
      shutdownGraceMs: {
        inject: [ConfigService],
        useFactory: (config: ConfigService<ChatbotEnv, true>) =>
          config.get('SHUTDOWN_GRACE_MS', { infer: true }),
      },
    }),
    ChatModule,
    ConversationsModule,
  ],
})
export class ChatbotModule {}
