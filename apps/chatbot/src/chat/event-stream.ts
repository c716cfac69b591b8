import { Logger } from '@nestjs/common';
import type { ChatStreamEvent } from '@bookstore/contracts';
import { formatEvent, startEventStream } from '@bookstore/http';
import type { Response } from 'express';

const logger = new Logger('EventStream');

/** Writes the turn's events as they come. */
export async function writeEventStream(
  res: Response,
  events: AsyncIterable<ChatStreamEvent>,
): Promise<void> {
  startEventStream(res);
  try {
    for await (const e of events) {
      if (res.writableEnded || res.destroyed) return;
      res.write(formatEvent(e.event, e.data));
    }
  } catch (err) {
    logger.error((err as Error).stack ?? String(err));
    if (!res.writableEnded) {
      const message = 'Something went wrong on our side. Please try again.';
      res.write(formatEvent('error', { message }));
    }
  } finally {
    if (!res.writableEnded) res.end();
  }
}
