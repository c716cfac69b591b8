import type { HelpMatchDto } from '@bookstore/contracts';
import type { Intent } from '@bookstore/intents';
import { localized } from '../knowledge/help-center.js';
import { helpArticleLink, supportLink } from './answer-parts.js';
import { languageOf, reply, withParts, type Reply } from './reply.js';
import type { DialogueState } from './state.js';
import { STILL_NEED_EMAIL } from '../flows/orders/order-answers.js';

/** A help article's answer, in the conversation's language, linked to the article. */
export function fromArticle(
  article: HelpMatchDto,
  intent: Intent,
  state: DialogueState,
  reminder: boolean,
  supportEmail: string,
): Reply {
  const lang = languageOf(state);
  const own = localized(article, lang);
  const links = [helpArticleLink(own)];
  // An answer that sends the shopper to the team links its address.
  if (own.answer.includes(supportEmail)) links.push(supportLink(lang));
  const { article: _last, ...others } = state;
  // The article a follow-up in its topic is about ("do I have to send it back?").
  const next =
    state.topic && article.topic === state.topic ? { ...others, article: article.slug } : others;
  const answer = withParts(reply(own.answer, intent, next), { links });
  return reminder ? remind(answer, state) : answer;
}

/** A verification still waits for the email: say so after answering the other question. */
export function remind(answer: Reply, state: DialogueState): Reply {
  if (state.pending !== 'order_email' || !state.orderId) return answer;
  const still = STILL_NEED_EMAIL(languageOf(state), state.orderId);
  return { ...answer, response: `${answer.response}\n\n${still}` };
}

/** The intent a help topic answers as. */
export function topicIntent(topic: string): Intent {
  return topic === 'shipping' ||
    topic === 'returns' ||
    topic === 'payment' ||
    topic === 'order_status'
    ? topic
    : 'help';
}
