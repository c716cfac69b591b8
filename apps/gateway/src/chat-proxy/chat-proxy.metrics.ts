import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const UPSTREAM_REQUESTS = 'gateway_upstream_requests_total';
export const UPSTREAM_SECONDS = 'gateway_upstream_seconds';

export const chatProxyMetricProviders = [
  makeCounterProvider({
    name: UPSTREAM_REQUESTS,
    help: 'Calls from the gateway to the chatbot, by route and outcome.',
    labelNames: ['route', 'outcome'],
  }),
  makeHistogramProvider({
    name: UPSTREAM_SECONDS,
    help: 'Time the chatbot took to answer the gateway, in seconds.',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
];
