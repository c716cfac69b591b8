export {
  ContentInvalidError,
  FACT_INTENTS,
  formatContentProblems,
  HELP_TOPICS,
  ORDER_SEED_STATUSES,
  STORE_CONTENT,
  type CatalogRow,
  type ContentArticle,
  type ContentProblem,
  type FactIntent,
  type HelpTopic,
  type OrderSeed,
  type OrderSeedItem,
  type OrderSeedStatus,
  type StoreContent,
  type StoreProfile,
} from './content.types.js';
export { checkStoreContent, loadStoreContent } from './store-content.js';
export { fillStoreFacts } from './store-facts.js';
export { DEFAULT_CONTENT_DIR } from './default-dir.js';
export { IsStoreContentDir } from './content-dir.validator.js';
