import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const CHAT_SOURCES = ['rules', 'llm', 'fallback'] as const;
export type ChatSource = (typeof CHAT_SOURCES)[number];

export const CHAT_LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

/** A book the answer names, for clients that show cards; the text names it too. */
export class BookCard {
  @ApiProperty({ example: 'Dune' })
  title: string;

  @ApiProperty({ example: 'Frank Herbert' })
  author: string;

  @ApiProperty({ example: 10.99, description: 'US dollars.' })
  price: number;

  @ApiProperty({ example: 'science-fiction', description: 'Category slug.' })
  category: string;

  @ApiProperty({
    example: '/#book-dune',
    description: 'Where the book is on the store page (relative to the gateway, or absolute).',
  })
  url: string;
}

/** A link the answer offers: only http(s) and mailto URLs are ever sent. */
export class ChatLink {
  @ApiProperty({ example: 'Email support' })
  label: string;

  @ApiProperty({ example: 'mailto:support@example.com' })
  url: string;
}

/**
 * The answer to one message. `response` is always the whole answer as plain text; the optional parts
 * beside it (quick replies, book cards, links) are for clients that render them, never HTML.
 */
export class ChatResponse {
  @ApiProperty({ example: 'We accept Visa, Mastercard, American Express, and PayPal.' })
  response: string;

  @ApiProperty({ example: '3f2b8c1e-6d7a-4c2e-9b1a-0e5f4d3c2b1a' })
  session_id: string;

  @ApiProperty({
    description:
      'What the bot understood the message to be about: greeting, order_status, shipping, ' +
      'returns, payment, recommendation or fallback (the original plan); thanks, goodbye, ' +
      'acknowledge, frustrated or gibberish (small talk); help (an answer from a help-center ' +
      'article outside those topics). Clients must accept intents added later.',
    example: 'payment',
  })
  intent: string;

  @ApiProperty({ enum: CHAT_SOURCES, description: 'Which stage produced the answer.' })
  source: ChatSource;

  @ApiProperty({
    enum: CHAT_LANGUAGES,
    example: 'es',
    description:
      "The conversation's language, which the answer is in: detected on each message, kept for " +
      'messages with no language of their own ("ok", an order number, an email address).',
  })
  language: ChatLanguage;

  @ApiPropertyOptional({
    description:
      'Number of this turn in the conversation, for feedback. Absent when history is down.',
    example: 3,
  })
  turn?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Quick replies: short texts the shopper can send with one tap.',
    example: ['Track my order', 'Shipping', 'Returns', 'Recommend a book'],
  })
  suggestions?: string[];

  @ApiPropertyOptional({ type: [BookCard], description: 'Books the answer names.' })
  books?: BookCard[];

  @ApiPropertyOptional({
    type: [ChatLink],
    description: 'Links the answer offers (support email, tracking page, help article).',
  })
  links?: ChatLink[];
}

/** The optional structured parts of an answer, as the chatbot builds them and the stream ends with. */
export type AnswerParts = Pick<ChatResponse, 'suggestions' | 'books' | 'links'>;
