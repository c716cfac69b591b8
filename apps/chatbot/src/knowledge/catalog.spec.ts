import type { ProductDto } from '@bookstore/contracts';
import {
  StoreApiClient,
  StoreUnavailableError,
  type CatalogOutcome,
} from '../store-client/store-api.client.js';
import { CatalogIndex } from './catalog.js';

const book = (id: number, title: string): ProductDto =>
  ({ id, title, author: 'Ann Author', category: 'mystery', price: 9.99 }) as ProductDto;

/**
 * A store with one category whose books are `titles`, served whole with an ETag of the titles
 * (304 to the kept copy's); each load can be held back or failed.
 */
class FakeStore {
  loads = 0;
  asked: Array<string | undefined> = [];
  titles = ['The First Copy'];
  next?: Promise<void>;
  fail = false;

  async catalog(etag?: string): Promise<CatalogOutcome> {
    this.loads++;
    this.asked.push(etag);
    await this.next;
    if (this.fail) throw new StoreUnavailableError('store down');
    const current = `"${this.titles.join('|')}"`;
    if (etag === current) return { kind: 'unchanged' };
    return {
      kind: 'catalog',
      etag: current,
      catalog: {
        categories: [{ slug: 'mystery', name: 'Mystery', count: this.titles.length }],
        items: this.titles.map((t, i) => book(i + 1, t)),
      },
    };
  }
}

function held(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const titles = async (catalog: CatalogIndex) => (await catalog.books()).map((b) => b.title);

describe('CatalogIndex', () => {
  let store: FakeStore;
  let catalog: CatalogIndex;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    store = new FakeStore();
    catalog = new CatalogIndex(store as unknown as StoreApiClient);
  });
  afterEach(() => vi.useRealTimers());

  it('loads once for turns that come together', async () => {
    const gate = held();
    store.next = gate.promise;
    const turns = Promise.all([catalog.books(), catalog.categories(), catalog.titlesIn('x')]);
    gate.release();
    await turns;
    expect(store.loads).toBe(1);
  });

  it('answers from the old copy while a refresh runs, then from the new one', async () => {
    expect(await titles(catalog)).toEqual(['The First Copy']);
    vi.advanceTimersByTime(61_000);
    const gate = held();
    store.next = gate.promise;
    store.titles = ['The Second Copy'];
    // The refresh is held back: the turn is answered anyway, from the old copy.
    expect(await titles(catalog)).toEqual(['The First Copy']);
    expect(await titles(catalog)).toEqual(['The First Copy']);
    expect(store.loads).toBe(2);
    gate.release();
    await vi.waitFor(async () => expect(await titles(catalog)).toEqual(['The Second Copy']));
    expect(store.loads).toBe(2);
  });

  it('keeps the old copy when a refresh fails, and asks again ten seconds later', async () => {
    await catalog.books();
    vi.advanceTimersByTime(61_000);
    store.fail = true;
    expect(await titles(catalog)).toEqual(['The First Copy']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.loads).toBe(2);
    expect(await titles(catalog)).toEqual(['The First Copy']);
    expect(store.loads).toBe(2);
    vi.advanceTimersByTime(10_001);
    store.fail = false;
    store.titles = ['The Second Copy'];
    await titles(catalog);
    await vi.waitFor(async () => expect(await titles(catalog)).toEqual(['The Second Copy']));
    expect(store.loads).toBe(3);
  });

  it("asks with the kept copy's ETag, and keeps the copy as indexed when it is current", async () => {
    const first = await catalog.books();
    vi.advanceTimersByTime(61_000);
    await catalog.books();
    await vi.waitFor(() => expect(store.loads).toBe(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.asked).toEqual([undefined, '"The First Copy"']);
    // The 304 kept the very copy: nothing was read or indexed again.
    expect(await catalog.books()).toBe(first);
    expect(store.loads).toBe(2);
  });

  it('fails a first load that fails, and tries again on the next turn', async () => {
    store.fail = true;
    await expect(catalog.books()).rejects.toBeInstanceOf(StoreUnavailableError);
    store.fail = false;
    expect(await titles(catalog)).toEqual(['The First Copy']);
    expect(store.loads).toBe(2);
  });
});
