import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { errorBody } from './error-body.js';

/** Renders every error, ours or the framework's, in the one error shape. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, message, extra } = describe(exception);
    if (status >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({ ...extra, ...errorBody(status, message) });
  }
}

interface Described {
  status: number;
  message: string;
  /** Further fields an exception chose to carry (readiness details), kept beside the shape. */
  extra: Record<string, unknown>;
}

function describe(exception: unknown): Described {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const extra = typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
    delete extra.statusCode;
    delete extra.error;
    delete extra.message;
    return { status, message: messageOf(body, exception.message), extra };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    message: 'Something went wrong on our side. Please try again.',
    extra: {},
  };
}

function messageOf(body: string | object, fallback: string): string {
  if (typeof body === 'string') return body;
  const m = (body as { message?: unknown }).message;
  if (Array.isArray(m)) return m.map(String).join('; ');
  if (typeof m === 'string') return m;
  return fallback;
}
