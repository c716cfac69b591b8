import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from './chat-request.dto.js';
import { IsEmailAddress } from './email-address.js';
import { CHAT_LANGUAGES, type ChatLanguage } from './chat-response.dto.js';
import { TurnDto } from './session.dto.js';

/** Why the shopper is handed to a person: the bot's trigger, or the widget's form. */
export const SUPPORT_REASONS = ['asked', 'frustrated', 'not_understood', 'form'] as const;
export type SupportReason = (typeof SUPPORT_REASONS)[number];
export const SUPPORT_STATUSES = ['open', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_REFERENCE_PATTERN = /^SR-\d{6}$/;
export const SUPPORT_PROBLEM_MAX_LENGTH = 1000;
export const SUPPORT_NOTE_MAX_LENGTH = 2000;

// Bidi controls (embeddings, overrides, isolates, marks) reorder what a reader sees: a problem
// could show the team another address or order number than it holds. They go before the checks.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const trimIfString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.replace(BIDI_CONTROLS, '').trim() : value;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NO_CONTROL = /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/;

/** The most turns a transcript carries (the gateway keeps the last 100 of what it reads). */
export const SUPPORT_TRANSCRIPT_MAX_TURNS = 100;

/**
 * A turn with only the fields the support team reads: nothing else a turn carries (answer parts,
 * ratings) travels to the team, wherever a transcript is made.
 */
export function transcriptTurn(t: {
  turn: number;
  timestamp: string;
  user: string;
  bot: string;
  intent: string;
  source: string;
}): { turn: number; timestamp: string; user: string; bot: string; intent: string; source: string } {
  return {
    turn: t.turn,
    timestamp: t.timestamp,
    user: t.user,
    bot: t.bot,
    intent: t.intent,
    source: t.source,
  };
}

/** A turn of the conversation as the chatbot sends it with a support request. */
export class SupportTranscriptTurn {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'transcript turn must be a whole number' })
  turn: number;

  @ApiProperty({ example: '2026-11-23T22:15:00.000Z' })
  @MaxLength(40)
  @IsString()
  timestamp: string;

  @ApiProperty()
  @MaxLength(20_000)
  @IsString()
  user: string;

  @ApiProperty()
  @MaxLength(20_000)
  @IsString()
  bot: string;

  @ApiProperty({ example: 'order_status' })
  @MaxLength(40)
  @IsString()
  intent: string;

  @ApiProperty({ example: 'rules' })
  @MaxLength(40)
  @IsString()
  source: string;
}

/** A shopper asks for a person: from the chatbot's conversation or the widget's form. */
export class CreateSupportRequest {
  @ApiProperty({
    description: 'The conversation to hand over; its transcript is attached.',
    pattern: SESSION_ID_PATTERN.source,
  })
  @Matches(SESSION_ID_PATTERN, {
    message: SESSION_ID_MESSAGE,
  })
  @IsString({ message: 'session_id is required' })
  session_id: string;

