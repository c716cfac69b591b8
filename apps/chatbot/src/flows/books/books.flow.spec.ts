import { text, understand } from '@bookstore/intents';
import { storeDouble } from '../../../test/store-double.js';
import { CatalogIndex } from '../../knowledge/catalog.js';
import { DEMO } from '../../../../../test/support/content.js';
import { StoreFacts } from '../../dialogue/store-facts.js';
import { BooksFlow } from './books.flow.js';

function flow() {
  const store = storeDouble();
  return { store, books: new BooksFlow(new CatalogIndex(store.client), new StoreFacts(DEMO)) };
}
const part = (message: string) => understand(message).parts[0];
const titles = (response: string | undefined) =>
  (response ?? '').split('\n').filter((l) => l.startsWith('•'));

describe('BooksFlow', () => {
  it('lists a shelf the shopper names, and continues it on "more"', async () => {
    const { books } = flow();
    const first = await books.recommend(part('recommend some mystery books'), {});
    expect(first.response).toContain('The Quiet Harbor');
    expect(first.parts?.books?.map((b) => b.category)).toEqual(['mystery', 'mystery']);
    const state = 'set' in first.state ? (first.state.set as never) : {};
    const more = await books.answer(part('any more?'), state);
    expect(more?.response).toBe(text('en', 'books.none_left'));
  });

  it('recommends bestsellers when no shelf is named', async () => {
    const { books } = flow();
    const reply = await books.recommend(part('what should I read?'), {});
    expect(titles(reply.response)).toHaveLength(2);
    expect(
      reply.parts?.books?.every((b) => ['mystery', 'science-fiction'].includes(b.category)),
    ).toBe(true);
  });

  it('says which shelves there are when the one asked is not a shelf of the store', async () => {
    const { books } = flow();
    const reply = await books.recommend(part('do you have any manga?'), {});
    expect(reply.response).toContain("We don't have a manga section");
  });

  it('names a book the shopper asks about by its title', async () => {
    const { books } = flow();
    const reply = await books.answer(part('do you have Stars Beyond in stock?'), {});
    expect(reply?.response).toContain('Yes, we have Stars Beyond');
  });

  it('leaves a message that is not about books to the other flows', async () => {
    const { books } = flow();
    expect(await books.answer(part('do you gift wrap?'), {})).toBeUndefined();
  });

  it('gives the plan’s sentence for a request when the store does not answer', async () => {
    const { books, store } = flow();
    store.down = true;
    const reply = await books.recommend(part('recommend a mystery'), {});
    expect(reply.response).toBe(text('en', 'recommendation'));
    expect(await books.answer(part('do you gift wrap?'), {})).toBeUndefined();
  });
});
