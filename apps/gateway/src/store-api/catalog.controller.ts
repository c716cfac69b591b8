import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CategoriesResponse, ProductsQuery, ProductsResponse } from '@bookstore/contracts';
import { BookstoreRepository } from '@bookstore/store';

@ApiTags('store')
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
