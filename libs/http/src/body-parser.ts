import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { MAX_JSON_DEPTH, jsonDepth, reservedKeyIn } from './body-shape.js';
import { errorBody } from './error-body.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * JSON bodies only, with a size limit. Parse failures happen in Express middleware, before any Nest
 * filter runs, so they get their own handler that answers in the one error shape.
 */
export function useJsonBodyParser(app: INestApplication, limit: string): void {
  app.use(
    express.json({
      limit,
      strict: true,
      verify: (_req, _res, raw) => {
        if (jsonDepth(raw) <= MAX_JSON_DEPTH) return;
        throw Object.assign(new Error('too deep'), { type: 'entity.too.deep', status: 400 });
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const key = reservedKeyIn(req.body);
    if (key === undefined) return next();
    res.status(400).json(errorBody(400, `${key} is not an accepted field`));
  });
  app.use((err: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (!err || typeof err.type !== 'string') return next(err);
    switch (err.type) {
      case 'entity.too.large':
        return void res
          .status(413)
          .json(errorBody(413, `The request body is larger than the ${limit} limit.`));
      case 'entity.too.deep':
        return void res
          .status(400)
          .json(
            errorBody(400, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`),
          );
      case 'entity.parse.failed':
        return void res.status(400).json(errorBody(400, 'The request body is not valid JSON.'));
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return void res
          .status(415)
          .json(errorBody(415, 'The request body must be JSON encoded as UTF-8.'));
      default:
        return void res
          .status(err.status && err.status < 500 ? err.status : 400)
          .json(
            errorBody(
              err.status && err.status < 500 ? err.status : 400,
              'The request body could not be read.',
            ),
          );
    }
  });
}
