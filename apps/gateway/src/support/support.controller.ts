import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { fillStoreFacts, STORE_CONTENT, type StoreContent } from '@bookstore/content';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CreateSupportRequest,
  ErrorBody,
  SupportReferenceParam,
  SupportRequestCreated,
  SupportRequestDto,
  SupportRequestsQuery,
  SupportRequestsResponse,
  UpdateSupportRequest,
} from '@bookstore/contracts';
import { clientKey, errorBody, isInternalCaller } from '@bookstore/http';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  SupportRequestsRepository,
  SupportStoreError,
  type SupportRequestRow,
} from '@bookstore/database';
import type { Request, Response } from 'express';
import { EXPECTED_ANSWER, SupportService, TooManySupportRequests } from './support.service.js';
import { SupportTokenGuard } from './support-token.guard.js';
import { toDto } from './support-wire.js';

const STORE_DOWN = 'Support requests cannot be saved right now. Please email {support_email}.';

@ApiTags('support')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database is down.' })
@Controller('api/support/requests')
export class SupportController {
  // These texts are in English, like the rest of this API's messages.
  private readonly expectedAnswer: string;
  private readonly storeDown: string;

  constructor(
    private readonly support: SupportService,
    private readonly repo: SupportRequestsRepository,
    @Inject(STORE_CONTENT) content: StoreContent,
  ) {
    this.expectedAnswer = fillStoreFacts(EXPECTED_ANSWER, content.profile, 'en');
    this.storeDown = fillStoreFacts(STORE_DOWN, content.profile, 'en');
  }

  @Post()
  @UseGuards(RateLimitGuard)
  @ApiOperation({
    summary: 'Hand the conversation to the support team',
    description:
      'Used by the chatbot and by the widget\'s "Talk to a person" form. The transcript is this ' +
      "session's own history; the order is the one this session verified, if any. Limited per " +
      'conversation and per client address.',
  })
  @ApiCreatedResponse({ type: SupportRequestCreated })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many requests: Retry-After.' })
  async create(
    @Body() body: CreateSupportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SupportRequestCreated> {
    const internal = isInternalCaller(req);
    // Only the chatbot speaks for a conversation's transcript; anyone else's is refused.
    if (body.transcript !== undefined && !internal) {
      throw new BadRequestException(
        errorBody(400, 'transcript is only accepted from the chat service'),
      );
    }
    try {
      // The shopper the chatbot's internal call names, not the chatbot pod (clientKey: IPv6 /64).
      const created = await this.support.create(body, clientKey(req), internal);
      return {
        reference: created.reference,
        status: created.status,
        created_at: created.created_at,
        expected_answer: this.expectedAnswer,
      };
    } catch (err) {
      if (err instanceof TooManySupportRequests) {
        res.setHeader('Retry-After', String(this.support.windowLength));
      }
      throw mapped(err, this.storeDown);
    }
  }

  @Get()
  @UseGuards(SupportTokenGuard)
  @ApiBearerAuth('bearer')
  @ApiOperation({
    summary: 'Support requests, newest first, with their transcripts (agents)',
    description: 'Needs `Authorization: Bearer <SUPPORT_API_TOKEN>`; 404 when no token is set.',
  })
  @ApiOkResponse({ type: SupportRequestsResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'Too many wrong tokens from this client: Retry-After.',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SUPPORT_API_TOKEN is not set.' })
  async list(@Query() query: SupportRequestsQuery): Promise<SupportRequestsResponse> {
    try {
      return { items: (await this.repo.list(query.status)).map(toDto) };
    } catch (err) {
      throw mapped(err, this.storeDown);
    }
  }

  @Patch(':ref')
  @UseGuards(SupportTokenGuard)
  @ApiBearerAuth('bearer')
  @ApiOperation({ summary: 'Close or reopen a request, or set its note (agents)' })
  @ApiOkResponse({ type: SupportRequestDto })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'Too many wrong tokens from this client: Retry-After.',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  async update(
    @Param() { ref }: SupportReferenceParam,
    @Body() body: UpdateSupportRequest,
  ): Promise<SupportRequestDto> {
    let updated: SupportRequestRow | null;
    try {
      updated = await this.repo.update(ref, { status: body.status, note: body.note });
    } catch (err) {
      throw mapped(err, this.storeDown);
    }
    if (!updated) throw new NotFoundException(`Support request ${ref} was not found.`);
    return toDto(updated);
  }
}

// The data layer's errors become HTTP here, and only here.
function mapped(err: unknown, storeDown: string): unknown {
  if (err instanceof SupportStoreError) return new ServiceUnavailableException(storeDown);
  return err;
}
