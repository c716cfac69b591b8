import type { Intent } from '../intent.types.js';

/**
 * One row of the intent table. The highest-priority rule with a matching pattern wins; ties go to
 * the row listed first. Pattern syntax is described in pattern.ts.
 */
export interface IntentRule {
  readonly id: string;
  readonly intent: Intent;
  readonly priority: number;
  readonly patterns: readonly string[];
  /** Any of these words or concepts anywhere in the message vetoes the rule. */
  readonly exclude?: readonly string[];
  /** How many content words may stand outside the matched slots (unlimited when absent). */
  readonly maxExtraWords?: number;
  /** Words or concepts that never count as extra content. */
  readonly ignore?: readonly string[];
}

// Priority bands: clear topic words beat loose ones, and small talk loses to any real question.
export const REFUND = 90;
export const PAYMENT = 85;
export const ORDER = 80;
export const SHIPPING = 75;
export const RECOMMEND = 70;
export const DAMAGED = 70;
export const SUPPORT_TOPIC = 65;
export const ORDER_LOOSE = 60;
export const SHIPPING_LOOSE = 50;
export const PAYMENT_LOOSE = 45;
export const CATEGORY_ONLY = 40;
export const FRUSTRATED = 15;
export const THANKS = 14;
export const GOODBYE = 13;
export const GREETING = 10;
// Asking for a person beats the topic it is about: "a human about my refund" wants the human.
export const HANDOFF = 95;
export const ACKNOWLEDGE = 9;
