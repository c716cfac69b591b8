import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Database, type Queryable } from './database.js';

/** The support requests could not be read or written: the caller decides what the shopper sees. */
export class SupportStoreError extends Error {
  override readonly name = 'SupportStoreError';
}

/** `failed`: every try up to the cap failed; the request stays for the agents to read. */
export type SupportDelivery = 'pending' | 'delivered' | 'stored' | 'failed';

export interface TranscriptTurn {
  turn: number;
  timestamp: string;
  user: string;
  bot: string;
  intent: string;
  source: string;
}

export interface SupportRequestRow {
  reference: string;
  email: string;
  problem: string;
  order_id: string | null;
  language: string;
  reason: string;
  status: 'open' | 'closed';
  note: string | null;
  created_at: string;
  updated_at: string;
  delivery: SupportDelivery;
  transcript: TranscriptTurn[];
  /** false: the chatbot could not be read (yet); the transcript is empty for that reason. */
  transcript_read: boolean;
}

/** A request being delivered: the channels it already reached are not sent to again. */
export interface ClaimedRequest extends SupportRequestRow {
  /** Its conversation, to read an unread transcript again; never sent to the team. */
  session_id: string;
  delivered_to: string[];
  delivery_attempts: number;
}

export interface NewSupportRequest {
  sessionId: string;
  /** The client as limits count it (IPv6 by its /64: `addressKey`). */
  clientIp: string;
  email: string;
  problem: string;
  reason: string;
  language: string;
  /** null: the chatbot could not be read; the request is kept and its transcript read later. */
  transcript: TranscriptTurn[] | null;
  /** false when no delivery channel is configured: the request is only stored. */
  deliver: boolean;
}

/** Requests allowed per conversation and per client within the window. */
export interface SupportLimits {
  maxPerSession: number;
  maxPerClient: number;
  windowSeconds: number;
}

/**
 * A verified order is named only while it is fresh (a conversation lives 24 hours after its last
 * turn) and only if it was verified in the conversation the transcript shows: not before its first
 * stored turn, less this margin (a turn's timestamp is written when the turn ends).
 */
const VERIFIED_ORDER_TTL_SECONDS = 86_400;
const VERIFIED_IN_TURN_MARGIN_MS = 60_000;

// The order a conversation verified, if any, in SQL: `session` and `since` are SQL expressions.
const verifiedOrder = (session: string, since: string): string =>
  `(SELECT v.order_id FROM verified_orders v
     WHERE v.session_id = ${session} AND v.verified_at >= ${since}::timestamptz
       AND v.verified_at > now() - make_interval(secs => ${VERIFIED_ORDER_TTL_SECONDS})
     ORDER BY v.verified_at DESC LIMIT 1)`;
const COLUMNS = `reference, email, problem, order_id, language, reason, status, note,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  delivery, transcript, transcript_read`;

/**
 * Support requests, shared by every gateway replica through the database. Delivery is claimed with
 * a lease (`locked_until`), so two replicas never send the same request at the same time.
 */
@Injectable()
export class SupportRequestsRepository {
  private readonly logger = new Logger(SupportRequestsRepository.name);

  constructor(private readonly db: Database) {}

