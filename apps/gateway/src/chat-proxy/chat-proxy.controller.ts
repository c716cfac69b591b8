import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiGatewayTimeoutResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ChatRequest,
  ChatResponse,
  ErrorBody,
  FeedbackRequest,
  HistoryResponse,
  SESSION_ID_PATTERN,
} from '@bookstore/contracts';
import {
  SseDecoder,
  abortWhenClientLeaves,
  abortWhenClosed,
  clientAddress,
  formatEvent,
  startEventStream,
} from '@bookstore/http';
import { SupportRequestsRepository } from '@bookstore/database';
import type { Request, Response } from 'express';
import { ChatbotClient, type UpstreamReply } from './chatbot.client.js';
import { ChatTurns, type AnsweredTurn } from './chat-turns.js';

const STREAM_BROKEN = 'The answer was cut off. Please try again.';
const SESSION_HEADER = 'x-session-id';

/** The first session id given (body, header, query), checked; a 400 when none is valid. */
function sessionIdFrom(...candidates: unknown[]): string {
  const id = candidates.find((c) => c !== undefined);
  if (typeof id !== 'string' || !SESSION_ID_PATTERN.test(id)) {
    throw new BadRequestException(
      'session_id (in the body, the X-Session-Id header or the query) must be 8 to 64 characters of letters, digits, "_" or "-"',
    );
  }
  return id;
}

