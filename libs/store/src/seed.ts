import type { Database } from './database.js';
import { BOOKS, CATEGORIES, ORDERS } from './seed-data.js';

/** Loads the demo catalog and orders into an empty store; a store with books is left alone. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM books',
    );
    if (Number(count) > 0) return false;
    for (const c of CATEGORIES) {
      await tx.query('INSERT INTO categories (slug, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        c.slug,
        c.name,
      ]);
    }
    for (const b of BOOKS) {
      await tx.query(
        `INSERT INTO books (id, title, author, category, price, description, rating, bestseller)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [b.id, b.title, b.author, b.category, b.price, b.description, b.rating, b.bestseller],
      );
    }
    for (const o of ORDERS) {
      await tx.query(
        `INSERT INTO orders (id, status, customer_email, carrier, tracking_number, estimated_delivery,
                             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          o.id,
          o.status,
          o.customer_email,
          o.carrier,
          o.tracking_number,
          o.estimated_delivery,
          o.created_at,
          o.updated_at,
        ],
      );
      for (const item of o.items) {
        await tx.query(
          'INSERT INTO order_items (order_id, book_id, quantity, unit_price) VALUES ($1, $2, $3, $4)',
          [o.id, item.book_id, item.quantity, item.unit_price],
        );
      }
    }
    return true;
  });
}
