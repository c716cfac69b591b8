import { countPromptTokens } from '@bookstore/llm';
import type { Turn } from '@bookstore/conversations';
import { SHORTENED_NOTE, TOKENIZER_MARGIN, fitToContext as fitOrNot } from './context-budget.js';
import { buildPrompt, type Grounding } from './prompt.js';

const history: Turn[] = Array.from({ length: 6 }, (_, i) => ({
  turn: i + 1,
  timestamp: '2026-11-28T12:00:00.000Z',
  user: `Earlier question number ${i + 1} about the delivery of my parcel to Lyon.`,
  bot: `Earlier answer number ${i + 1}: standard shipping takes five to seven business days.`,
  intent: 'fallback',
  source: 'llm',
}));
const grounding: Grounding = {
  books: [
    'Dune by Frank Herbert (Science Fiction, $9.99): desert planet, spice and prophecy.',
    'Emma by Jane Austen (Classics, $7.50): a matchmaker learns she can be wrong.',
    'Beloved by Toni Morrison (Fiction, $12.00): a house haunted by a past that stays.',
  ],
  verifiedOrders: ['Order #123456 is shipped. Carrier: UPS.'],
};
const historyBudget = { turns: 6, chars: 100_000 };
const question = 'Which of these novels would suit a long train journey? '.repeat(30).trim();
const full = buildPrompt(question, history, grounding, historyBudget);
const system = buildPrompt('', [], { ...grounding, books: [] }, historyBudget)[0].content;

/** A context that leaves `room` tokens (before the margin) above what `messages` need. */
const contextFor = (messages: typeof full, room = 0) => ({
  contextTokens: Math.ceil((countPromptTokens(messages) + room) * TOKENIZER_MARGIN) + 100,
  replyTokens: 100,
});

/** The fitted prompt, which these budgets always leave room for. */
function fitToContext(...args: Parameters<typeof fitOrNot>) {
  const fitted = fitOrNot(...args);
  if (!fitted) throw new Error('nothing fits');
  return fitted;
}

describe('fitToContext', () => {
  it('sends everything when it fits', () => {
    const { messages, dropped } = fitToContext(
      question,
      history,
      grounding,
      historyBudget,
      contextFor(full),
    );
    expect(messages).toEqual(full);
    expect(dropped).toEqual({ turns: 0, books: 0, shortened: false });
  });

  it('drops earlier turns oldest first, before anything else', () => {
    const withoutTwo = buildPrompt(question, history.slice(2), grounding, historyBudget);
    const { messages, dropped } = fitToContext(
      question,
      history,
      grounding,
      historyBudget,
      contextFor(withoutTwo),
    );
    expect(messages).toEqual(withoutTwo);
    expect(dropped.turns).toBe(2);
    expect(messages.at(-1)).toEqual({ role: 'user', content: question });
  });

  it('then drops catalog lines from the least relevant, keeping the rest of the system message', () => {
    const oneBook = buildPrompt(
      question,
      [],
      { ...grounding, books: grounding.books.slice(0, 1) },
      historyBudget,
    );
    const { messages, dropped } = fitToContext(
      question,
      history,
      grounding,
      historyBudget,
      contextFor(oneBook),
    );
    expect(messages).toEqual(oneBook);
    expect(dropped).toEqual({ turns: 6, books: 2, shortened: false });
    expect(messages[0].content).toContain('Order #123456');
  });

  it("shortens the shopper's message last, with a note, and never drops the system message", () => {
    const budget = contextFor([{ role: 'system', content: system }], 150);
    const { messages, dropped } = fitToContext(question, history, grounding, historyBudget, budget);
    expect(dropped.shortened).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages[0].content.startsWith(system)).toBe(true);
    expect(messages[0].content).toContain(SHORTENED_NOTE);
    const sent = messages[1].content;
    expect(sent.endsWith(' […]')).toBe(true);
    expect(question.startsWith(sent.slice(0, -4))).toBe(true);
    expect(sent.length).toBeLessThan(question.length / 2);
    expect(countPromptTokens(messages) * TOKENIZER_MARGIN).toBeLessThanOrEqual(
      budget.contextTokens - budget.replyTokens,
    );
  });

  it('sends nothing when the system message alone leaves no room for the message (#25.4)', () => {
    // 220 tokens of system message, a 64-token reply, a 256-token context: it cannot fit.
    const tight = { contextTokens: 256, replyTokens: 64 };
    const fitted = fitOrNot('I want to know about gift wrapping', [], grounding, historyBudget, {
      ...tight,
      contextTokens: Math.floor(countPromptTokens([{ role: 'system', content: system }]) * 1.1),
    });
    expect(fitted).toBeUndefined();
  });

  it("sizes the prompt with the server's measured ratio when it told one (#25.5)", () => {
    const budget = contextFor(full);
    // A tokenizer that counts half as many again as cl100k: what fitted before does not now.
    expect(fitOrNot(question, history, grounding, historyBudget, budget)?.dropped.turns).toBe(0);
    const measured = fitOrNot(question, history, grounding, historyBudget, {
      ...budget,
      tokenRatio: 1.5,
    });
    expect(measured?.dropped.turns).toBeGreaterThan(0);
    expect(countPromptTokens(measured!.messages) * 1.5).toBeLessThanOrEqual(
      budget.contextTokens - budget.replyTokens,
    );
  });
});
