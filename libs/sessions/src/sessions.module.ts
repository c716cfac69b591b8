import {
  type DynamicModule,
  type FactoryProvider,
  Injectable,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MemorySessionStore } from './memory-session.store.js';
import { RedisSessionStore } from './redis-session.store.js';
import { SessionStore } from './session.store.js';
import type { SessionOptions } from './session.types.js';

export interface SessionsModuleOptions extends SessionOptions {
  /** The app's shared Redis connection: conversations in Redis. Null: in this process's memory. */
  redis: Redis | null;
  commandTimeoutMs: number;
}

export interface SessionsModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => SessionsModuleOptions | Promise<SessionsModuleOptions>;
}

const SESSIONS_OPTIONS = Symbol('SESSIONS_OPTIONS');

const BOOT_WAIT_MS = 3_000;

export async function createSessionStore(options: SessionsModuleOptions): Promise<SessionStore> {
  const { redis, commandTimeoutMs, ...common } = options;
  if (!redis) return new MemorySessionStore(common);
  const store = new RedisSessionStore({ ...common, client: redis, commandTimeoutMs });
  // Commands fail fast while disconnected, so give the first connection a moment before serving.
  await store.ready(BOOT_WAIT_MS);
  return store;
}

@Injectable()
class SessionStoreCloser implements OnApplicationShutdown {
  constructor(private readonly store: SessionStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class SessionsModule {
  static forRootAsync(options: SessionsModuleAsyncOptions): DynamicModule {
    return {
      module: SessionsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: SESSIONS_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: SessionStore,
          useFactory: (o: SessionsModuleOptions) => createSessionStore(o),
          inject: [SESSIONS_OPTIONS],
        },
        SessionStoreCloser,
      ],
      exports: [SessionStore],
    };
  }
}
