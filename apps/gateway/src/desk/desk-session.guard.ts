import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import type { DeskSessionAgent } from '@bookstore/database';
import { DeskAuthService } from './desk-auth.service.js';

export const SESSION_COOKIE = 'desk_session';

export type DeskRequest = Request & { deskAgent?: DeskSessionAgent; deskToken?: string };

/** The one cookie the desk reads (a cookie parser for one name would be the only use of one). */
export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A request that changes something must come from the desk's own page: its Origin is this
 * gateway's (as seen through TRUST_PROXY, so https behind the ingress). SameSite=Strict already
 * keeps the cookie off other sites' requests; this is the second lock, and covers the sign-in.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (req.headers.origin !== own) {
      throw new ForbiddenException('This request must come from the desk page itself.');
    }
    return true;
  }
}

/** The desk's routes: only with a live session (401 otherwise, in the one error shape). */
@Injectable()
export class DeskSessionGuard implements CanActivate {
  constructor(private readonly auth: DeskAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<DeskRequest>();
    const token = sessionCookie(req);
    const agent = token ? await this.auth.session(token) : null;
    if (!token || !agent) throw new UnauthorizedException('Please sign in to the desk.');
    req.deskAgent = agent;
    req.deskToken = token;
    return true;
  }
}