@ApiTags('chat')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiBadGatewayResponse({ type: ErrorBody, description: 'The chatbot failed.' })
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The chatbot is unreachable.' })
@ApiGatewayTimeoutResponse({ type: ErrorBody, description: 'The chatbot was too slow.' })
@UseGuards(RateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited: see Retry-After.' })
@Controller('api/chat')
export class ChatProxyController {
  constructor(
    private readonly chatbot: ChatbotClient,
    private readonly support: SupportRequestsRepository,
    private readonly turns: ChatTurns,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message to the support bot (proxied to the chatbot service)' })
  @ApiOkResponse({ type: ChatResponse })
  async chat(
    @Body() body: ChatRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    // The shopper went away: drop the request to the chatbot, which stops its turn and the LLM.
    const signal = abortWhenClientLeaves(res);
    const reply = await this.chatbot.send('/chat', 'POST', body, clientAddress(req), {}, signal);
    if (reply.status === 200) this.tellAnswered(body.message, reply.body, undefined, false);
    return this.relay(res, reply);
  }

  @Post('stream')
  @ApiOperation({
    summary: 'Send a message and receive the answer as server-sent events',
    description:
      'Events, passed through from the chatbot as they come: `meta` {session_id, intent, source, language}, `token` {text}, then `done` {response, turn} or `error` {message}.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream.' })
  async stream(
    @Body() body: ChatRequest,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // The shopper went away (or pressed Stop): stop the chatbot, which stops the LLM.
    const closed = abortWhenClosed(res);
    const upstream = await this.chatbot.openStream(body, clientAddress(req), closed);
    if ('gone' in upstream) return;
    if (!('stream' in upstream)) {
      res.set(upstream.headers ?? {});
      res.status(upstream.status).json(upstream.body);
      return;
    }
    startEventStream(res);
    // Read as it passes (meta, done, error), for the desk; the bytes go on untouched.
    const seen = new StreamWatch();
    try {
      for await (const chunk of upstream.stream) {
        if (res.destroyed) break;
        res.write(chunk);
        seen.push(chunk);
      }
      seen.end();
      if (seen.meta) this.tellAnswered(body.message, seen.meta, seen.done, seen.broken);
    } catch {
      if (!closed.aborted && !res.destroyed) {
        // The blank lines end any event cut in half before the error is told.
        res.write(`\n\n${formatEvent('error', { message: STREAM_BROKEN })}`);
      }
    } finally {
      if (!res.writableEnded) res.end();
    }
  }

  @Get('history')
  @ApiOperation({
    summary: "A conversation's turns, oldest first",
    description:
      'The session id is a bearer secret: send it in the `X-Session-Id` header (the query form stays for REST clients, but URLs end up in logs and browser history).',
  })
  @ApiHeader({ name: SESSION_HEADER, required: false, description: 'The session id.' })
  @ApiQuery({ name: 'session_id', required: false, description: 'Or the X-Session-Id header.' })
  @ApiOkResponse({ type: HistoryResponse })
  async history(
    @Query('session_id') fromQuery: unknown,
    @Headers(SESSION_HEADER) fromHeader: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const id = sessionIdFrom(fromHeader, fromQuery);
    return this.relay(res, await this.chatbot.send(`/sessions/${id}/history`, 'GET'));
  }

  @Delete('history')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase a conversation everywhere it is stored' })
  @ApiHeader({ name: SESSION_HEADER, required: false, description: 'The session id.' })
  @ApiQuery({
    name: 'session_id',
    required: false,
    description: 'Or `{"session_id"}` in the body, or the X-Session-Id header.',
  })
  @ApiBody({ required: false, schema: { properties: { session_id: { type: 'string' } } } })
  @ApiNoContentResponse()
  async erase(
    @Query('session_id') fromQuery: unknown,
    @Headers(SESSION_HEADER) fromHeader: unknown,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const fromBody = (body as { session_id?: unknown } | undefined)?.session_id;
    const id = sessionIdFrom(fromBody, fromHeader, fromQuery);
    const reply = await this.chatbot.send(`/sessions/${id}`, 'DELETE');
    // The orders it verified go with it (the store logs a failure; a later support request names
    // only orders verified within the conversation it shows, and they expire within a day).
    if (reply.status < 300) await this.support.forgetVerifiedOrders(id).catch(() => undefined);
    return this.relay(res, reply);
  }

  @Post('feedback')
  @HttpCode(204)
  @ApiOperation({ summary: 'Thumbs up or down on one bot answer' })
  @ApiNoContentResponse()
  async feedback(
    @Body() { session_id, turn, rating }: FeedbackRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const reply = await this.chatbot.send(`/sessions/${session_id}/feedback`, 'POST', {
      turn,
      rating,
    });
    if (reply.status < 300) this.turns.rated.next({ sessionId: session_id, turn, rating });
    return this.relay(res, reply);
  }

  /** Tells the listeners; a fault of theirs never reaches the shopper. */
  private tellAnswered(message: string, head: unknown, tail: unknown, broken: boolean): void {
    const a = { ...(head as object), ...(tail as object) } as Record<string, unknown>;
    if (typeof a.session_id !== 'string' || typeof a.intent !== 'string') return;
    const turn: AnsweredTurn = {
      sessionId: a.session_id,
      message,
      response: typeof a.response === 'string' ? a.response : '',
      intent: a.intent,
      source: typeof a.source === 'string' ? a.source : '',
      language: typeof a.language === 'string' ? a.language : undefined,
      turn: typeof a.turn === 'number' ? a.turn : undefined,
      broken,
    };
    try {
      this.turns.answered.next(turn);
    } catch {
      // A listener's fault is its own.
    }
  }

  private relay(res: Response, reply: UpstreamReply): unknown {
    res.set(reply.headers ?? {});
    res.status(reply.status);
    return reply.body ?? undefined;
  }
}

/** The events of the chatbot's stream that say how a turn went: `meta`, `done`, `error`. */
class StreamWatch {
  private readonly sse = new SseDecoder();
  meta?: unknown;
  done?: unknown;
  broken = false;

  push(chunk: Uint8Array): void {
    this.read(this.sse.push(chunk));
  }

  end(): void {
    this.read(this.sse.end());
  }

  private read(events: Array<{ type?: string; data: string }>): void {
    for (const e of events) {
      if (e.type === 'token') continue;
      try {
        if (e.type === 'meta') this.meta = JSON.parse(e.data);
        else if (e.type === 'done') this.done = JSON.parse(e.data);
        else if (e.type === 'error') {
          // What the shopper was shown in the end: the failure text.
          this.broken = true;
          this.done = { response: (JSON.parse(e.data) as { message?: unknown }).message };
        }
      } catch {
        // Not JSON: not an event this watch knows.
      }
    }
  }
}
