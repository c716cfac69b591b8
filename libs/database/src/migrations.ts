import type { Database, Queryable } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes; fixes come as new versions. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog and orders',
    sql: `
      CREATE TABLE categories (
        slug text PRIMARY KEY,
        name text NOT NULL
      );
      CREATE TABLE books (
        id integer PRIMARY KEY,
        title text NOT NULL,
        author text NOT NULL,
        category text NOT NULL REFERENCES categories (slug),
        price numeric(8, 2) NOT NULL CHECK (price >= 0),
        description text NOT NULL,
        rating numeric(2, 1) NOT NULL CHECK (rating BETWEEN 0 AND 5),
        bestseller boolean NOT NULL DEFAULT false,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', author), 'A') ||
          setweight(to_tsvector('english', description), 'B')
        ) STORED
      );
      CREATE INDEX books_category_idx ON books (category);
      CREATE INDEX books_search_idx ON books USING gin (search);
      CREATE TABLE orders (
        id char(6) PRIMARY KEY CHECK (id ~ '^[0-9]{6}$'),
        status text NOT NULL CHECK (status IN
          ('processing', 'shipped', 'in_transit', 'delivered', 'cancelled', 'returned')),
        customer_email text NOT NULL,
        carrier text,
        tracking_number text,
        estimated_delivery date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE order_items (
        order_id char(6) NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        book_id integer NOT NULL REFERENCES books (id),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(8, 2) NOT NULL,
        PRIMARY KEY (order_id, book_id)
      );
      CREATE TABLE verification_attempts (
        subject text NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX verification_attempts_idx ON verification_attempts (subject, attempted_at);
    `,
  },
  {
    version: 2,
    name: 'help center',
    // The search vector is written by the sync (help-center.sync.ts) rather than generated, since
    // array_to_string is not immutable and the questions are an array.
    sql: `
      CREATE TABLE help_articles (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9-]{1,60}$'),
        position integer NOT NULL,
        topic text NOT NULL,
        title text NOT NULL,
        questions text[] NOT NULL,
        answer text NOT NULL,
        body text NOT NULL,
        search tsvector NOT NULL
      );
      CREATE INDEX help_articles_search_idx ON help_articles USING gin (search);
    `,
  },
  {
    version: 3,
    name: 'support requests',
    sql: `
      CREATE TABLE support_requests (
        reference text PRIMARY KEY CHECK (reference ~ '^SR-[0-9]{6}$'),
        session_id text NOT NULL,
        client_ip text NOT NULL,
        email text NOT NULL,
        problem text NOT NULL,
        order_id char(6),
        transcript jsonb NOT NULL DEFAULT '[]',
        language text NOT NULL DEFAULT 'en',
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivery text NOT NULL CHECK (delivery IN ('pending', 'delivered', 'stored')),
        delivered_to text[] NOT NULL DEFAULT '{}',
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivery_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      );
      CREATE INDEX support_requests_status_idx ON support_requests (status, created_at);
      CREATE INDEX support_requests_session_idx ON support_requests (session_id, created_at);
      CREATE INDEX support_requests_client_idx ON support_requests (client_ip, created_at);
      CREATE INDEX support_requests_due_idx ON support_requests (next_attempt_at)
        WHERE delivery = 'pending';
      CREATE TABLE verified_orders (
        session_id text NOT NULL,
        order_id char(6) NOT NULL,
        verified_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, order_id)
      );
    `,
  },
  {
    version: 4,
    name: 'help articles in other languages',
    // Titles and short answers per language ({"es": {"title", "answer"}, ...}), from the sync.
    sql: `ALTER TABLE help_articles ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`,
  },
  {
    version: 5,
    name: 'support requests: given up deliveries, unread transcripts, verified orders expire',
    // 'failed': delivery gave up after SUPPORT_DELIVERY_MAX_ATTEMPTS (the team's side keeps it).
    // transcript_read false: the chatbot could not be read yet; the delivery retries it.
    sql: `
      ALTER TABLE support_requests DROP CONSTRAINT support_requests_delivery_check;
      ALTER TABLE support_requests ADD CONSTRAINT support_requests_delivery_check
        CHECK (delivery IN ('pending', 'delivered', 'stored', 'failed'));
      ALTER TABLE support_requests ADD COLUMN transcript_read boolean NOT NULL DEFAULT true;
      CREATE INDEX verified_orders_verified_at_idx ON verified_orders (verified_at);
    `,
  },
  {
    version: 6,
    name: 'support desk',
    // Emails are stored lowercased; a session is kept as the SHA-256 of its cookie, so a read of
    // the table signs nobody in. The questions (desk_items) are masked before they are written
    // (personal-data.ts).
    sql: `
      CREATE TABLE desk_agents (
        email text PRIMARY KEY CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE desk_sessions (
        token_hash text PRIMARY KEY,
        agent_email text NOT NULL REFERENCES desk_agents (email) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX desk_sessions_agent_idx ON desk_sessions (agent_email);
      CREATE TABLE desk_replies (
        id bigserial PRIMARY KEY,
        reference text NOT NULL REFERENCES support_requests (reference) ON DELETE CASCADE,
        agent_email text NOT NULL,
        agent_name text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivery text NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'delivered')),
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivery_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      );
      CREATE INDEX desk_replies_reference_idx ON desk_replies (reference, created_at);
      CREATE INDEX desk_replies_due_idx ON desk_replies (next_attempt_at) WHERE delivery = 'pending';
      CREATE TABLE desk_items (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('unanswered', 'marked_down')),
        reason text NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        language text,
        intent text,
        group_key text NOT NULL,
        session_key text NOT NULL,
        turn integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        done_by text
      );
      CREATE INDEX desk_items_group_idx ON desk_items (kind, group_key) WHERE done_at IS NULL;
      CREATE INDEX desk_items_created_idx ON desk_items (created_at);
      CREATE UNIQUE INDEX desk_items_rating_idx ON desk_items (session_key, turn)
        WHERE kind = 'marked_down';
      CREATE TABLE desk_unresolved (
        session_key text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 7,
    name: 'catalog from the store content',
    // catalog.csv (libs/content) adds books without ids, may leave a rating empty, and names a
    // book by isbn or by title and author; a reader's age range is optional.
    sql: `
      CREATE SEQUENCE books_id_seq OWNED BY books.id;
      SELECT setval('books_id_seq', coalesce((SELECT max(id) FROM books), 0) + 1, false);
      ALTER TABLE books ALTER COLUMN id SET DEFAULT nextval('books_id_seq');
      ALTER TABLE books ALTER COLUMN rating DROP NOT NULL;
      ALTER TABLE books ADD COLUMN isbn text;
      ALTER TABLE books ADD COLUMN age_min integer CHECK (age_min BETWEEN 0 AND 18);
      ALTER TABLE books ADD COLUMN age_max integer CHECK (age_max BETWEEN 0 AND 18);
      CREATE UNIQUE INDEX books_isbn_idx ON books (isbn) WHERE isbn IS NOT NULL;
      CREATE INDEX books_title_author_idx ON books (lower(title), lower(author));
    `,
  },
];

// Any fixed number works; it only has to be the same for every replica.
const MIGRATION_LOCK = 727_274_001;

/** Applies the migrations not yet applied, one transaction each, one replica at a time. */
export async function migrate(db: Database): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    await lock(tx, db.kind);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}

async function lock(tx: Queryable, kind: Database['kind']): Promise<void> {
  if (kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
}
