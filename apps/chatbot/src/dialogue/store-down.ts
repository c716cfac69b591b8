import { text } from '@bookstore/intents';
import { StoreUnavailableError } from '../store-client/store-api.client.js';
import { languageOf, reply, type Reply } from './reply.js';
import type { DialogueState } from './state.js';

/**
 * The one place where "the store did not answer" becomes the shopper's answer: `work` asks the
 * store; when the store is down (and only then) the answer is `instead`'s. Anything else fails the
 * turn as it would have.
 */
export async function unlessStoreDown<T>(
  work: () => Promise<T>,
  instead: () => T | Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    return instead();
  }
}

/** An order question the store could not answer: say so, and keep what was asked. */
export function orderStoreDown(next: DialogueState): Reply {
  return reply(text(languageOf(next), 'order.store_down'), 'order_status', next);
}

/** The English sentence, for what checks it by name (the fault tests). */
export const STORE_DOWN = text('en', 'order.store_down');
