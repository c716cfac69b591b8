import type { HelpMatchDto } from '@bookstore/contracts';
import { askedMeasure, contentWords } from '@bookstore/intents';

// How much better another topic's article must rank to answer instead of the topic's own.
const OUTRANK = 1.25;

/**
 * Whether an article's text holds every word of the question ("send it back": its answer says "no
 * need to send it back"; "ship to Brazil?" has a word it does not); a question of function words
 * only ("what do I do?") asks about it too.
 */
export function covers(article: HelpMatchDto, question: string): boolean {
  const words = new Set(
    contentWords([article.title, article.answer, article.body, ...article.questions].join(' ')),
  );
  return contentWords(question).every((w) => words.has(w));
}

/** Whether the article has the measure a vague question asks: a number of days, or a price. */
export function saysHowMuch(article: HelpMatchDto, question: string): boolean {
  const said = `${article.answer} ${article.body}`;
  const measure = askedMeasure(question);
  if (measure === 'time') return /\d\s*(business\s+)?(days?|hours?)\b/i.test(said);
  if (measure === 'amount') return /\$\s?\d/.test(said);
  return true;
}

/** Whether a confident article clearly beats the one its topic would give (or there is none). */
export function outranks(
  article: HelpMatchDto | undefined,
  than: HelpMatchDto | undefined,
): boolean {
  if (!article) return false;
  return !than || (article.slug !== than.slug && article.score > than.score * OUTRANK);
}
