import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Counter } from 'prom-client';
import { Deadline, closeOutbound, drain, send as sendHttp } from '@bookstore/http';
import {
  SupportRequestsRepository,
  type ClaimedRequest,
  type SupportRequestRow,
} from '@bookstore/store';
import { GatewayOptions } from '../config/gateway.options.js';
import { SUPPORT_DELIVERIES } from './support.metrics.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

type Channel = 'email' | 'webhook';

const MAX_RETRY_DELAY_SECONDS = 3_600;
const BATCH = 20;

/**
 * Tells the support team about each request, by email (SMTP) and/or a signed webhook. A request is
 * only marked delivered once every configured channel took it; until then it stays `pending` in the
 * database and any replica's retry loop tries again later, with a growing delay. A channel that
 * already took it is not sent to again.
 */
@Injectable()
export class SupportDeliveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SupportDeliveryService.name);
  private readonly mailer?: Transporter;
  private readonly supportEmail: string;
  private readonly webhookUrl?: string;
  private readonly webhookSecret: string;
  private readonly timeoutMs: number;
  private readonly intervalMs: number;
  private readonly leaseSeconds: number;
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    options: GatewayOptions,
    private readonly repo: SupportRequestsRepository,
    /** The webhook's client: the outbound pattern of every service (support.module.ts). */
    private readonly http: HttpService,
    @InjectMetric(SUPPORT_DELIVERIES) private readonly deliveries: Counter<'channel' | 'outcome'>,
  ) {
    const { smtpUrl } = options.support;
    this.supportEmail = options.support.email;
    this.webhookUrl = options.support.webhookUrl;
    this.webhookSecret = options.support.webhookSecret;
    this.timeoutMs = options.support.deliveryTimeoutMs;
    this.intervalMs = options.support.retryIntervalMs;
    // Longer than one delivery can take (two channels, each with its own retries).
    this.leaseSeconds = Math.max(60, Math.ceil((this.timeoutMs * 8) / 1000));
    if (smtpUrl) {
      this.mailer = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: this.timeoutMs,
        greetingTimeout: this.timeoutMs,
        socketTimeout: this.timeoutMs,
      } as Parameters<typeof nodemailer.createTransport>[0]);
    }
  }

  /** Whether any channel is configured; without one, requests are only stored (and logged). */
  get enabled(): boolean {
    return this.mailer !== undefined || this.webhookUrl !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.track(this.deliverDue()), this.intervalMs);
    this.timer.unref();
  }

  // Before the database closes (its own shutdown hook), so a delivery under way can record itself.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
    this.mailer?.close();
    closeOutbound(this.http.axiosRef);
  }

  /** Right after a request is created: try at once, in the background. */
  deliverSoon(reference: string): void {
    if (this.enabled && !this.stopped) this.track(this.deliverClaimed(reference));
  }

  /** Every request that is due (new, or failed earlier and waited long enough). */
  async deliverDue(): Promise<void> {
    if (this.stopped) return;
    await this.deliverClaimed();
  }

  private track(work: Promise<void>): void {
    const done = work.catch((err: unknown) =>
      this.logger.warn(`support delivery pass failed: ${(err as Error).message}`),
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  private async deliverClaimed(reference?: string): Promise<void> {
    const claimed = await this.repo.claimDue(this.leaseSeconds, BATCH, reference);
    for (const request of claimed) await this.deliverOne(request);
  }

  private async deliverOne(request: ClaimedRequest): Promise<void> {
    const done = new Set(request.delivered_to);
    const errors: string[] = [];
    const channels: Array<[Channel, () => Promise<void>]> = [];
    if (this.mailer) channels.push(['email', () => this.sendEmail(request)]);
    if (this.webhookUrl) channels.push(['webhook', () => this.postWebhook(request)]);
    for (const [channel, send] of channels) {
      if (done.has(channel)) continue;
      try {
        await send();
        done.add(channel);
        this.deliveries.inc({ channel, outcome: 'delivered' });
      } catch (err) {
        errors.push(`${channel}: ${(err as Error).message}`);
        this.deliveries.inc({ channel, outcome: 'failed' });
      }
    }
    if (errors.length === 0) {
      await this.repo.markDelivered(request.reference, [...done]);
      this.logger.log(`support request ${request.reference} delivered (${[...done].join(', ')})`);
      return;
    }
    const delay = Math.min(
      (this.intervalMs / 1000) * 2 ** Math.min(request.delivery_attempts - 1, 20),
      MAX_RETRY_DELAY_SECONDS,
    );
    await this.repo.markFailed(request.reference, [...done], errors.join('; '), delay);
    this.logger.warn(
      `support request ${request.reference} not delivered (attempt ${request.delivery_attempts}), ` +
        `retrying in ${delay.toFixed(1)} s: ${errors.join('; ')}`,
    );
  }

  private async sendEmail(request: SupportRequestRow): Promise<void> {
    await this.mailer!.sendMail({
      from: this.supportEmail,
      to: this.supportEmail,
      replyTo: request.email,
      subject: `Support request ${request.reference}`,
      text: mailBody(request),
      headers: { 'X-Support-Reference': request.reference },
    });
  }

  private async postWebhook(request: SupportRequestRow): Promise<void> {
    const body = JSON.stringify({ event: 'support_request.created', request: payload(request) });
    // A short burst of retries for a blip; the loop above handles longer outages.
    const policy = retry(handleAll, {
      maxAttempts: 2,
      backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 2_000 }),
    });
    await policy.execute(async () => {
      const timestamp = Math.floor(Date.now() / 1000);
      const deadline = new Deadline(this.timeoutMs);
      try {
        const res = await sendHttp(this.http.axiosRef, {
          url: this.webhookUrl,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-support-reference': request.reference,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(this.webhookSecret, timestamp, body),
          },
          data: body,
          signal: deadline.signal,
        });
        await drain(res.body);
        if (res.status < 200 || res.status >= 300) {
          throw new Error(`webhook answered ${res.status}`);
        }
      } finally {
        deadline.clear();
      }
    });
  }
}

/** The request as the help desk receives it. */
export function payload(request: SupportRequestRow) {
  return {
    reference: request.reference,
    email: request.email,
    problem: request.problem,
    order_id: request.order_id,
    language: request.language,
    reason: request.reason,
    status: request.status,
    created_at: request.created_at,
    transcript: request.transcript,
  };
}

/** Plain text: what a person needs to answer without opening anything else. */
export function mailBody(request: SupportRequestRow): string {
  const lines = [
    `Support request ${request.reference}`,
    '',
    `Answer to: ${request.email}`,
    `Order: ${request.order_id ? `#${request.order_id} (verified in this conversation)` : 'none verified'}`,
    `Why: ${request.reason}`,
    `Language: ${request.language}`,
    `Created: ${request.created_at}`,
    '',
    'Problem:',
    request.problem,
    '',
    `Conversation (${request.transcript.length} turns):`,
  ];
  for (const turn of request.transcript) {
    lines.push(`[${turn.timestamp}] Shopper: ${turn.user}`, `[${turn.timestamp}] Bot: ${turn.bot}`);
  }
  if (request.transcript.length === 0) lines.push('(no turns were stored)');
  return lines.join('\n');
}
