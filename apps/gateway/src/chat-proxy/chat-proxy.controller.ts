import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ChatRequest, ChatResponse, ErrorBody } from '@bookstore/contracts';
import type { Response } from 'express';
import { ChatbotClient } from './chatbot.client.js';

@ApiTags('chat')
@Controller('api/chat')
export class ChatProxyController {
  constructor(private readonly chatbot: ChatbotClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message to the support bot (proxied to the chatbot service)' })
  @ApiOkResponse({ type: ChatResponse })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiBadGatewayResponse({ type: ErrorBody, description: 'The chatbot failed.' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The chatbot is unreachable.' })
  @ApiGatewayTimeoutResponse({ type: ErrorBody, description: 'The chatbot was too slow.' })
  async chat(
    @Body() body: ChatRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const reply = await this.chatbot.send('/chat', 'POST', body);
    res.status(reply.status);
    return reply.body;
  }
}
