import { HELP_ARTICLES, helpArticle } from '../support/content.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { json } from '../support/http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

// Questions no intent rule decides: the LLM answers them, grounded in the matching article.
const QUESTIONS: Array<[string, string]> = [
  ['do you offer gift wrapping?', 'gift-wrapping'],
  ['Do you price match?', 'price-matching'],
  ['can I come to your shop and browse?', 'online-only'],
  ['are there audiobooks too?', 'printed-books-only'],
  ['I forgot my password', 'password-reset'],
  ['is there a discount if I sign up for the newsletter?', 'newsletter'],
  ['can I pre-order an upcoming release?', 'pre-orders'],
];

const article = (slug: string) => HELP_ARTICLES.find((a) => a.slug === slug)!;

let fake: FakeOpenAi;
let system: RunningSystem;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  system = await startSystem({ chatbot: { LLM_BACKEND: 'ollama', OLLAMA_URL: fake.url } });
});
afterAll(async () => {
  await system?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  fake.set({ reply: 'A grounded answer.' });
});

function systemMessage(): string {
  const calls = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  expect(calls).toHaveLength(1);
  const first = calls[0].body!.messages![0];
  expect(first.role).toBe('system');
  return first.content;
}

describe('the LLM gets the matching help articles in its system message', () => {
  it.each(QUESTIONS)('%j carries the %s article', async (question, slug) => {
    const res = await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: question });
    expect(res.body).toMatchObject({ response: 'A grounded answer.', source: 'llm' });
    const prompt = systemMessage();
    expect(prompt).toContain(article(slug).body);
    // A few articles, never the whole help center.
    const included = HELP_ARTICLES.filter((a) => prompt.includes(a.body));
    expect(included.length).toBeGreaterThanOrEqual(1);
    expect(included.length).toBeLessThanOrEqual(3);
  });

  it('sends no article for a question none matches', async () => {
    await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: 'who plays Han Solo?' });
    const prompt = systemMessage();
    expect(prompt).not.toContain('Help-center articles');
    for (const a of HELP_ARTICLES) expect(prompt).not.toContain(`- ${a.title}: ${a.body}`);
  });
});

describe('the LLM in the conversation language (#16)', () => {
  it('is told to answer in French, and given the article in French', async () => {
    const res = await json(`${system.gatewayUrl}/api/chat`, 'POST', {
      message: 'Est-ce que je peux venir dans votre magasin pour feuilleter les livres ?',
    });
    expect(res.body).toMatchObject({ source: 'llm', language: 'fr' });
    const prompt = systemMessage();
    expect(prompt).toContain('always answer in French');
    const own = helpArticle('online-only', 'fr');
    expect(prompt).toContain(`- ${own.title}: ${own.answer}`);
    expect(prompt).not.toContain(article('online-only').body);
  });

  it('tells it nothing about language in an English conversation', async () => {
    await json(`${system.gatewayUrl}/api/chat`, 'POST', { message: 'do you offer gift wrapping?' });
    expect(systemMessage()).not.toMatch(/always answer in/);
  });
});
