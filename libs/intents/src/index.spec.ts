import * as intents from './index.js';

describe('public API', () => {
  it('lists the intents', () => {
    expect(intents.INTENTS).toEqual([
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
    ]);
  });

  it('has the exact canned texts', () => {
    expect(intents.CANNED_RESPONSES).toEqual({
      greeting: "Hello! I'm here to help. What can I assist you with today?",
      order_status: 'I can help you track your order. Please provide your order number.',
      // The facts themselves are the store's articles; these only point to them.
      shipping: 'Our help center has our shipping options and delivery times.',
      returns: 'Our help center has our returns policy.',
      payment: 'Our help center lists the ways you can pay.',
      recommendation: 'Check out our Fiction category for popular titles!',
      fallback: "I'm not sure about that. Please contact {support_email} for assistance.",
    });
    // The team's hours are the store's (its content), filled in by the chatbot's reply path.
    expect(intents.CONVERSATION_RESPONSES.handoff).toBe(
      'I can pass this conversation to our support team. They answer {support_hours}, within {answer_within}.',
    );
    expect(intents.LLM_FAILURE_RESPONSE).toBe(
      "I'm having trouble processing that. Please contact {support_email}.",
    );
  });

  it('freezes the shared tables', () => {
    expect(Object.isFrozen(intents.CANNED_RESPONSES)).toBe(true);
    expect(Object.isFrozen(intents.INTENTS)).toBe(true);
  });

  it('exports the functions', () => {
    expect(typeof intents.matchIntent).toBe('function');
    expect(typeof intents.extractOrderId).toBe('function');
    expect(typeof intents.extractCategory).toBe('function');
  });
});
