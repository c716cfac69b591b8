import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { GatewayOptions } from '../config/gateway.options.js';

/**
 * The agents' routes: with no SUPPORT_API_TOKEN they answer exactly as an unknown route does (they
 * are never open); with one, only `Authorization: Bearer <token>` gets in.
 */
@Injectable()
export class SupportTokenGuard implements CanActivate {
  private readonly token?: Buffer;

  constructor(options: GatewayOptions) {
    const token = options.support.apiToken;
    this.token = token ? digest(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!this.token) throw new NotFoundException(`Cannot ${req.method} ${req.path}`);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Compared as digests: equal lengths, and no timing hint about the token.
    if (!match || !timingSafeEqual(digest(match[1]), this.token)) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('A valid support token is required.');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
