export { DatabaseReadiness } from './bookstore.health.js';
export {
  BookstoreModule,
  openDatabase,
  openStore,
  type BookstoreModuleAsyncOptions,
  type BookstoreModuleOptions,
} from './bookstore.module.js';
export {
  BookstoreRepository,
  DatabaseUnavailableError,
  type AttemptLimit,
  type AttemptReservation,
  type BookRow,
  type CategoryRow,
  type HelpArticleRow,
  type HelpMatchRow,
  type OrderDetailsRow,
  type OrderStatus,
  type OrderStatusRow,
} from './bookstore.repository.js';
export { Database } from './database.js';
export {
  DeskRepository,
  DeskStoreError,
  type ClaimedReply,
  type DeskAgentRow,
  type DeskGroupRow,
  type DeskItemKind,
  type DeskReplyRow,
  type DeskSessionAgent,
  type NewDeskItem,
} from './desk.repository.js';
export { likenessKey, maskPersonalData } from './personal-data.js';
export {
  SupportRequestsRepository,
  SupportStoreError,
  type ClaimedRequest,
  type NewSupportRequest,
  type SupportDelivery,
  type SupportLimits,
  type SupportRequestRow,
  type TranscriptTurn,
} from './support-requests.repository.js';
export { categorySlug } from './catalog.sync.js';
export { syncStoreContent, type ContentSyncReport } from './store-content.sync.js';
