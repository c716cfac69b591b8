import { Injectable, Logger } from '@nestjs/common';
import { englishGloss, extractCategory } from '@bookstore/intents';
import { LlmClient, defaultContextTokens } from '@bookstore/llm';
import { requestIdHeader } from '@bookstore/observability';
import type { Turn } from '@bookstore/sessions';
import { ChatbotOptions } from '../config/chatbot.options.js';
import { BookstoreClient } from '../store-client/bookstore.client.js';
import type { DialogueState } from './dialogue.service.js';
import { fitToContext, type ContextBudget } from './context-budget.js';
import type { Grounding, HistoryBudget } from './prompt.js';
import { HelpCenter, localized } from './help-center.js';

const ABOUT_BOOKS =
  /\b(books?|novels?|authors?|read(ing)?|titles?|series|stories|genre|writer|poetry|kids?)\b/i;
const STOP_WORDS = new Set(
  'about after again also been before being could does doing from have having into just like more most much other over some such than that their them then there these they this those through very what when where which while with would your yours book books read reading novel novels recommend something anything good best'.split(
    ' ',
  ),
);

/** The LLM stage: what the rules could not answer, grounded in the store's own facts. */
@Injectable()
export class AssistantService {
  private readonly logger = new Logger(AssistantService.name);
  private readonly maxTokens: number;
  private readonly budget: HistoryBudget;
  private readonly context: ContextBudget;

  constructor(
    private readonly llm: LlmClient,
    private readonly store: BookstoreClient,
    private readonly help: HelpCenter,
    options: ChatbotOptions,
  ) {
    const { maxTokens, historyTurns, historyChars, contextTokens } = options.assistant;
    this.maxTokens = maxTokens;
    this.budget = { turns: historyTurns, chars: historyChars };
    this.context = {
      contextTokens: contextTokens ?? defaultContextTokens(llm.backend),
      replyTokens: maxTokens,
    };
  }

  /** With no LLM configured, the rules' fallback is the answer. */
  get enabled(): boolean {
    return this.llm.backend !== 'none';
  }

  /** How many earlier turns a prompt may show: what a turn reads with its state. */
  get historyTurns(): number {
    return this.enabled ? this.budget.turns : 0;
  }

  /** Text deltas; throws LlmUnavailableError when the LLM fails (before or after the first token). */
  async *stream(
    question: string,
    history: readonly Turn[],
    state: DialogueState,
    signal: AbortSignal,
  ): AsyncGenerator<string> {
    const messages = await this.prompt(question, history, state);
    yield* this.llm.stream(messages, {
      maxTokens: this.maxTokens,
      signal,
      headers: requestIdHeader(),
    });
  }

  private async prompt(question: string, history: readonly Turn[], state: DialogueState) {
    const language = state.language;
    // The help center is searched in English; the articles go to the LLM in the shopper's language.
    const search = (language && englishGloss(question, language)) || question;
    const [books, found] = await Promise.all([this.books(question), this.help.forPrompt(search)]);
    const articles = language
      ? found.map((a) => {
          const own = localized(a, language);
          return own === a ? a : { title: own.title, body: own.answer };
        })
      : found;
    const grounding: Grounding = {
      ...(language ? { language } : {}),
      articles,
      books,
      verifiedOrders: (state.verified ?? []).map((v) => v.summary),
    };
    const { messages, dropped } = fitToContext(
      question,
      history,
      grounding,
      this.budget,
      this.context,
    );
    if (dropped.turns || dropped.books || dropped.shortened) {
      this.logger.log(
        `prompt fitted to ${this.context.contextTokens} tokens: ${dropped.turns} earlier turns, ` +
          `${dropped.books} catalog lines dropped${dropped.shortened ? ', message shortened' : ''}`,
      );
    }
    return messages;
  }

  // A few catalog entries when the question is about books, so the LLM names real ones.
  private async books(question: string): Promise<string[]> {
    const category = extractCategory(question);
    if (!category && !ABOUT_BOOKS.test(question)) return [];
    const words = (question.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter(
      (w) => !STOP_WORDS.has(w),
    );
    try {
      let found =
        words.length > 0
          ? await this.store.products({ q: words.slice(0, 6).join(' or '), limit: 3 })
          : [];
      if (found.length === 0) found = await this.store.products({ bestseller: true, limit: 3 });
      return found.map(
        (b) =>
          `${b.title} by ${b.author} (${b.category}, $${b.price.toFixed(2)}): ${b.description}`,
      );
    } catch {
      return [];
    }
  }
}
