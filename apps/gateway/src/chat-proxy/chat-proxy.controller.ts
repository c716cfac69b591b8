import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiGatewayTimeoutResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChatRequest,
  ChatResponse,
  ErrorBody,
  FeedbackRequest,
  HistoryResponse,
  SESSION_ID_PATTERN,
  SessionQuery,
} from '@bookstore/contracts';
import type { Request, Response } from 'express';
import { ChatbotClient } from './chatbot.client.js';

@ApiTags('chat')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiBadGatewayResponse({ type: ErrorBody, description: 'The chatbot failed.' })
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The chatbot is unreachable.' })
@ApiGatewayTimeoutResponse({ type: ErrorBody, description: 'The chatbot was too slow.' })
@Controller('api/chat')
export class ChatProxyController {
  constructor(private readonly chatbot: ChatbotClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message to the support bot (proxied to the chatbot service)' })
  @ApiOkResponse({ type: ChatResponse })
  async chat(
    @Body() body: ChatRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.relay(res, await this.chatbot.send('/chat', 'POST', body, req.ip));
  }

  @Get('history')
  @ApiOperation({ summary: "A conversation's turns, oldest first" })
  @ApiOkResponse({ type: HistoryResponse })
  async history(
    @Query() { session_id }: SessionQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.relay(res, await this.chatbot.send(`/sessions/${session_id}/history`, 'GET'));
  }

  @Delete('history')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase a conversation everywhere it is stored' })
  @ApiQuery({
    name: 'session_id',
    required: false,
    description: 'Or `{"session_id"}` in the body.',
  })
  @ApiBody({ required: false, schema: { properties: { session_id: { type: 'string' } } } })
  @ApiNoContentResponse()
  async erase(
    @Query('session_id') fromQuery: unknown,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const fromBody = (body as { session_id?: unknown } | undefined)?.session_id;
    const id = fromQuery ?? fromBody;
    if (typeof id !== 'string' || !SESSION_ID_PATTERN.test(id)) {
      throw new BadRequestException(
        'session_id (in the query or the body) must be 8 to 64 characters of letters, digits, "_" or "-"',
      );
    }
    return this.relay(res, await this.chatbot.send(`/sessions/${id}`, 'DELETE'));
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
    return this.relay(res, reply);
  }

  private relay(res: Response, reply: { status: number; body: unknown }): unknown {
    res.status(reply.status);
    return reply.body ?? undefined;
  }
}
