import { Injectable } from '@nestjs/common';
import { understand, type MessagePart, type Understanding } from '@bookstore/intents';
import { BooksFlow } from '../flows/books/books.flow.js';
import { HandoffFlow } from '../flows/handoff/handoff.flow.js';
import { HelpFlow } from '../flows/help/help.flow.js';
import { OrdersFlow } from '../flows/orders/orders.flow.js';
import { SmallTalkFlow } from '../flows/small-talk/small-talk.flow.js';
import { combine, type Reply } from './reply.js';
import { inLanguage, readState, type Asker, type DialogueState } from './state.js';

/**
 * One turn of the conversation: the message is read once (`read`), then the core chooses the flow
 * that answers each of its questions: a handoff under way first, then what the message asks of an
 * order by its own words, a return case, the rules' intent, and what no rule decided.
 */
@Injectable()
export class DialogueService {
  constructor(
    private readonly orders: OrdersFlow,
    private readonly books: BooksFlow,
    private readonly help: HelpFlow,
    private readonly handoff: HandoffFlow,
    private readonly smallTalk: SmallTalkFlow,
  ) {}

  /** The message, read once in the conversation's context: what every flow answers from. */
  read(message: string, state: DialogueState): Understanding {
    return understand(message, {
      language: state.language,
      awaitingOrderNumber: state.pending === 'order_number',
    });
  }

  async respond(heard: Understanding, current: DialogueState, asker: Asker): Promise<Reply> {
    // The language is decided first, so every answer of the turn (handoff included) speaks it.
    const state = inLanguage(current, heard.language);
    const handoff = await this.handoff.take(heard, state, asker);
    if (handoff) return { ...handoff, language: heard.language };
    const answer = await this.answerAll(heard, state, asker);
    return { ...this.handoff.follow(heard, state, answer), language: heard.language };
  }

  /**
   * The LLM failed on a message no rule or article knew (`reply`, the failure text): the shopper
   * was not understood after all, and it counts towards the offer of a person as it does without
   * an LLM. `state` is the one `respond` answered from.
   */
  notUnderstood(heard: Understanding, state: DialogueState, reply: Reply): Reply {
    return this.handoff.follow(heard, state, reply, true);
  }

  private async answerAll(
    heard: Understanding,
    state: DialogueState,
    asker: Asker,
  ): Promise<Reply> {
    if (heard.parts.length < 2) return this.answer(heard.parts[0], state, asker);
    // Two questions in one message: both answers, in the order asked.
    const replies: Reply[] = [];
    let current = state;
    for (const part of heard.parts) {
      const one = await this.answer(part, current, asker);
      replies.push(one);
      current = 'set' in one.state ? readState(one.state.set) : {};
    }
    return combine(replies);
  }

  private async answer(part: MessagePart, state: DialogueState, asker: Asker): Promise<Reply> {
    return (
      (await this.orders.take(part, state, asker)) ??
      (await this.help.returnCase(part, state)) ??
      (await this.byIntent(part, state))
    );
  }

  /** The flow of the rules' intent; what no rule decided: a book named, then the help center. */
  private async byIntent(part: MessagePart, state: DialogueState): Promise<Reply> {
    const intent = part.match.intent;
    switch (intent) {
      case 'order_status':
        return this.orders.question(part, state);
      case 'recommendation':
        return this.books.recommend(part, state);
      case 'shipping':
        // "tracking says delivered but nothing came": a parcel gone astray, not a delivery time.
        if (part.cues.late) return this.orders.question(part, state);
        return this.help.answerTopic(part, intent, state);
      case 'returns':
      case 'payment':
        return this.help.answerTopic(part, intent, state);
    }
    return (
      this.smallTalk.answer(part, state) ??
      (await this.books.answer(part, state)) ??
      (await this.help.unknown(part, state))
    );
  }
}
