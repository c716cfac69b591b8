import type {
  CategoryDto,
  OrderDetailsResponse,
  OrderStatusName,
  ProductDto,
} from '@bookstore/contracts';

/** Shopper-facing texts for the store-backed answers; the canned ones live in the intents lib. */
const STATUS_WORDS: Record<OrderStatusName, [string, string]> = {
  processing: [
    'being prepared',
    "It hasn't shipped yet; you'll get an email with tracking as soon as it does.",
  ],
  shipped: ['shipped', 'Ask me for the tracking details if you want to follow it.'],
  in_transit: ['on its way', 'Ask me for the tracking details to see where it is.'],
  delivered: ['delivered', "If it hasn't reached you, please contact support@bookstore.com."],
  cancelled: [
    'cancelled',
    'Any payment taken is refunded to your original payment method within 5-7 business days.',
  ],
  returned: ['returned', 'Your refund is issued within 5-7 business days of the return arriving.'],
};

export function orderStatusText(orderId: string, status: OrderStatusName): string {
  const [words, next] = STATUS_WORDS[status];
  return `Your order #${orderId} is ${words}. ${next}`;
}

/** Cancelled and returned orders are not on their way: nothing to track, whatever the carrier. */
export function isTrackable(status: OrderStatusName): boolean {
  return status !== 'cancelled' && status !== 'returned';
}

export function orderDetailsText(order: OrderDetailsResponse): string {
  const [words, next] = STATUS_WORDS[order.status];
  const parts = [`Order #${order.order_id} is ${words}.`];
  if (!isTrackable(order.status)) {
    parts.push(next);
  } else if (order.carrier && order.tracking_number) {
    parts.push(`Carrier: ${order.carrier}, tracking number ${order.tracking_number}.`);
  } else {
    parts.push('There is no tracking number for it yet.');
  }
  if (order.estimated_delivery && order.status !== 'delivered' && order.status !== 'returned') {
    parts.push(`Estimated delivery: ${order.estimated_delivery}.`);
  }
  return parts.join(' ');
}

export const ASK_EMAIL = (orderId: string) =>
  `To share the tracking details for order #${orderId}, I need to confirm it's yours. What email address did you order with?`;
export const EMAIL_NO_MATCH = (orderId: string) =>
  `That email address doesn't match order #${orderId}. Please check it and try again.`;
export const TOO_MANY_ATTEMPTS =
  "I can't check more email addresses for now: you're locked out of order checks after too many that didn't match. Please try again later, or contact support@bookstore.com and the team will help.";
export const NOTHING_TO_TRACK = (orderId: string, status: OrderStatusName) =>
  `Order #${orderId} was ${status}, so there is nothing to track.`;
export const WRONG_LENGTH = (digits: string) =>
  `${digits} doesn't look like one of our order numbers: order numbers have six digits, in your order confirmation email. Could you check it?`;
export const STILL_NEED_EMAIL = (orderId: string) =>
  `(For the tracking details of order #${orderId}, I still need the email address you ordered with.)`;

/** "Cancel my order": what can be done, given where the order is. */
export function cancellationText(orderId: string, status: OrderStatusName): string {
  switch (status) {
    case 'processing':
      return `Order #${orderId} is still being prepared, so it can be cancelled: email support@bookstore.com with the order number and the team will cancel it. To change the books in it, cancel it and order again.`;
    case 'shipped':
    case 'in_transit':
      return `Order #${orderId} has already shipped, so it can't be cancelled any more: once it arrives, you can return it within 30 days for a refund.`;
    case 'delivered':
      return `Order #${orderId} has already been delivered, so it can't be cancelled; you can return it within 30 days of delivery for a refund.`;
    case 'cancelled':
      return `Order #${orderId} is already cancelled. Any payment taken is refunded to your original payment method within 5-7 business days.`;
    case 'returned':
      return `Order #${orderId} was returned, so there is nothing to cancel. Your refund is issued within 5-7 business days of the return arriving.`;
  }
}

export const CANCEL_ASK_NUMBER =
  'An order can be cancelled while it is still processing; once shipped, return it instead. What is your six-digit order number? I will check where it is.';

export function titleText(book: ProductDto, categoryName: string): string {
  return `Yes, we have ${book.title} by ${book.author} in stock: $${book.price.toFixed(2)}, in ${categoryName}.`;
}
export const ORDER_NOT_FOUND = (orderId: string) =>
  `I couldn't find order #${orderId}. Please check the six-digit number in your confirmation email.`;
export const STORE_DOWN =
  "I can't reach our order system right now. Please try again in a few minutes.";

export function recommendationText(books: ProductDto[], label: string): string {
  const lines = books.map((b) => `• ${b.title} by ${b.author} ($${b.price.toFixed(2)})`);
  return `${label}\n${lines.join('\n')}`;
}

export function unknownCategoryText(asked: string, categories: CategoryDto[]): string {
  const names = categories.map((c) => c.name).join(', ');
  return `We don't have a ${asked} section, but you can pick from: ${names}.`;
}

export const NO_MORE_BOOKS =
  "That's all I have along those lines. Want me to suggest something from another category?";
