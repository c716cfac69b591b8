import { transcriptTurn } from '@bookstore/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { TranscriptTurn } from '@bookstore/database';
import { ChatbotClient } from '../chat-proxy/chatbot.client.js';

const MAX_TRANSCRIPT_TURNS = 100;

/**
 * Reads a conversation's turns from the chatbot's own history (never from the caller). Null when
 * the chatbot cannot be read (down, failing, slow): that is not an empty conversation, and the
 * request's delivery reads it again.
 */
@Injectable()
export class SupportTranscript {
  private readonly logger = new Logger(SupportTranscript.name);

  constructor(private readonly chatbot: ChatbotClient) {}

  async read(sessionId: string): Promise<TranscriptTurn[] | null> {
    try {
      const reply = await this.chatbot.send(`/sessions/${sessionId}/history`, 'GET');
      const turns = (reply.body as { turns?: unknown } | null)?.turns;
      if (reply.status === 200 && Array.isArray(turns)) {
        return turns.filter(isTurn).slice(-MAX_TRANSCRIPT_TURNS).map(transcriptTurn);
      }
      // A 4xx from the chatbot (e.g. it refuses the id): there is no conversation to read.
      if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) return [];
      this.logger.warn(
        `transcript of a support request not read: chatbot answered ${reply.status}`,
      );
      return null;
    } catch (err) {
      // The error names no session: the chatbot client's messages carry only route labels.
      this.logger.warn(`transcript of a support request not read: ${(err as Error).message}`);
      return null;
    }
  }
}

function isTurn(value: unknown): value is TranscriptTurn {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.turn === 'number' &&
    typeof t.timestamp === 'string' &&
    typeof t.user === 'string' &&
    typeof t.bot === 'string' &&
    typeof t.intent === 'string' &&
    typeof t.source === 'string'
  );
}
