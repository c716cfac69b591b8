import { ApiProperty } from '@nestjs/swagger';

const PER_LANGUAGE = {
  type: 'object',
  additionalProperties: { type: 'string' },
} as const;

/** GET /api/store: the store's own facts from its content (store.yaml), for the page and widget. */
export class StoreProfileResponse {
  @ApiProperty({ example: 'Example Books' })
  name: string;

  @ApiProperty({ example: 'support@example.com', description: 'Where shoppers write to.' })
  support_email: string;

  @ApiProperty({
    ...PER_LANGUAGE,
    description: "The support team's hours, by language code.",
    example: {
      en: 'Monday to Saturday, 10 am to 6 pm CET',
      fr: 'du lundi au samedi, de 10 h à 18 h',
    },
  })
  support_hours: Record<string, string>;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code of the prices.' })
  currency: string;

  @ApiProperty({
    type: [String],
    example: ['en', 'fr'],
    description: 'The languages the bot answers in; the first is the default.',
  })
  languages: string[];

  @ApiProperty({
    ...PER_LANGUAGE,
    description: 'How soon the support team answers a message, by language code.',
    example: { en: '2 business days', fr: '2 jours ouvrés' },
  })
  answer_within: Record<string, string>;
}
