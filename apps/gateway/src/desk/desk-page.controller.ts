import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PUBLIC_DIR } from '../store-page/store-page.js';

/**
 * The desk's page: `/desk`, a static file beside the store page, under the same CSP (its script
 * and styles are desk.js and desk.css). Never cached: a signed-out agent's back button must not
 * show a request.
 */
@ApiExcludeController()
@Controller('desk')
export class DeskPageController {
  @Get()
  page(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile('desk.html', { root: PUBLIC_DIR });
  }
}
