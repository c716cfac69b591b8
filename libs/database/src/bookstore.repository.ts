import type { OrderStatusName, ProductSearch } from '@bookstore/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Database } from './database.js';
import { helpQueryText } from './help-query.js';

/** The contract's statuses: the store stores what the API answers. */
export type OrderStatus = OrderStatusName;

export interface OrderStatusRow {
  order_id: string;
  status: OrderStatus;
  updated_at: string;
}

export interface OrderDetailsRow extends OrderStatusRow {
  carrier: string | null;
  tracking_number: string | null;
  estimated_delivery: string | null;
  items: Array<{ title: string; quantity: number }>;
}

export interface BookRow {
  id: number;
  title: string;
  author: string;
  category: string;
  price: number;
  description: string;
  rating: number;
  bestseller: boolean;
  /** The readers' ages, when the catalog gives them. */
  age_min?: number;
  age_max?: number;
}

export interface CategoryRow {
  slug: string;
  name: string;
  count: number;
}

/** A subject (`session:…`, `client:…`) and the failed attempts it may make within the window. */
export interface AttemptLimit {
  subject: string;
  max: number;
}

export interface AttemptReservation {
  subjects: string[];
  /** The transaction time the attempt rows carry. */
  at: string;
}

export interface HelpArticleRow {
  slug: string;
  topic: string;
  title: string;
  questions: string[];
  answer: string;
  body: string;
  /** Title and short answer per other language (es, fr, de). */
  translations: Record<string, { title: string; answer: string }>;
}

export interface HelpMatchRow extends HelpArticleRow {
  /** ts_rank of the article for the question: comparable between articles of one search. */
  score: number;
  /** How many distinct words of the question (with their synonyms) the article has. */
  matched: number;
}

interface RawBook extends Omit<BookRow, 'price' | 'rating'> {
  price: string;
  rating: string;
}

/** The database could not answer; the API's controllers turn this into a 503. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Orders and the catalog, in the same SQL for PostgreSQL and PGlite. */
@Injectable()
export class BookstoreRepository {
  private readonly logger = new Logger(BookstoreRepository.name);

  constructor(private readonly db: Database) {}

