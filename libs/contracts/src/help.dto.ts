import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** An article's title and short answer in another language. */
export class HelpTranslationDto {
  @ApiProperty({ example: 'Paquet cadeau' })
  title: string;

  @ApiProperty({
    example: 'Le paquet cadeau coûte 3,99 $ par livre, avec un petit mot écrit à la main.',
  })
  answer: string;
}

export class HelpArticleDto {
  @ApiProperty({ example: 'gift-wrapping', description: 'The page anchors it as help-<slug>.' })
  slug: string;

  @ApiProperty({
    example: 'shipping',
    description: 'shipping, returns, payment, order_status or help.',
  })
  topic: string;

  @ApiProperty({ example: 'Gift wrapping' })
  title: string;

  @ApiProperty({ type: [String], description: 'Ways shoppers ask what the article answers.' })
  questions: string[];

  @ApiProperty({ description: 'The short answer, as the chat bot gives it.' })
  answer: string;

  @ApiProperty({ description: 'The full text.' })
  body: string;

  @ApiPropertyOptional({
    description:
      'The title and short answer in the other languages the chat bot speaks, by language code ' +
      '(es, fr, de); the English ones are `title` and `answer`.',
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { title: { type: 'string' }, answer: { type: 'string' } },
      required: ['title', 'answer'],
    },
    example: { fr: { title: 'Paquet cadeau', answer: 'Le paquet cadeau coûte 3,99 $ par livre.' } },
  })
  translations?: Record<string, HelpTranslationDto>;
}

export class HelpArticlesResponse {
  @ApiProperty({ type: [HelpArticleDto] })
  items: HelpArticleDto[];
}

export class HelpMatchDto extends HelpArticleDto {
  @ApiProperty({
    example: 0.62,
    description: 'Full-text rank of the article for the question; higher is a closer match.',
  })
  score: number;

  @ApiProperty({
    example: 2,
    description: 'How many distinct words of the question (or their synonyms) the article has.',
  })
  matched: number;
}

export class HelpSearchResponse {
  @ApiProperty({ type: [HelpMatchDto] })
  items: HelpMatchDto[];
}

export class HelpSearchQuery {
  @ApiProperty({ description: "The shopper's question.", example: 'do you gift wrap?' })
  @Length(1, 300, { message: 'q must be between 1 and 300 characters' })
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'q must not contain control characters' })
  @IsString({ message: 'q must be a string' })
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @Max(10, { message: 'limit must be 10 or less' })
  @Min(1, { message: 'limit must be 1 or more' })
  @IsInt({ message: 'limit must be a whole number' })
  limit?: number;
}
