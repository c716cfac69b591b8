import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const CHAT_FEEDBACK = 'chat_feedback_total';

export const sessionsMetricProviders = [
  makeCounterProvider({
    name: CHAT_FEEDBACK,
    help: 'Shopper feedback on bot answers, by rating.',
    labelNames: ['rating'],
  }),
];