  @ApiProperty({ description: 'Where the team answers.', example: 'jane.doe@example.com' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({
    description: 'The problem in a line or two.',
    minLength: 1,
    maxLength: SUPPORT_PROBLEM_MAX_LENGTH,
    example: 'My order arrived with a torn cover.',
  })
  @Transform(trimIfString)
  @Matches(NO_CONTROL, { message: 'problem must not contain control characters' })
  @Length(1, SUPPORT_PROBLEM_MAX_LENGTH, {
    message: `problem must be between 1 and ${SUPPORT_PROBLEM_MAX_LENGTH} characters`,
  })
  @IsString({ message: 'problem must be a string' })
  problem: string;

  @ApiPropertyOptional({ enum: SUPPORT_REASONS, default: 'form' })
  @IsOptional()
  @IsIn(SUPPORT_REASONS, { message: `reason must be one of ${SUPPORT_REASONS.join(', ')}` })
  reason?: SupportReason;

  @ApiPropertyOptional({
    enum: CHAT_LANGUAGES,
    default: 'en',
    description: "The shopper's language, so the team answers in it.",
  })
  @IsOptional()
  @IsIn(CHAT_LANGUAGES, { message: `language must be one of ${CHAT_LANGUAGES.join(', ')}` })
  language?: ChatLanguage;

  @ApiPropertyOptional({
    type: [SupportTranscriptTurn],
    description:
      'The conversation, oldest first, sent by the chat service itself (internal callers only: ' +
      'from anyone else it is refused, and the gateway reads the transcript from the chat service).',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SupportTranscriptTurn)
  @ArrayMaxSize(SUPPORT_TRANSCRIPT_MAX_TURNS, {
    message: `transcript must have at most ${SUPPORT_TRANSCRIPT_MAX_TURNS} turns`,
  })
  @IsArray({ message: 'transcript must be a list of turns' })
  transcript?: SupportTranscriptTurn[];
}

/** What the shopper gets back: the reference to quote and when to expect an answer. */
export class SupportRequestCreated {
  @ApiProperty({ example: 'SR-482913' })
  reference: string;

  @ApiProperty({ enum: SUPPORT_STATUSES })
  status: SupportStatus;

  @ApiProperty({ example: '2026-11-28T19:30:00.000Z' })
  created_at: string;

  @ApiProperty({
    description: "When to expect an answer: the store's support hours and answer time.",
    example:
      'Our support team answers Monday to Saturday, 10 am to 6 pm CET, within 2 business days.',
  })
  expected_answer: string;
}

/** A request as the support team sees it. */
export class SupportRequestDto {
  @ApiProperty({ example: 'SR-482913' }) reference: string;
  @ApiProperty({ example: 'jane.doe@example.com' }) email: string;
  @ApiProperty() problem: string;
  @ApiProperty({ nullable: true, type: String, example: '123456' }) order_id: string | null;
  @ApiProperty({ example: 'en' }) language: string;
  @ApiProperty({ enum: SUPPORT_REASONS }) reason: SupportReason;
  @ApiProperty({ enum: SUPPORT_STATUSES }) status: SupportStatus;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
  @ApiProperty({
    enum: ['pending', 'delivered', 'stored', 'failed'],
    description:
      'pending: not yet delivered to the team (retried); stored: no channel configured; ' +
      'failed: every delivery attempt failed, none is made any more.',
  })
  delivery: string;
  @ApiProperty({
    description:
      'false: the chat service could not be read, so the transcript is missing (not empty).',
  })
  transcript_read: boolean;
  @ApiProperty({ type: [TurnDto], description: 'This conversation, oldest first.' })
  transcript: TurnDto[];
}

export class SupportRequestsResponse {
  @ApiProperty({ type: [SupportRequestDto], description: 'Newest first, at most 100.' })
  items: SupportRequestDto[];
}

export class SupportRequestsQuery {
  @ApiPropertyOptional({ enum: SUPPORT_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES, { message: 'status must be "open" or "closed"' })
  status?: SupportStatus;
}

export class SupportReferenceParam {
  @ApiProperty({ pattern: SUPPORT_REFERENCE_PATTERN.source, example: 'SR-482913' })
  @Matches(SUPPORT_REFERENCE_PATTERN, { message: 'the reference looks like SR-482913' })
  @IsString()
  ref: string;
}

export class UpdateSupportRequest {
  @ApiPropertyOptional({ enum: SUPPORT_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES, { message: 'status must be "open" or "closed"' })
  status?: SupportStatus;

  @ApiPropertyOptional({ maxLength: SUPPORT_NOTE_MAX_LENGTH })
  @IsOptional()
  @Transform(trimIfString)
  @Matches(NO_CONTROL, { message: 'note must not contain control characters' })
  @MaxLength(SUPPORT_NOTE_MAX_LENGTH, {
    message: `note must be at most ${SUPPORT_NOTE_MAX_LENGTH} characters`,
  })
  @IsString({ message: 'note must be a string' })
  note?: string;
}
