import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ErrorBody,
  HelpArticlesResponse,
  HelpSearchQuery,
  HelpSearchResponse,
} from '@bookstore/contracts';
import { BookstoreRepository } from '@bookstore/database';
import { HelpSpelling } from './help-spelling.js';
import { StoreDownFilter } from './store-down.filter.js';

/** The help center: the store's facts, one article per fact, as the page and the bot state them. */
@ApiTags('help')
@UseGuards(RateLimitGuard)
@UseFilters(StoreDownFilter)
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited: see Retry-After.' })
@Controller('api/help')
export class HelpController {
  constructor(
    private readonly repo: BookstoreRepository,
    private readonly spelling: HelpSpelling,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every help-center article, in the order the help center shows them' })
  @ApiOkResponse({ type: HelpArticlesResponse })
  async list(): Promise<HelpArticlesResponse> {
    return { items: await this.repo.helpArticles() };
  }

  @Get('search')
  @ApiOperation({
    summary: 'The articles that best answer a question (PostgreSQL full-text rank, best first)',
    description: "Misspelled words are read as the articles' own words first.",
  })
  @ApiOkResponse({ type: HelpSearchResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'q missing, empty or too long.' })
  async search(@Query() query: HelpSearchQuery): Promise<HelpSearchResponse> {
    const question = await this.spelling.correct(query.q);
    return { items: await this.repo.searchHelp(question, query.limit ?? 3) };
  }
}
