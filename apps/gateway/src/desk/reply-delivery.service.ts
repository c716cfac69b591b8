import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DeskRepository, type ClaimedReply } from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';

const MAX_RETRY_DELAY_SECONDS = 3_600;
const BATCH = 20;

/**
 * Mails agents' replies to shoppers, from SUPPORT_EMAIL through SMTP_URL, the way the team's own
 * mail goes (support-delivery.service.ts): saved first, then sent at once in the background; a
 * reply the server did not take stays pending and any replica retries it later, waiting twice as
 * long each time (up to an hour), under a lease so two replicas never send the same one.
 */
@Injectable()
export class ReplyDeliveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReplyDeliveryService.name);
  private readonly mailer?: Transporter;
  private readonly from: string;
  private readonly intervalMs: number;
  private readonly leaseSeconds: number;
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    options: GatewayOptions,
    private readonly repo: DeskRepository,
  ) {
    const { smtpUrl, deliveryTimeoutMs } = options.support;
    this.from = options.support.email;
    this.intervalMs = options.support.retryIntervalMs;
    this.leaseSeconds = Math.max(60, Math.ceil((deliveryTimeoutMs * 4) / 1000));
    if (smtpUrl) {
      this.mailer = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: deliveryTimeoutMs,
        greetingTimeout: deliveryTimeoutMs,
        socketTimeout: deliveryTimeoutMs,
      } as Parameters<typeof nodemailer.createTransport>[0]);
    }
  }

  /** Without SMTP_URL there is no way to answer a shopper from the desk. */
  get enabled(): boolean {
    return this.mailer !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.track(this.deliver()), this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
    this.mailer?.close();
  }

  /** Right after a reply is saved: send it now, in the background. */
  deliverSoon(id: number): void {
    if (this.enabled && !this.stopped) this.track(this.deliver(id));
  }

  /** Resolves when the sends under way are over (tests). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    const done = work.catch((err: unknown) =>
      this.logger.warn(`reply delivery pass failed: ${(err as Error).message}`),
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  private async deliver(id?: number): Promise<void> {
    if (this.stopped) return;
    for (const reply of await this.repo.claimDueReplies(this.leaseSeconds, BATCH, id)) {
      await this.deliverOne(reply);
    }
  }

  private async deliverOne(reply: ClaimedReply): Promise<void> {
    try {
      await this.mailer!.sendMail({
        from: this.from,
        to: reply.to_email,
        replyTo: this.from,
        subject: `Re: Support request ${reply.reference}`,
        text: replyBody(reply, this.from),
        headers: { 'X-Support-Reference': reply.reference },
      });
    } catch (err) {
      const delay = Math.min(
        (this.intervalMs / 1000) * 2 ** Math.min(reply.delivery_attempts - 1, 20),
        MAX_RETRY_DELAY_SECONDS,
      );
      await this.repo.markReplyFailed(reply.id, (err as Error).message, delay);
      this.logger.warn(
        `reply to ${reply.reference} not mailed (attempt ${reply.delivery_attempts}), ` +
          `retrying in ${delay.toFixed(1)} s: ${(err as Error).message}`,
      );
      return;
    }
    await this.repo.markReplyDelivered(reply.id);
    this.logger.log(`reply to ${reply.reference} mailed`);
  }
}

/** Plain text: the agent's words, who wrote them, and the reference to quote. */
export function replyBody(reply: ClaimedReply, from: string): string {
  return [
    reply.body,
    '',
    `-- ${reply.agent_name}`,
    from,
    '',
    `Reference: ${reply.reference} (reply to this email to answer)`,
  ].join('\n');
}
