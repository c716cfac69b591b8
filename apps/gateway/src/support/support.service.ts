import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import type { CreateSupportRequest, SupportReason } from '@bookstore/contracts';
import { errorBody } from '@bookstore/http';
import {
  SupportRequestsRepository,
  type SupportRequestRow,
  type TranscriptTurn,
} from '@bookstore/store';
import { ChatbotClient } from '../chat-proxy/chatbot.client.js';
import { GatewayOptions } from '../config/gateway.options.js';
import { SupportDeliveryService } from './support-delivery.service.js';
import { SUPPORT_REQUESTS } from './support.metrics.js';

/** The store's support hours (STORE.md), told to the shopper with every reference. */
export const SUPPORT_HOURS =
  'Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.';

const MAX_TRANSCRIPT_TURNS = 100;

export class TooManySupportRequests extends HttpException {
  constructor(retryAfterSeconds: number) {
    super(
      {
        ...errorBody(
          429,
          'You have already sent several requests to the support team. They will answer you by email.',
        ),
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Creates a support request: limits per conversation and per client address, the transcript read
 * from the chatbot's own history of this conversation (never taken from the caller), then delivery.
 */
@Injectable()
export class SupportService {
  private readonly logger = new Logger(SupportService.name);
  private readonly maxPerSession: number;
  private readonly maxPerClient: number;
  private readonly windowSeconds: number;

  constructor(
    options: GatewayOptions,
    private readonly repo: SupportRequestsRepository,
    private readonly chatbot: ChatbotClient,
    private readonly delivery: SupportDeliveryService,
    @InjectMetric(SUPPORT_REQUESTS) private readonly requests: Counter<'reason'>,
  ) {
    ({
      maxPerSession: this.maxPerSession,
      maxPerClient: this.maxPerClient,
      windowSeconds: this.windowSeconds,
    } = options.support);
  }

  get windowLength(): number {
    return this.windowSeconds;
  }

  async create(body: CreateSupportRequest, clientIp: string): Promise<SupportRequestRow> {
    const counts = await this.repo.recentCounts(body.session_id, clientIp, this.windowSeconds);
    if (counts.session >= this.maxPerSession || counts.client >= this.maxPerClient) {
      throw new TooManySupportRequests(this.windowSeconds);
    }
    const reason: SupportReason = body.reason ?? 'form';
    const created = await this.repo.create({
      sessionId: body.session_id,
      clientIp,
      email: body.email,
      problem: body.problem,
      reason,
      language: body.language ?? 'en',
      transcript: await this.transcript(body.session_id),
      deliver: this.delivery.enabled,
    });
    this.requests.inc({ reason });
    if (this.delivery.enabled) {
      this.delivery.deliverSoon(created.reference);
    } else {
      // No channel configured: the log and GET /api/support/requests are how the team finds it.
      this.logger.log(
        `support request ${created.reference} stored (no SMTP_URL or HANDOFF_WEBHOOK_URL): ` +
          `${created.transcript.length} turns, reason ${reason}`,
      );
    }
    return created;
  }

  /** This conversation's turns, as the chatbot stored them; none when it cannot say. */
  private async transcript(sessionId: string): Promise<TranscriptTurn[]> {
    try {
      const reply = await this.chatbot.send(`/sessions/${sessionId}/history`, 'GET');
      const turns = (reply.body as { turns?: unknown } | null)?.turns;
      if (reply.status !== 200 || !Array.isArray(turns)) return [];
      return turns.filter(isTurn).slice(-MAX_TRANSCRIPT_TURNS).map(pickTurn);
    } catch (err) {
      this.logger.warn(`transcript of a support request not read: ${(err as Error).message}`);
      return [];
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

// Only the known fields: nothing else the chatbot may add travels to the support team.
function pickTurn(t: TranscriptTurn): TranscriptTurn {
  return {
    turn: t.turn,
    timestamp: t.timestamp,
    user: t.user,
    bot: t.bot,
    intent: t.intent,
    source: t.source,
  };
}