  private async run<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn(`support ${what} failed: ${(err as Error).message}`);
      throw new SupportStoreError(`${what}: ${(err as Error).message}`);
    }
  }

  /**
   * Stores the request unless this conversation or this client already made their share within
   * the window: counted and inserted in one transaction under per-subject advisory locks, so
   * parallel requests cannot all pass the count. Null when over a limit.
   */
  async createWithinLimits(
    request: NewSupportRequest,
    limits: SupportLimits,
  ): Promise<SupportRequestRow | null> {
    return this.run('create', () =>
      this.db.transaction(async (tx) => {
        if (this.db.kind === 'postgres') {
          // Sorted, so two requests never wait for each other's locks in opposite order.
          const subjects = [
            `support:client:${request.clientIp}`,
            `support:session:${request.sessionId}`,
          ];
          for (const subject of subjects.sort()) {
            await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [subject]);
          }
        }
        const [counts] = await tx.query<{ session: number; client: number }>(
          `SELECT count(*) FILTER (WHERE session_id = $1)::int AS session,
                  count(*) FILTER (WHERE client_ip = $2)::int AS client
             FROM support_requests
            WHERE (session_id = $1 OR client_ip = $2)
              AND created_at > now() - make_interval(secs => $3)`,
          [request.sessionId, request.clientIp, limits.windowSeconds],
        );
        if (counts.session >= limits.maxPerSession || counts.client >= limits.maxPerClient) {
          return null;
        }
        return this.insert(tx, request);
      }),
    );
  }

  /** Stores the request with a fresh reference and the order this conversation verified, if any. */
  async create(request: NewSupportRequest): Promise<SupportRequestRow> {
    return this.run('create', () => this.insert(this.db, request));
  }

  private async insert(
    db: Pick<Queryable, 'query'>,
    request: NewSupportRequest,
  ): Promise<SupportRequestRow> {
    // Six digits are easy to quote; a clash (rare) just draws again.
    for (let attempt = 0; attempt < 8; attempt++) {
      const reference = `SR-${String(randomInt(100_000, 1_000_000))}`;
      const rows = await db.query<SupportRequestRow>(
        `INSERT INTO support_requests
           (reference, session_id, client_ip, email, problem, order_id, transcript, transcript_read,
            language, reason, delivery)
         VALUES ($3, $1, $4, $5, $6, ${verifiedOrder('$1', '$2')}, $7::jsonb, $8, $9, $10, $11)
         ON CONFLICT (reference) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          request.sessionId,
          verifiedSince(request.transcript),
          reference,
          request.clientIp,
          request.email,
          request.problem,
          JSON.stringify(request.transcript ?? []),
          request.transcript !== null,
          request.language,
          request.reason,
          // An unread transcript is read again by the delivery pass, channels or not.
          request.deliver || request.transcript === null ? 'pending' : 'stored',
        ],
      );
      if (rows[0]) return rows[0];
    }
    throw new Error('no free reference');
  }

  /** The transcript read after all (it could not be at first), with the order it verified. */
  async saveTranscript(
    reference: string,
    transcript: TranscriptTurn[],
  ): Promise<SupportRequestRow | null> {
    return this.run('saveTranscript', async () => {
      const rows = await this.db.query<SupportRequestRow>(
        `UPDATE support_requests
            SET transcript = $2::jsonb, transcript_read = true,
                order_id = coalesce(order_id, ${verifiedOrder('support_requests.session_id', '$1')})
          WHERE reference = $3
          RETURNING ${COLUMNS}`,
        [verifiedSince(transcript), JSON.stringify(transcript), reference],
      );
      return rows[0] ?? null;
    });
  }

  /** No channel to deliver to: the request is simply kept. */
  async markStored(reference: string): Promise<void> {
    await this.run('markStored', () =>
      this.db.query(
        `UPDATE support_requests SET delivery = 'stored', locked_until = NULL WHERE reference = $1`,
        [reference],
      ),
    );
  }

  async list(status?: 'open' | 'closed', limit = 100): Promise<SupportRequestRow[]> {
    return this.run('list', () =>
      this.db.query<SupportRequestRow>(
        `SELECT ${COLUMNS} FROM support_requests
          WHERE ($1::text IS NULL OR status = $1)
          ORDER BY created_at DESC, reference LIMIT $2`,
        [status ?? null, limit],
      ),
    );
  }

  async get(reference: string): Promise<SupportRequestRow | null> {
    return this.run('get', async () => {
      const rows = await this.db.query<SupportRequestRow>(
        `SELECT ${COLUMNS} FROM support_requests WHERE reference = $1`,
        [reference],
      );
      return rows[0] ?? null;
    });
  }

  /** Changes the status and/or the note; null when there is no such request. */
  async update(
    reference: string,
    change: { status?: 'open' | 'closed'; note?: string },
  ): Promise<SupportRequestRow | null> {
    return this.run('update', async () => {
      const rows = await this.db.query<SupportRequestRow>(
        `UPDATE support_requests
            SET status = coalesce($2, status), note = coalesce($3, note), updated_at = now()
          WHERE reference = $1
          RETURNING ${COLUMNS}`,
        [reference, change.status ?? null, change.note ?? null],
      );
      return rows[0] ?? null;
    });
  }

  /**
   * The chat session proved it owns the order: a later support request from the same conversation
   * names it (within a day; expired rows are cleared here).
   */
  async rememberVerifiedOrder(sessionId: string, orderId: string): Promise<void> {
    await this.run('rememberVerifiedOrder', async () => {
      await this.db.query(
        `DELETE FROM verified_orders
          WHERE verified_at <= now() - make_interval(secs => ${VERIFIED_ORDER_TTL_SECONDS})`,
      );
      await this.db.query(
        `INSERT INTO verified_orders (session_id, order_id) VALUES ($1, $2)
         ON CONFLICT (session_id, order_id) DO UPDATE SET verified_at = now()`,
        [sessionId, orderId],
      );
    });
  }

  /** The conversation was erased: what it verified goes with it. */
  async forgetVerifiedOrders(sessionId: string): Promise<void> {
    await this.run('forgetVerifiedOrders', () =>
      this.db.query('DELETE FROM verified_orders WHERE session_id = $1', [sessionId]),
    );
  }

  /**
   * Takes up to `limit` requests due for delivery (or the one named) for `leaseSeconds`; another
   * replica skips them until the lease ends, so a request is sent by one replica at a time.
   */
  async claimDue(
    leaseSeconds: number,
    limit: number,
    reference?: string,
  ): Promise<ClaimedRequest[]> {
    return this.run('claimDue', () =>
      this.db.query<ClaimedRequest>(
        `UPDATE support_requests
            SET locked_until = now() + make_interval(secs => $1),
                delivery_attempts = delivery_attempts + 1
          WHERE reference IN (
                SELECT reference FROM support_requests
                 WHERE delivery = 'pending' AND next_attempt_at <= now()
                   AND (locked_until IS NULL OR locked_until < now())
                   AND ($3::text IS NULL OR reference = $3)
                 ORDER BY next_attempt_at LIMIT $2
                   FOR UPDATE SKIP LOCKED)
          RETURNING ${COLUMNS}, session_id, delivered_to, delivery_attempts`,
        [leaseSeconds, limit, reference ?? null],
      ),
    );
  }

  /** Every channel took it. */
  async markDelivered(reference: string, deliveredTo: string[]): Promise<void> {
    await this.run('markDelivered', () =>
      this.db.query(
        `UPDATE support_requests
            SET delivery = 'delivered', delivered_to = $2, delivery_error = NULL,
                locked_until = NULL
          WHERE reference = $1`,
        [reference, deliveredTo],
      ),
    );
  }

  /** Some channel failed: keep what reached its channel and try the rest after `retryInSeconds`. */
  async markFailed(
    reference: string,
    deliveredTo: string[],
    error: string,
    retryInSeconds: number,
  ): Promise<void> {
    await this.run('markFailed', () =>
      this.db.query(
        `UPDATE support_requests
            SET delivered_to = $2, delivery_error = $3, locked_until = NULL,
                next_attempt_at = now() + make_interval(secs => $4)
          WHERE reference = $1`,
        [reference, deliveredTo, error.slice(0, 500), retryInSeconds],
      ),
    );
  }

  /** The last allowed try failed too: no more tries; the agents see it as `failed`. */
  async markGivenUp(reference: string, deliveredTo: string[], error: string): Promise<void> {
    await this.run('markGivenUp', () =>
      this.db.query(
        `UPDATE support_requests
            SET delivery = 'failed', delivered_to = $2, delivery_error = $3, locked_until = NULL
          WHERE reference = $1`,
        [reference, deliveredTo, error.slice(0, 500)],
      ),
    );
  }
}

/** The earliest verification that belongs to the conversation this transcript shows (or none). */
function verifiedSince(transcript: TranscriptTurn[] | null): string | null {
  const first = transcript?.[0] ? Date.parse(transcript[0].timestamp) : NaN;
  if (Number.isNaN(first)) return null;
  return new Date(first - VERIFIED_IN_TURN_MARGIN_MS).toISOString();
}
