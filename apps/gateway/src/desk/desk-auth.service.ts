import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { errorBody } from '@bookstore/http';
import { BookstoreRepository, DeskRepository, type DeskSessionAgent } from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';

export class TooManySignIns extends HttpException {
  constructor() {
    super(
      errorBody(429, 'Too many failed sign-ins. Please wait and try again.'),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export interface SignedIn {
  token: string;
  agent: { email: string; name: string };
  expiresAt: string;
}

/**
 * Passwords are argon2id hashes (@node-rs/argon2, its defaults: 19 MiB, 2 passes, the OWASP
 * recommendation). A session is a random token the browser holds in a cookie; the database
 * keeps only its SHA-256, so a copy of the table opens no session.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Checked when the email is unknown, so that case takes as long as a wrong password.
let nobody: Promise<string> | undefined;
const NOBODY = () => (nobody ??= hash(randomBytes(16).toString('hex')));

@Injectable()
export class DeskAuthService {
  private readonly sessionSeconds: number;
  private readonly limits: GatewayOptions['desk']['signIn'];

  constructor(
    options: GatewayOptions,
    private readonly desk: DeskRepository,
    /** The attempt budget the order checks use: one way to limit failures. */
    private readonly attempts: BookstoreRepository,
  ) {
    this.sessionSeconds = options.desk.sessionSeconds;
    this.limits = options.desk.signIn;
  }

  get retryAfterSeconds(): number {
    return this.limits.windowSeconds;
  }

  /**
   * Only failures count, per account and per client: an attempt is reserved from both budgets
   * before the password is checked and given back when it was right.
   */
  async signIn(email: string, password: string, client: string): Promise<SignedIn | null> {
    const reservation = await this.attempts.reserveAttempt(
      [
        { subject: `desk-account:${email.toLowerCase()}`, max: this.limits.maxPerAccount },
        { subject: `desk-client:${client}`, max: this.limits.maxPerClient },
      ],
      this.limits.windowSeconds,
    );
    if (!reservation) throw new TooManySignIns();
    const agent = await this.desk.agent(email);
    const right = agent
      ? await verify(agent.password_hash, password).catch(() => false)
      : await verify(await NOBODY(), password).then(() => false);
    if (!agent || !right) return null;
    await this.attempts.releaseAttempt(reservation);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = await this.desk.createSession(
      tokenHash(token),
      agent.email,
      this.sessionSeconds,
    );
    return { token, agent: { email: agent.email, name: agent.name }, expiresAt };
  }

  session(token: string): Promise<DeskSessionAgent | null> {
    return this.desk.sessionAgent(tokenHash(token));
  }

  signOut(token: string): Promise<void> {
    return this.desk.endSession(tokenHash(token));
  }

  get sessionLength(): number {
    return this.sessionSeconds;
  }
}
