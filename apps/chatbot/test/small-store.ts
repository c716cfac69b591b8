import type { CategoryDto, ProductDto } from '@bookstore/contracts';
import type { StoreApiClient, CatalogOutcome } from '../src/store-client/store-api.client.js';

/*
 * #23: the shelves are whatever a store's catalog has, named in shoppers' own words. A small
 * store unlike the demo's: no Mystery, no Fantasy, no Children's Books; ages on some books.
 */
export const CATEGORIES: CategoryDto[] = [
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

export const BOOKS: ProductDto[] = [
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

/** A store client that serves this catalog (and nothing else: no help articles, no orders). */
export function smallStore(): StoreApiClient {
  const served: CatalogOutcome = {
    kind: 'catalog',
    etag: '"small"',
    catalog: { categories: CATEGORIES, items: BOOKS },
  };
  return new Proxy(
    {},
    { get: (_t, name: string) => () => Promise.resolve(name === 'catalog' ? served : []) },
  ) as StoreApiClient;
}
