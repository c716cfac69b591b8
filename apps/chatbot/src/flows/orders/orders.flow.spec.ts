import { text, understand } from '@bookstore/intents';
import { ORDER, OWNER, storeDouble } from '../../../test/store-double.js';
import type { Reply } from '../../dialogue/reply.js';
import { DEMO } from '../../../../../test/support/content.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import { readState, type DialogueState } from '../../dialogue/state.js';
import { HelpCenter } from '../../knowledge/help-center.js';
import { OrdersFlow } from './orders.flow.js';

function flow() {
  const store = storeDouble();
  return {
    store,
    orders: new OrdersFlow(store.client, new HelpCenter(store.client), new StoreFacts(DEMO)),
  };
}

const part = (message: string, state: DialogueState = {}) =>
  understand(message, { awaitingOrderNumber: state.pending === 'order_number' }).parts[0];
const stateAfter = (reply: Reply | undefined): DialogueState =>
  reply && 'set' in reply.state ? readState(reply.state.set) : {};

describe('OrdersFlow.take: what a message asks of an order by its own words', () => {
  it('looks an order up by its number', async () => {
    const { orders } = flow();
    const reply = await orders.take(part('where is order 123456?'), {}, { sessionId: 's' });
    expect(reply?.intent).toBe('order_status');
    expect(reply?.response).toContain('#123456');
    expect(stateAfter(reply)).toEqual({ orderId: '123456' });
  });

  it('says so when no order has the number, and asks for it again', async () => {
    const { orders } = flow();
    const reply = await orders.take(part('where is order 654321?'), {}, { sessionId: 's' });
    expect(reply?.response).toBe(text('en', 'order.not_found', { orderId: '654321' }));
    expect(stateAfter(reply).pending).toBe('order_number');
  });

  it('asks for the email before tracking details, and shows them once it matches', async () => {
    const { orders } = flow();
    const asked = await orders.take(
      part('tracking number please'),
      { orderId: '123456' },
      {
        sessionId: 's',
      },
    );
    expect(asked?.response).toBe(text('en', 'order.ask_email', { orderId: '123456' }));
    const state = stateAfter(asked);
    expect(state.pending).toBe('order_email');
    const shown = await orders.take(part(OWNER), state, { sessionId: 's' });
    expect(shown?.response).toContain(ORDER.tracking_number!);
    expect(shown?.parts?.links?.[0].url).toContain('ups.com');
    expect(stateAfter(shown).verified?.[0].orderId).toBe('123456');
  });

  it('shows nothing to someone else’s email', async () => {
    const { orders } = flow();
    const state: DialogueState = { orderId: '123456', pending: 'order_email' };
    const reply = await orders.take(part('bob@example.com'), state, { sessionId: 's' });
    expect(reply?.response).toBe(text('en', 'order.email_no_match', { orderId: '123456' }));
    expect(reply?.response).not.toContain(ORDER.tracking_number!);
  });

  it('asks for the number to cancel an order the conversation has not named', async () => {
    const { orders } = flow();
    const reply = await orders.take(part('I want to cancel my order'), {}, { sessionId: 's' });
    expect(reply?.response).toBe(text('en', 'order.cancel_ask_number'));
    expect(stateAfter(reply).pending).toBe('order_number');
  });

  it('reads a number of the wrong length as a mistyped order number when one was asked', async () => {
    const { orders } = flow();
    const state: DialogueState = { pending: 'order_number' };
    const reply = await orders.take(part('12345', state), state, { sessionId: 's' });
    expect(reply?.response).toBe(text('en', 'order.wrong_length', { digits: '12345' }));
  });

  it('answers "look it up by my email" with the article on why orders go by number', async () => {
    const { orders } = flow();
    const reply = await orders.take(
      part('can you find my order by my email?'),
      {},
      {
        sessionId: 's',
      },
    );
    expect(reply?.response).toBe('Orders are found by their number only.');
  });

  it('leaves a message about no order to the other flows', async () => {
    const { orders } = flow();
    expect(
      await orders.take(part('do you have mysteries?'), {}, { sessionId: 's' }),
    ).toBeUndefined();
  });

  it('tells the shopper the store did not answer, and keeps the question open', async () => {
    const { orders, store } = flow();
    store.down = true;
    const reply = await orders.take(part('where is order 123456?'), {}, { sessionId: 's' });
    expect(reply?.response).toBe(text('en', 'order.store_down'));
    expect(stateAfter(reply)).toEqual({ orderId: '123456', pending: 'order_number' });
  });
});

describe('OrdersFlow.question: an order question without a number', () => {
  it('answers a late parcel with its article and asks for the number', async () => {
    const { orders } = flow();
    const reply = await orders.question(part('my package is late'), {});
    expect(reply.response).toBe(
      `A late parcel is traced with the carrier. ${text('en', 'order.ask_number')}`,
    );
    expect(stateAfter(reply).pending).toBe('order_number');
  });

  it('tells where the order number is', async () => {
    const { orders } = flow();
    const reply = await orders.question(part('where do I find my order number?'), {});
    expect(reply.response).toBe('Your order number is in the confirmation email.');
  });

  it('asks for the number otherwise', async () => {
    const { orders } = flow();
    const reply = await orders.question(part('where is my order?'), {});
    expect(reply.response).toBe(text('en', 'order_status'));
  });
});
