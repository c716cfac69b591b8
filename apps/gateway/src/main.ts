import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from './config/gateway.env.js';
import { GatewayModule } from './gateway.module.js';
import { setupGateway } from './gateway.setup.js';

const app = await NestFactory.create(GatewayModule, { bodyParser: false, bufferLogs: true });
setupGateway(app);
const config = app.get<ConfigService<GatewayEnv, true>>(ConfigService);
await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
