/**
 * Everything the bot says without an LLM, in English. The store's facts are placeholders
 * ({support_email}, {support_hours}, ...) the chatbot fills from the store's content; the facts of
 * shipping, returns and payment are the store's articles (these keys only point to them when a
 * store has none). Other languages have the same keys and {placeholders} (texts.spec.ts checks it).
 */
export const EN = {
  // The plan's seven canned answers.
  greeting: "Hello! I'm here to help. What can I assist you with today?",
  order_status: 'I can help you track your order. Please provide your order number.',
  shipping: 'Our help center has our shipping options and delivery times.',
  returns: 'Our help center has our returns policy.',
  payment: 'Our help center lists the ways you can pay.',
  recommendation: 'Check out our Fiction category for popular titles!',
  fallback: "I'm not sure about that. Please contact {support_email} for assistance.",
  // Small talk.
  thanks: "You're welcome! Is there anything else I can help you with?",
  goodbye: 'Thanks for stopping by, and happy reading! Bye for now.',
  acknowledge: 'Great! Anything else I can help you with?',
  frustrated:
    "I'm sorry I haven't been more helpful. Could you tell me a little more about what you need? " +
    'You can also reach a person on our support team at {support_email}.',
  gibberish:
    "Sorry, I didn't catch that. Could you rephrase it? I can help with orders, shipping, returns, " +
    'payment and book recommendations.',
  help: "I'm not sure about that. Please contact {support_email} for assistance.",
  handoff:
    'I can pass this conversation to our support team. They answer {support_hours}, within {answer_within}.',
  llm_failure: "I'm having trouble processing that. Please contact {support_email}.",
  // Orders.
  'order.ask_number': 'What is your six-digit order number?',
  'order.status': 'Your order #{orderId} is {status}. {next}',
  'order.details': 'Order #{orderId} is {status}.',
  'order.carrier': 'Carrier: {carrier}, tracking number {tracking}.',
  'order.no_tracking': 'There is no tracking number for it yet.',
  'order.estimated': 'Estimated delivery: {date}.',
  'order.ask_email':
    "To share the tracking details for order #{orderId}, I need to confirm it's yours. What email address did you order with?",
  'order.email_no_match':
    "That email address doesn't match order #{orderId}. Please check it and try again.",
  'order.too_many_attempts':
    "I can't check more email addresses for now: you're locked out of order checks after too many that didn't match. Please try again later, or contact {support_email} and the team will help.",
  'order.nothing_to_track': 'Order #{orderId} was {status}, so there is nothing to track.',
  'order.wrong_length':
    "{digits} doesn't look like one of our order numbers: order numbers have six digits, in your order confirmation email. Could you check it?",
  'order.still_need_email':
    '(For the tracking details of order #{orderId}, I still need the email address you ordered with.)',
  'order.cancel_ask_number':
    'An order can be cancelled while it is still processing; once shipped, return it instead. What is your six-digit order number? I will check where it is.',
  'order.not_found':
    "I couldn't find order #{orderId}. Please check the six-digit number in your confirmation email.",
  'order.store_down':
    "I can't reach our order system right now. Please try again in a few minutes.",
  'status.processing': 'being prepared',
  'status.shipped': 'shipped',
  'status.in_transit': 'on its way',
  'status.delivered': 'delivered',
  'status.cancelled': 'cancelled',
  'status.returned': 'returned',
  'next.processing': "It hasn't shipped yet; you'll get an email with tracking as soon as it does.",
  'next.shipped': 'Ask me for the tracking details if you want to follow it.',
  'next.in_transit': 'Ask me for the tracking details to see where it is.',
  'next.delivered': "If it hasn't reached you, please contact {support_email}.",
  'next.cancelled':
    'Any payment taken is refunded to your original payment method within 5-7 business days.',
  'next.returned': 'Your refund is issued within 5-7 business days of the return arriving.',
  'cancel.processing':
    'Order #{orderId} is still being prepared, so it can be cancelled: email {support_email} with the order number and the team will cancel it. To change the books in it, cancel it and order again.',
  'cancel.shipped':
    "Order #{orderId} has already shipped, so it can't be cancelled any more: once it arrives, you can return it for a refund, as our returns policy describes.",
  'cancel.delivered':
    "Order #{orderId} has already been delivered, so it can't be cancelled; you can return it for a refund, as our returns policy describes.",
  'cancel.cancelled':
    'Order #{orderId} is already cancelled. Any payment taken is refunded to your original payment method within 5-7 business days.',
  'cancel.returned':
    'Order #{orderId} was returned, so there is nothing to cancel. Your refund is issued within 5-7 business days of the return arriving.',
  // Books.
  'books.title': 'Yes, we have {title} by {author} in stock: {price}, in {category}.',
  'books.line': '• {title} by {author} ({price})',
  'books.unknown_category': "We don't have a {asked} section, but you can pick from: {names}.",
  'books.none_left':
    "That's all I have along those lines. Want me to suggest something from another category?",
  'books.more': 'Here are some more:',
  'books.by_author': 'Here is what we have by {author}:',
  'books.like': 'If you liked {like}, try these from {category}:',
  'books.like_that_one': 'that one',
  'books.our_shelves': 'our shelves',
  'books.bestsellers': 'Here are some of our bestsellers:',
  'books.bestsellers_in': 'Here are some of our bestsellers in {category}:',
  'books.picks_from': 'Here are some picks from {category}:',
  'books.about': 'Here are some of our books about {subject}:',
  'books.readers_love': 'Here are a few picks our readers love:',
  // Quick replies and links.
  'suggest.track': 'Track my order',
  'suggest.shipping': 'Shipping',
  'suggest.returns': 'Returns',
  'suggest.recommend': 'Recommend a book',
  'help.default_language':
    '(We do not have this answer in your language yet, so here it is in our main language.)',
  'link.support': 'Email the support team',
  'link.track_with': 'Track with {carrier}',
  // Handoff to a person.
  'handoff.contact': 'Contact the support team',
  'handoff.no_thanks': 'No thanks',
  'handoff.yes': 'Yes',
  'handoff.cancel': 'Cancel',
  'handoff.skip': 'Skip',
  'handoff.ask_email': 'What email address should the team answer you at?',
  'handoff.propose_email':
    'Should the team answer you at {email}? Say yes, or type another email address.',
  'handoff.ask_problem':
    'Thanks. In a line, what should the team know? Or say "skip": they will read this conversation.',
  'handoff.bad_email':
    "That doesn't look like an email address. Please type the address the team should answer you at, or say cancel.",
  'handoff.cancelled': 'No problem. What else can I help you with?',
  'handoff.too_many':
    'You have already sent several requests to the support team; they will answer you by email. You can also write to {support_email}.',
  'handoff.down':
    "I can't reach our support system right now. Please email {support_email}, or try again in a few minutes.",
  'handoff.created': 'Done: your request is {reference}. {expected} They will write to {email}.',
  'handoff.see_conversation': 'See the conversation.',
} as const;

export type TextKey = keyof typeof EN;
