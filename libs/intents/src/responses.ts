import type { Intent } from './intent.types.js';

export const CANNED_RESPONSES: Readonly<Record<Intent, string>> = Object.freeze({
  greeting: "Hello! I'm here to help. What can I assist you with today?",
  order_status: 'I can help you track your order. Please provide your order number.',
  shipping: 'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
  returns: 'We accept returns within 30 days. Books must be in original condition.',
  payment: 'We accept Visa, Mastercard, American Express, and PayPal.',
  recommendation: 'Check out our Fiction category for popular titles!',
  fallback: "I'm not sure about that. Please contact support@bookstore.com for assistance.",
  handoff:
    'I can pass this conversation to our support team. They answer Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.',
});

export const LLM_FAILURE_RESPONSE =
  "I'm having trouble processing that. Please contact support@bookstore.com.";
