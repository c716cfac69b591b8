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

export function orderDetailsText(order: OrderDetailsResponse): string {
  const [words] = STATUS_WORDS[order.status];
  const parts = [`Order #${order.order_id} is ${words}.`];
  if (order.carrier && order.tracking_number) {
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
  "I can't check more email addresses for now. Please try again later or contact support@bookstore.com.";
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
