import { Injectable, Logger } from '@nestjs/common';
import { Database } from './database.js';
import { likenessKey, maskPersonalData } from './personal-data.js';

/** The desk's tables could not be read or written: the caller decides what the agent sees. */
export class DeskStoreError extends Error {
  override readonly name = 'DeskStoreError';
}

export interface DeskAgentRow {
  email: string;
  name: string;
  password_hash: string;
}

export interface DeskSessionAgent {
  email: string;
  name: string;
  expires_at: string;
}

export interface DeskReplyRow {
  id: number;
  reference: string;
  agent_email: string;
  agent_name: string;
  body: string;
  created_at: string;
  delivery: 'pending' | 'delivered';
}

/** A reply being mailed: where to, and how many tries it took so far. */
export interface ClaimedReply extends DeskReplyRow {
  to_email: string;
  language: string;
  delivery_attempts: number;
}

/** What the bot could not answer (`unanswered`) or a shopper marked down (`marked_down`). */
export type DeskItemKind = 'unanswered' | 'marked_down';

export interface NewDeskItem {
  kind: DeskItemKind;
  /** unanswered: `fallback`, `not_understood`, `llm_failure`; marked_down: `down`. */
  reason: string;
  /** The shopper's words and the bot's answer as they were: masked here, before any write. */
  question: string;
  answer: string;
  language?: string;
  intent?: string;
  /** A keyed hash of the conversation, never its id (the id is a bearer secret). */
  sessionKey: string;
  turn?: number;
}

export interface DeskGroupRow {
  kind: DeskItemKind;
  group_key: string;
  count: number;
  first_at: string;
  last_at: string;
  /** The newest question and answer of the group, masked. */
  question: string;
  answer: string;
  languages: string[];
  reasons: string[];
  intents: string[];
}

const AT = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const REPLY_COLUMNS = `r.id::int AS id, r.reference, r.agent_email, r.agent_name, r.body,
  ${AT('r.created_at')} AS created_at, r.delivery`;

/**
 * The support team's desk: agents and their sessions, replies to support requests (mailed by a
 * retry loop, like the requests themselves), and the questions the bot could not answer or that
 * shoppers marked down, masked before they are stored and kept for a retention period.
 */
@Injectable()
export class DeskRepository {
  private readonly logger = new Logger(DeskRepository.name);

  constructor(private readonly db: Database) {}

