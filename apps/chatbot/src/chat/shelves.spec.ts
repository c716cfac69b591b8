import { MemorySessionStore } from '@bookstore/sessions';
import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import { ScriptedLlm } from '../../../../test/support/scripted-llm.js';
import type { BookstoreClient, CatalogOutcome } from '../store-client/bookstore.client.js';
import { CatalogIndex } from './catalog.js';
import { DialogueService, type DialogueReply } from './dialogue.service.js';
import { HandoffService } from './handoff.service.js';
import { HelpCenter } from './help-center.js';
import { Shelves } from './shelves.js';

/*
 * #23: the shelves are whatever a store's catalog has, named in shoppers' own words. A small
 * store unlike the demo's: no Mystery, no Fantasy, no Children's Books; ages on some books.
 */
const CATEGORIES: CategoryDto[] = [
  { slug: 'cookbooks', name: 'Cookbooks', count: 3 },
  { slug: 'poetry', name: 'Poetry', count: 3 },
  { slug: 'manga', name: 'Manga', count: 3 },
  { slug: 'graphic-novels', name: 'Graphic Novels', count: 2 },
  { slug: 'early-readers', name: 'Early Readers', count: 3 },
];

let nextId = 1;
const book = (
  category: string,
  title: string,
  author: string,
  description: string,
  extra: Partial<ProductDto> = {},
): ProductDto => ({
  id: nextId++,
  title,
  author,
  category,
  description,
  price: 12,
  rating: 4,
  bestseller: false,
  ...extra,
});

const BOOKS: ProductDto[] = [
  book('cookbooks', 'The Weeknight Kitchen', 'Rosa Lind', 'Quick recipes for busy dinners.'),
  book('cookbooks', 'Bread Every Day', 'Tom Baker', 'Sourdough and rye recipes for home ovens.', {
    bestseller: true,
  }),
  book('cookbooks', 'Vegetables First', 'Ana Ruiz', 'Seasonal recipes from the market.'),
  book('poetry', 'Small Hours', 'Ines Moreau', 'Poems about night, cities and waking.'),
  book('poetry', 'The River Sings', 'Kofi Mensah', 'Poems of water and memory.'),
  book('poetry', 'Salt Songs', 'Mara Quist', 'Sea poems from a fishing village.'),
  book('manga', 'Blade of the Moon', 'Kenji Sato', 'A young samurai on a long road.', {
    age_min: 12,
  }),
  book('manga', 'Cafe Robot', 'Yui Tanaka', 'A robot barista and her regulars.', { age_min: 10 }),
  book('manga', 'Star Courier', 'Yui Tanaka', 'Deliveries between the moons of Saturn.'),
  book('graphic-novels', 'The Lighthouse Diaries', 'Sam Ode', 'A keeper draws the storms.'),
  book('graphic-novels', 'City of Ink', 'Lena Voss', 'A detective in a city drawn in ink.'),
  book('early-readers', 'Pip Goes Out', 'Ada Moss', 'A puppy explores the garden.', {
    age_min: 3,
    age_max: 5,
  }),
  book('early-readers', 'The Bus That Sang', 'Ada Moss', 'A bus that sings its stops.', {
    age_min: 4,
    age_max: 6,
  }),
  book('early-readers', 'Night Owl Counts', 'Ben Fry', 'Counting stars with an owl.', {
    age_min: 6,
    age_max: 8,
  }),
];

describe('Shelves: a catalog’s own shelves in shoppers’ words', () => {
  const shelves = new Shelves(CATEGORIES, BOOKS);
  const slugs = (message: string) =>
    shelves.find(message).map((m) => (m.negated ? `-${m.slug}` : m.slug));

  it.each([
    ['any good cookbooks?', ['cookbooks']],
    ['a cookbook for my dad', ['cookbooks']],
    ['do you have a graphic novel?', ['graphic-novels']],
    ['graphic novels please', ['graphic-novels']],
    ['some poetry', ['poetry']],
    // Related words: the rules know these kinds by other words; the catalog has the shelf.
    ['a book of poems', ['poetry']],
    ['something about baking', ['cookbooks']],
    // Misspelled shelf names.
    ['do you have any mangas', ['manga']],
    ['cookbok recommendations', ['cookbooks']],
    // What the books themselves are described as, on one shelf only.
    ['I want new recipes', ['cookbooks']],
    // Ruled out.
    ['anything except manga', ['-manga']],
    ['no poetry or cookbooks', ['-poetry', '-cookbooks']],
  ])('%s -> %j', (message, expected) => {
    expect(slugs(message)).toEqual(expected);
  });

  it('names a kind this store has no shelf of by the shopper’s word, without a shelf', () => {
    expect(shelves.find('any horror?')).toEqual([
      { slug: undefined, word: 'horror', negated: false },
    ]);
    expect(shelves.find('some mysteries')).toEqual([
      { slug: undefined, word: 'mysteries', negated: false },
    ]);
  });

  it('finds the shelf a kind the rules know maps to, or none', () => {
    expect(shelves.resolve('poetry')).toBe('poetry');
    expect(shelves.resolve('cooking')).toBe('cookbooks');
    expect(['manga', 'graphic-novels']).toContain(shelves.resolve('comics'));
    expect(shelves.resolve('fantasy')).toBeUndefined();
  });
});

