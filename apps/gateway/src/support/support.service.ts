import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import {
  transcriptTurn,
  type CreateSupportRequest,
  type SupportReason,
} from '@bookstore/contracts';
import { errorBody } from '@bookstore/http';
import { SupportRequestsRepository, type SupportRequestRow } from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';
import { SupportDeliveryService } from './support-delivery.service.js';
import { SUPPORT_REQUESTS } from './support.metrics.js';
import { SupportTranscript } from './support-transcript.js';

/** Told to the shopper with every reference; the store's hours come from its content. */
export const EXPECTED_ANSWER = 'Our support team answers {support_hours}, within {answer_within}.';

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
 * Creates a support request: the transcript the chatbot sends with its own call, else read from
 * the chatbot's history of this conversation (never taken from any other caller), limits per
 * conversation and per client, delivery.
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
    private readonly transcript: SupportTranscript,
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

  /**
   * `clientKey` is the shopper as limits count it: the address the internal token names when the
   * chatbot asks for them, else the caller's own; IPv6 by its /64. `internal`: the chatbot itself
   * asks, in the middle of a turn: its transcript is taken as sent, and the chatbot is not called
   * back (one without a transcript is read after the turn, by the delivery loop).
   */
  async create(
    body: CreateSupportRequest,
    clientKey: string,
    internal = false,
  ): Promise<SupportRequestRow> {
    const reason: SupportReason = body.reason ?? 'form';
    const transcript = internal
      ? (body.transcript?.map(transcriptTurn) ?? null)
      : await this.transcript.read(body.session_id);
    const created = await this.repo.createWithinLimits(
      {
        sessionId: body.session_id,
        clientIp: clientKey,
        email: body.email,
        problem: body.problem,
        reason,
        language: body.language ?? 'en',
        transcript,
        deliver: this.delivery.enabled,
      },
      {
        maxPerSession: this.maxPerSession,
        maxPerClient: this.maxPerClient,
        windowSeconds: this.windowSeconds,
      },
    );
    if (!created) throw new TooManySupportRequests(this.windowSeconds);
    this.requests.inc({ reason });
    if (!created.transcript_read) {
      // The chatbot could not be read just now: the retry loop reads it again, then delivers.
      this.logger.warn(
        `support request ${created.reference} stored; its transcript is read again shortly`,
      );
    } else if (created.delivery === 'pending') {
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
}
