import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { abortWhenClientLeaves, abortWhenClosed, clientAddress } from '@bookstore/http';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ChatRequest, ChatResponse, ErrorBody } from '@bookstore/contracts';
import type { Request, Response } from 'express';
import { ChatService } from './chat.service.js';
import { writeEventStream } from './event-stream.js';

@ApiTags('chat')
@ApiBadRequestResponse({ type: ErrorBody, description: 'The body is not a valid ChatRequest.' })
@ApiPayloadTooLargeResponse({ type: ErrorBody })
@UseGuards(RateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited: see Retry-After.' })
@Controller('chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer one message',
    description:
      'Rules and the store first, then the LLM, then the fallback. A missing session_id starts a new conversation.',
  })
  @ApiOkResponse({ type: ChatResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'A turn of this conversation is running.' })
  reply(
    @Body() body: ChatRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChatResponse> {
    // A client that gives up stops the LLM too, as on the stream path.
    const signal = abortWhenClientLeaves(res);
    return this.chat.reply(body, clientAddress(req), signal);
  }

  @Post('stream')
  @ApiOperation({
    summary: 'Answer one message as server-sent events',
    description:
      'Events: `meta` {session_id, intent, source}, then `token` {text} deltas, then `done` {response, turn} or `error` {message}.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream.' })
  @ApiConflictResponse({ type: ErrorBody, description: 'A turn of this conversation is running.' })
  async stream(
    @Body() body: ChatRequest,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const events = await this.chat.openStream(body, clientAddress(req), abortWhenClosed(res));
    await writeEventStream(res, events);
  }
}
