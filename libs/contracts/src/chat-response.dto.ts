import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const CHAT_SOURCES = ['rules', 'llm', 'fallback'] as const;
export type ChatSource = (typeof CHAT_SOURCES)[number];

export class ChatResponse {
  @ApiProperty({ example: 'We accept Visa, Mastercard, American Express, and PayPal.' })
  response: string;

  @ApiProperty({ example: '3f2b8c1e-6d7a-4c2e-9b1a-0e5f4d3c2b1a' })
  session_id: string;

  @ApiProperty({
    description: 'What the bot understood the message to be about.',
    example: 'payment',
  })
  intent: string;

  @ApiProperty({ enum: CHAT_SOURCES, description: 'Which stage produced the answer.' })
  source: ChatSource;

  @ApiPropertyOptional({
    description:
      'Number of this turn in the conversation, for feedback. Absent when history is down.',
    example: 3,
  })
  turn?: number;
}
