import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { RateLimitGuard } from '@bookstore/ratelimit';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  CategoriesResponse,
  ErrorBody,
  ProductsQuery,
  ProductsResponse,
} from '@bookstore/contracts';
import { BookstoreRepository } from '@bookstore/store';
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
}
