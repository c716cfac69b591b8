import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const SUPPORT_REQUESTS = 'support_requests_total';
export const SUPPORT_DELIVERIES = 'support_deliveries_total';

// Labels come from fixed lists (reasons, channels, outcomes), never from user input.
export const supportMetricProviders = [
  makeCounterProvider({
    name: SUPPORT_REQUESTS,
    help: 'Support requests created, by why the shopper was handed over (asked, frustrated, not_understood, form).',
    labelNames: ['reason'],
  }),
  makeCounterProvider({
    name: SUPPORT_DELIVERIES,
    help: 'Deliveries of support requests to the team, by channel (email, webhook) and outcome (delivered, failed).',
    labelNames: ['channel', 'outcome'],
  }),
];
