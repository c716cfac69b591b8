export type Intent =
  | 'greeting'
  | 'order_status'
  | 'shipping'
  | 'returns'
  | 'payment'
  | 'recommendation'
  | 'fallback'
  | 'handoff';

export const INTENTS: readonly Intent[] = Object.freeze([
  'greeting',
  'order_status',
  'shipping',
  'returns',
  'payment',
  'recommendation',
  'fallback',
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
