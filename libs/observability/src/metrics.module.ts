import {
  Injectable,
  type DynamicModule,
  Module,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from '@nestjs/common';
import { InjectMetric, makeCounterProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, register, type Counter } from 'prom-client';

export const HTTP_RESPONSES = 'http_responses_total';

let processMetricsStarted = false;

/** Process metrics belong to the process, not to an app: two apps in one process share them. */
function collectProcessMetricsOnce(): void {
  if (processMetricsStarted || register.getSingleMetric('process_cpu_user_seconds_total')) return;
  processMetricsStarted = true;
  collectDefaultMetrics();
}

/** Every answer by its status class, so an alert can see an app answering 5xx. */
@Injectable()
class ResponseCounter implements NestMiddleware {
  constructor(@InjectMetric(HTTP_RESPONSES) private readonly responses: Counter<'code'>) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    res.on('finish', () => {
      this.responses.inc({ code: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  }
}

/** `GET /metrics` in the Prometheus text format, with the default process metrics. */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(): DynamicModule {
    collectProcessMetricsOnce();
    const responses = makeCounterProvider({
      name: HTTP_RESPONSES,
      help: 'HTTP responses sent, by status class (2xx, 3xx, 4xx, 5xx).',
      labelNames: ['code'],
    });
    return {
      module: MetricsModule,
      imports: [
        PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: false } }),
      ],
      providers: [responses, ResponseCounter],
      exports: [PrometheusModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResponseCounter).forRoutes('{*path}');
  }
}
