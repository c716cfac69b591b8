import {
  ConfigurableModuleBuilder,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createRedisClient, type RedisClientOptions } from './redis.client.js';

export interface RedisModuleOptions extends Omit<RedisClientOptions, 'url'> {
  /** Unset: no Redis; whoever asks for the client gets null and keeps its state in memory. */
  url?: string;
}

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: REDIS_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<RedisModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** The app's one Redis connection (or null without REDIS_URL), shared by every lib that needs it. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  // Once, after every user of the connection has shut down.
  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [REDIS_MODULE_OPTIONS],
      useFactory: (o: RedisModuleOptions): Redis | null =>
        o.url ? createRedisClient({ ...o, url: o.url }) : null,
    },
    RedisCloser,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule extends ConfigurableModuleClass {}
