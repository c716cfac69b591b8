/**
 * The store's facts: the one source the help center, the store page, the bot and the LLM prompt all
 * read (written from the team's STORE.md). One article per fact, so a question gets the fact it asks
 * about; `answer` is what the bot says, `body` what the help center shows. The original plan's canned
 * sentences stay word for word as the short answers of the generic articles (shipping-times,
 * returns-policy, payment-methods). Edit here and every boot brings the database up to date.
 */

export type HelpTopic = 'shipping' | 'returns' | 'payment' | 'order_status' | 'help';

export interface HelpArticleSource {
  /** Stable id: the page anchors it as `help-<slug>`. */
  readonly slug: string;
  readonly topic: HelpTopic;
  readonly title: string;
  /** Ways shoppers ask it; searched with the title, so they widen what the article matches. */
  readonly questions: readonly string[];
  /** The short answer the bot gives. */
  readonly answer: string;
  /** The full text the help center shows. */
  readonly body: string;
}

/** The facts the store page states in its own words, kept beside the articles that explain them. */
export const STORE_FACTS = {
  freeShippingThreshold: 35,
  standardShippingPrice: 4.99,
  standardShippingDays: '5-7',
  expressShippingPrice: 12.99,
  expressShippingDays: '2-3',
  internationalShippingPrice: 14.99,
  internationalShippingDays: '7-14',
  returnDays: 30,
  damagedReportDays: 14,
  refundDays: '5-7',
  giftWrapPrice: 3.99,
  giftCardMin: 10,
  giftCardMax: 200,
  newsletterDiscountPercent: 10,
  supportEmail: 'support@bookstore.com',
  supportHours: 'Monday to Friday, 9 am to 5 pm Eastern',
} as const;

