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
