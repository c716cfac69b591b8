import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HttpExceptionFilter } from '@bookstore/http';
import { DatabaseUnavailableError } from '@bookstore/database';

const STORE_DOWN = 'The store is unavailable right now. Please try again in a moment.';

/** The store API's answer when its database fails: a 503 the widget can show, never a 500. */
@Catch(DatabaseUnavailableError)
export class StoreDownFilter implements ExceptionFilter {
  private readonly render = new HttpExceptionFilter();

  catch(_err: DatabaseUnavailableError, host: ArgumentsHost): void {
    this.render.catch(new ServiceUnavailableException(STORE_DOWN), host);
  }
}
