import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import {
  SUPPORT_TRANSCRIPT_MAX_TURNS,
  type CatalogResponse,
  type CategoryDto,
  type HelpArticleDto,
  type HelpMatchDto,
  type OrderDetailsResponse,
  type OrderStatusResponse,
  type ProductDto,
  type ProductSearch,
  type SupportTranscriptTurn,
  transcriptTurn,
} from '@bookstore/contracts';
import {
  Deadline,
  internalCallerHeaders,
  closeOutbound,
  describeFailure,
  readText,
  send,
} from '@bookstore/http';
import { currentClientAddress, requestIdHeader } from '@bookstore/observability';
import type { Turn } from '@bookstore/conversations';
import { ChatbotOptions } from '../config/chatbot.options.js';

/**
 * A lookup the chatbot makes for itself (the catalog, the help center), not one the shopper asked
 * for: it names no shopper, so it does not spend the shopper's budget at the gateway.
 */
const OWN = Symbol('own lookup');

/** The store could not be asked: down, slow, or answering nonsense. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export type VerifyOutcome =
  | { kind: 'verified'; order: OrderDetailsResponse }
  | { kind: 'no_match' }
  | { kind: 'too_many_attempts' };

/** The catalog as the store served it, or word that the kept copy named by its ETag is current. */
export type CatalogOutcome =
  { kind: 'catalog'; etag: string | undefined; catalog: CatalogResponse } | { kind: 'unchanged' };

export type SupportRequestOutcome =
  | { kind: 'created'; reference: string; expectedAnswer: string }
  | { kind: 'too_many' }
  | { kind: 'invalid'; message: string };

/** The store API (the gateway's /api), with a timeout on every call. */
@Injectable()
export class StoreApiClient implements OnApplicationShutdown {
  private readonly logger = new Logger(StoreApiClient.name);
  private readonly timeoutMs: number;
  private readonly internalToken: string | undefined;

  /** `http` is the store's configured client (base URL, keep-alive pool): see chat.module.ts. */
  constructor(
    options: ChatbotOptions,
    private readonly http: HttpService,
  ) {
    this.internalToken = options.store.internalToken;
    this.timeoutMs = options.store.timeoutMs;
  }

  async orderStatus(orderId: string): Promise<OrderStatusResponse | null> {
    const { status, body } = await this.call('GET', `/api/orders/${orderId}/status`);
    if (status === 404) return null;
    return this.expect<OrderStatusResponse>(status, body, 'order status');
  }

  async verifyOrder(
    orderId: string,
    email: string,
    sessionId: string,
    clientIp?: string,
  ): Promise<VerifyOutcome> {
    const { status, body } = await this.call(
      'POST',
      `/api/orders/${orderId}/verify`,
      { email, session_id: sessionId },
      clientIp,
    );
    if (status === 404) return { kind: 'no_match' };
    if (status === 429) return { kind: 'too_many_attempts' };
    if (status === 400) return { kind: 'no_match' };
    return { kind: 'verified', order: this.expect<OrderDetailsResponse>(status, body, 'verify') };
  }

  async products(search: ProductSearch): Promise<ProductDto[]> {
    const params = new URLSearchParams({ limit: String(search.limit) });
    if (search.category) params.set('category', search.category);
    if (search.q) params.set('q', search.q);
    if (search.bestseller) params.set('bestseller', 'true');
    const { status, body } = await this.call('GET', `/api/products?${params}`, undefined, OWN);
    return this.expect<{ items: ProductDto[] }>(status, body, 'products').items;
  }

  /** The whole catalog in one request; with the ETag of a kept copy, 304 says it is current. */
  async catalog(etag?: string): Promise<CatalogOutcome> {
    const headers: Record<string, string> = etag === undefined ? {} : { 'if-none-match': etag };
    const {
      status,
      body,
      etag: served,
    } = await this.call('GET', '/api/catalog', undefined, OWN, headers);
    if (status === 304 && etag !== undefined) return { kind: 'unchanged' };
    const catalog = this.expect<CatalogResponse>(status, body, 'catalog');
    if (!Array.isArray(catalog.items) || !Array.isArray(catalog.categories)) {
      throw new StoreUnavailableError('catalog: malformed');
    }
    return { kind: 'catalog', etag: served, catalog };
  }

  async categories(): Promise<CategoryDto[]> {
    const { status, body } = await this.call('GET', '/api/categories', undefined, OWN);
    return this.expect<{ items: CategoryDto[] }>(status, body, 'categories').items;
  }

