import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { clientKey, errorBody } from '@bookstore/http';
import { BookstoreRepository, type AttemptReservation } from '@bookstore/database';
import { GatewayOptions } from '../config/gateway.options.js';

/** Wrong tokens a client may present within the window before it is refused outright. */
const MAX_FAILURES = 10;
const WINDOW_SECONDS = 900;

/**
 * The agents' routes: with no SUPPORT_API_TOKEN they answer exactly as an unknown route does (they
 * are never open); with one, only `Authorization: Bearer <token>` gets in. Presented tokens are
 * limited per client (IPv6: per /64) like order verifications: each is reserved as an attempt in
 * the database before it is compared and given back when it matches, so guesses, even parallel
 * ones across replicas, stop at MAX_FAILURES a window (429 with Retry-After, whatever the token).
 */
@Injectable()
export class SupportTokenGuard implements CanActivate {
  private readonly token?: Buffer;

  constructor(
    options: GatewayOptions,
    private readonly attempts: BookstoreRepository,
  ) {
    const token = options.support.apiToken;
    this.token = token ? digest(token) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!this.token) throw new NotFoundException(`Cannot ${req.method} ${req.path}`);
    const header = req.headers.authorization;
    // No credential at all guesses nothing: refused without counting.
    if (header === undefined) throw unauthorized(res);
    const reservation = await this.reserve(req);
    if (!reservation) {
      res.setHeader('Retry-After', String(WINDOW_SECONDS));
      throw new HttpException(
        errorBody(429, 'Too many failed attempts with a support token. Please try again later.'),
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compared as digests: equal lengths, and no timing hint about the token.
    if (!match || !timingSafeEqual(digest(match[1]), this.token)) throw unauthorized(res);
    // The right token does not count against anyone.
    await this.attempts.releaseAttempt(reservation).catch(() => undefined);
    return true;
  }

  private async reserve(req: Request): Promise<AttemptReservation | null> {
    try {
      return await this.attempts.reserveAttempt(
        [{ subject: `support-token:client:${clientKey(req)}`, max: MAX_FAILURES }],
        WINDOW_SECONDS,
      );
    } catch {
      // Unlimited guessing is not the fallback: no database, no agents' routes.
      throw new ServiceUnavailableException(
        'Support requests cannot be read right now. Please try again later.',
      );
    }
  }
}

function unauthorized(res: Response): UnauthorizedException {
  res.setHeader('WWW-Authenticate', 'Bearer');
  return new UnauthorizedException('A valid support token is required.');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
