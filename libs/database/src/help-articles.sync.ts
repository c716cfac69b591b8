import type { StoreContent } from '@bookstore/content';
import type { Queryable } from './database.js';

/**
 * Brings help_articles in line with the content's articles: a row per default-language article,
 * in the content's order, with the other languages' titles and answers as its translations;
 * rows the content no longer has are removed. Returns how many rows there are and were removed.
 */
export async function syncHelpArticles(
  tx: Queryable,
  content: StoreContent,
): Promise<{ articles: number; removed: number }> {
  const { defaultLanguage } = content.profile;
  const own = content.articles.filter((a) => a.language === defaultLanguage);
  const translations = new Map<string, Record<string, { title: string; answer: string }>>();
  for (const a of content.articles) {
    if (a.language === defaultLanguage) continue;
    translations.set(a.slug, {
      ...translations.get(a.slug),
      [a.language]: { title: a.title, answer: a.answer },
    });
  }
  for (const [position, a] of own.entries()) {
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
        a.questions,
        a.answer,
        a.body,
        JSON.stringify(translations.get(a.slug) ?? {}),
      ],
    );
  }
  const removed = await tx.query<{ slug: string }>(
    'DELETE FROM help_articles WHERE NOT (slug = ANY($1::text[])) RETURNING slug',
    [own.map((a) => a.slug)],
  );
  return { articles: own.length, removed: removed.length };
}
