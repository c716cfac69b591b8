/** The original plan's seven intents: each has its canned answer. */
export const PLAN_INTENTS = Object.freeze([
  'greeting',
  'order_status',
  'shipping',
  'returns',
  'payment',
  'recommendation',
  'fallback',
] as const);
export type PlanIntent = (typeof PLAN_INTENTS)[number];

/**
 * Small talk and tone (thanks, goodbye, acknowledge, frustrated, gibberish), and `help`: an answer
 * from a help-center article outside the plan's topics (the dialogue decides it, not the rules);
 * `handoff`: the shopper asks for a person.
 */
export const CONVERSATION_INTENTS = Object.freeze([
  'thanks',
  'goodbye',
  'acknowledge',
  'frustrated',
  'gibberish',
  'help',
  'handoff',
] as const);
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];

export type Intent = PlanIntent | ConversationIntent;

export const INTENTS: readonly Intent[] = Object.freeze([...PLAN_INTENTS, ...CONVERSATION_INTENTS]);

const PLAN: ReadonlySet<string> = new Set(PLAN_INTENTS);

/**
 * An intent on the original plan's seven labels: the finer ones (small talk, help, handoff) are
 * kinds of its `fallback`, the catch-all that points to the support team. Data sets labelled on
 * the plan's intents are scored through this.
 */
export function planIntent(intent: Intent): PlanIntent {
  return PLAN.has(intent) ? (intent as PlanIntent) : 'fallback';
}

export interface IntentEntities {
  orderId?: string;
  category?: string;
}

export interface IntentMatch {
  intent: Intent;
  response: string;
  entities: IntentEntities;
}
