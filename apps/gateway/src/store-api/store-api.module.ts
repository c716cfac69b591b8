import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller.js';
import { HelpController } from './help.controller.js';
import { HelpSpelling } from './help-spelling.js';
import { OrdersController } from './orders.controller.js';
import { StoreProfileController } from './store-profile.controller.js';

/** The store's own API; the data comes from BookstoreModule and STORE_CONTENT (global). */
@Module({
  controllers: [OrdersController, CatalogController, HelpController, StoreProfileController],
  providers: [HelpSpelling],
})
export class StoreApiModule {}
