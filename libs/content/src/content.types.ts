/** The topics the help center groups its articles under. */
export const HELP_TOPICS = ['shipping', 'returns', 'payment', 'order_status', 'help'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** The canned intents whose answer is one article's answer (the article marks it with `intent:`). */
export const FACT_INTENTS = ['shipping', 'returns', 'payment'] as const;
export type FactIntent = (typeof FACT_INTENTS)[number];

export const ORDER_SEED_STATUSES = [
  'processing',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
] as const;
export type OrderSeedStatus = (typeof ORDER_SEED_STATUSES)[number];

/** Nest injection token for the loaded StoreContent. */
export const STORE_CONTENT = 'STORE_CONTENT';

export interface StoreProfile {
  name: string;
  supportEmail: string;
  /** Per language code. */
  supportHours: Record<string, string>;
  /** ISO 4217. */
  currency: string;
  /** The first is the default. */
  languages: string[];
  defaultLanguage: string;
  /** Per language code, e.g. "1 business day". */
  answerWithin: Record<string, string>;
}

export interface ContentArticle {
  slug: string;
  language: string;
  title: string;
  topic: HelpTopic;
  questions: string[];
  answer: string;
  intent?: FactIntent;
  /** The help center's full text (Markdown). */
  body: string;
}

export interface CatalogRow {
  title: string;
  author: string;
  /** The shelf's display name, e.g. "Graphic Novels". */
  category: string;
  price: number;
  description: string;
  rating: number | null;
  bestseller: boolean;
  isbn?: string;
  ageMin?: number;
  ageMax?: number;
}

/** A book of a demo order: by isbn, else by title. */
export interface OrderSeedItem {
  isbn?: string;
  title?: string;
  quantity: number;
  unitPrice: number;
}

export interface OrderSeed {
  id: string;
  status: OrderSeedStatus;
  customerEmail: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** YYYY-MM-DD. */
  estimatedDelivery: string | null;
  createdAt: string;
  updatedAt: string;
  items: OrderSeedItem[];
}

export interface StoreContent {
  dir: string;
  profile: StoreProfile;
  articles: ContentArticle[];
  catalog: CatalogRow[];
  orders: OrderSeed[] | undefined;
}

/** One thing wrong with a content folder; `file` is relative to the folder, `line` starts at 1. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

/** `file:line: message`, the path joined to the folder, one problem a line. */
export function formatContentProblems(dir: string, problems: readonly ContentProblem[]): string {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return problems.map((p) => `${base}${p.file}:${p.line}: ${p.message}`).join('\n');
}

export class ContentInvalidError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly ContentProblem[],
  ) {
    super(
      `The store content in ${dir} has ${problems.length} problem(s):\n` +
        formatContentProblems(dir, problems),
    );
    this.name = 'ContentInvalidError';
  }
}
