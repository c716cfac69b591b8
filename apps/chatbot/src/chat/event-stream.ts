import { Logger } from '@nestjs/common';
import type { ChatStreamEvent } from '@bookstore/contracts';
import type { Response } from 'express';

const logger = new Logger('EventStream');

/** Writes events as they come: no buffering on the way (proxies are told so too). */
export async function writeEventStream(
  res: Response,
  events: AsyncIterable<ChatStreamEvent>,
): Promise<void> {
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache, no-transform');
  res.setHeader('x-accel-buffering', 'no');
  res.flushHeaders();
  try {
    for await (const e of events) {
      if (res.writableEnded || res.destroyed) return;
      res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    }
  } catch (err) {
    logger.error((err as Error).stack ?? String(err));
    if (!res.writableEnded) {
      res.write(
        `event: error\ndata: ${JSON.stringify({ message: 'Something went wrong on our side. Please try again.' })}\n\n`,
      );
    }
  } finally {
    if (!res.writableEnded) res.end();
  }
}
