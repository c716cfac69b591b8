import type { Intent } from './intent.types.js';

/**
 * One row of the intent table. The highest-priority rule with a matching pattern wins; ties go to
 * the row listed first. Pattern syntax is described in pattern.ts.
 */
export interface IntentRule {
  readonly id: string;
  readonly intent: Intent;
  readonly priority: number;
  readonly patterns: readonly string[];
  /** Any of these words or concepts anywhere in the message vetoes the rule. */
  readonly exclude?: readonly string[];
  /** How many content words may stand outside the matched slots (unlimited when absent). */
  readonly maxExtraWords?: number;
  /** Words or concepts that never count as extra content. */
  readonly ignore?: readonly string[];
}

// Priority bands: clear topic words beat loose ones, and small talk loses to any real question.
const REFUND = 90;
const PAYMENT = 85;
const ORDER = 80;
const SHIPPING = 75;
const RECOMMEND = 70;
const DAMAGED = 70;
const SUPPORT_TOPIC = 65;
const ORDER_LOOSE = 60;
const SHIPPING_LOOSE = 50;
const PAYMENT_LOOSE = 45;
const CATEGORY_ONLY = 40;
const FRUSTRATED = 15;
const THANKS = 14;
const GOODBYE = 13;
const GREETING = 10;
// Asking for a person beats the topic it is about: "a human about my refund" wants the human.
const HANDOFF = 95;
const ACKNOWLEDGE = 9;

