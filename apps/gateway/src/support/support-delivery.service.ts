import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Counter } from 'prom-client';
import { Deadline, closeOutbound, drain, send as sendHttp } from '@bookstore/http';
import {
  SupportRequestsRepository,
  type ClaimedRequest,
  type SupportRequestRow,
} from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';
import { SUPPORT_DELIVERIES } from './support.metrics.js';
import { SupportTranscript } from './support-transcript.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

type Channel = 'email' | 'webhook';

const MAX_RETRY_DELAY_SECONDS = 3_600;
const BATCH = 20;
/** Passes that wait for an unreadable transcript before the team is told without it. */
const TRANSCRIPT_TRIES = 3;

/** The webhook did not answer in time: it may have taken the request, so no quick retry. */
class WebhookTimedOut extends Error {}

/**
 * Tells the support team about each request, by email (SMTP) and/or a signed webhook. A request is
 * only marked delivered once every configured channel took it; until then it stays `pending` in the
 * database and any replica's retry loop tries again later, with a growing delay, up to
 * SUPPORT_DELIVERY_MAX_ATTEMPTS passes: then it is `failed` (kept, counted, logged). A channel that
 * already took it is not sent to again. A transcript the chatbot could not give is read again
 * first (a few passes), so the team gets the conversation rather than nothing.
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
  private readonly maxAttempts: number;
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    options: GatewayOptions,
    private readonly repo: SupportRequestsRepository,
    /** The webhook's client: the outbound pattern of every service (support.module.ts). */
    private readonly http: HttpService,
    private readonly transcript: SupportTranscript,
    @InjectMetric(SUPPORT_DELIVERIES) private readonly deliveries: Counter<'channel' | 'outcome'>,
  ) {
    const { smtpUrl } = options.support;
    this.supportEmail = options.support.email;
    this.webhookUrl = options.support.webhookUrl;
    this.webhookSecret = options.support.webhookSecret;
    this.timeoutMs = options.support.deliveryTimeoutMs;
    this.intervalMs = options.support.retryIntervalMs;
    this.maxAttempts = options.support.deliveryMaxAttempts;
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

  // Runs without a channel too: a request whose transcript was unreadable is read again.
  onApplicationBootstrap(): void {
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
    if (!this.stopped) this.track(this.deliverClaimed(reference));
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

  private async deliverOne(claimed: ClaimedRequest): Promise<void> {
    const request = await this.withTranscript(claimed);
    if (!request) return;
    const done = new Set(request.delivered_to);
    const errors: string[] = [];
    const failed: Channel[] = [];
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
        failed.push(channel);
        this.deliveries.inc({ channel, outcome: 'failed' });
      }
    }
    if (errors.length === 0) {
      await this.repo.markDelivered(request.reference, [...done]);
      this.logger.log(`support request ${request.reference} delivered (${[...done].join(', ')})`);
      return;
    }
    if (request.delivery_attempts >= this.maxAttempts) {
      // No more tries: the request stays, `failed`, for the agents' route; the metric alerts.
      await this.repo.markGivenUp(request.reference, [...done], errors.join('; '));
      for (const channel of failed) this.deliveries.inc({ channel, outcome: 'gave_up' });
      this.logger.error(
        `support request ${request.reference} not delivered after ${request.delivery_attempts} ` +
          `attempts, given up: ${errors.join('; ')}`,
      );
      return;
    }
    const delay = this.retryDelay(request.delivery_attempts);
    await this.repo.markFailed(request.reference, [...done], errors.join('; '), delay);
    this.logger.warn(
      `support request ${request.reference} not delivered (attempt ${request.delivery_attempts}), ` +
        `retrying in ${delay.toFixed(1)} s: ${errors.join('; ')}`,
    );
  }

  /**
   * The request with its transcript, read again when the chatbot could not give it before; null
   * when this pass ends here (waiting for the chatbot, or nothing to deliver to).
   */
  private async withTranscript(request: ClaimedRequest): Promise<ClaimedRequest | null> {
    if (!request.transcript_read) {
      const turns = await this.transcript.read(request.session_id);
      if (turns) {
        const updated = await this.repo.saveTranscript(request.reference, turns);
        if (!updated) return null;
        request = { ...request, ...updated };
      } else if (request.delivery_attempts < TRANSCRIPT_TRIES) {
        const delay = this.retryDelay(request.delivery_attempts);
        await this.repo.markFailed(
          request.reference,
          request.delivered_to,
          'transcript not read',
          delay,
        );
        this.logger.warn(
          `support request ${request.reference}: transcript not read (attempt ` +
            `${request.delivery_attempts}), trying again in ${delay.toFixed(1)} s`,
        );
        return null;
      }
    }
    if (!this.enabled) {
      // No channel (any more): the request is kept, read with the agents' route.
      await this.repo.markStored(request.reference);
      this.logger.log(
        `support request ${request.reference} stored (no SMTP_URL or HANDOFF_WEBHOOK_URL): ` +
          (request.transcript_read ? `${request.transcript.length} turns` : 'transcript unread'),
      );
      return null;
    }
    return request;
  }

  private retryDelay(attempts: number): number {
    return Math.min(
      (this.intervalMs / 1000) * 2 ** Math.min(attempts - 1, 20),
      MAX_RETRY_DELAY_SECONDS,
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
    // A short burst of retries for a blip (refused, 5xx); the loop above handles longer outages.
    // A timeout is not retried at once: a slow help desk may have taken the request.
    const policy = retry(
      handleWhen((err) => !(err instanceof WebhookTimedOut)),
      {
        maxAttempts: 2,
        backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 2_000 }),
      },
    );
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
      } catch (err) {
        if (deadline.timedOut()) throw new WebhookTimedOut('webhook timed out');
        throw err;
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
    transcript_read: request.transcript_read,
    transcript: request.transcript,
  };
}

// Text that could pass for one of the mail's own lines or hide what it says: line breaks of every
// kind split it, bidi controls (which can reorder what a reader sees) and other controls go.
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const HIDDEN = /[\u0000-\u0008\u000e-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Someone's text, every line of it indented and quoted: it can never start a line of its own. */
function quoted(text: string): string[] {
  return text.split(LINE_BREAKS).map((line) => `    > ${line.replace(HIDDEN, '')}`);
}

const SPEAKERS: Record<string, string> = {
  llm: 'Bot, LLM-generated (may be wrong)',
  rules: 'Bot',
  fallback: 'Bot',
};

/**
 * Plain text: what a person needs to answer without opening anything else. Only this code writes
 * a line's start: every text a shopper (or the LLM) wrote is quoted under its speaker's line.
 */
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
    'Problem, as the shopper wrote it:',
    ...quoted(request.problem),
    '',
  ];
  if (!request.transcript_read) {
    lines.push(
      'Conversation: the chat service could not be read, so the transcript is missing. ' +
        "Ask the shopper, or see the request in the agents' API.",
    );
    return lines.join('\n');
  }
  lines.push(`Conversation (${request.transcript.length} turns, oldest first):`);
  for (const turn of request.transcript) {
    const at = ISO_TIME.test(turn.timestamp) ? turn.timestamp : 'unknown time';
    lines.push(`  [${at}] Shopper:`, ...quoted(turn.user));
    lines.push(`  [${at}] ${SPEAKERS[turn.source] ?? 'Bot'}:`, ...quoted(turn.bot));
  }
  if (request.transcript.length === 0) lines.push('  (no turns were stored)');
  return lines.join('\n');
}