describe('DialogueService on a store unlike the demo’s', () => {
  const served: CatalogOutcome = {
    kind: 'catalog',
    etag: '"small"',
    catalog: { categories: CATEGORIES, items: BOOKS },
  };
  const store = new Proxy(
    {},
    {
      get: (_t, name: string) => () =>
        Promise.resolve(name === 'catalog' ? served : name === 'helpSearch' ? [] : []),
    },
  ) as BookstoreClient;
  const dialogue = new DialogueService(
    store,
    new CatalogIndex(store),
    new HelpCenter(store),
    new HandoffService(
      store,
      new ScriptedLlm('none', []),
      new MemorySessionStore({ prefix: 'shelves:', maxTurns: 20, ttlSeconds: 60 }),
    ),
  );
  const ask = (message: string, state = {}): Promise<DialogueReply> =>
    dialogue.respond(message, state, { sessionId: 'shelves-spec' });
  const titles = (reply: DialogueReply) => (reply.parts?.books ?? []).map((b) => b.title);
  const shelvesOf = (reply: DialogueReply) =>
    [...new Set((reply.parts?.books ?? []).map((b) => b.category))].sort();

  it('lists a shelf named in the singular, and says its name', async () => {
    const reply = await ask('recommend a graphic novel');
    expect(shelvesOf(reply)).toEqual(['graphic-novels']);
    expect(reply.response).toContain('Graphic Novels');
  });

  it('lists the shelf a related word names', async () => {
    expect(shelvesOf(await ask('can you recommend some poems?'))).toEqual(['poetry']);
    expect(shelvesOf(await ask('any good baking books?'))).toEqual(['cookbooks']);
  });

  it('leaves out a shelf the shopper rules out', async () => {
    const reply = await ask('recommend something, no manga or poetry');
    expect(reply.parts?.books?.length).toBeGreaterThan(0);
    expect(shelvesOf(reply)).not.toContain('manga');
    expect(shelvesOf(reply)).not.toContain('poetry');
  });

  it('answers a reader’s age with the books the catalog gives for it', async () => {
    expect(titles(await ask('a book for my 4 year old'))).toEqual(
      expect.arrayContaining(['Pip Goes Out', 'The Bus That Sang']),
    );
    expect(titles(await ask('a book for my 4 year old'))).not.toContain('Night Owl Counts');
    expect(titles(await ask('something for my 7 year old'))).toEqual(['Night Owl Counts']);
    expect(titles(await ask('manga for my 11 year old'))).toEqual(['Cafe Robot']);
  });

  it('finds an author, something like a title, and more of the same', async () => {
    expect(titles(await ask('anything by Yui Tanaka?')).sort()).toEqual([
      'Cafe Robot',
      'Star Courier',
    ]);
    const like = await ask('something like Small Hours');
    expect(shelvesOf(like)).toEqual(['poetry']);
    expect(titles(like)).not.toContain('Small Hours');
    const first = await ask('recommend a cookbook');
    expect(shelvesOf(first)).toEqual(['cookbooks']);
    const state = 'set' in first.state ? first.state.set : {};
    const more = await ask('more', state);
    for (const title of titles(more)) expect(titles(first)).not.toContain(title);
  });

  it('says which shelves it has when asked for one it has not', async () => {
    const reply = await ask('recommend a horror novel');
    expect(reply.response).toMatch(/horror/);
    expect(reply.response).toContain('Cookbooks, Poetry, Manga, Graphic Novels, Early Readers');
  });
});