export const INTENT_RULES: readonly IntentRule[] = [
  // Returns and refunds.
  {
    id: 'returns.refund-word',
    intent: 'returns',
    priority: REFUND,
    patterns: ['@refund'],
    exclude: ['tax', 'taxes', 'irs'],
  },
  {
    id: 'returns.money-back',
    intent: 'returns',
    priority: REFUND,
    patterns: ['@money *2 back', 'back *2 @money', '@getMoney *1 @my @money', 'want @my @money'],
    exclude: ['@moneyBlock'],
  },
  {
    id: 'returns.return-item',
    intent: 'returns',
    priority: REFUND,
    patterns: [
      '@return @returnObject',
      '@return @returnNoun',
      '@returnStart *2 @return',
      'how|can|want|possible|like|need|way *3 @return $',
      '^ @return $',
      'send|ship|mail|post @returnObject? *1 back',
    ],
    exclude: ['@returnBlock'],
  },
  {
    id: 'returns.exchange',
    intent: 'returns',
    priority: DAMAGED,
    patterns: ['@exchange *2 @returnObject'],
    exclude: ['@currency'],
  },
  {
    id: 'returns.damaged',
    intent: 'returns',
    priority: DAMAGED,
    patterns: [
      '@damaged *2 @orderNoun',
      '@orderNoun *3 @damaged',
      // "they sent me a different book": a wrong book, not a wish for another one.
      'sent|received|got|delivered|shipped *3 different|another|other @orderNoun',
    ],
    exclude: ['address'],
  },

  // Payment.
  {
    id: 'payment.methods',
    intent: 'payment',
    priority: PAYMENT,
    patterns: [
      '@pay @payAttr',
      '@payAttr *2 @pay',
      'how @can|do|should|would|to|will *2 @pay',
      'can *2 @pay',
      '@pay with|by|using|via|through|in|on|over',
      '@accept *3 @payMethod',
      '@payMethod *3 @accept',
      'credit|debit|gift|bank @payMethod',
      '@payBrand',
      'american express',
      'apple|google|amazon|samsung|shop pay',
      'cash on delivery',
      'bank|wire transfer',
      'pay later',
    ],
    exclude: ['@payBlock'],
  },
  {
    id: 'payment.word',
    intent: 'payment',
    priority: PAYMENT_LOOSE,
    // A bare "pay" only on its own: "who pays for dinner" is not a question for a shop.
    patterns: ['payment|checkout', '^ @pay $'],
    exclude: ['@payBlock'],
  },

  // Order status.
  {
    id: 'order.number',
    intent: 'order_status',
    priority: ORDER,
    patterns: ['#orderid'],
  },
  {
    id: 'order.track',
    intent: 'order_status',
    priority: ORDER,
    patterns: [
      '@track *3 @orderNoun|#num|number|info|information|id|code|link|status',
      '@orderNoun *2 @track',
    ],
  },
  {
    id: 'order.status',
    intent: 'order_status',
    priority: ORDER,
    patterns: [
      '@status *4 @orderNoun|#num',
      '@orderNoun *3 @status',
      // "How long until my order arrives" is about one order, not shipping in general.
      'how @howLong *6 @my *1 @orderNoun',
    ],
  },
  {
    id: 'order.where',
    intent: 'order_status',
    priority: ORDER,
    patterns: [
      'where @be|did|does|do|has|have? @my|the|this|that|these|those? *1 @orderNoun',
      'where *2 @my *1 @orderNoun',
    ],
  },
  {
    id: 'order.mine',
    intent: 'order_status',
    priority: ORDER_LOOSE,
    patterns: [
      '@my *1 @orderNoun',
      '@orderNoun *3 @arrive',
      'not|never|yet|still *2 @arriveVerb',
      '@trouble *2 @parcel',
      '@parcel *2 @trouble',
      '@parcel|number|no|nr *1 #num',
      // "need help with an order", "a problem with a package".
      'help|problem|issue|question|trouble *3 order|purchase|package|parcel|shipment',
    ],
    exclude: ['@orderChange'],
  },

  // Shipping.
  {
    // "When will it arrive if I order today?" asks about shipping, not about an order placed.
    id: 'shipping.if-i-order',
    intent: 'shipping',
    priority: ORDER + 2,
    patterns: ['if|before|once i order|buy|purchase|place'],
    exclude: ['@notShipping', '@pastCue'],
  },
  {
    id: 'shipping.how-long',
    intent: 'shipping',
    priority: SHIPPING,
    patterns: [
      'how @howLong *8 @ship|@arrive|@parcel',
      // "Could I have the books by tomorrow?": how fast they come.
      'get|have|receive|arrive|@book|it|them *3 by|before tomorrow|weekend|christmas',
    ],
    exclude: ['@travel', '@notShipping'],
  },
  {
    id: 'shipping.details',
    intent: 'shipping',
    priority: SHIPPING,
    patterns: ['@ship *2 @shipAttr', '@shipAttrBefore *3 @ship', '@shipKind *1 @ship'],
    exclude: ['@notShipping'],
  },
  {
    id: 'shipping.destination',
    intent: 'shipping',
    priority: SHIPPING,
    patterns: [
      '@ship *1 @shipDest',
      '@you *2 @ship',
      '@can *4 order|purchase|buy|shop *2 from|to',
      'place|placing|make *1 order|purchase *1 from',
    ],
    exclude: ['@notShipping', '@pastCue'],
  },
  {
    id: 'shipping.word',
    intent: 'shipping',
    priority: SHIPPING_LOOSE,
    patterns: ['@ship'],
    exclude: ['@notShipping'],
  },

  // Recommendations.
  {
    id: 'recommendation.ask',
    intent: 'recommendation',
    priority: RECOMMEND,
    patterns: [
      '@recommend',
      'what|which @book? should|could|can|to|would|do|shall @you|i? @readVerb',
      '@book|something|anything|stuff *1 to @readVerb',
      '@readVerb next',
      '@quality *1 @book',
      '@quality *3 #category',
      'new|latest release|arrival|title',
      '@bestseller',
      'best seller',
      '#category *1 @book',
      '@fondOf *2 #category',
      '@carry *3 #category',
      '@book @bookAbout',
      '@browse *3 @book|#category',
      // "I'm after some poetry", "got any cookbooks?", "travel books".
      '@be after *2 @book|#category',
      '^ got|any|anything *2 @book',
      '@carry any|some *1 @book',
      'travel|picture|cook|cooking|baking @book',
    ],
    exclude: ['@notBook'],
  },
  {
    // What sells or what others praise ("most popular", "well reviewed", "what is everyone
    // reading"), who it is for ("something for a teenage girl", "a 12 year old"), what kind.
    id: 'recommendation.popular-or-for',
    intent: 'recommendation',
    priority: RECOMMEND,
    patterns: [
      '@acclaimDegree *1 @acclaim *2 @book|#category',
      '@acclaim @book',
      '@book|#category *3 @acclaimDegree|@quality *1 @acclaim',
      '@book|#category with|having *1 @acclaim',
      '^ what|which|anything|something @be? @acclaim|hot',
      'five|four|5|4 star|stars',
      'what|which @be|do|would @crowd *3 @readVerb|buying|@fondOf',
      '@crowd *1 favourite|favorite|favourites|favorites|pick|picks',
      '@book|something|anything|@gift *4 @reader',
      '@book|something|anything|@gift|what *4 #num year|yr|years|yrs',
      '@reader *3 would|might|could @fondOf|enjoy',
      // "and for her brother, he's 10": who the next book is for.
      'for @my|his|her|a|an|the? @reader *3 @be #num',
      '#num year|yr|years|yrs old? *2 would|might|could|to? @fondOf|enjoy|@readVerb',
      'best|top|most selling|sold|seller|sellers',
      'award|prize *1 winning|winner|winners|nominated',
      '@crowd @be? talking|raving about',
      // A kind of book named ("guidebooks for train journeys", "poetry?").
      '@bookKind',
    ],
    // A book already bought for someone that is late, lost or damaged is about the order.
    exclude: [
      '@notBook',
      '@arriveVerb',
      '@trouble',
      '@track',
      '@status',
      '@orderChange',
      '@damaged',
    ],
  },
  {
    // "What's most popular right now?": praise with nothing else named is about the shelves.
    id: 'recommendation.popular-alone',
    intent: 'recommendation',
    priority: RECOMMEND,
    patterns: [
      '^ what|which|whats|anything|something|any|show @be|me? the|your? @acclaimDegree? @acclaim',
      '^ @acclaimDegree @acclaim',
    ],
    exclude: ['@notBook', '@orderNoun'],
    maxExtraWords: 1,
    ignore: ['@smalltalk', 'right', 'now', 'moment', 'week', 'month', 'year', 'these', 'days'],
  },
  {
    id: 'recommendation.category',
    intent: 'recommendation',
    priority: CATEGORY_ONLY,
    patterns: ['#category+'],
    maxExtraWords: 0,
    ignore: ['@quality', '@book', '@recommend'],
  },

  // The newsletter arrives, is ordered and is tracked like an order, yet it is an account matter.
  {
    id: 'fallback.newsletter',
    intent: 'fallback',
    priority: ORDER + 3,
    patterns: ['@newsletter', 'news letter|letters', 'mailing|email|e|mail list'],
  },

  // Out-of-scope support topics: an explicit fallback so they do not pass for small talk.
  {
    id: 'fallback.support-topic',
    intent: 'fallback',
    priority: SUPPORT_TOPIC,
    patterns: [
      '@accountish',
      'sign|log in|up|on|out|into',
      '@complaint',
      '@reachOut *3 @human',
      'human|live|real @human',
      'customer|client @serviceDesk',
    ],
  },

  // A person instead of the bot, in any phrasing: the chatbot offers the support team.
  {
    id: 'handoff.person',
    intent: 'handoff',
    priority: HANDOFF,
    patterns: [
      '@reachOut *3 @human',
      'human|live|real @human',
      '^ a|an|the? @human|human please? $',
      '@human from|on|at|in @your|the? @serviceDesk|company|store|shop|bookstore',
      '@reachOut *3 customer|client|@your @serviceDesk',
      '@reachOut *2 support|service|care|helpdesk',
      'customer|client @serviceDesk',
      'in touch *3 @human|@serviceDesk',
      'call|phone|ring me',
      // "get me a human", "I'd rather call" (a phone number alone gets the contact article).
      '^ get|give|put|bring|fetch me? a|an|the? real|actual|live? human|person|agent|representative|operator|rep',
      'get|give|put|bring|fetch me a|an|the? real|actual|live? @human',
      'want|need|prefer a|an real|actual|live? human|person|agent|representative|operator $',
      'want|need|prefer to? talk|speak|chat? *1 a|an real|actual|live human|person|agent|representative|operator',
      'rather|prefer *2 call|phone|ring|talk|speak',
      'call|phone|ring you|support|someone|somebody|anyone|anybody',
      'hotline|helpline',
    ],
  },
  // Tone: frustration outranks the other small talk ("thanks for nothing, useless bot").
  {
    id: 'frustrated.insult',
    intent: 'frustrated',
    priority: FRUSTRATED,
    patterns: [
      '@insult',
      'not|never|no helpful|useful|help|helping',
      'waste *2 time',
      'fed up',
      'what a joke',
      'make|makes|making no sense',
    ],
    // "I hate romance" is a taste in books, not a complaint about the bot.
    exclude: ['#category'],
  },
  {
    id: 'thanks.thank',
    intent: 'thanks',
    priority: THANKS,
    patterns: ['@thanks'],
    maxExtraWords: 3,
    ignore: [
      '@smalltalk',
      '@wellbeing',
      '@ack',
      '@bye',
      '@you',
      'lot',
      'much',
      'help',
      'helpful',
      'info',
      'information',
      'answer',
      'anyway',
    ],
  },
  {
    id: 'goodbye.bye',
    intent: 'goodbye',
    priority: GOODBYE,
    patterns: [
      '@bye',
      'see you|ya later|soon|around|tomorrow|then',
      '^ see you|ya $',
      'that @be all|it $',
      'have a nice|good|great|lovely day|evening|night|weekend',
      'good night',
      'gotta|got to go',
      'i @be done',
      'nothing else',
    ],
    maxExtraWords: 3,
    ignore: [
      '@smalltalk',
      '@wellbeing',
      '@ack',
      '@thanks',
      '@you',
      'now',
      'everything',
      'help',
      'helping',
      'needed',
    ],
  },
  {
    id: 'acknowledge.ok',
    intent: 'acknowledge',
    priority: ACKNOWLEDGE,
    patterns: ['@ack', 'got it', 'sound|sounds good|great|fine', 'make|makes sense'],
    maxExtraWords: 1,
    ignore: ['@smalltalk', '@wellbeing', '@you'],
  },

  // Greetings and small talk; only when little else is said.
  {
    id: 'greeting.hello',
    intent: 'greeting',
    priority: GREETING,
    patterns: [
      '@greet',
      'good @daytime',
      '^ @daytime @smalltalk|#name? $',
      'how @be @you',
      'how @you @be @ongoing?',
      'how @be|have|do? @you|it|things|everything|life|everyone|stuff @ongoing',
      'how @be|have? the? ai|bot|assistant @be? @ongoing',
      'how @be things|everything|life|stuff|tricks',
      'how @be @your day|morning|week|evening|afternoon|weekend|life',
      'how goes it',
      'how do @you do $',
      '^ @greet? what @be up|new|good|happening|cracking',
      '^ @greet? what @be going on',
      '@be @you doing? @wellbeing $',
      '@be everything @wellbeing',
      'good|nice|great|glad|pleased|happy to see|meet|talk|chat *1 @you',
      'long time no see',
    ],
    maxExtraWords: 0,
    ignore: ['@smalltalk', '@greet', '@you', '@wellbeing', '@ongoing', '@daytime', '#name'],
  },
];
