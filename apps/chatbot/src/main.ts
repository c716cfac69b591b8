import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ChatbotModule } from './chatbot.module.js';
import { setupChatbot } from './chatbot.setup.js';
import type { ChatbotEnv } from './config/chatbot.env.js';

const app = await NestFactory.create(ChatbotModule, { bodyParser: false, bufferLogs: true });
setupChatbot(app);
const config = app.get<ConfigService<ChatbotEnv, true>>(ConfigService);
await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
