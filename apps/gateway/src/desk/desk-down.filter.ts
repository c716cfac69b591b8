import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HttpExceptionFilter } from '@bookstore/http';
import { DatabaseUnavailableError, DeskStoreError, SupportStoreError } from '@bookstore/database';

const DESK_DOWN = 'The desk cannot reach its database right now. Please try again in a moment.';

/** The desk's answer when the database fails: a 503 the page shows, never a 500. */
@Catch(DeskStoreError, SupportStoreError, DatabaseUnavailableError)
export class DeskDownFilter implements ExceptionFilter {
  private readonly render = new HttpExceptionFilter();

  catch(_err: Error, host: ArgumentsHost): void {
    this.render.catch(new ServiceUnavailableException(DESK_DOWN), host);
  }
}
