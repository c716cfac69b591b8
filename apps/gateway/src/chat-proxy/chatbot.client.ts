import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import {
  Deadline,
  describeFailure,
  errorBody,
  internalCallerHeaders,
  isErrorBody,
} from '@bookstore/http';
import { requestIdHeader } from '@bookstore/observability';
import type { Counter, Histogram } from 'prom-client';
import { Pool, errors as undiciErrors } from 'undici';
import { GatewayOptions } from '../config/gateway.options.js';
import { UPSTREAM_REQUESTS, UPSTREAM_SECONDS } from './chat-proxy.metrics.js';

/** `client_gone`: the shopper left before the answer began; `client_left`: part-way through it. */
export type UpstreamOutcome =
  'ok' | 'client_error' | 'bad_gateway' | 'unavailable' | 'timeout' | 'client_gone' | 'client_left';

export interface UpstreamReply {
  status: number;
  body: unknown;
  /** Headers that belong to the answer and travel with it (Retry-After on a 429). */
  headers?: Record<string, string>;
}

/** Upstream headers a relayed 4xx keeps. */
const RELAYED_HEADERS = ['retry-after'];

const UNAVAILABLE = 'The chat service is unavailable right now. Please try again in a moment.';
const TIMED_OUT = 'The chat service took too long to answer. Please try again.';
const BAD_GATEWAY = 'The chat service could not answer that. Please try again.';
const CLIENT_GONE = 'The client closed the request.';

/**
 * The chatbot over a keep-alive pool, with every failure mapped to a status the widget can show.
 * The one outbound client kept on undici rather than the house's axios client: on this hop axios
 * cost the gateway about a third more CPU per request (docs/benchmarks.md).
 */
@Injectable()
export class ChatbotClient implements OnApplicationShutdown {
  private readonly logger = new Logger(ChatbotClient.name);
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly internalToken: string | undefined;

