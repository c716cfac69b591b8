import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const CHAT_UNANSWERED = 'chat_unanswered_total';
export const CHAT_CONVERSATIONS = 'chat_conversations_total';
export const CHAT_UNRESOLVED = 'chat_unresolved_total';

// Labels from fixed lists only: the bot's languages (else "other") and two reasons.
export const deskMetricProviders = [
  makeCounterProvider({
    name: CHAT_UNANSWERED,
    help: 'Chat turns the bot could not answer (the fallback, not understood, an LLM failure), by language.',
    labelNames: ['language'],
  }),
  makeCounterProvider({
    name: CHAT_CONVERSATIONS,
    help: 'Conversations started (their first answered turn), as the gateway saw them.',
  }),
  makeCounterProvider({
    name: CHAT_UNRESOLVED,
    help: 'Conversations that met the fallback or asked for a person, each counted once, by the first of the two.',
    labelNames: ['reason'],
  }),
];