  private async run<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn(`desk ${what} failed: ${(err as Error).message}`);
      throw new DeskStoreError(`${what}: ${(err as Error).message}`);
    }
  }

  /* ---------- Agents and sessions ---------- */

  /** Adds the agent, or sets a new name and password and ends every session it had. */
  async saveAgent(email: string, name: string, passwordHash: string): Promise<'added' | 'reset'> {
    return this.run('saveAgent', () =>
      this.db.transaction(async (tx) => {
        const [row] = await tx.query<{ added: boolean }>(
          `INSERT INTO desk_agents (email, name, password_hash) VALUES (lower($1), $2, $3)
           ON CONFLICT (email) DO UPDATE
             SET name = excluded.name, password_hash = excluded.password_hash, updated_at = now()
           RETURNING (xmax = 0) AS added`,
          [email, name, passwordHash],
        );
        if (!row.added) {
          await tx.query('DELETE FROM desk_sessions WHERE agent_email = lower($1)', [email]);
        }
        return row.added ? 'added' : 'reset';
      }),
    );
  }

  async agent(email: string): Promise<DeskAgentRow | null> {
    return this.run('agent', async () => {
      const rows = await this.db.query<DeskAgentRow>(
        'SELECT email, name, password_hash FROM desk_agents WHERE email = lower($1)',
        [email],
      );
      return rows[0] ?? null;
    });
  }

  async createSession(tokenHash: string, email: string, ttlSeconds: number): Promise<string> {
    return this.run('createSession', async () => {
      const [row] = await this.db.query<{ expires_at: string }>(
        `INSERT INTO desk_sessions (token_hash, agent_email, expires_at)
         VALUES ($1, lower($2), now() + make_interval(secs => $3))
         RETURNING ${AT('expires_at')} AS expires_at`,
        [tokenHash, email, ttlSeconds],
      );
      return row.expires_at;
    });
  }

  /** The agent a live session belongs to; null for an unknown or expired one. */
  async sessionAgent(tokenHash: string): Promise<DeskSessionAgent | null> {
    return this.run('sessionAgent', async () => {
      const rows = await this.db.query<DeskSessionAgent>(
        `SELECT a.email, a.name, ${AT('s.expires_at')} AS expires_at
           FROM desk_sessions s JOIN desk_agents a ON a.email = s.agent_email
          WHERE s.token_hash = $1 AND s.expires_at > now()`,
        [tokenHash],
      );
      return rows[0] ?? null;
    });
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.run('endSession', () =>
      this.db.query('DELETE FROM desk_sessions WHERE token_hash = $1', [tokenHash]),
    );
  }

  /* ---------- Replies ---------- */

  /** Records the reply on the request and queues it for mail; null when there is no such request. */
  async addReply(
    reference: string,
    agent: { email: string; name: string },
    body: string,
  ): Promise<DeskReplyRow | null> {
    return this.run('addReply', async () => {
      const rows = await this.db.query<DeskReplyRow>(
        `WITH r AS (
           INSERT INTO desk_replies (reference, agent_email, agent_name, body)
           SELECT reference, $2, $3, $4 FROM support_requests WHERE reference = $1
           RETURNING *)
         SELECT ${REPLY_COLUMNS} FROM r`,
        [reference, agent.email, agent.name, body],
      );
      return rows[0] ?? null;
    });
  }

  async replies(reference: string): Promise<DeskReplyRow[]> {
    return this.run('replies', () =>
      this.db.query<DeskReplyRow>(
        `SELECT ${REPLY_COLUMNS} FROM desk_replies r WHERE r.reference = $1
          ORDER BY r.created_at, r.id`,
        [reference],
      ),
    );
  }

  /** Replies due for mail (or the one named), each leased to this replica for `leaseSeconds`. */
  async claimDueReplies(leaseSeconds: number, limit: number, id?: number): Promise<ClaimedReply[]> {
    return this.run('claimDueReplies', () =>
      this.db.query<ClaimedReply>(
        `WITH claimed AS (
           UPDATE desk_replies
              SET locked_until = now() + make_interval(secs => $1),
                  delivery_attempts = delivery_attempts + 1
            WHERE id IN (
                  SELECT id FROM desk_replies
                   WHERE delivery = 'pending' AND next_attempt_at <= now()
                     AND (locked_until IS NULL OR locked_until < now())
                     AND ($3::bigint IS NULL OR id = $3)
                   ORDER BY next_attempt_at LIMIT $2
                     FOR UPDATE SKIP LOCKED)
            RETURNING *)
         SELECT ${REPLY_COLUMNS}, s.email AS to_email, s.language, r.delivery_attempts
           FROM claimed r JOIN support_requests s ON s.reference = r.reference`,
        [leaseSeconds, limit, id ?? null],
      ),
    );
  }

  async markReplyDelivered(id: number): Promise<void> {
    await this.run('markReplyDelivered', () =>
      this.db.query(
        `UPDATE desk_replies SET delivery = 'delivered', delivery_error = NULL, locked_until = NULL
          WHERE id = $1`,
        [id],
      ),
    );
  }

  async markReplyFailed(id: number, error: string, retryInSeconds: number): Promise<void> {
    await this.run('markReplyFailed', () =>
      this.db.query(
        `UPDATE desk_replies
            SET delivery_error = $2, locked_until = NULL,
                next_attempt_at = now() + make_interval(secs => $3)
          WHERE id = $1`,
        [id, error.slice(0, 500), retryInSeconds],
      ),
    );
  }

  /* ---------- What the bot could not answer, answers marked down ---------- */

  /**
   * Stores one question, masked before it is written (`keep`: addresses that are not personal).
   * A rating is one per answer: a second one replaces the first.
   */
  async recordItem(item: NewDeskItem, keep: readonly string[] = []): Promise<void> {
    const question = maskPersonalData(item.question, keep).slice(0, 2_000);
    const answer = maskPersonalData(item.answer, keep).slice(0, 4_000);
    await this.run('recordItem', () =>
      this.db.query(
        `INSERT INTO desk_items
           (kind, reason, question, answer, language, intent, group_key, session_key, turn)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (session_key, turn) WHERE kind = 'marked_down'
           DO UPDATE SET question = excluded.question, answer = excluded.answer,
                         created_at = now(), done_at = NULL, done_by = NULL`,
        [
          item.kind,
          item.reason,
          question,
          answer,
          item.language ?? null,
          item.intent ?? null,
          likenessKey(question),
          item.sessionKey,
          item.turn ?? null,
        ],
      ),
    );
  }

  /** A rating taken back (or turned up): the answer is no longer marked down. */
  async removeRating(sessionKey: string, turn: number): Promise<void> {
    await this.run('removeRating', () =>
      this.db.query(
        `DELETE FROM desk_items WHERE kind = 'marked_down' AND session_key = $1 AND turn = $2`,
        [sessionKey, turn],
      ),
    );
  }

  /** Open groups of alike questions, the newest group first. */
  async groups(kind: DeskItemKind, limit = 100): Promise<DeskGroupRow[]> {
    return this.run('groups', () =>
      this.db.query<DeskGroupRow>(
        `SELECT kind, group_key, count(*)::int AS count,
                ${AT('min(created_at)')} AS first_at, ${AT('max(created_at)')} AS last_at,
                (array_agg(question ORDER BY created_at DESC, id DESC))[1] AS question,
                (array_agg(answer ORDER BY created_at DESC, id DESC))[1] AS answer,
                array_remove(array_agg(DISTINCT language), NULL) AS languages,
                array_agg(DISTINCT reason) AS reasons,
                array_remove(array_agg(DISTINCT intent), NULL) AS intents
           FROM desk_items
          WHERE kind = $1 AND done_at IS NULL
          GROUP BY kind, group_key
          ORDER BY max(created_at) DESC, max(id) DESC
          LIMIT $2`,
        [kind, limit],
      ),
    );
  }

  /** An agent dealt with a group (wrote the article): it leaves the list until asked again. */
  async markGroupDone(kind: DeskItemKind, groupKey: string, agentEmail: string): Promise<number> {
    return this.run('markGroupDone', async () => {
      const rows = await this.db.query<{ id: number }>(
        `UPDATE desk_items SET done_at = now(), done_by = $3
          WHERE kind = $1 AND group_key = $2 AND done_at IS NULL
          RETURNING id`,
        [kind, groupKey, agentEmail],
      );
      return rows.length;
    });
  }

  /** True the first time a conversation needed a person or went unanswered (for the metrics). */
  async markUnresolved(sessionKey: string): Promise<boolean> {
    return this.run('markUnresolved', async () => {
      const rows = await this.db.query<{ session_key: string }>(
        `INSERT INTO desk_unresolved (session_key) VALUES ($1)
         ON CONFLICT (session_key) DO NOTHING RETURNING session_key`,
        [sessionKey],
      );
      return rows.length > 0;
    });
  }

  /** Deletes what is older than the retention period, and sessions that have expired. */
  async prune(retentionDays: number): Promise<{ items: number }> {
    return this.run('prune', () =>
      this.db.transaction(async (tx) => {
        const items = await tx.query<{ id: number }>(
          `DELETE FROM desk_items WHERE created_at < now() - make_interval(days => $1) RETURNING id`,
          [retentionDays],
        );
        await tx.query(
          'DELETE FROM desk_unresolved WHERE created_at < now() - make_interval(days => $1)',
          [retentionDays],
        );
        await tx.query('DELETE FROM desk_sessions WHERE expires_at <= now()');
        return { items: items.length };
      }),
    );
  }
}
