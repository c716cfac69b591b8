import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller.js';
import { HelpController } from './help.controller.js';
import { HelpSpelling } from './help-spelling.js';
import { OrdersController } from './orders.controller.js';

/** The store's own API; the data comes from BookstoreModule (global). */
@Module({
  controllers: [OrdersController, CatalogController, HelpController],
  providers: [HelpSpelling],
})
export class StoreApiModule {}
