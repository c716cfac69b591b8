import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export const MESSAGE_MAX_LENGTH = 2000;
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const SESSION_ID_MESSAGE =
  'session_id must be 8 to 64 characters of letters, digits, "_" or "-"';

const trimIfString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class ChatRequest {
  @ApiProperty({
    description: "The shopper's message. Surrounding white space is trimmed.",
    minLength: 1,
    maxLength: MESSAGE_MAX_LENGTH,
    example: 'What payment methods do you accept?',
  })
  @Transform(trimIfString)
  // Decorators run bottom-up: the type is checked before the length.
  @Length(1, MESSAGE_MAX_LENGTH, {
    message: `message must be between 1 and ${MESSAGE_MAX_LENGTH} characters after trimming`,
  })
  @IsString({ message: 'message must be a string' })
  message: string;

  @ApiPropertyOptional({
    description: 'The conversation to continue. Omit it to start a new one.',
    pattern: SESSION_ID_PATTERN.source,
    example: '3f2b8c1e-6d7a-4c2e-9b1a-0e5f4d3c2b1a',
  })
  @IsOptional()
  @Matches(SESSION_ID_PATTERN, {
    message: SESSION_ID_MESSAGE,
  })
  @IsString({ message: 'session_id must be a string' })
  session_id?: string;
}
