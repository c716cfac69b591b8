import { Injectable } from '@nestjs/common';
import { Speller } from '@bookstore/intents';
import { BookstoreRepository, type HelpArticleRow } from '@bookstore/database';

/** The articles change only with a release; a minute-old vocabulary is current enough. */
const TTL_MS = 60_000;

/**
 * Misspelled words of a help question read as the articles' own words before the search
 * ("shiping to austrlia" finds the Australia article): the database matches words as written.
 * Done here rather than by each client, so a client needs no copy of the articles to search.
 */
@Injectable()
export class HelpSpelling {
  private kept?: { at: number; speller: Promise<Speller> };

  constructor(private readonly repo: BookstoreRepository) {}

  async correct(question: string): Promise<string> {
    return (await this.speller()).correct(question);
  }

  private speller(): Promise<Speller> {
    const now = Date.now();
    if (!this.kept || now - this.kept.at > TTL_MS) {
      const speller = this.repo.helpArticles().then(vocabulary);
      const kept = { at: now, speller };
      this.kept = kept;
      // A failed read is not kept: the next search reads the articles again.
      speller.catch(() => {
        if (this.kept === kept) this.kept = undefined;
      });
    }
    return this.kept.speller;
  }
}

function vocabulary(articles: HelpArticleRow[]): Speller {
  return new Speller(articles.flatMap((a) => [a.title, a.answer, a.body, ...a.questions]));
}
