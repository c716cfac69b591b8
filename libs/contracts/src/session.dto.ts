import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from './chat-request.dto.js';
import { BookCard, CHAT_SOURCES, ChatLink, type ChatSource } from './chat-response.dto.js';

export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];
/** What feedback may set: a rating, or `none` to take one back. */
export const FEEDBACK_RATINGS = [...RATINGS, 'none'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/** A session id in the path: `/sessions/:id/...`. */
export class SessionIdParam {
  @ApiProperty({ pattern: SESSION_ID_PATTERN.source })
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  @IsString()
  id: string;
}

/** A session id in the query string: `?session_id=...`. */
export class SessionQuery {
  @ApiProperty({ pattern: SESSION_ID_PATTERN.source })
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  @IsString({ message: 'session_id is required' })
  session_id: string;
}

export class TurnFeedback {
  @ApiProperty({ description: 'The turn number from the chat answer.', example: 3 })
  @Type(() => Number)
  @Max(1_000_000_000)
  @Min(1, { message: 'turn must be 1 or more' })
  @IsInt({ message: 'turn must be a whole number' })
  turn: number;

  @ApiProperty({ enum: FEEDBACK_RATINGS, description: '`none` clears an earlier rating.' })
  @IsIn(FEEDBACK_RATINGS, { message: 'rating must be "up", "down" or "none"' })
  rating: FeedbackRating;
}

export class FeedbackRequest extends TurnFeedback {
  @ApiProperty({ pattern: SESSION_ID_PATTERN.source })
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  @IsString({ message: 'session_id is required' })
  session_id: string;
}

/** One stored exchange, with the optional parts its answer carried (omitted when it had none). */
export class TurnDto {
  @ApiProperty({ example: 1 })
  turn: number;

  @ApiProperty({ example: '2026-11-23T22:15:00.000Z' })
  timestamp: string;

  @ApiProperty({ example: 'Where is my order?' })
  user: string;

  @ApiProperty({ example: 'I can help you track your order. Please provide your order number.' })
  bot: string;

  @ApiProperty({ example: 'order_status' })
  intent: string;

  @ApiProperty({ enum: CHAT_SOURCES })
  source: ChatSource;

  @ApiPropertyOptional({ enum: RATINGS })
  rating?: Rating;

  @ApiPropertyOptional({
    enum: [true],
    description: 'The answer broke off (LLM failure or Stop): `bot` holds the part that was shown.',
  })
  cut?: true;

  @ApiPropertyOptional({
    type: [String],
    description:
      "The answer's quick replies, as it offered them; a client shows the newest answer's only.",
    example: ['Track my order', 'Shipping', 'Returns', 'Recommend a book'],
  })
  suggestions?: string[];

  @ApiPropertyOptional({ type: [BookCard], description: 'The books the answer showed as cards.' })
  books?: BookCard[];

  @ApiPropertyOptional({
    type: [ChatLink],
    description: 'The links the answer offered (http(s), mailto, or a path on the store page).',
  })
  links?: ChatLink[];
}

export class HistoryResponse {
  @ApiProperty()
  session_id: string;

  @ApiProperty({ type: [TurnDto], description: 'Oldest first.' })
  turns: TurnDto[];
}
