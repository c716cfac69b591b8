import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STORE_CONTENT, type StoreContent } from '@bookstore/content';
import { StoreProfileResponse } from '@bookstore/contracts';

/**
 * The store's name, support address and hours from its content, so the page and the widget state
 * them without a word of their own. Read from memory: not rate limited, and cacheable for a while,
 * since the content changes only with a deploy.
 */
@ApiTags('store')
@Controller('api/store')
export class StoreProfileController {
  private readonly body: StoreProfileResponse;

  constructor(@Inject(STORE_CONTENT) content: StoreContent) {
    const p = content.profile;
    this.body = {
      name: p.name,
      support_email: p.supportEmail,
      support_hours: p.supportHours,
      currency: p.currency,
      languages: p.languages,
      answer_within: p.answerWithin,
    };
  }

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "The store's name, support address and hours, currency and languages" })
  @ApiOkResponse({ type: StoreProfileResponse })
  profile(): StoreProfileResponse {
    return this.body;
  }
}
