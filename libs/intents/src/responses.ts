import type { ConversationIntent, Intent, PlanIntent } from './intent.types.js';

export const CANNED_RESPONSES: Readonly<Record<PlanIntent, string>> = Object.freeze({
  greeting: "Hello! I'm here to help. What can I assist you with today?",
  order_status: 'I can help you track your order. Please provide your order number.',
  shipping: 'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
  returns: 'We accept returns within 30 days. Books must be in original condition.',
  payment: 'We accept Visa, Mastercard, American Express, and PayPal.',
  recommendation: 'Check out our Fiction category for popular titles!',
  fallback: "I'm not sure about that. Please contact support@bookstore.com for assistance.",
});

/** Short answers for small talk; `help` answers come from the help center, this is its fallback. */
export const CONVERSATION_RESPONSES: Readonly<Record<ConversationIntent, string>> = Object.freeze({
  thanks: "You're welcome! Is there anything else I can help you with?",
  goodbye: 'Thanks for stopping by, and happy reading! Bye for now.',
  acknowledge: 'Great! Anything else I can help you with?',
  frustrated:
    "I'm sorry I haven't been more helpful. Could you tell me a little more about what you need? " +
    'You can also reach a person on our support team at support@bookstore.com.',
  gibberish:
    "Sorry, I didn't catch that. Could you rephrase it? I can help with orders, shipping, returns, " +
    'payment and book recommendations.',
  help: "I'm not sure about that. Please contact support@bookstore.com for assistance.",
  handoff:
    'I can pass this conversation to our support team. They answer Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.',
});

export function responseFor(intent: Intent): string {
  return intent in CANNED_RESPONSES
    ? CANNED_RESPONSES[intent as PlanIntent]
    : CONVERSATION_RESPONSES[intent as ConversationIntent];
}

export const LLM_FAILURE_RESPONSE =
  "I'm having trouble processing that. Please contact support@bookstore.com.";
