import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { READINESS_CHECKS } from './health.tokens.js';
import type { ReadinessCheck } from './readiness-check.js';
import { ShutdownState } from './shutdown-state.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly shutdown: ShutdownState,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** Liveness: the process answers. No dependency is consulted, so an outage never restarts pods. */
  @Get()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency this app needs to serve traffic, each within its own time bound. */
  @Get('ready')
  @HealthCheck()
  @ApiOkResponse({ description: 'Ready to serve traffic.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down, or the app is draining.' })
  async ready(): Promise<HealthCheckResult> {
    if (this.shutdown.isDraining) {
      throw new ServiceUnavailableException('Shutting down: not accepting new traffic.');
    }
    try {
      return await this.health.check(this.checks.map((c) => () => c.check()));
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      throw new ServiceUnavailableException({
        message: `Not ready: ${summarise(result)}`,
        details: withoutAddresses(result.details),
      });
    }
  }
}

function summarise(result: HealthCheckResult): string {
  const down = Object.entries(result.error ?? {}).map(([name, r]) => {
    const why = typeof r?.message === 'string' ? `: ${hideAddresses(r.message)}` : '';
    // A check may name a state more precise than down (redis: full).
    const state = typeof r?.state === 'string' ? r.state : String(r?.status ?? 'down');
    return `${name} is ${state}${why}`;
  });
  return down.length > 0 ? down.join('; ') : 'a dependency is down';
}

// Readiness answers whoever asks it: it names the dependency that is down, never where it lives.
const ADDRESSES = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, // URLs
  /\[[0-9a-f:.]+\](?::\d+)?/gi, // [IPv6]:port
  /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%\w+)?/gi, // IPv6
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, // IPv4[:port]
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*:\d{2,5}\b/gi, // host:port
];

export function hideAddresses(message: string): string {
  return ADDRESSES.reduce((text, pattern) => text.replace(pattern, '<address>'), message).replace(
    /\b(E[A-Z]{3,}) (?!<address>)\S+/g, // ENOTFOUND chatbot-service
    '$1 <address>',
  );
}

function withoutAddresses(details: HealthCheckResult['details']): HealthCheckResult['details'] {
  const out: HealthCheckResult['details'] = {};
  for (const [name, result] of Object.entries(details)) {
    out[name] =
      typeof result?.message === 'string'
        ? { ...result, message: hideAddresses(result.message) }
        : result;
  }
  return out;
}
