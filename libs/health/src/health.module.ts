import {
  type DynamicModule,
  type FactoryProvider,
  Module,
  type ModuleMetadata,
  type Type,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { READINESS_CHECKS, SHUTDOWN_GRACE_MS } from './health.tokens.js';
import type { ReadinessCheck } from './readiness-check.js';
import { ShutdownState } from './shutdown-state.js';

export interface HealthModuleOptions {
  /** Modules that provide what the checks inject. */
  imports?: ModuleMetadata['imports'];
  checks: Type<ReadinessCheck>[];
  /** How long to keep serving after SIGTERM, read from the app's validated config. */
  shutdownGraceMs?: {
    inject: FactoryProvider['inject'];
    useFactory: (...args: never[]) => number;
  };
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ShutdownState,
        options.shutdownGraceMs
          ? { provide: SHUTDOWN_GRACE_MS, ...options.shutdownGraceMs }
          : { provide: SHUTDOWN_GRACE_MS, useValue: 0 },
        ...options.checks,
        {
          provide: READINESS_CHECKS,
          useFactory: (...checks: ReadinessCheck[]) => checks,
          inject: options.checks,
        },
      ],
      exports: [ShutdownState],
    };
  }
}