  /** A database failure becomes the data layer's own error; controllers map it to HTTP. */
  private async run<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn(`${what} failed: ${(err as Error).message}`);
      throw new DatabaseUnavailableError(`${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Public information only: no customer data. */
  async orderStatus(orderId: string): Promise<OrderStatusRow | null> {
    return this.run('orderStatus', async () => {
      const rows = await this.db.query<OrderStatusRow>(
        `SELECT id AS order_id, status, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
           FROM orders WHERE id = $1`,
        [orderId],
      );
      return rows[0] ?? null;
    });
  }

  /** Tracking details, only when the email is the customer's own. */
  async orderDetails(orderId: string, email: string): Promise<OrderDetailsRow | null> {
    return this.run('orderDetails', async () => {
      const rows = await this.db.query<Omit<OrderDetailsRow, 'items'>>(
        `SELECT id AS order_id, status,
                to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
                carrier, tracking_number, to_char(estimated_delivery, 'YYYY-MM-DD') AS estimated_delivery
           FROM orders WHERE id = $1 AND lower(customer_email) = lower($2)`,
        [orderId, email.trim()],
      );
      if (!rows[0]) return null;
      const items = await this.db.query<{ title: string; quantity: number }>(
        `SELECT b.title, i.quantity FROM order_items i JOIN books b ON b.id = i.book_id
          WHERE i.order_id = $1 ORDER BY b.title`,
        [orderId],
      );
      return { ...rows[0], items };
    });
  }

  /**
   * Takes one attempt from every subject's budget, or none when any subject has used its `max`
   * within the window. Per-subject advisory locks make the count and the insert one step, so
   * parallel checks cannot all see room under READ COMMITTED. Returns the reservation, to give
   * back with `releaseAttempt` when the check succeeds (only failed checks count), or null.
   */
  async reserveAttempt(
    limits: AttemptLimit[],
    windowSeconds: number,
  ): Promise<AttemptReservation | null> {
    const subjects = [...new Set(limits.map((l) => l.subject))].sort();
    return this.run('reserveAttempt', async () => {
      return this.db.transaction(async (tx) => {
        if (this.db.kind === 'postgres') {
          // Sorted, so two requests never wait for each other's locks in opposite order.
          for (const subject of subjects) {
            await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [subject]);
          }
        }
        await tx.query(
          `DELETE FROM verification_attempts WHERE attempted_at < now() - interval '1 day'`,
        );
        const counts = await tx.query<{ subject: string; n: number }>(
          `SELECT s.subject, count(a.subject)::int AS n
             FROM unnest($1::text[]) AS s(subject)
             LEFT JOIN verification_attempts a
               ON a.subject = s.subject AND a.attempted_at > now() - make_interval(secs => $2)
            GROUP BY s.subject`,
          [subjects, windowSeconds],
        );
        const used = new Map(counts.map((c) => [c.subject, c.n]));
        if (limits.some((l) => (used.get(l.subject) ?? 0) >= l.max)) return null;
        const [{ at }] = await tx.query<{ at: string }>(
          `INSERT INTO verification_attempts (subject, attempted_at)
           SELECT unnest($1::text[]), now() RETURNING attempted_at::text AS at`,
          [subjects],
        );
        return { subjects, at };
      });
    });
  }

  /** Gives a reserved attempt back: a successful check does not count against anyone. */
  async releaseAttempt(reservation: AttemptReservation): Promise<void> {
    await this.run('releaseAttempt', () =>
      this.db.query(
        `DELETE FROM verification_attempts
          WHERE subject = ANY($1::text[]) AND attempted_at = $2::timestamptz`,
        [reservation.subjects, reservation.at],
      ),
    );
  }

  async products(query: ProductSearch): Promise<BookRow[]> {
    return this.run('products', async () => {
      const q = query.q?.trim() || null;
      const rows = await this.db.query<RawBook>(
        `SELECT id, title, author, category, price::text AS price, description, rating::text AS rating, bestseller
           FROM books
          WHERE ($1::text IS NULL OR category = $1)
            AND ($3::boolean IS NULL OR bestseller = $3)
            AND ($2::text IS NULL
                 OR search @@ websearch_to_tsquery('english', $2)
                 OR title ILIKE '%' || $4 || '%' ESCAPE '\\'
                 OR author ILIKE '%' || $4 || '%' ESCAPE '\\')
          ORDER BY CASE WHEN $2::text IS NULL THEN 0
                        ELSE ts_rank(search, websearch_to_tsquery('english', $2)) END DESC,
                   bestseller DESC, rating DESC NULLS LAST, id
          LIMIT $5`,
        [query.category ?? null, q, query.bestseller ?? null, q && escapeLike(q), query.limit],
      );
      return rows.map((r) => ({ ...r, price: Number(r.price), rating: Number(r.rating) }));
    });
  }

  /**
   * Every book, in the store API's order, with the readers' ages where the catalog gives them
   * (read through to_jsonb, so a database without the age columns answers too).
   */
  async allBooks(): Promise<BookRow[]> {
    return this.run('allBooks', async () => {
      const rows = await this.db.query<
        RawBook & { age_min: number | null; age_max: number | null }
      >(
        `SELECT id, title, author, category, price::text AS price, description,
                rating::text AS rating, bestseller,
                (to_jsonb(b) ->> 'age_min')::int AS age_min,
                (to_jsonb(b) ->> 'age_max')::int AS age_max
           FROM books b
          ORDER BY bestseller DESC, rating DESC NULLS LAST, id`,
      );
      return rows.map(({ age_min, age_max, ...r }) => ({
        ...r,
        price: Number(r.price),
        rating: Number(r.rating),
        ...(age_min === null ? {} : { age_min }),
        ...(age_max === null ? {} : { age_max }),
      }));
    });
  }

  async categories(): Promise<CategoryRow[]> {
    return this.run('categories', async () => {
      return this.db.query<CategoryRow>(
        `SELECT c.slug, c.name, count(b.id)::int AS count
           FROM categories c LEFT JOIN books b ON b.category = c.slug
          GROUP BY c.slug, c.name ORDER BY c.name`,
      );
    });
  }

  /** The help center, in the order the source lists it. */
  async helpArticles(): Promise<HelpArticleRow[]> {
    return this.run('helpArticles', async () => {
      return this.db.query<HelpArticleRow>(
        'SELECT slug, topic, title, questions, answer, body, translations FROM help_articles ORDER BY position',
      );
    });
  }

  /**
   * The articles that best answer a question, by the database's own full-text ranking: any word of
   * the question (with its synonyms) may match; titles and the questions an article answers weigh
   * most. The score lets the caller decide what is a confident match.
   */
  async searchHelp(question: string, limit: number): Promise<HelpMatchRow[]> {
    const text = helpQueryText(question);
    if (text === null) return [];
    return this.run('searchHelp', async () => {
      // The rank averages over the question's words, so one long question ranks low; how many of
      // its words an article has is the second measure of a match.
      const rows = await this.db.query<HelpArticleRow & { score: string; matched: number }>(
        `WITH terms AS (
           SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', $1))) AS term
         )
         SELECT slug, topic, title, questions, answer, body, translations,
                ts_rank(search, query)::text AS score,
                (SELECT count(*) FROM terms
                  WHERE search @@ to_tsquery('simple', quote_literal(term)))::int AS matched
           FROM help_articles, websearch_to_tsquery('english', $1) AS query
          WHERE search @@ query
          ORDER BY ts_rank(search, query) DESC, position
          LIMIT $2`,
        [text, limit],
      );
      return rows.map((r) => ({ ...r, score: Number(r.score), matched: Number(r.matched) }));
    });
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
