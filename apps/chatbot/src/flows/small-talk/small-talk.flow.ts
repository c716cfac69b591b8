import { Injectable } from '@nestjs/common';
import type { MessagePart } from '@bookstore/intents';
import { starterSuggestions, supportLink } from '../../dialogue/answer-parts.js';
import { languageOf, reply, rest, withParts, type Reply } from '../../dialogue/reply.js';
import type { DialogueState } from '../../dialogue/state.js';

/** Greetings, thanks, goodbyes, frustration and gibberish: the rules' own answers. */
@Injectable()
export class SmallTalkFlow {
  /** The answer when the message is small talk; undefined otherwise. */
  answer(part: MessagePart, state: DialogueState): Reply | undefined {
    const { intent, response } = part.match;
    const lang = languageOf(state);
    switch (intent) {
      case 'greeting':
      case 'gibberish':
        // What a shopper usually wants next, offered to start with or when nothing was understood.
        return withParts(reply(response, intent, state), {
          suggestions: starterSuggestions(lang),
        });
      case 'frustrated':
        return withParts(reply(response, intent, state), { links: [supportLink(lang)] });
      case 'thanks':
      case 'acknowledge':
        return reply(response, intent, state);
      case 'goodbye':
        return reply(response, intent, rest(state));
      default:
        return undefined;
    }
  }
}
