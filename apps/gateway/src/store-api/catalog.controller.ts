import { createHash } from 'node:crypto';
import { Controller, Get, Headers, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  ApiHeader,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  CatalogResponse,
  CategoriesResponse,
  ErrorBody,
  ProductsQuery,
  ProductsResponse,
} from '@bookstore/contracts';
import { BookstoreRepository } from '@bookstore/database';
import { StoreDownFilter } from './store-down.filter.js';

@ApiTags('store')
@UseGuards(RateLimitGuard)
@UseFilters(StoreDownFilter)
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited: see Retry-After.' })
@Controller('api')
export class CatalogController {
  constructor(private readonly repo: BookstoreRepository) {}

  @Get('products')
  @ApiOperation({ summary: 'Books, by category and by words in title, author or description' })
  @ApiOkResponse({ type: ProductsResponse })
  async products(@Query() query: ProductsQuery): Promise<ProductsResponse> {
    const items = await this.repo.products({
      category: query.category,
      q: query.q,
      bestseller: query.bestseller,
      limit: query.limit ?? 12,
    });
    return { items };
  }

  @Get('categories')
  @ApiOperation({ summary: 'The catalog categories, with how many books each has' })
  @ApiOkResponse({ type: CategoriesResponse })
  async categories(): Promise<CategoriesResponse> {
    return { items: await this.repo.categories() };
  }

  /**
   * The whole catalog in one answer, for a client that keeps a copy (the chatbot): a strong ETag
   * of its content, and 304 to If-None-Match while it is unchanged, so a kept copy costs a
   * round trip with no body. /api/products and /api/categories stay for REST clients.
   */
  @Get('catalog')
  @ApiOperation({ summary: 'Every book with its category, and the categories, in one answer' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a kept copy.' })
  @ApiOkResponse({ type: CatalogResponse, description: 'With an ETag header.' })
  @ApiNotModifiedResponse({ description: 'The copy named by If-None-Match is current.' })
  async catalog(
    @Headers('if-none-match') kept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CatalogResponse | undefined> {
    const [categories, items] = await Promise.all([this.repo.categories(), this.repo.allBooks()]);
    const body: CatalogResponse = { categories, items };
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    res.setHeader('ETag', etag);
    // Kept copies are revalidated each time they are used, never taken as current unasked.
    res.setHeader('Cache-Control', 'no-cache');
    if (kept !== undefined && kept.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}`)) {
      res.status(304);
      return undefined;
    }
    return body;
  }
}
