import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { errorBody, isErrorBody } from '@bookstore/http';
import { requestIdHeader } from '@bookstore/observability';
import type { Counter, Histogram } from 'prom-client';
import { Pool, errors as undiciErrors } from 'undici';
import type { GatewayEnv } from '../config/gateway.env.js';
import { UPSTREAM_REQUESTS, UPSTREAM_SECONDS } from './chat-proxy.metrics.js';

export type UpstreamOutcome = 'ok' | 'client_error' | 'bad_gateway' | 'unavailable' | 'timeout';

export interface UpstreamReply {
  status: number;
  body: unknown;
}

const UNAVAILABLE = 'The chat service is unavailable right now. Please try again in a moment.';
const TIMED_OUT = 'The chat service took too long to answer. Please try again.';
const BAD_GATEWAY = 'The chat service could not answer that. Please try again.';

/** The chatbot over a keep-alive pool, with every failure mapped to a status the widget can show. */
@Injectable()
export class ChatbotClient implements OnApplicationShutdown {
  private readonly logger = new Logger(ChatbotClient.name);
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;

  constructor(
    config: ConfigService<GatewayEnv, true>,
    @InjectMetric(UPSTREAM_REQUESTS) private readonly requests: Counter<'route' | 'outcome'>,
    @InjectMetric(UPSTREAM_SECONDS) private readonly seconds: Histogram<'route'>,
  ) {
    const url = new URL(config.get('CHAT_SERVICE_URL', { infer: true }));
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = config.get('CHAT_SERVICE_TIMEOUT_MS', { infer: true });
    this.pool = new Pool(url.origin, {
      connections: config.get('CHAT_SERVICE_CONNECTIONS', { infer: true }),
      keepAliveTimeout: 30_000,
      connect: { timeout: Math.min(5_000, this.timeoutMs) },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /** JSON request to the chatbot. 2xx and 4xx come back as they are; anything else throws. */
  async send(
    route: string,
    method: 'GET' | 'POST' | 'DELETE',
    body?: unknown,
    clientIp?: string,
  ): Promise<UpstreamReply> {
    const started = process.hrtime.bigint();
    let outcome: UpstreamOutcome = 'ok';
    try {
      const res = await this.pool.request({
        path: this.basePath + route,
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          // The shopper's address, so limits downstream count shoppers, not the gateway.
          ...(clientIp ? { 'x-forwarded-for': clientIp } : {}),
          ...requestIdHeader(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.body.text();
      const parsed = text === '' && res.statusCode === 204 ? null : parseJson(text);
      if (res.statusCode >= 500 || parsed === undefined) {
        outcome = 'bad_gateway';
        this.logger.warn(`chatbot answered ${res.statusCode} on ${route}`);
        throw new HttpException(errorBody(502, BAD_GATEWAY), HttpStatus.BAD_GATEWAY);
      }
      if (res.statusCode >= 400) {
        outcome = 'client_error';
        const relayed = isErrorBody(parsed) ? parsed : errorBody(res.statusCode, BAD_GATEWAY);
        return { status: res.statusCode, body: relayed };
      }
      return { status: res.statusCode, body: parsed };
    } catch (err) {
      if (err instanceof HttpException) throw err;
      outcome = isTimeout(err) ? 'timeout' : 'unavailable';
      this.logger.warn(`chatbot ${outcome} on ${route}: ${describe(err)}`);
      throw outcome === 'timeout'
        ? new HttpException(errorBody(504, TIMED_OUT), HttpStatus.GATEWAY_TIMEOUT)
        : new HttpException(errorBody(503, UNAVAILABLE), HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      this.requests.inc({ route: routeLabel(route), outcome });
      this.seconds.observe(
        { route: routeLabel(route) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
  }

  /**
   * Opens `POST /chat/stream`. A 4xx comes back as a reply to relay; a stream comes back as the
   * upstream body to pass through as it arrives; failures before that throw like `send`.
   */
  async openStream(
    body: unknown,
    clientIp: string | undefined,
    signal: AbortSignal,
  ): Promise<UpstreamReply | { stream: AsyncIterable<Buffer> }> {
    const route = '/chat/stream';
    let outcome: UpstreamOutcome = 'ok';
    try {
      const res = await this.pool.request({
        path: this.basePath + route,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(clientIp ? { 'x-forwarded-for': clientIp } : {}),
          ...requestIdHeader(),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode === 200 && type.startsWith('text/event-stream')) {
        return { stream: res.body };
      }
      const parsed = parseJson(await res.body.text());
      if (res.statusCode >= 400 && res.statusCode < 500 && isErrorBody(parsed)) {
        outcome = 'client_error';
        return { status: res.statusCode, body: parsed };
      }
      outcome = 'bad_gateway';
      throw new HttpException(errorBody(502, BAD_GATEWAY), HttpStatus.BAD_GATEWAY);
    } catch (err) {
      if (err instanceof HttpException) throw err;
      outcome = isTimeout(err) ? 'timeout' : 'unavailable';
      this.logger.warn(`chatbot ${outcome} on ${route}: ${describe(err)}`);
      throw outcome === 'timeout'
        ? new HttpException(errorBody(504, TIMED_OUT), HttpStatus.GATEWAY_TIMEOUT)
        : new HttpException(errorBody(503, UNAVAILABLE), HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      this.requests.inc({ route, outcome });
    }
  }

  /** Readiness: the chatbot's liveness endpoint answers within the given time. */
  async ping(timeoutMs: number): Promise<void> {
    const res = await this.pool.request({
      path: this.basePath + '/health',
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`chatbot /health answered ${res.statusCode}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeout(err: unknown): boolean {
  return (
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
  );
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: string }).code;
  return code ? `${code} ${err.message}` : err.message;
}

// Route labels stay bounded: the session id in a path never becomes a label value.
function routeLabel(route: string): string {
  return route.split('?')[0].replace(/\/sessions\/[^/]+/, '/sessions/:id');
}
