import type { Database } from './database.js';
import { HELP_ARTICLES } from './help-center.js';
import { HELP_TRANSLATIONS } from './help-center.translations.js';

/**
 * Brings the help_articles table in line with HELP_ARTICLES, the one source of the store's facts:
 * every boot, so a fact changed in the repository is what the page and the bot say after a deploy.
 * The store's facts are not demo data: they load whether or not the demo catalog is seeded.
 */
export async function syncHelpCenter(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [position, a] of HELP_ARTICLES.entries()) {
      await tx.query(
        `INSERT INTO help_articles (slug, position, topic, title, questions, answer, body, search,
                                    translations)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7,
                 setweight(to_tsvector('english', $4), 'A') ||
                 setweight(to_tsvector('english', array_to_string($5::text[], ' ')), 'A') ||
                 setweight(to_tsvector('english', $6), 'B') ||
                 setweight(to_tsvector('english', $7), 'C'), $8::jsonb)
         ON CONFLICT (slug) DO UPDATE SET
           position = EXCLUDED.position, topic = EXCLUDED.topic, title = EXCLUDED.title,
           questions = EXCLUDED.questions, answer = EXCLUDED.answer, body = EXCLUDED.body,
           search = EXCLUDED.search, translations = EXCLUDED.translations`,
        [
          a.slug,
          position,
          a.topic,
          a.title,
          [...a.questions],
          a.answer,
          a.body,
          JSON.stringify(HELP_TRANSLATIONS[a.slug] ?? {}),
        ],
      );
    }
    await tx.query('DELETE FROM help_articles WHERE NOT (slug = ANY($1::text[]))', [
      HELP_ARTICLES.map((a) => a.slug),
    ]);
  });
}
