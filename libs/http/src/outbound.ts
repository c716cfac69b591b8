import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosRequestConfig, isAxiosError } from 'axios';

/** Where an outbound client goes and how much it may hold. */
export interface OutboundOptions {
  /** Origin and optional path prefix every request's path is appended to. */
  baseUrl?: string;
  /** Connections kept open to the one host. */
  connections: number;
}

/** A response whose body is still to be read: as text, drained, or passed on as a stream. */
export interface OutboundResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Readable;
}

/**
 * The one configured client every outbound call uses (axios, the design's client): keep-alive
 * agents, no redirects, no proxy from the environment, every status handed back to the caller
 * (each caller maps statuses to its own answers), bodies as streams so SSE and JSON read alike.
 * For `HttpModule.registerAsync({ useFactory })` and for code outside Nest's container alike.
 */
export function outboundConfig(options: OutboundOptions): AxiosRequestConfig {
  const agent = { keepAlive: true, keepAliveMsecs: 1_000, maxSockets: options.connections };
  return {
    ...(options.baseUrl && { baseURL: options.baseUrl.replace(/\/+$/, '') }),
    httpAgent: new http.Agent(agent),
    httpsAgent: new https.Agent(agent),
    maxRedirects: 0,
    proxy: false,
    responseType: 'stream',
    decompress: false,
    validateStatus: () => true,
    // Bodies go as the JSON text callers made; nothing of axios's own on the way in or out.
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
  };
}

export function createOutboundClient(options: OutboundOptions): AxiosInstance {
  return axios.create(outboundConfig(options));
}

/** One request; resolves with the status, headers and the unread body. */
export async function send(
  client: AxiosInstance,
  config: AxiosRequestConfig & { signal: AbortSignal },
): Promise<OutboundResponse> {
  const res = await client.request<Readable>(config);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(res.headers as Record<string, unknown>)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
    else if (Array.isArray(value)) headers[name.toLowerCase()] = value.join(', ');
  }
  return { status: res.status, headers, body: res.data };
}

/** The whole body as text. */
export async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and discards the body, so the connection goes back to the pool. */
export async function drain(body: Readable): Promise<void> {
  for await (const _ of body) void _;
}

/** Closes the client's kept-alive connections (on shutdown). */
export function closeOutbound(client: AxiosInstance): void {
  const { httpAgent, httpsAgent } = client.defaults as {
    httpAgent?: http.Agent;
    httpsAgent?: https.Agent;
  };
  httpAgent?.destroy();
  httpsAgent?.destroy();
}

/**
 * A deadline linked to an optional caller signal: aborts when the caller does or when the time is
 * up; `clear` releases both. A plain timer, not AbortSignal.any with AbortSignal.timeout: on Node 20
 * that timeout is lost once garbage collection runs (nodejs/node#57736).
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  private readonly onAbort = () => this.controller.abort(this.caller?.reason);

  constructor(
    ms: number,
    private readonly caller?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(new DOMException('The deadline passed', 'TimeoutError'));
    }, ms);
    if (caller?.aborted) this.onAbort();
    else caller?.addEventListener('abort', this.onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  timedOut(): boolean {
    return this.expired;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onAbort);
  }
}

/** The error's code and message, for a log line. */
export function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const inner = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return typeof code === 'string' ? `${code} (${err.message}${inner})` : err.message;
}

/** Whether axios gave up on its own clock (a socket timeout) rather than on our deadline. */
export function isSocketTimeout(err: unknown): boolean {
  return isAxiosError(err) && (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT');
}
