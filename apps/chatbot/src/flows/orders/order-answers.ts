import type { OrderDetailsResponse, OrderStatusName } from '@bookstore/contracts';
import { text, type Language } from '@bookstore/intents';

/** Shopper-facing texts for the order answers, in the conversation's language. */

export function orderStatusText(
  language: Language,
  orderId: string,
  status: OrderStatusName,
): string {
  return text(language, 'order.status', {
    orderId,
    status: text(language, `status.${status}`),
    next: text(language, `next.${status}`),
  });
}

/** Cancelled and returned orders are not on their way: nothing to track, whatever the carrier. */
export function isTrackable(status: OrderStatusName): boolean {
  return status !== 'cancelled' && status !== 'returned';
}

export function orderDetailsText(language: Language, order: OrderDetailsResponse): string {
  const parts = [
    text(language, 'order.details', {
      orderId: order.order_id,
      status: text(language, `status.${order.status}`),
    }),
  ];
  if (!isTrackable(order.status)) {
    parts.push(text(language, `next.${order.status}`));
  } else if (order.carrier && order.tracking_number) {
    parts.push(
      text(language, 'order.carrier', { carrier: order.carrier, tracking: order.tracking_number }),
    );
  } else {
    parts.push(text(language, 'order.no_tracking'));
  }
  if (order.estimated_delivery && order.status !== 'delivered' && order.status !== 'returned') {
    parts.push(text(language, 'order.estimated', { date: order.estimated_delivery }));
  }
  return parts.join(' ');
}

export const ASK_EMAIL = (language: Language, orderId: string) =>
  text(language, 'order.ask_email', { orderId });
export const EMAIL_NO_MATCH = (language: Language, orderId: string) =>
  text(language, 'order.email_no_match', { orderId });
export const NOTHING_TO_TRACK = (language: Language, orderId: string, status: OrderStatusName) =>
  text(language, 'order.nothing_to_track', { orderId, status: text(language, `status.${status}`) });
export const WRONG_LENGTH = (language: Language, digits: string) =>
  text(language, 'order.wrong_length', { digits });
export const STILL_NEED_EMAIL = (language: Language, orderId: string) =>
  text(language, 'order.still_need_email', { orderId });
export const ORDER_NOT_FOUND = (language: Language, orderId: string) =>
  text(language, 'order.not_found', { orderId });

/** "Cancel my order": what can be done, given where the order is. */
export function cancellationText(
  language: Language,
  orderId: string,
  status: OrderStatusName,
): string {
  const key = status === 'in_transit' ? 'cancel.shipped' : (`cancel.${status}` as const);
  return text(language, key, { orderId });
}
