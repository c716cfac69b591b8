import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  Module,
} from '@nestjs/common';
import { getToken, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Redis } from 'ioredis';
import type { Gauge } from 'prom-client';
import { MemoryConversations } from './memory-conversations.js';
import { RedisConversations } from './redis-conversations.js';
import { Conversations } from './conversations.js';
import type { SessionOptions } from './session.types.js';

export interface SessionsModuleOptions extends SessionOptions {
  /** The app's shared Redis connection: conversations in Redis. Null: in this process's memory. */
  redis: Redis | null;
  commandTimeoutMs: number;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: SESSIONS_OPTIONS } =
  new ConfigurableModuleBuilder<SessionsModuleOptions>()
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: true }, (module, extras) => ({ ...module, global: extras.isGlobal }))
    .build();

export type SessionsModuleAsyncOptions = ConfigurableModuleAsyncOptions<SessionsModuleOptions> & {
  isGlobal?: boolean;
};

const BOOT_WAIT_MS = 3_000;

export const SESSIONS_STORE_FULL = 'sessions_store_full';

const fullGauge = makeGaugeProvider({
  name: SESSIONS_STORE_FULL,
  help: '1 while Redis refuses writes for lack of memory (conversations are not saved), else 0.',
});

export async function openConversations(
  options: SessionsModuleOptions,
  onFull?: (full: boolean) => void,
): Promise<Conversations> {
  const { redis, commandTimeoutMs, ...common } = options;
  if (!redis) return new MemoryConversations(common);
  const store = new RedisConversations({ ...common, client: redis, commandTimeoutMs, onFull });
  // Commands fail fast while disconnected, so give the first connection a moment before serving.
  await store.ready(BOOT_WAIT_MS);
  return store;
}

@Module({
  providers: [
    fullGauge,
    {
      provide: Conversations,
      useFactory: (o: SessionsModuleOptions, full: Gauge) => {
        full.set(0);
        return openConversations(o, (isFull) => full.set(isFull ? 1 : 0));
      },
      inject: [SESSIONS_OPTIONS, getToken(SESSIONS_STORE_FULL)],
    },
  ],
  exports: [Conversations],
})
export class SessionsModule extends ConfigurableModuleClass {}
