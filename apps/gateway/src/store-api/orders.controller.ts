import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { RateLimitGuard } from '@bookstore/ratelimit';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ErrorBody,
  OrderDetailsResponse,
  OrderIdParam,
  OrderStatusResponse,
  VerifyOrderRequest,
} from '@bookstore/contracts';
import {
  BookstoreRepository,
  SupportRequestsRepository,
  type AttemptLimit,
} from '@bookstore/database';
import { clientKey, errorBody } from '@bookstore/http';
import type { Request, Response } from 'express';
import { GatewayOptions } from '../config/gateway.options.js';
import { StoreDownFilter } from './store-down.filter.js';

// One answer for "no such order" and "not your email", so neither can be told apart.
const NO_MATCH = 'No order matches that order number and email address.';

@ApiTags('store')
@ApiBadRequestResponse({ type: ErrorBody })
@UseGuards(RateLimitGuard)
@UseFilters(StoreDownFilter)
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Rate limited: see Retry-After.' })
@Controller('api/orders/:id')
export class OrdersController {
  private readonly maxAttempts: number;
  private readonly maxAttemptsPerClient: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly repo: BookstoreRepository,
    options: GatewayOptions,
    private readonly support: SupportRequestsRepository,
  ) {
    this.maxAttempts = options.orderVerify.maxPerSession;
    this.maxAttemptsPerClient = options.orderVerify.maxPerClient;
    this.windowSeconds = options.orderVerify.windowSeconds;
  }

  @Get('status')
  @ApiOperation({ summary: "An order's status: public information only" })
  @ApiOkResponse({ type: OrderStatusResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async status(@Param() { id }: OrderIdParam): Promise<OrderStatusResponse> {
    const order = await this.repo.orderStatus(id);
    if (!order) throw new NotFoundException(`Order ${id} was not found.`);
    return order;
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tracking details, for the email the order was placed with',
    description:
      'An unknown order and a wrong email get the same 404. Failed attempts are limited per chat session and per client address; a successful check does not count.',
  })
  @ApiOkResponse({ type: OrderDetailsResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  async verify(
    @Param() { id }: OrderIdParam,
    @Body() body: VerifyOrderRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderDetailsResponse> {
    const limits: AttemptLimit[] = [
      { subject: `client:${clientKey(req)}`, max: this.maxAttemptsPerClient },
    ];
    if (body.session_id)
      limits.push({ subject: `session:${body.session_id}`, max: this.maxAttempts });
    // Reserved before the check and given back on success, so parallel checks cannot overrun.
    const reservation = await this.repo.reserveAttempt(limits, this.windowSeconds);
    if (!reservation) {
      res.setHeader('Retry-After', String(this.windowSeconds));
      throw new HttpException(
        errorBody(429, 'Too many verification attempts. Please try again later.'),
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const order = await this.repo.orderDetails(id, body.email);
    if (!order) throw new NotFoundException(NO_MATCH);
    await this.repo.releaseAttempt(reservation);
    // A support request from this conversation then names the order (issue #15).
    if (body.session_id)
      await this.support.rememberVerifiedOrder(body.session_id, id).catch(() => undefined);
    return order;
  }
}
