import {
  FACT_INTENTS,
  HELP_TOPICS,
  type ContentArticle,
  type ContentProblem,
  type FactIntent,
  type HelpTopic,
} from './content.types.js';
import { YamlFields } from './yaml-fields.js';

const SLUG = /^[a-z0-9-]{1,60}$/;

export interface ArticleFile {
  /** Relative to the content folder: help/<lang>/<name>.md */
  file: string;
  language: string;
  /** The file's name without .md: the slug unless the front matter names one. */
  name: string;
  text: string;
}

/** One help/<lang>/<slug>.md: YAML front matter between `---` lines, then the Markdown body. */
export function readArticle(
  source: ArticleFile,
  defaultLanguage: string | undefined,
  problems: ContentProblem[],
): { article: ContentArticle; order: number } | undefined {
  const { file, language } = source;
  const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (!/^---\s*$/.test(lines[0] ?? '') || end < 0) {
    problems.push({
      file,
      line: 1,
      message:
        'missing front matter: the file must start with a --- line, the keys, and a --- line',
    });
    return undefined;
  }
  const before = problems.length;
  const y = new YamlFields(file, lines.slice(1, end).join('\n'), problems, 2, 'the front matter');
  if (!y.ok) return undefined;
  const slug = y.string('slug', false) ?? { value: source.name, line: 1 };
  if (!SLUG.test(slug.value)) {
    y.problem(slug.line, `bad slug "${slug.value}": use a-z, 0-9 and -, at most 60 characters`);
  }
  const title = y.string('title');
  const topic = y.string('topic');
  if (topic && !(HELP_TOPICS as readonly string[]).includes(topic.value)) {
    y.problem(topic.line, `unknown topic "${topic.value}": use one of ${HELP_TOPICS.join(', ')}`);
  }
  // Shoppers' phrasings are searched in the default language; a translation may leave them out.
  const questions = y.strings('questions', language === defaultLanguage);
  const answer = y.string('answer');
  const intent = y.string('intent', false);
  if (intent && !(FACT_INTENTS as readonly string[]).includes(intent.value)) {
    y.problem(
      intent.line,
      `unknown intent "${intent.value}": use one of ${FACT_INTENTS.join(', ')}, or leave it out`,
    );
  }
  const order = y.string('order', false);
  if (order && !Number.isFinite(Number(order.value))) {
    y.problem(order.line, `order must be a number (the article's place in the help center)`);
  }
  const body = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  if (problems.length > before || !title || !topic || !answer) return undefined;
  const article: ContentArticle = {
    slug: slug.value,
    language,
    title: title.value,
    topic: topic.value as HelpTopic,
    questions: questions?.value ?? [],
    answer: answer.value,
    ...(intent ? { intent: intent.value as FactIntent } : {}),
    body: body === '' ? answer.value : body,
  };
  return { article, order: order ? Number(order.value) : Number.MAX_SAFE_INTEGER };
}

/** Where a front-matter key is, for problems found across files (duplicates). */
export function keyLine(source: ArticleFile, key: string): number {
  const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = lines.findIndex((l, i) => i > 0 && new RegExp(`^${key}\\s*:`).test(l));
  return at < 0 ? 1 : at + 1;
}
