import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ChatLink, HelpMatchDto } from '@bookstore/contracts';
import type { Understanding } from '@bookstore/intents';
import {
  LlmClient,
  LlmUnavailableError,
  countPromptTokens,
  defaultContextTokens,
  type ContextOverflow,
  type LlmMessage,
  type LlmServerLimits,
} from '@bookstore/llm';
import { requestIdHeader } from '@bookstore/observability';
import type { Turn } from '@bookstore/conversations';
import { ChatbotOptions } from '../config/chatbot.options.js';
import { helpArticleLink } from '../dialogue/answer-parts.js';
import type { DialogueState } from '../dialogue/state.js';
import { HelpCenter, localized } from '../knowledge/help-center.js';
import { CatalogIndex } from '../knowledge/catalog.js';
import { fitToContext, type ContextBudget } from './context-budget.js';
import { buildPrompt, type Grounding, type HistoryBudget, type StoreGrounding } from './prompt.js';

/** What the caller learns of an LLM answer besides its text. */
export interface AnswerSources {
  /** Who asked (the shopper's address): bounds their share of LLM calls. */
  client?: string;
  /** Filled with the help article the answer is grounded in, if any. */
  links: ChatLink[];
}

/** The LLM stage: what the rules could not answer, grounded in the store's own facts. */
@Injectable()
export class AssistantService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AssistantService.name);
  private readonly maxTokens: number;
  private readonly budget: HistoryBudget;
  private readonly context: ContextBudget;
  /** Unset LLM_CONTEXT_TOKENS: the backend's default applies only while the server says nothing. */
  private readonly contextConfigured: boolean;
  /** The store's name, address and policies for every prompt, from its content. */
  private readonly store: StoreGrounding;
  /** The catalog's prices, in the store's currency. */
  private readonly price: Intl.NumberFormat;
  /** What the server's refusals said: its context, and its tokens per cl100k token. */
  private learned: LlmServerLimits = {};

  constructor(
    private readonly llm: LlmClient,
    private readonly catalog: CatalogIndex,
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
    this.contextConfigured = contextTokens !== undefined;
    const { profile, articles } = options.content;
    this.price = new Intl.NumberFormat('en', { style: 'currency', currency: profile.currency });
    this.store = {
      name: profile.name,
      supportEmail: profile.supportEmail,
      policies: (['shipping', 'returns', 'payment'] as const).flatMap((topic) =>
        articles
          .filter((a) => a.intent === topic && a.language === profile.defaultLanguage)
          .map((a) => ({ topic, answer: a.answer })),
      ),
    };
  }

  /** The server's limits are asked at start-up, measured on the store's own system message. */
  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    const grounding: Grounding = { store: this.store, books: [], verifiedOrders: [] };
    void this.llm.serverLimits(buildPrompt('', [], grounding, this.budget)[0].content);
  }

  /** With no LLM configured, the rules' fallback is the answer. */
  get enabled(): boolean {
    return this.llm.backend !== 'none';
  }

  /** How many earlier turns a prompt may show: what a turn reads with its state. */
  get historyTurns(): number {
    return this.enabled ? this.budget.turns : 0;
  }

  /**
   * Text deltas; throws LlmUnavailableError when the LLM fails (before or after the first token),
   * `refused` when no prompt with the shopper's message fits the model's context. A prompt the
   * server refuses as over its context is fitted again to what the server said, and sent once more.
   */
  async *stream(
    heard: Understanding,
    history: readonly Turn[],
    state: DialogueState,
    signal: AbortSignal,
    sources: AnswerSources = { links: [] },
  ): AsyncGenerator<string> {
    const question = heard.text;
    const { grounding, grounds } = await this.grounding(heard, state);
    if (grounds) sources.links.push(helpArticleLink(grounds));
    const sample = buildPrompt('', [], grounding, this.budget)[0].content;
    const server = await this.limits(sample);
    const messages = this.fit(question, history, grounding, server);
    const options = {
      maxTokens: this.maxTokens,
      signal,
      headers: requestIdHeader(),
      ...(sources.client !== undefined && { client: sources.client }),
    };
    let yielded = false;
    try {
      for await (const delta of this.llm.stream(messages, options)) {
        yielded = true;
        yield delta;
      }
    } catch (err) {
      if (yielded || !(err instanceof LlmUnavailableError) || !err.context) throw err;
      this.learn(err.context, messages);
      this.logger.warn(`the LLM refused a prompt over its context; fitted again: ${err.message}`);
      yield* this.llm.stream(this.fit(question, history, grounding, server), options);
    }
  }

  /** The prompt within the context as far as it is known; `refused` when nothing fits. */
  private fit(
    question: string,
    history: readonly Turn[],
    grounding: Grounding,
    server: LlmServerLimits,
  ): LlmMessage[] {
    const budget = this.budgetWith(server);
    const fitted = fitToContext(question, history, grounding, this.budget, budget);
    if (!fitted) {
      throw new LlmUnavailableError(
        `the store's facts alone leave no room for the message in ${budget.contextTokens} ` +
          `tokens less ${budget.replyTokens} for the reply: not sent`,
        { outcome: 'refused', context: { contextTokens: budget.contextTokens } },
      );
    }
    const { messages, dropped } = fitted;
    if (dropped.turns || dropped.books || dropped.shortened) {
      this.logger.log(
        `prompt fitted to ${budget.contextTokens} tokens: ${dropped.turns} earlier turns, ` +
          `${dropped.books} catalog lines dropped${dropped.shortened ? ', message shortened' : ''}`,
      );
    }
    return messages;
  }

  /** The smallest context anyone named, and the largest tokenizer ratio anyone measured. */
  private budgetWith(server: LlmServerLimits): ContextBudget {
    const contexts = [server.contextTokens, this.learned.contextTokens].filter(
      (n): n is number => n !== undefined,
    );
    if (this.contextConfigured || contexts.length === 0) contexts.push(this.context.contextTokens);
    const ratios = [server.tokenRatio, this.learned.tokenRatio].filter(
      (n): n is number => n !== undefined,
    );
    return {
      contextTokens: Math.min(...contexts),
      replyTokens: this.context.replyTokens,
      ...(ratios.length > 0 && { tokenRatio: Math.max(...ratios) }),
    };
  }

  /** What a refusal tells: the server's context, and its count of the prompt against ours. */
  private learn(overflow: ContextOverflow, sent: LlmMessage[]): void {
    const ours = countPromptTokens(sent);
    const ratio = overflow.promptTokens ? overflow.promptTokens / ours : undefined;
    const current = this.budgetWith({}).tokenRatio;
    this.learned = {
      contextTokens: overflow.contextTokens ?? this.learned.contextTokens,
      // Without the server's count, half as much again as was assumed.
      tokenRatio: Math.max(ratio ?? (current ?? 1.3) * 1.5, this.learned.tokenRatio ?? 0),
    };
  }

  /**
   * The server's limits as far as they are known now (asked at start-up, then kept): a turn never
   * waits for them; until they come, the margin and a refusal's figures hold.
   */
  private limits(sample: string): Promise<LlmServerLimits> {
    const later = new Promise<LlmServerLimits>((resolve) => setImmediate(() => resolve({})));
    return Promise.race([this.llm.serverLimits(sample), later]);
  }

  private async grounding(
    heard: Understanding,
    state: DialogueState,
  ): Promise<{ grounding: Grounding; grounds?: HelpMatchDto }> {
    const language = state.language;
    // The help center is searched in English; the articles go to the LLM in the shopper's language.
    const search = (language && heard.gloss) || heard.text;
    const [books, found] = await Promise.all([this.books(heard), this.help.forPrompt(search)]);
    const articles = language
      ? found.map((a) => {
          const own = localized(a, language);
          return own === a ? a : { title: own.title, body: own.answer };
        })
      : found;
    const grounding: Grounding = {
      store: this.store,
      ...(language ? { language } : {}),
      articles,
      books,
      verifiedOrders: (state.verified ?? []).map((v) => v.summary),
    };
    // The best match is the article the answer rests on: linked beside it, in the shopper's language.
    const best = found[0];
    return { grounding, grounds: best && (language ? localized(best, language) : best) };
  }

  // A few catalog entries when the question is about books, so the LLM names real ones.
  private async books(heard: Understanding): Promise<string[]> {
    if (!heard.aboutBooks) return [];
    const words = heard.catalogWords;
    try {
      let found = words.length > 0 ? await this.catalog.search(words.join(' '), 3) : [];
      if (found.length === 0) found = await this.catalog.bestsellers(3);
      return found.map(
        (b) =>
          `${b.title} by ${b.author} (${b.category}, ${this.price.format(b.price)}): ${b.description}`,
      );
    } catch {
      return [];
    }
  }
}
