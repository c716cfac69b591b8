import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { READINESS_CHECKS } from './health.tokens.js';
import type { ReadinessCheck } from './readiness-check.js';
import { ShutdownState } from './shutdown-state.js';

export interface HealthModuleOptions {
  /** Modules that provide what the checks inject. */
  imports?: ModuleMetadata['imports'];
  checks: Type<ReadinessCheck>[];
  /** How long Terminus waits on shutdown before the server closes (matches the pod's preStop). */
  gracefulShutdownTimeoutMs?: number;
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [
        TerminusModule.forRoot({
          errorLogStyle: 'pretty',
          gracefulShutdownTimeoutMs: options.gracefulShutdownTimeoutMs ?? 0,
        }),
        ...(options.imports ?? []),
      ],
      controllers: [HealthController],
      providers: [
        ShutdownState,
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
