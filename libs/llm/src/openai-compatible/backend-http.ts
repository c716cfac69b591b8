import type { AxiosInstance } from 'axios';
import {
  closeOutbound,
  createOutboundClient,
  drain,
  readText,
  send,
  type OutboundResponse,
} from '@bookstore/http';
import type { BackendProfile } from '../llm-backends.js';
import { untilAborted, type CallScope } from './call-scope.js';
import { requestHeaders } from './completion-request.js';
import { httpError } from './upstream-error.js';

/** Connections beyond the chat calls' own, so that readiness is never queued behind a busy LLM. */
const SPARE_CONNECTIONS = 2;

export interface SendOptions {
  signal: AbortSignal;
  stream?: boolean;
  headers?: Record<string, string>;
}

/**
 * The backend's HTTP side: keep-alive connections of our own (the outbound client every service
 * uses), the bearer token and its rotation.
 */
export class BackendHttp {
  readonly chatPath: string;
  readonly healthPath: string;
  readonly fallbackHealthPath: string | undefined;
  /** The token a completion was last accepted with, where the models list does not tell. */
  keyAccepted: string | undefined;
  private readonly http: AxiosInstance;

  constructor(
    private readonly profile: BackendProfile,
    chatConnections: number,
  ) {
    const base = new URL(profile.baseUrl);
    this.http = createOutboundClient({
      baseUrl: base.origin,
      connections: chatConnections + SPARE_CONNECTIONS,
    });
    this.chatPath = `${base.pathname.replace(/\/+$/, '')}/chat/completions`;
    this.healthPath = new URL(profile.healthUrl).pathname;
    const fallback = profile.fallbackHealth;
    this.fallbackHealthPath = fallback ? new URL(fallback.url).pathname : undefined;
  }

  /** One request; after a 401 the token is re-read and, if it rotated, the request sent again. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    opts: SendOptions,
  ): Promise<OutboundResponse> {
    const token = await this.profile.token?.get();
    const res = await send(this.http, {
      method,
      url: path,
      data: body,
      signal: opts.signal,
      headers: { ...opts.headers, ...requestHeaders(token, body !== undefined, opts.stream) },
    });
    // A completion that went through proves the key, which readiness then need not ask about.
    if (path === this.chatPath && res.status >= 200 && res.status < 300) this.keyAccepted = token;
    if (res.status !== 401 || !this.profile.token) return res;
    if (!(await this.profile.token.reload(token))) return res;
    await drain(res.body);
    return send(this.http, {
      method,
      url: path,
      data: body,
      signal: opts.signal,
      headers: {
        ...opts.headers,
        ...requestHeaders(await this.profile.token.get(), body !== undefined, opts.stream),
      },
    });
  }

  /** A GET without the token, to learn whether the route wants it. */
  bare(path: string, scope: CallScope): Promise<OutboundResponse> {
    return untilAborted(
      send(this.http, {
        method: 'GET',
        url: path,
        signal: scope.signal,
        headers: requestHeaders(undefined, false),
      }),
      scope.signal,
    );
  }

  get(path: string, scope: CallScope): Promise<OutboundResponse> {
    return untilAborted(this.send('GET', path, undefined, { signal: scope.signal }), scope.signal);
  }

  /** A JSON answer, or undefined when the server does not offer the route (any 4xx). */
  async askJson(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    scope: CallScope,
  ): Promise<unknown> {
    const res = await untilAborted(
      this.send(method, path, body === undefined ? undefined : JSON.stringify(body), {
        signal: scope.signal,
      }),
      scope.signal,
    );
    const text = await untilAborted(readText(res.body), scope.signal);
    if (res.status >= 400 && res.status < 500) return undefined;
    if (res.status < 200 || res.status >= 300) throw httpError(res.status, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  close(): void {
    closeOutbound(this.http);
  }
}
