import {
  CATEGORY_ONLY,
  DAMAGED,
  HANDOFF,
  ORDER,
  ORDER_LOOSE,
  PAYMENT,
  PAYMENT_LOOSE,
  RECOMMEND,
  REFUND,
  SHIPPING,
  SHIPPING_LOOSE,
  SUPPORT_TOPIC,
  type IntentRule,
} from './intent-rule.js';

/** Rules for what the customer asks about: the shop's topics and asking for a person. */
export const TOPIC_RULES: readonly IntentRule[] = [
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
];
