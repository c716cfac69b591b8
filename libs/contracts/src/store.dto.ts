import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from './chat-request.dto.js';
import { IsEmailAddress } from './email-address.js';

export const ORDER_ID_PATTERN = /^\d{6}$/;
export const ORDER_STATUSES = [
  'processing',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export class OrderIdParam {
  @ApiProperty({ pattern: ORDER_ID_PATTERN.source, example: '123456' })
  @Matches(ORDER_ID_PATTERN, { message: 'the order number must be six digits' })
  @IsString()
  id: string;
}

/** Public information only: enough to say where an order is, nothing about who placed it. */
export class OrderStatusResponse {
  @ApiProperty({ example: '123456' })
  order_id: string;

  @ApiProperty({ enum: ORDER_STATUSES })
  status: OrderStatusName;

  @ApiProperty({ example: '2026-11-20T09:30:00Z' })
  updated_at: string;
}

export class VerifyOrderRequest {
  @ApiProperty({
    description: 'The email address the order was placed with.',
    example: 'jane.doe@example.com',
  })
  @IsEmailAddress()
  email: string;

  @ApiPropertyOptional({
    description: 'The chat session asking, so attempts are limited per conversation too.',
    pattern: SESSION_ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(SESSION_ID_PATTERN, {
    message: SESSION_ID_MESSAGE,
  })
  @IsString()
  session_id?: string;
}

export class OrderItemDto {
  @ApiProperty()
  title: string;

  @ApiProperty()
  quantity: number;
}

export class OrderDetailsResponse extends OrderStatusResponse {
  @ApiProperty({ nullable: true, type: String, example: 'UPS' })
  carrier: string | null;

  @ApiProperty({ nullable: true, type: String, example: '1Z999AA10123456784' })
  tracking_number: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-11-28' })
  estimated_delivery: string | null;

  @ApiProperty({ type: [OrderItemDto] })
  items: OrderItemDto[];
}

export class ProductsQuery {
  @ApiPropertyOptional({ description: 'A category slug from /api/categories.', example: 'mystery' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'category must be a category slug such as "mystery"' })
  @IsString()
  category?: string;

  @ApiPropertyOptional({
    description: 'Words to find in titles, authors and descriptions.',
    example: 'dragon',
  })
  @IsOptional()
  @Length(1, 100, { message: 'q must be between 1 and 100 characters' })
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'q must not contain control characters' })
  @IsString()
  q?: string;

  @ApiPropertyOptional({ description: 'true: bestsellers only.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'bestseller must be true or false' })
  bestseller?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @Max(50, { message: 'limit must be 50 or less' })
  @Min(1, { message: 'limit must be 1 or more' })
  @IsInt({ message: 'limit must be a whole number' })
  limit?: number;
}

/** A product search as the store runs it: the query above once its limit has its default. */
export type ProductSearch = Omit<ProductsQuery, 'limit'> & { limit: number };

export class ProductDto {
  @ApiProperty() id: number;
  @ApiProperty() title: string;
  @ApiProperty() author: string;
  @ApiProperty({ example: 'mystery' }) category: string;
  @ApiProperty({ example: 14.99 }) price: number;
  @ApiProperty() description: string;
  @ApiProperty({ example: 4.5 }) rating: number;
  @ApiProperty() bestseller: boolean;
  @ApiPropertyOptional({
    example: 4,
    description: "The youngest reader's age, when the catalog says.",
  })
  age_min?: number;
  @ApiPropertyOptional({
    example: 8,
    description: "The oldest reader's age, when the catalog says.",
  })
  age_max?: number;
}

export class ProductsResponse {
  @ApiProperty({ type: [ProductDto] })
  items: ProductDto[];
}

export class CategoryDto {
  @ApiProperty({ example: 'mystery' }) slug: string;
  @ApiProperty({ example: 'Mystery & Thriller' }) name: string;
  @ApiProperty({ example: 7 }) count: number;
}

export class CategoriesResponse {
  @ApiProperty({ type: [CategoryDto] })
  items: CategoryDto[];
}

/**
 * The whole catalog in one answer: every book with its category, and the shelves. Served with an
 * ETag: a client that keeps a copy asks again with If-None-Match and gets 304 while it is current.
 */
export class CatalogResponse {
  @ApiProperty({ type: [CategoryDto] })
  categories: CategoryDto[];

  @ApiProperty({ type: [ProductDto] })
  items: ProductDto[];
}
