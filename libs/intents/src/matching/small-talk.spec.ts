import { matchIntent } from './matcher.js';
import { CONVERSATION_RESPONSES } from './responses.js';

const intentOf = (message: string) => matchIntent(message).intent;

describe('small talk and tone', () => {
  it.each([
    ['thanks!', 'thanks'],
    ['great, thank you', 'thanks'],
    ['thx a lot', 'thanks'],
    ['much appreciated', 'thanks'],
    ['bye', 'goodbye'],
    ["ok that's all, goodbye", 'goodbye'],
    ['see you later', 'goodbye'],
    ['have a nice day', 'goodbye'],
    ['ok', 'acknowledge'],
    ['lol', 'acknowledge'],
    ['got it', 'acknowledge'],
    ['sounds good', 'acknowledge'],
    ['👍', 'acknowledge'],
    ["you're useless", 'frustrated'],
    ['this bot is terrible', 'frustrated'],
    ['what a waste of time', 'frustrated'],
    ['not helpful', 'frustrated'],
    ['qwertyuiop', 'gibberish'],
    ['asdfgh jkl', 'gibberish'],
    ['xkcdqz', 'gibberish'],
  ])('%j is %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });

  it.each([
    ['thanks, where is my order?', 'order_status'],
    ['ok, how long does shipping take?', 'shipping'],
    ['the book arrived damaged, terrible', 'returns'],
    ['I hate romance, recommend a mystery', 'recommendation'],
    ['it is good to see you', 'greeting'],
    ['who plays han solo', 'fallback'],
  ])('%j stays %s', (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });

  it('gives each its own short answer', () => {
    const answers = Object.values(CONVERSATION_RESPONSES);
    expect(matchIntent('thanks').response).toBe(CONVERSATION_RESPONSES.thanks);
    expect(matchIntent('this bot is awful').response).toMatch(/sorry/i);
    expect(matchIntent('qwertyuiop').response).toMatch(/didn't catch/);
    expect(new Set(answers.slice(0, 5)).size).toBe(5);
  });
});
