import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ChatRequest, ChatResponse, ErrorBody } from '@bookstore/contracts';
import { ChatService } from './chat.service.js';

@ApiTags('chat')
@Controller('chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer one message',
    description: 'Rules first, then the fallback. A missing session_id starts a new conversation.',
  })
  @ApiOkResponse({ type: ChatResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'The body is not a valid ChatRequest.' })
  @ApiPayloadTooLargeResponse({ type: ErrorBody })
  reply(@Body() body: ChatRequest, @Req() req: Request): Promise<ChatResponse> {
    return this.chat.reply(body, req.ip);
  }
}
