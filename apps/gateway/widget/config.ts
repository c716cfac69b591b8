/** The widget's fixed numbers. Nothing here is a fact about the store (those come from /api/store). */
export const STORAGE_KEY = 'bsc.session_id';
// Same rule the API validates with; a bad stored id would make every request fail.
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const MAX_MESSAGE_LENGTH = 2000;
export const CHAT_TIMEOUT_MS = 35000;
export const HISTORY_TIMEOUT_MS = 10000;
export const FEEDBACK_TIMEOUT_MS = 10000;
export const FEEDBACK_ERROR_MS = 4000;
export const SUPPORT_TIMEOUT_MS = 15000;
export const STORE_FACTS_TIMEOUT_MS = 8000;
export const INPUT_MAX_HEIGHT_PX = 120;
// How many quick replies, cards and links one answer may show.
export const MAX_SUGGESTIONS = 6;
export const MAX_BOOKS = 6;
export const MAX_LINKS = 5;
// Below this width the window covers the page, so following a link to the page closes it.
export const PHONE_QUERY = '(max-width: 480px)';
// Pixels from the bottom within which a growing answer keeps the conversation scrolled down.
export const STICKY_SCROLL_PX = 48;
// Space kept above an answer scrolled to its start, so the question before it peeks in.
export const ANSWER_TOP_GAP_PX = 12;
// Where the window's "Help center" link leads, on the gateway's store page.
export const HELP_CENTER_PATH = '/#help';
// Never leave the launcher hidden because the stylesheet is slow.
export const STYLES_TIMEOUT_MS = 4000;
