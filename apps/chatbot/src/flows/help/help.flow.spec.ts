import { text, understand } from '@bookstore/intents';
import { storeDouble } from '../../../test/store-double.js';
import { readState } from '../../dialogue/state.js';
import { HelpCenter } from '../../knowledge/help-center.js';
import { HelpFlow } from './help.flow.js';

function flow() {
  const store = storeDouble();
  return { store, help: new HelpFlow(new HelpCenter(store.client)) };
}
const part = (message: string) => understand(message).parts[0];

describe('HelpFlow', () => {
  it('answers the plan’s topic questions with the canned sentence', async () => {
    const { help } = flow();
    const reply = await help.answerTopic(part('Shipping time'), 'shipping', {});
    expect(reply.response).toBe(text('en', 'shipping'));
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

  it('still answers when the store does not: the canned sentence, then "not sure"', async () => {
    const { help, store } = flow();
    store.down = true;
    const topic = await help.answerTopic(part('How do I return a book I bought?'), 'returns', {});
    expect(topic.response).toBe(text('en', 'returns'));
    const unknown = await help.unknown(part('do you do gift wrapping?'), {});
    expect(unknown.source).toBe('fallback');
  });
});