export const HELP_ARTICLES: readonly HelpArticleSource[] = [
  // Shipping.
  {
    slug: 'shipping-times',
    topic: 'shipping',
    title: 'How long shipping takes',
    questions: [
      'How long does shipping take?',
      'When will my books arrive if I order today?',
      'What are the delivery times?',
      'How many days for standard shipping?',
    ],
    answer: 'Standard shipping takes 5-7 business days. Express shipping is 2-3 business days.',
    body:
      'Standard shipping takes 5-7 business days and express shipping 2-3 business days. Orders ' +
      'placed by 2 pm Eastern on a business day leave the warehouse the same day.',
  },
  {
    slug: 'shipping-cost',
    topic: 'shipping',
    title: 'What shipping costs',
    questions: [
      'How much is shipping?',
      'What do you charge for shipping?',
      'What are the shipping fees and rates?',
      'Shipping price?',
    ],
    answer:
      'Standard shipping costs $4.99 (5-7 business days) and is free on orders of $35 or more in ' +
      'the United States. Express shipping costs $12.99 (2-3 business days).',
    body:
      'Standard shipping: 5-7 business days, $4.99, free on orders of $35 or more (United States). ' +
      'Express shipping: 2-3 business days, $12.99.',
  },
  {
    slug: 'free-shipping',
    topic: 'shipping',
    title: 'Free shipping over $35',
    questions: [
      'Is there free shipping?',
      'Do I get free shipping?',
      'What is the minimum order for free shipping?',
      'How much do I need to spend for free shipping?',
    ],
    answer:
      'Standard shipping is free on orders of $35 or more within the United States; below $35 it ' +
      'costs $4.99.',
    body:
      'Orders of $35 or more ship free with standard shipping (5-7 business days) within the ' +
      'United States. Smaller orders pay $4.99. Express shipping is never free.',
  },
  {
    slug: 'express-shipping',
    topic: 'shipping',
    title: 'Express shipping',
    questions: [
      'Do you have express shipping?',
      'How much is express shipping?',
      'Can I get my order faster?',
      'Is there fast, expedited or overnight shipping?',
    ],
    answer: 'Express shipping takes 2-3 business days and costs $12.99.',
    body:
      'Express shipping delivers in 2-3 business days for $12.99. Orders placed by 2 pm Eastern on ' +
      'a business day leave the warehouse the same day.',
  },
  {
    slug: 'same-day-dispatch',
    topic: 'shipping',
    title: 'When orders leave the warehouse',
    questions: [
      'When does my order ship?',
      'Is there a cutoff time to ship the same day?',
      'How soon do you dispatch orders?',
      'If I order this afternoon, does it go out today?',
      'What time do I have to order by for it to leave today?',
    ],
    answer:
      'Orders placed by 2 pm Eastern on a business day leave our warehouse the same day; later ' +
      'orders leave the next business day.',
    body: 'Orders placed by 2 pm Eastern on a business day leave the warehouse the same day.',
  },
  {
    slug: 'international-shipping',
    topic: 'shipping',
    title: 'International shipping',
    questions: [
      'Do you ship internationally or abroad?',
      'Do you ship to Canada, the UK, Europe or Australia?',
      'Which countries do you ship to?',
      'Can I order from another country?',
      'Who pays import duties and customs?',
      'How long does international shipping take?',
    ],
    answer:
      'We ship to Canada, the United Kingdom (UK), the European Union and Australia: 7-14 business ' +
      'days for $14.99 flat, with any import duties paid on delivery. We do not ship to other ' +
      'countries yet.',
    body:
      'International shipping goes to Canada, the United Kingdom, the European Union and Australia: ' +
      '7-14 business days, $14.99 flat. Import duties, where charged, are paid on delivery. No ' +
      'other countries yet.',
  },
  {
    slug: 'change-address',
    topic: 'shipping',
    title: 'Changing the delivery address',
    questions: [
      'Can I change my delivery address?',
      'Can I send my order to a different address?',
      'I entered the wrong shipping address',
      'Can you redirect my package?',
    ],
    answer:
      'You can change the delivery address while your order is still processing: contact ' +
      'support@bookstore.com. Once it has shipped, only the carrier can redirect it.',
    body:
      'The delivery address can be changed while the order is still processing: contact the ' +
      'support team at support@bookstore.com. Once the order has shipped, only the carrier can ' +
      'redirect it.',
  },
  {
    slug: 'lost-or-late',
    topic: 'shipping',
    title: 'A late or lost order',
    questions: [
      'My order is late',
      'My package never arrived, it is lost',
      'What if my parcel is missing or delayed?',
      'What happens if a package goes missing?',
    ],
    answer:
      'If your order is 5 business days past its estimated delivery date, we report it to the ' +
      'carrier and, if it is not found, replace or refund it. Write to support@bookstore.com with ' +
      'your order number.',
    body:
      'An order 5 business days past its estimated delivery date is reported to the carrier and, ' +
      'if not found, replaced or refunded.',
  },
  {
    slug: 'tracking',
    topic: 'order_status',
    title: 'Tracking an order',
    questions: [
      'How do I track my order?',
      'Where do I find my tracking number?',
      'Which carrier delivers my package?',
      'Which carriers or couriers do you use?',
    ],
    answer:
      'A shipped order has a carrier and a tracking number. Give me your order number and the email ' +
      'you ordered with, and I will show them.',
    body:
      'A shipped order has a carrier and a tracking number, shown once you prove the order is ' +
      'yours: give the chat your six-digit order number, then the email address you ordered with.',
  },

  // Returns, exchanges, refunds.
  {
    slug: 'returns-policy',
    topic: 'returns',
    title: 'Returns within 30 days',
    questions: [
      'What is your return policy?',
      'How do returns work?',
      'Can I return a book?',
      'How long do I have to return a book?',
    ],
    answer: 'We accept returns within 30 days. Books must be in original condition.',
    body:
      'Return any book within 30 days of delivery, in its original condition, with the free ' +
      'prepaid return label.',
  },
  {
    slug: 'return-label',
    topic: 'returns',
    title: 'Free return shipping',
    questions: [
      'Do I have to pay for return shipping?',
      'Is there a return label?',
      'How do I send a book back?',
    ],
    answer:
      'Returns are free: we give you a prepaid return label. Send the book back within 30 days of ' +
      'delivery, in its original condition.',
    body:
      'Every return gets a free prepaid return label. Books go back within 30 days of delivery, in ' +
      'their original condition.',
  },
  {
    slug: 'refund-timing',
    topic: 'returns',
    title: 'When refunds arrive',
    questions: [
      'When will I get my money back?',
      'How long does a refund take?',
      'Where is my refund?',
    ],
    answer:
      'Refunds go to your original payment method within 5-7 business days after your return ' +
      'arrives.',
    body: 'Refunds go to the original payment method within 5-7 business days after the return arrives.',
  },
  {
    slug: 'damaged-or-wrong-book',
    topic: 'returns',
    title: 'A damaged, misprinted or wrong book',
    questions: [
      'My book arrived damaged',
      'I received the wrong book',
      'You sent me a different book than I ordered',
      'The book is misprinted, torn or defective',
    ],
    answer:
      'Sorry about that! Report a damaged, misprinted or wrong book within 14 days with a photo to ' +
      'support@bookstore.com: we send a free replacement or a full refund, and you do not need to ' +
      'send it back.',
    body:
      'Report a damaged, misprinted or wrong book within 14 days with a photo; you get a free ' +
      'replacement or a full refund, with no need to send it back.',
  },
  {
    slug: 'exchanges',
    topic: 'returns',
    title: 'Exchanges',
    questions: [
      'Can I exchange a book?',
      'Can I swap it for another edition or another title?',
      'I want a different format, hardcover or paperback',
    ],
    answer:
      'To exchange a book for another edition or another title, start a return: the replacement ' +
      'ships as soon as the carrier scans your return.',
    body:
      'Exchanges (another edition, another title): start a return; the replacement ships as soon as ' +
      'the return is scanned by the carrier.',
  },
  {
    slug: 'no-receipt',
    topic: 'returns',
    title: 'Returns without a receipt',
    questions: ['Do I need a receipt to return?', 'I lost or threw away the receipt'],
    answer:
      'No receipt needed: your order number or the email you used for the order is enough to ' +
      'return it.',
    body: 'No receipt is needed for a return: the order number or the email used for the order is enough.',
  },
  {
    slug: 'returned-gifts',
    topic: 'returns',
    title: 'Returning a gift',
    questions: [
      'Can I return a gift or present?',
      'I got a book as a gift, can I return it for credit?',
      'Can I get a refund for a gift I received?',
    ],
    answer: 'A returned gift is refunded as a gift card to the person who returns it.',
    body: 'A returned gift is refunded as a gift card to the person who returns it.',
  },

  // Payment.
  {
    slug: 'payment-methods',
    topic: 'payment',
    title: 'Ways to pay',
    questions: [
      'What payment methods do you accept?',
      'Which cards do you take?',
      'Can I pay with Visa, Mastercard, American Express or PayPal?',
    ],
    answer: 'We accept Visa, Mastercard, American Express, and PayPal.',
    body:
      'We accept Visa, Mastercard, American Express, PayPal and Chapter & Verse gift cards. Prices ' +
      'are in US dollars; sales tax is added at checkout.',
  },
  {
    slug: 'payment-not-accepted',
    topic: 'payment',
    title: 'Payment methods we do not accept',
    questions: [
      'Can I pay with Apple Pay or Google Pay?',
      'Do you take cash on delivery?',
      'Can I pay with crypto or bitcoin?',
    ],
    answer:
      'Sorry, we do not accept Apple Pay, Google Pay, cash on delivery or cryptocurrency. You can ' +
      'pay with Visa, Mastercard, American Express, PayPal or a Chapter & Verse gift card.',
    body:
      'Apple Pay, Google Pay, cash on delivery and cryptocurrency are not accepted. Visa, ' +
      'Mastercard, American Express, PayPal and Chapter & Verse gift cards are.',
  },
  {
    slug: 'currency-and-tax',
    topic: 'payment',
    title: 'Currency and sales tax',
    questions: ['What currency are prices in?', 'Do you charge sales tax?'],
    answer: 'Prices are in US dollars; sales tax is added at checkout.',
    body: 'Prices are in US dollars; sales tax is added at checkout.',
  },
  {
    slug: 'double-charge',
    topic: 'payment',
    title: 'Charged twice',
    questions: [
      'I was charged twice',
      'Why do I see two charges on my card?',
      'Double charge on my statement',
    ],
    answer:
      'The second charge is usually a pending authorisation that disappears within 3-5 business ' +
      'days. If it does not, write to support@bookstore.com and we refund it.',
    body:
      'A second charge is usually a pending authorisation that disappears within 3-5 business ' +
      'days; if it does not, the support team refunds it.',
  },

  // Gift cards and gifts.
  {
    slug: 'gift-cards',
    topic: 'payment',
    title: 'Gift cards',
    questions: [
      'Do you sell gift cards?',
      'Can I buy a gift card or voucher?',
      'Do gift cards expire?',
    ],
    answer:
      'Our digital gift cards go from $10 to $200, are delivered by email, never expire and can be ' +
      'used on any order.',
    body: 'Digital gift cards from $10 to $200, delivered by email, never expire, usable on any order.',
  },
  {
    slug: 'gift-wrapping',
    topic: 'help',
    title: 'Gift wrapping',
    questions: [
      'Do you offer gift wrapping?',
      'Can you wrap it as a present?',
      'Can I add a gift note or message?',
    ],
    answer: 'Gift wrapping costs $3.99 a book and comes with a handwritten note.',
    body: 'Gift wrapping: $3.99 a book, with a handwritten note.',
  },

  // Orders and account.
  {
    slug: 'order-number',
    topic: 'order_status',
    title: 'Your order number',
    questions: ['Where do I find my order number?', 'What does an order number look like?'],
    answer: 'Order numbers have six digits and are in your order confirmation email.',
    body: 'Order numbers have six digits and are in the order confirmation email.',
  },
  {
    slug: 'cancel-order',
    topic: 'order_status',
    title: 'Cancelling or changing an order',
    questions: [
      'How do I cancel my order?',
      'Can I change the books in my order?',
      'Can I modify or edit an order?',
    ],
    answer:
      'An order can be cancelled while it is processing; once shipped, return it instead. To change ' +
      'the books in an order, cancel it while it is processing and order again.',
    body:
      'An order can be cancelled while it is processing; once shipped, return it instead. Changing ' +
      'the books in an order: cancel it while processing and order again.',
  },
  {
    slug: 'privacy-order-lookup',
    topic: 'order_status',
    title: 'Why the chat asks for your order number',
    questions: [
      'Can you look up my order by email?',
      'Find my orders with my email address',
      'I do not have my order number',
    ],
    answer:
      'For your privacy I can only find an order by its six-digit order number, never by email ' +
      'alone. The number is in your order confirmation email.',
    body:
      'For privacy the chat finds an order only by its number, never by email alone. The email is ' +
      'asked only to confirm that an order is yours before its tracking details are shown.',
  },
  {
    slug: 'password-reset',
    topic: 'help',
    title: 'Signing in and resetting your password',
    questions: [
      'I forgot my password',
      'I cannot log in or sign in to my account',
      'How do I reset my password?',
      'Do I need an account to order?',
    ],
    answer:
      'Use "Forgot password?" on the sign-in page: we email you a reset link that is valid for 1 ' +
      'hour. Guest checkout needs no account.',
    body:
      'Forgot password: "Forgot password?" on the sign-in page emails a reset link valid for 1 hour. ' +
      'Guest checkout needs no account.',
  },

  // The store and its people.
  {
    slug: 'online-only',
    topic: 'help',
    title: 'An online-only store',
    questions: [
      'Do you have a physical shop or store I can visit?',
      'Where are you located?',
      'What are your opening hours?',
    ],
    answer: 'We are an online-only store, open 24/7: there is no physical shop to visit.',
    body: 'Chapter & Verse is online only and open 24/7; there is no physical shop.',
  },
  {
    slug: 'contact-support',
    topic: 'help',
    title: 'Contacting the support team',
    questions: [
      'How do I contact customer service?',
      'What are your support hours?',
      'When is customer service open?',
      'What is your email or phone number?',
    ],
    answer:
      'Our support team is there Monday to Friday, 9 am to 5 pm Eastern, at support@bookstore.com, ' +
      'and answers every message within 1 business day.',
    body:
      'The support team works Monday to Friday, 9 am to 5 pm Eastern, at support@bookstore.com; ' +
      'every message is answered within 1 business day.',
  },
  {
    slug: 'printed-books-only',
    topic: 'help',
    title: 'Printed books only',
    questions: [
      'Do you sell ebooks or audiobooks?',
      'Is there a Kindle or digital edition?',
      'Can I download an e-book?',
      'Can I listen to an audio version?',
    ],
    answer: 'We sell printed books only: no ebooks or audiobooks.',
    body: 'Printed books only: no ebooks or audiobooks.',
  },
  {
    slug: 'pre-orders',
    topic: 'help',
    title: 'Pre-orders',
    questions: [
      'Can I pre-order or preorder a book?',
      'When am I charged for a pre-order?',
      'Can I reserve an upcoming release?',
      'Can I buy a book before it is out?',
    ],
    answer: 'You can pre-order upcoming books; pre-orders are charged when they ship.',
    body: 'Pre-orders are charged when they ship.',
  },
  {
    slug: 'newsletter',
    topic: 'help',
    title: 'The newsletter discount',
    questions: [
      'Do you have a newsletter?',
      'Is there a discount, coupon or promo code?',
      'Do you offer a first order discount?',
    ],
    answer: 'Newsletter subscribers get 10% off their first order.',
    body: 'Newsletter subscribers get 10% off their first order.',
  },
  {
    slug: 'price-matching',
    topic: 'help',
    title: 'Price matching',
    questions: [
      'Do you price match?',
      'Will you match a lower price from another store like Amazon?',
      'Can you beat a competitor price?',
    ],
    answer: 'Sorry, we do not offer price matching.',
    body: 'No price matching.',
  },
];
