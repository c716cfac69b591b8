export {
  ChatRequest,
  MESSAGE_MAX_LENGTH,
  SESSION_ID_MESSAGE,
  SESSION_ID_PATTERN,
} from './chat-request.dto.js';
export {
  BookCard,
  CHAT_LANGUAGES,
  CHAT_SOURCES,
  type ChatLanguage,
  ChatLink,
  ChatResponse,
  type AnswerParts,
  type ChatSource,
} from './chat-response.dto.js';
export { ErrorBody } from './error-body.dto.js';
export {
  FEEDBACK_RATINGS,
  FeedbackRequest,
  HistoryResponse,
  RATINGS,
  SessionIdParam,
  SessionQuery,
  TurnDto,
  TurnFeedback,
  type FeedbackRating,
  type Rating,
} from './session.dto.js';
export {
  CategoriesResponse,
  CatalogResponse,
  CategoryDto,
  ORDER_ID_PATTERN,
  ORDER_STATUSES,
  OrderDetailsResponse,
  OrderIdParam,
  OrderItemDto,
  OrderStatusResponse,
  ProductDto,
  ProductsQuery,
  type ProductSearch,
  ProductsResponse,
  VerifyOrderRequest,
  type OrderStatusName,
} from './store.dto.js';
export type { ChatStreamEvent } from './chat-stream.js';
export {
  CreateSupportRequest,
  SUPPORT_NOTE_MAX_LENGTH,
  SUPPORT_PROBLEM_MAX_LENGTH,
  SUPPORT_REASONS,
  SUPPORT_REFERENCE_PATTERN,
  SUPPORT_STATUSES,
  SupportReferenceParam,
  SupportRequestCreated,
  SupportTranscriptTurn,
  transcriptTurn,
  SUPPORT_TRANSCRIPT_MAX_TURNS,
  SupportRequestDto,
  SupportRequestsQuery,
  SupportRequestsResponse,
  UpdateSupportRequest,
  type SupportReason,
  type SupportStatus,
} from './support.dto.js';
export {
  HelpArticleDto,
  HelpArticlesResponse,
  HelpMatchDto,
  HelpSearchQuery,
  HelpSearchResponse,
  HelpTranslationDto,
} from './help.dto.js';
export {
  DESK_ITEM_KINDS,
  DESK_REPLY_MAX_LENGTH,
  DeskGroupDone,
  DeskReply,
  DeskSignIn,
  type DeskItemKindName,
} from './desk.dto.js';
export { StoreProfileResponse } from './store-profile.dto.js';
