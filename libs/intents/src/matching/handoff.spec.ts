import { analyzeIntent } from './matcher.js';

// The shopper asks for a person: the chatbot then offers the support team (issue #15).
describe('handoff intent', () => {
  it.each([
    'human',
    'human agent',
    'customer service',
    'Human please',
    'an agent',
    'Can I talk to a human please',
    'I want to speak to a representative',
    'let me speak with a real person',
    'is there a live agent?',
    'connect me to someone from your team',
    'can someone from the support team help me',
    'talk to someone',
    'please call me',
    'can you call me back tomorrow',
    'how do I get in touch with customer service',
    'I need to contact your support team',
    'transfer me to an operator',
    'Contact the support team',
    'call support',
    'I want to talk to a human about my refund',
    'where is my order? I want a real person',
    'ok actually get me a human',
    "whats ur phone number, i'd rather call",
    'I want a person',
    'give me an agent please',
    'can I call you',
    'do you have a hotline',
  ])('reads %j as a request for a person', (text) => {
    expect(analyzeIntent(text)).toMatchObject({ intent: 'handoff', ruleId: 'handoff.person' });
  });

  it.each([
    ['Where is my order 123456?', 'order_status'],
    ['How long does shipping take?', 'shipping'],
    ['I want to return a book someone gave me', 'returns'],
    ['recommend a spy novel about a secret agent', 'recommendation'],
    ['someone recommended me a mystery, do you have more?', 'recommendation'],
    ['What payment methods do you accept?', 'payment'],
    ['hello there', 'greeting'],
    ['the delivery person left my package at the wrong door', 'returns'],
    ['what is the meaning of life', 'fallback'],
    ['I forgot my password', 'fallback'],
    ['get me a gift for someone', 'fallback'],
    ['I need a book for someone', 'fallback'],
    ['do you have a phone number', 'fallback'],
  ])('does not take %j for one (%s)', (text, intent) => {
    expect(analyzeIntent(text).intent).toBe(intent);
  });
});
