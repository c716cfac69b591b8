export { ChatRequest, MESSAGE_MAX_LENGTH, SESSION_ID_PATTERN } from './chat-request.dto.js';
export { CHAT_SOURCES, ChatResponse, type ChatSource } from './chat-response.dto.js';
export { ErrorBody } from './error-body.dto.js';
