import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  DeskGroupDone,
  DeskReply,
  DeskSignIn,
  ErrorBody,
  SupportReferenceParam,
  transcriptTurn,
} from '@bookstore/contracts';
import { clientKey } from '@bookstore/http';
import {
  DeskRepository,
  SupportRequestsRepository,
  type DeskGroupRow,
  type DeskReplyRow,
} from '@bookstore/database';
import type { CookieOptions, Request, Response } from 'express';
import { DeskAuthService, TooManySignIns } from './desk-auth.service.js';
import { DeskDownFilter } from './desk-down.filter.js';
import {
  DeskSessionGuard,
  SESSION_COOKIE,
  SameOriginGuard,
  type DeskRequest,
} from './desk-session.guard.js';
import { ReplyDeliveryService } from './reply-delivery.service.js';
import { requestSummary } from '../support/support-wire.js';

/** An agent's route: a live session first (401), then, for a change, the desk's own origin. */
const Agent = () => UseGuards(DeskSessionGuard, SameOriginGuard);

function reply(row: DeskReplyRow) {
  return {
    agent: row.agent_name,
    body: row.body,
    created_at: row.created_at,
    delivery: row.delivery,
  };
}

function group(row: DeskGroupRow) {
  return {
    group_key: row.group_key,
    count: row.count,
    question: row.question,
    answer: row.answer,
    languages: row.languages,
    reasons: row.reasons,
    intents: row.intents,
    first_at: row.first_at,
    last_at: row.last_at,
  };
}

@ApiTags('desk')
@ApiCookieAuth(SESSION_COOKIE)
@ApiForbiddenResponse({ type: ErrorBody, description: 'A change not sent from the desk page.' })
@UseFilters(DeskDownFilter)
@Controller('api/desk')
export class DeskController {
  constructor(
    private readonly auth: DeskAuthService,
    private readonly desk: DeskRepository,
    private readonly requests: SupportRequestsRepository,
    private readonly replies: ReplyDeliveryService,
  ) {}

  private cookie(req: Request): CookieOptions {
    // Secure whenever the browser came over TLS (req.secure follows TRUST_PROXY).
    return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api/desk' };
  }

  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(SameOriginGuard)
  @ApiOperation({
    summary: 'Sign an agent in: sets the session cookie',
    description: 'Failed sign-ins are limited per account and per client address (429).',
  })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  async signIn(
    @Body() body: DeskSignIn,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    let signed;
    try {
      signed = await this.auth.signIn(body.email, body.password, clientKey(req));
    } catch (err) {
      if (err instanceof TooManySignIns) {
        res.setHeader('Retry-After', String(this.auth.retryAfterSeconds));
      }
      throw err;
    }
    if (!signed) throw new UnauthorizedException('Wrong email or password.');
    res.cookie(SESSION_COOKIE, signed.token, {
      ...this.cookie(req),
      maxAge: this.auth.sessionLength * 1000,
    });
    return { ...signed.agent, expires_at: signed.expiresAt };
  }

  @Post('sign-out')
  @HttpCode(204)
  @Agent()
  @ApiOperation({ summary: 'End the session' })
  async signOut(@Req() req: DeskRequest, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(req.deskToken!);
    res.clearCookie(SESSION_COOKIE, this.cookie(req));
  }

  @Get('me')
  @Agent()
  @ApiOperation({ summary: 'The signed-in agent' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  me(@Req() req: DeskRequest) {
    const { email, name, expires_at } = req.deskAgent!;
    return { email, name, expires_at, can_reply: this.replies.enabled };
  }

  @Get('requests')
  @Agent()
  @ApiOperation({ summary: 'Open support requests, newest first' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async list() {
    return { items: (await this.requests.list('open')).map(requestSummary) };
  }

  @Get('requests/:ref')
  @Agent()
  @ApiOperation({ summary: 'One request: its transcript and the replies sent' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async one(@Param() { ref }: SupportReferenceParam) {
    const row = await this.requests.get(ref);
    if (!row) throw new NotFoundException(`Support request ${ref} was not found.`);
    return {
      ...requestSummary(row),
      note: row.note,
      transcript: row.transcript.map(transcriptTurn),
      replies: (await this.desk.replies(ref)).map(reply),
    };
  }

  @Post('requests/:ref/replies')
  @Agent()
  @ApiOperation({
    summary: 'Answer the shopper: mailed from SUPPORT_EMAIL, retried until the server takes it',
  })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async reply(
    @Param() { ref }: SupportReferenceParam,
    @Body() body: DeskReply,
    @Req() req: DeskRequest,
  ) {
    if (!this.replies.enabled) {
      throw new ConflictException('Replies need SMTP_URL: the gateway has no mail server.');
    }
    const agent = req.deskAgent!;
    const saved = await this.desk.addReply(ref, agent, body.body);
    if (!saved) throw new NotFoundException(`Support request ${ref} was not found.`);
    this.replies.deliverSoon(saved.id);
    return reply(saved);
  }

  @Post('requests/:ref/close')
  @HttpCode(200)
  @Agent()
  @ApiOperation({ summary: 'Close the request (the agents API sees it closed too)' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async close(@Param() { ref }: SupportReferenceParam) {
    const row = await this.requests.update(ref, { status: 'closed' });
    if (!row) throw new NotFoundException(`Support request ${ref} was not found.`);
    return requestSummary(row);
  }

  @Get('unanswered')
  @Agent()
  @ApiOperation({ summary: 'What the bot could not answer, alike questions grouped, newest first' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async unanswered() {
    return { items: (await this.desk.groups('unanswered')).map(group) };
  }

  @Get('marked-down')
  @Agent()
  @ApiOperation({ summary: 'Answers shoppers marked down, grouped the same way' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async markedDown() {
    return { items: (await this.desk.groups('marked_down')).map(group) };
  }

  @Post('groups/done')
  @HttpCode(200)
  @Agent()
  @ApiOperation({ summary: 'Mark a group done (an article was written): it leaves the list' })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  async done(@Body() body: DeskGroupDone, @Req() req: DeskRequest) {
    const count = await this.desk.markGroupDone(body.kind, body.group_key, req.deskAgent!.email);
    if (count === 0) throw new NotFoundException('No open group has that key.');
    return { done: count };
  }
}
