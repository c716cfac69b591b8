/** The original plan's seven intents: each has its canned answer. */
export type PlanIntent =
  'greeting' | 'order_status' | 'shipping' | 'returns' | 'payment' | 'recommendation' | 'fallback';

/**
 * Small talk and tone (thanks, goodbye, acknowledge, frustrated, gibberish), and `help`: an answer
 * from a help-center article outside the plan's topics (the dialogue decides it, not the rules);
 * `handoff`: the shopper asks for a person.
 */
export type ConversationIntent =
  'thanks' | 'goodbye' | 'acknowledge' | 'frustrated' | 'gibberish' | 'help' | 'handoff';

export type Intent = PlanIntent | ConversationIntent;

const PLAN_INTENTS: ReadonlySet<string> = new Set<PlanIntent>([
  'greeting',
  'order_status',
  'shipping',
  'returns',
  'payment',
  'recommendation',
  'fallback',
]);

/**
 * An intent on the original plan's seven labels: the finer ones (small talk, help, handoff) are
 * kinds of its `fallback`, the catch-all that points to the support team. Data sets labelled on
 * the plan's intents are scored through this.
 */
export function planIntent(intent: Intent): PlanIntent {
  return PLAN_INTENTS.has(intent) ? (intent as PlanIntent) : 'fallback';
}

export const INTENTS: readonly Intent[] = Object.freeze([
  'greeting',
  'order_status',
  'shipping',
  'returns',
  'payment',
  'recommendation',
  'fallback',
  'thanks',
  'goodbye',
  'acknowledge',
  'frustrated',
  'gibberish',
  'help',
  'handoff',
] as const);

export interface IntentEntities {
  orderId?: string;
  category?: string;
}

export interface IntentMatch {
  intent: Intent;
  response: string;
  entities: IntentEntities;
}
