import { hideAddresses } from './health.controller.js';

describe('hideAddresses', () => {
  it.each([
    ['connect ECONNREFUSED 10.1.2.3:5000', 'connect ECONNREFUSED <address>'],
    ['connect ECONNREFUSED ::1:5000', 'connect ECONNREFUSED <address>'],
    ['connect ECONNREFUSED [fd00::1]:6379', 'connect ECONNREFUSED <address>'],
    ['getaddrinfo ENOTFOUND chatbot-service', 'getaddrinfo ENOTFOUND <address>'],
    ['connect ECONNREFUSED chatbot-service:5000', 'connect ECONNREFUSED <address>'],
    ['request to http://ollama:11434/api/tags failed', 'request to <address> failed'],
    ['chatbot /health answered 503', 'chatbot /health answered 503'],
    ['redis is connecting', 'redis is connecting'],
    ['timeout of 1000ms exceeded', 'timeout of 1000ms exceeded'],
  ])('%s', (message, shown) => {
    expect(hideAddresses(message)).toBe(shown);
  });
});
