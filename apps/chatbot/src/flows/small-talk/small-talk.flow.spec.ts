import { text, understand } from '@bookstore/intents';
import { SmallTalkFlow } from './small-talk.flow.js';

const talk = new SmallTalkFlow();
const part = (message: string, language?: 'fr') => understand(message, { language }).parts[0];

describe('SmallTalkFlow', () => {
  it('greets with the starter quick replies, in the conversation’s language', () => {
    const reply = talk.answer(part('Hello'), {});
    expect(reply?.intent).toBe('greeting');
    expect(reply?.parts?.suggestions).toHaveLength(4);
    const fr = talk.answer(part('Bonjour', 'fr'), { language: 'fr' });
    expect(fr?.parts?.suggestions?.[0]).toBe(text('fr', 'suggest.track'));
  });

  it('points a frustrated shopper to the support team', () => {
    const reply = talk.answer(part('this is useless, you are terrible'), {});
    expect(reply?.intent).toBe('frustrated');
    expect(reply?.parts?.links?.[0].url).toMatch(/^mailto:/);
  });

  it('offers the starters after gibberish', () => {
    const reply = talk.answer(part('asdfgh qwerty'), {});
    expect(reply?.intent).toBe('gibberish');
    expect(reply?.parts?.suggestions).toHaveLength(4);
  });

  it('forgets a pending question on goodbye, keeps it on thanks', () => {
    const bye = talk.answer(part('bye'), { pending: 'order_number', orderId: '123456' });
    expect(bye?.state).toEqual({ set: { orderId: '123456' } });
    const thanks = talk.answer(part('thanks'), { pending: 'order_number' });
    expect(thanks?.state).toEqual({ set: { pending: 'order_number' } });
  });

  it('leaves anything else to the other flows', () => {
    expect(talk.answer(part('where is my order?'), {})).toBeUndefined();
  });
});
