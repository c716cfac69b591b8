import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { validateEnv } from '@bookstore/config';
import { HealthModule } from '@bookstore/health';
import { ChatModule } from './chat/chat.module.js';
import { ChatbotEnv } from './config/chatbot.env.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      validate: validateEnv(ChatbotEnv),
    }),
    PrometheusModule.register({ path: '/metrics' }),
    HealthModule.forRoot({ checks: [] }),
    ChatModule,
  ],
})
export class ChatbotModule {}
