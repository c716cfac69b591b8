import type { CatalogRow, OrderSeed } from '@bookstore/content';
import type { Queryable } from './database.js';

// Rows a statement carries: large catalogs (content:import) go in batches, not a query a book.
const BATCH = 500;

/**
 * A shelf's slug, the `category` of the API: its name's first part, so "Mystery & Thriller" is
 * `mystery` and "Children's Books" is `children` (the words shoppers use); a second shelf whose
 * first part is taken gets its whole name ("science-fiction").
 */
export function categorySlug(name: string, taken: ReadonlySet<string> = new Set()): string {
  const slugify = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'shelf';
  const short = slugify(name.split(/\s+(?:&|and)\s+/i)[0].replace(/\s+books$/i, ''));
  if (!taken.has(short)) return short;
  const long = slugify(name);
  let slug = long;
  for (let n = 2; taken.has(slug); n++) slug = `${long}-${n}`;
  return slug;
}

/** The categories the rows name, created when new; returns name -> slug. */
async function syncCategories(tx: Queryable, rows: readonly CatalogRow[]) {
  const existing = await tx.query<{ slug: string; name: string }>(
    'SELECT slug, name FROM categories',
  );
  const byName = new Map(existing.map((c) => [c.name, c.slug]));
  const taken = new Set(existing.map((c) => c.slug));
  for (const name of new Set(rows.map((r) => r.category))) {
    if (byName.has(name)) continue;
    const slug = categorySlug(name, taken);
    await tx.query('INSERT INTO categories (slug, name) VALUES ($1, $2)', [slug, name]);
    byName.set(name, slug);
    taken.add(slug);
  }
  return byName;
}

/**
 * Upserts the catalog: a row is the book with its isbn, else the one with its title and author
 * (ignoring case); others are added, in the file's order. Books the file leaves out stay, since
 * orders name them. Returns how many were added and updated.
 */
export async function syncCatalog(
  tx: Queryable,
  rows: readonly CatalogRow[],
): Promise<{ added: number; updated: number }> {
  const slugs = await syncCategories(tx, rows);
  let added = 0;
  let updated = 0;
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    const column = <T>(f: (r: CatalogRow) => T) => batch.map(f);
    const params = [
      column((r) => r.title),
      column((r) => r.author),
      column((r) => slugs.get(r.category)),
      column((r) => r.price.toFixed(2)),
      column((r) => r.description),
      column((r) => (r.rating === null ? null : r.rating.toFixed(1))),
      column((r) => r.bestseller),
      column((r) => r.isbn ?? null),
      column((r) => r.ageMin ?? null),
      column((r) => r.ageMax ?? null),
    ];
    const input = `SELECT t.*, (
        SELECT b.id FROM books b
         WHERE (t.isbn IS NOT NULL AND b.isbn = t.isbn)
            OR ((t.isbn IS NULL OR b.isbn IS NULL)
                AND lower(b.title) = lower(t.title) AND lower(b.author) = lower(t.author))
         ORDER BY (b.isbn IS NOT DISTINCT FROM t.isbn) DESC, b.id LIMIT 1) AS id
      FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::numeric[],
                  $7::boolean[], $8::text[], $9::int[], $10::int[]) WITH ORDINALITY
        AS t(title, author, category, price, description, rating, bestseller, isbn, age_min,
             age_max, n)`;
    const changed = await tx.query<{ id: number }>(
      `WITH input AS (${input})
       UPDATE books b SET title = i.title, author = i.author, category = i.category,
              price = i.price, description = i.description, rating = i.rating,
              bestseller = i.bestseller, isbn = coalesce(i.isbn, b.isbn), age_min = i.age_min,
              age_max = i.age_max
         FROM input i
        WHERE b.id = i.id
          AND (b.title, b.author, b.category, b.price, b.description, b.rating, b.bestseller,
               b.isbn, b.age_min, b.age_max)
              IS DISTINCT FROM
              (i.title, i.author, i.category, i.price, i.description, i.rating, i.bestseller,
               coalesce(i.isbn, b.isbn), i.age_min, i.age_max)
       RETURNING b.id`,
      params,
    );
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO books (title, author, category, price, description, rating, bestseller, isbn,
                          age_min, age_max)
       SELECT title, author, category, price, description, rating, bestseller, isbn, age_min,
              age_max
         FROM (${input}) i WHERE i.id IS NULL ORDER BY i.n
       RETURNING id`,
      params,
    );
    updated += changed.length;
    added += inserted.length;
  }
  return { added, updated };
}

/** The demo orders, into a store that has none; a book is found by isbn, else by title. */
export async function loadOrders(tx: Queryable, orders: readonly OrderSeed[]): Promise<number> {
  const [{ count }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM orders',
  );
  if (count > 0) return 0;
  for (const o of orders) {
    await tx.query(
      `INSERT INTO orders (id, status, customer_email, carrier, tracking_number, estimated_delivery,
                           created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        o.id,
        o.status,
        o.customerEmail,
        o.carrier,
        o.trackingNumber,
        o.estimatedDelivery,
        o.createdAt,
        o.updatedAt,
      ],
    );
    for (const item of o.items) {
      const [book] = await tx.query<{ id: number }>(
        `SELECT id FROM books WHERE ($1::text IS NOT NULL AND isbn = $1)
            OR ($1::text IS NULL AND lower(title) = lower($2)) ORDER BY id LIMIT 1`,
        [item.isbn ?? null, item.title ?? null],
      );
      if (!book) {
        throw new Error(`orders.json: order ${o.id} names a book the catalog does not have`);
      }
      await tx.query(
        'INSERT INTO order_items (order_id, book_id, quantity, unit_price) VALUES ($1, $2, $3, $4)',
        [o.id, book.id, item.quantity, item.unitPrice.toFixed(2)],
      );
    }
  }
  return orders.length;
}
