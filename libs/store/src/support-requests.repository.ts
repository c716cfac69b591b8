import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Database } from './database.js';

/** The support requests could not be read or written: the caller decides what the shopper sees. */
export class SupportStoreError extends Error {
  override readonly name = 'SupportStoreError';
}

export type SupportDelivery = 'pending' | 'delivered' | 'stored';

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
}

/** A request being delivered: the channels it already reached are not sent to again. */
export interface ClaimedRequest extends SupportRequestRow {
  delivered_to: string[];
  delivery_attempts: number;
}

export interface NewSupportRequest {
  sessionId: string;
  clientIp: string;
  email: string;
  problem: string;
  reason: string;
  language: string;
  transcript: TranscriptTurn[];
  /** false when no delivery channel is configured: the request is only stored. */
  deliver: boolean;
}

const COLUMNS = `reference, email, problem, order_id, language, reason, status, note,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  delivery, transcript`;

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

  /** Requests made in the last `windowSeconds` by this conversation and by this client address. */
  async recentCounts(
    sessionId: string,
    clientIp: string,
    windowSeconds: number,
  ): Promise<{ session: number; client: number }> {
    return this.run('recentCounts', async () => {
      const [row] = await this.db.query<{ session: number; client: number }>(
        `SELECT count(*) FILTER (WHERE session_id = $1)::int AS session,
                count(*) FILTER (WHERE client_ip = $2)::int AS client
           FROM support_requests
          WHERE (session_id = $1 OR client_ip = $2)
            AND created_at > now() - make_interval(secs => $3)`,
        [sessionId, clientIp, windowSeconds],
      );
      return row;
    });
  }

  /** Stores the request with a fresh reference and the order this conversation verified, if any. */
  async create(request: NewSupportRequest): Promise<SupportRequestRow> {
    return this.run('create', async () => {
      // Six digits are easy to quote; a clash (rare) just draws again.
      for (let attempt = 0; attempt < 8; attempt++) {
        const reference = `SR-${String(randomInt(100_000, 1_000_000))}`;
        const rows = await this.db.query<SupportRequestRow>(
          `INSERT INTO support_requests
             (reference, session_id, client_ip, email, problem, order_id, transcript, language,
              reason, delivery)
           VALUES ($1, $2, $3, $4, $5,
                   (SELECT order_id FROM verified_orders WHERE session_id = $2
                     ORDER BY verified_at DESC LIMIT 1),
                   $6::jsonb, $7, $8, $9)
           ON CONFLICT (reference) DO NOTHING
           RETURNING ${COLUMNS}`,
          [
            reference,
            request.sessionId,
            request.clientIp,
            request.email,
            request.problem,
            JSON.stringify(request.transcript),
            request.language,
            request.reason,
            request.deliver ? 'pending' : 'stored',
          ],
        );
        if (rows[0]) return rows[0];
      }
      throw new Error('no free reference');
    });
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

  /** The chat session proved it owns the order: a later support request names it. */
  async rememberVerifiedOrder(sessionId: string, orderId: string): Promise<void> {
    await this.run('rememberVerifiedOrder', () =>
      this.db.query(
        `INSERT INTO verified_orders (session_id, order_id) VALUES ($1, $2)
         ON CONFLICT (session_id, order_id) DO UPDATE SET verified_at = now()`,
        [sessionId, orderId],
      ),
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
          RETURNING ${COLUMNS}, delivered_to, delivery_attempts`,
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
}
