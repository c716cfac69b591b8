import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const CHAT_REQUESTS = 'chat_requests_total';
export const CHAT_RESPONSE_SECONDS = 'chat_response_seconds';

// Labels stay bounded: intent and source come from fixed lists, never from user input.
export const chatMetricProviders = [
  makeCounterProvider({
    name: CHAT_REQUESTS,
    help: 'Chat turns answered, by intent and by the stage that answered.',
    labelNames: ['intent', 'source'],
  }),
  makeHistogramProvider({
    name: CHAT_RESPONSE_SECONDS,
    help: 'Time to answer a chat turn, in seconds.',
    labelNames: ['intent', 'source'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
];