  /** Every help-center article. */
  async helpArticles(): Promise<HelpArticleDto[]> {
    const { status, body } = await this.call('GET', '/api/help', undefined, OWN);
    return this.expect<{ items: HelpArticleDto[] }>(status, body, 'help').items;
  }

  /** Help-center articles for a question, best first, each with its full-text score. */
  async helpSearch(question: string, limit: number): Promise<HelpMatchDto[]> {
    // The API takes up to 300 characters; the first words carry the question.
    // eslint-disable-next-line no-control-regex -- the API refuses control characters in q
    const q = question.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 300);
    const params = new URLSearchParams({ q, limit: String(limit) });
    const { status, body } = await this.call('GET', `/api/help/search?${params}`, undefined, OWN);
    // A question the API finds malformed (e.g. only control characters) has no article.
    if (status === 400) return [];
    return this.expect<{ items: HelpMatchDto[] }>(status, body, 'help search').items;
  }

  onApplicationShutdown(): void {
    closeOutbound(this.http.axiosRef);
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    clientIp?: string | typeof OWN,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; etag?: string }> {
    const deadline = new Deadline(this.timeoutMs);
    try {
      const res = await send(this.http.axiosRef, {
        method,
        url: path,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...this.callerHeaders(clientIp),
          ...extraHeaders,
        },
        data: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
      });
      const text = await readText(res.body);
      let parsed: unknown;
      try {
        parsed = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        parsed = undefined;
      }
      const etag = res.headers.etag;
      return {
        status: res.status,
        body: parsed,
        ...(typeof etag === 'string' ? { etag } : {}),
      };
    } catch (err) {
      const why = deadline.timedOut() ? 'timeout' : describeFailure(err);
      this.logger.warn(`store API ${method} ${path.split('?')[0]} failed: ${why}`);
      throw new StoreUnavailableError(why);
    } finally {
      deadline.clear();
    }
  }

  /**
   * The request id, and with the internal token the shopper this call is for, so the store's
   * limits count each shopper rather than this pod; the chatbot's own lookups name no shopper.
   */
  private callerHeaders(
    clientIp: string | typeof OWN | undefined = currentClientAddress(),
  ): Record<string, string> {
    const shopper = clientIp === OWN ? undefined : clientIp;
    return { ...requestIdHeader(), ...internalCallerHeaders(this.internalToken, shopper) };
  }

  private expect<T>(status: number, body: unknown, what: string): T {
    if (status !== 200 || typeof body !== 'object' || body === null) {
      this.logger.warn(`store API ${what} answered ${status}`);
      throw new StoreUnavailableError(`${what}: ${status}`);
    }
    return body as T;
  }

  /**
   * Hands the conversation to the support team, with its transcript: sent only as the internal
   * caller the gateway trusts with it; without the token the gateway reads it from us itself.
   */
  async createSupportRequest(
    request: {
      session_id: string;
      email: string;
      problem: string;
      reason: string;
      language?: string;
    },
    turns: readonly Turn[] | undefined,
    clientIp?: string,
  ): Promise<SupportRequestOutcome> {
    const sent = withTranscript(request, turns, this.internalToken !== undefined);
    const { status, body } = await this.call('POST', '/api/support/requests', sent, clientIp);
    if (status === 429) return { kind: 'too_many' };
    if (status === 400) {
      const message = (body as { message?: unknown } | undefined)?.message;
      return { kind: 'invalid', message: typeof message === 'string' ? message : 'invalid' };
    }
    const created = this.expect<{ reference: string; expected_answer: string }>(
      status === 201 ? 200 : status,
      body,
      'support request',
    );
    return {
      kind: 'created',
      reference: created.reference,
      expectedAnswer: created.expected_answer,
    };
  }
}

/**
 * The gateway takes JSON bodies up to 16 kB: a transcript that would not fit stays out, and the
 * gateway reads it from us after the turn (never in the middle of it, when we are the caller).
 */
const TRANSCRIPT_BUDGET_BYTES = 14_000;

function withTranscript<R extends object>(
  request: R,
  turns: readonly Turn[] | undefined,
  internal: boolean,
): R | (R & { transcript: SupportTranscriptTurn[] }) {
  if (!turns || !internal) return request;
  const sent = { ...request, transcript: transcript(turns) };
  return Buffer.byteLength(JSON.stringify(sent)) <= TRANSCRIPT_BUDGET_BYTES ? sent : request;
}

/** The turns as the support team reads them: the last ones, and only the fields it shows. */
function transcript(turns: readonly Turn[]): SupportTranscriptTurn[] {
  return turns.slice(-SUPPORT_TRANSCRIPT_MAX_TURNS).map(transcriptTurn);
}
