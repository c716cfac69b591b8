import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Logger,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, HistoryResponse, SessionIdParam, TurnFeedback } from '@bookstore/contracts';
import { Conversations } from '@bookstore/conversations';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { CHAT_FEEDBACK } from './sessions.metrics.js';

const UNAVAILABLE = 'Conversation history is unavailable right now. Please try again later.';

@ApiTags('sessions')
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The conversation store is down.' })
@Controller('sessions/:id')
export class SessionsController {
  private readonly logger = new Logger(SessionsController.name);

  constructor(
    private readonly sessions: Conversations,
    @InjectMetric(CHAT_FEEDBACK) private readonly feedback: Counter<'rating'>,
  ) {}

  @Get('history')
  @ApiOperation({ summary: "A conversation's stored turns, oldest first" })
  @ApiOkResponse({ type: HistoryResponse })
  async history(@Param() { id }: SessionIdParam): Promise<HistoryResponse> {
    const turns = await this.guard(() => this.sessions.history(id));
    return { session_id: id, turns: turns };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase a conversation: turns, state and feedback' })
  @ApiNoContentResponse()
  async erase(@Param() { id }: SessionIdParam): Promise<void> {
    await this.guard(() => this.sessions.delete(id));
  }

  @Post('feedback')
  @HttpCode(204)
  @ApiOperation({ summary: 'Thumbs up or down on one bot answer, or "none" to take it back' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such turn is stored.' })
  async rate(@Param() { id }: SessionIdParam, @Body() body: TurnFeedback): Promise<void> {
    const rating = body.rating === 'none' ? null : body.rating;
    const stored = await this.guard(() => this.sessions.rate(id, body.turn, rating));
    if (!stored)
      throw new NotFoundException(`Turn ${body.turn} of this conversation is not stored.`);
    // The counter counts thumbs given; taking one back is not a rating.
    if (rating) this.feedback.inc({ rating });
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn(`conversation store failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException(UNAVAILABLE);
    }
  }
}
