import type { AnswerParts, ChatLanguage, ChatSource } from './chat-response.dto.js';

/** The server-sent events of `POST /chat/stream` and `POST /api/chat/stream`, in order. */
export type ChatStreamEvent =
  | {
      event: 'meta';
      data: { session_id: string; intent: string; source: ChatSource; language: ChatLanguage };
    }
  | { event: 'token'; data: { text: string } }
  | { event: 'done'; data: { response: string; turn?: number } & AnswerParts }
  | { event: 'error'; data: { message: string } };
