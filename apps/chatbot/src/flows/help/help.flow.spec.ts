import { text, understand } from '@bookstore/intents';
import { storeDouble } from '../../../test/store-double.js';
import { DEMO, demoFact as fact } from '../../../../../test/support/content.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import { readState } from '../../dialogue/state.js';
import { HelpCenter } from '../../knowledge/help-center.js';
import { HelpFlow } from './help.flow.js';

function flow() {
  const store = storeDouble();
  return { store, help: new HelpFlow(new HelpCenter(store.client), new StoreFacts(DEMO)) };
}
const part = (message: string) => understand(message).parts[0];

describe('HelpFlow', () => {
  it('answers the plan’s topic questions with the store’s fact', async () => {
    const { help } = flow();
    const reply = await help.answerTopic(part('Shipping time'), 'shipping', {});
    expect(reply.response).toBe(fact('shipping'));
    expect(reply.state).toEqual({ set: { topic: 'shipping' } });
  });

  it('answers a damaged book with its article, in the returns topic', async () => {
    const { help } = flow();
    const reply = await help.returnCase(part('the book arrived damaged, the cover is torn'), {});
    expect(reply?.response).toBe('Send us a photo; nothing needs to go back.');
    expect(readState('set' in reply!.state ? reply!.state.set : null).topic).toBe('returns');
  });

  it('answers the shopper’s own wrong choice with the exchange article', async () => {
    const { help } = flow();
    const reply = await help.returnCase(part('I ordered the wrong book by mistake'), {});
    expect(reply?.response).toBe('An exchange goes through a return.');
  });

  it('finds an article for a question no rule knew, for the LLM to answer from', async () => {
    const { help } = flow();
    const reply = await help.unknown(part('do you do gift wrapping?'), {});
    expect(reply.response).toBe('We do not wrap gifts.');
    expect(reply.open).toBe(true);
  });

  it('says it is not sure, with the starters and the support link, when nothing answers', async () => {
    const { help } = flow();
    const reply = await help.unknown(part('what is the capital of mongolia'), {});
    expect(reply.source).toBe('fallback');
    expect(reply.response).toBe(text('en', 'help'));
    expect(reply.parts?.suggestions).toHaveLength(4);
    expect(reply.open).toBe(true);
  });

  it('still answers when the store does not: the store’s fact, then "not sure"', async () => {
    const { help, store } = flow();
    store.down = true;
    const topic = await help.answerTopic(part('How do I return a book I bought?'), 'returns', {});
    expect(topic.response).toBe(fact('returns'));
    const unknown = await help.unknown(part('do you do gift wrapping?'), {});
    expect(unknown.source).toBe('fallback');
  });
});

describe('HelpFlow and the store’s own facts', () => {
  it('answers a topic with its intent article, in the shopper’s language', async () => {
    const { help } = flow();
    const reply = await help.answerTopic(understand('Shipping time').parts[0], 'shipping', {});
    const article = DEMO.articles.find((a) => a.intent === 'shipping' && a.language === 'en');
    expect(reply.response).toBe(article?.answer);
  });

  it('answers from the default language’s article, and says so, when the language has none', async () => {
    const store = storeDouble();
    const content = {
      ...DEMO,
      articles: DEMO.articles.filter((a) => !(a.language === 'es' && a.intent === 'shipping')),
    };
    const help = new HelpFlow(new HelpCenter(store.client), new StoreFacts(content));
    const heard = understand('envío', { language: 'es' });
    const reply = await help.answerTopic(heard.parts[0], 'shipping', { language: 'es' });
    const english = DEMO.articles.find((a) => a.intent === 'shipping' && a.language === 'en');
    expect(reply.response).toBe(`${english?.answer} ${text('es', 'help.default_language')}`);
  });

  it('fills the store’s name and address into what the shopper is told', () => {
    const facts = new StoreFacts({
      ...DEMO,
      profile: { ...DEMO.profile, name: 'Corner Books', supportEmail: 'help@corner.example' },
    });
    const filled = facts.fill(
      {
        response: 'Write to {support_email} at {store_name}.',
        intent: 'fallback',
        source: 'fallback',
        state: { clear: true },
        parts: { links: [{ label: 'Email', url: 'mailto:{support_email}' }] },
      },
      'en',
    );
    expect(filled.response).toBe('Write to help@corner.example at Corner Books.');
    expect(filled.parts?.links?.[0].url).toBe('mailto:help@corner.example');
  });
});
