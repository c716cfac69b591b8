import { type DynamicModule, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, register } from 'prom-client';

let processMetricsStarted = false;

/** Process metrics belong to the process, not to an app: two apps in one process share them. */
function collectProcessMetricsOnce(): void {
  if (processMetricsStarted || register.getSingleMetric('process_cpu_user_seconds_total')) return;
  processMetricsStarted = true;
  collectDefaultMetrics();
}

/** `GET /metrics` in the Prometheus text format, with the default process metrics. */
@Module({})
export class MetricsModule {
  static forRoot(): DynamicModule {
    collectProcessMetricsOnce();
    return {
      module: MetricsModule,
      imports: [
        PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: false } }),
      ],
      exports: [PrometheusModule],
    };
  }
}