  constructor(
    options: GatewayOptions,
    @InjectMetric(UPSTREAM_REQUESTS) private readonly requests: Counter<'route' | 'outcome'>,
    @InjectMetric(UPSTREAM_SECONDS) private readonly seconds: Histogram<'route'>,
  ) {
    const url = new URL(options.chatbot.url);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = options.chatbot.timeoutMs;
    this.internalToken = options.chatbot.internalToken;
    this.pool = new Pool(url.origin, {
      connections: options.chatbot.connections,
      keepAliveTimeout: 30_000,
      connect: { timeout: Math.min(5_000, this.timeoutMs) },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /**
   * JSON request to the chatbot. 2xx and 4xx come back as they are; anything else throws.
   * `signal` is the shopper leaving: the request to the chatbot is dropped, which stops its turn.
   */
  async send(
    route: string,
    method: 'GET' | 'POST' | 'DELETE',
    body?: unknown,
    clientIp?: string,
    extraHeaders: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<UpstreamReply> {
    const started = process.hrtime.bigint();
    let outcome: UpstreamOutcome = 'ok';
    const deadline = new Deadline(this.timeoutMs, signal);
    try {
      const res = await this.pool.request({
        path: this.basePath + route,
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...this.callerHeaders(clientIp),
          ...extraHeaders,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
      });
      const text = await res.body.text();
      const parsed = text === '' && res.statusCode === 204 ? null : parseJson(text);
      if (res.statusCode >= 500 || parsed === undefined) {
        outcome = 'bad_gateway';
        this.logger.warn(`chatbot answered ${res.statusCode} on ${routeLabel(route)}`);
        throw new HttpException(errorBody(502, BAD_GATEWAY), HttpStatus.BAD_GATEWAY);
      }
      if (res.statusCode >= 400) {
        outcome = 'client_error';
        const relayed = isErrorBody(parsed) ? parsed : errorBody(res.statusCode, BAD_GATEWAY);
        return { status: res.statusCode, body: relayed, headers: relayedHeaders(res.headers) };
      }
      return { status: res.statusCode, body: parsed };
    } catch (err) {
      if (err instanceof HttpException) throw err;
      if (signal?.aborted) {
        // Nobody is left to answer; the status (nginx's 499) only reaches the access log.
        outcome = 'client_gone';
        this.logger.log(`shopper left before the chatbot answered on ${routeLabel(route)}`);
        throw new HttpException(errorBody(499, CLIENT_GONE), 499);
      }
      outcome = deadline.timedOut() || isTimeout(err) ? 'timeout' : 'unavailable';
      // The route's label, never the route: a session id in it is a bearer secret.
      this.logger.warn(`chatbot ${outcome} on ${routeLabel(route)}: ${describeFailure(err)}`);
      throw outcome === 'timeout'
        ? new HttpException(errorBody(504, TIMED_OUT), HttpStatus.GATEWAY_TIMEOUT)
        : new HttpException(errorBody(503, UNAVAILABLE), HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      deadline.clear();
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
  ): Promise<UpstreamReply | { stream: AsyncIterable<Buffer> } | { gone: true }> {
    const route = '/chat/stream';
    let outcome: UpstreamOutcome = 'ok';
    // Deadline is a plain timer, not AbortSignal.any with AbortSignal.timeout: on Node 20 that
    // timeout is lost once garbage collection runs (nodejs/node#57736).
    const deadline = new Deadline(this.timeoutMs, signal);
    let handedOver = false;
    try {
      const res = await this.pool.request({
        path: this.basePath + route,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...this.callerHeaders(clientIp),
        },
        body: JSON.stringify(body),
        signal: deadline.signal,
      });
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode === 200 && type.startsWith('text/event-stream')) {
        handedOver = true;
        // A stream is counted once it ends, by how it ended.
        const ended = (complete: boolean) => {
          deadline.clear();
          const how: UpstreamOutcome = complete
            ? 'ok'
            : signal.aborted
              ? 'client_left'
              : deadline.timedOut()
                ? 'timeout'
                : 'bad_gateway';
          this.requests.inc({ route, outcome: how });
        };
        return { stream: untilDone(res.body, ended) };
      }
      const parsed = parseJson(await res.body.text());
      if (res.statusCode >= 400 && res.statusCode < 500 && isErrorBody(parsed)) {
        outcome = 'client_error';
        return { status: res.statusCode, body: parsed, headers: relayedHeaders(res.headers) };
      }
      outcome = 'bad_gateway';
      throw new HttpException(errorBody(502, BAD_GATEWAY), HttpStatus.BAD_GATEWAY);
    } catch (err) {
      if (err instanceof HttpException) throw err;
      if (signal.aborted) {
        // The shopper left before the answer began: nothing failed, nobody to answer.
        outcome = 'client_gone';
        this.logger.log(`shopper left before the chatbot answered on ${route}`);
        return { gone: true };
      }
      outcome = deadline.timedOut() || isTimeout(err) ? 'timeout' : 'unavailable';
      this.logger.warn(`chatbot ${outcome} on ${route}: ${describeFailure(err)}`);
      throw outcome === 'timeout'
        ? new HttpException(errorBody(504, TIMED_OUT), HttpStatus.GATEWAY_TIMEOUT)
        : new HttpException(errorBody(503, UNAVAILABLE), HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      if (!handedOver) {
        deadline.clear();
        this.requests.inc({ route, outcome });
      }
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

  /** Who the call is for: the request id, and for an authenticated gateway the shopper. */
  private callerHeaders(clientIp: string | undefined): Record<string, string> {
    return { ...requestIdHeader(), ...internalCallerHeaders(this.internalToken, clientIp) };
  }
}

/** Passes the stream through and runs `done` however it ends: whether it was read to its end. */
async function* untilDone(
  body: AsyncIterable<Buffer>,
  done: (complete: boolean) => void,
): AsyncGenerator<Buffer> {
  let complete = false;
  try {
    for await (const chunk of body) yield chunk;
    complete = true;
  } finally {
    done(complete);
  }
}

function relayedHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of RELAYED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
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

// Route labels stay bounded, and carry no secret: a session id in a path never becomes a label
// value or a log line.
function routeLabel(route: string): string {
  return route.split('?')[0].replace(/\/sessions\/[^/]+/, '/sessions/:id');
}
