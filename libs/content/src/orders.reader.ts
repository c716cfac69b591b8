import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import {
  ORDER_SEED_STATUSES,
  type ContentProblem,
  type OrderSeed,
  type OrderSeedItem,
  type OrderSeedStatus,
} from './content.types.js';

export const ORDERS_FILE = 'orders.json';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The line each item is on, for problems found against the catalog. */
export const ITEM_LINES = new WeakMap<OrderSeedItem, number>();

/** orders.json (optional): demo orders, read as YAML (JSON is YAML) to know each one's line. */
export function readOrders(
  text: string | undefined,
  problems: ContentProblem[],
): OrderSeed[] | undefined {
  if (text === undefined) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  for (const e of doc.errors) {
    problems.push({ file: ORDERS_FILE, line: counter.linePos(e.pos[0]).line, message: 'bad JSON' });
  }
  if (doc.errors.length > 0) return undefined;
  if (!isSeq(doc.contents)) {
    problems.push({ file: ORDERS_FILE, line: 1, message: 'orders.json must be a list of orders' });
    return undefined;
  }
  const orders: OrderSeed[] = [];
  const ids = new Set<string>();
  for (const node of doc.contents.items) {
    const order = readOrder(node, lineOf, problems);
    if (!order) continue;
    if (ids.has(order.id)) {
      problems.push({ file: ORDERS_FILE, line: lineOf(node), message: `order ${order.id} twice` });
      continue;
    }
    ids.add(order.id);
    orders.push(order);
  }
  return orders;
}

function readOrder(
  node: Node,
  lineOf: (node: unknown) => number,
  problems: ContentProblem[],
): OrderSeed | undefined {
  const before = problems.length;
  const problem = (at: unknown, message: string) =>
    problems.push({ file: ORDERS_FILE, line: lineOf(at), message });
  if (!isMap(node)) {
    problem(node, 'an order must be an object');
    return undefined;
  }
  const field = (map: YAMLMap, key: string) =>
    map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const text = (key: string, nullable = false, pattern?: RegExp): string | null => {
    const pair = field(node, key);
    const v = isScalar(pair?.value) ? pair.value.value : undefined;
    if (v === null && nullable) return null;
    if (typeof v === 'string' && v !== '' && (!pattern || pattern.test(v))) return v;
    problem(pair ?? node, pair ? `${key} has the wrong value` : `missing key: ${key}`);
    return null;
  };
  const id = text('id', false, /^\d{6}$/);
  const status = text('status');
  if (status && !(ORDER_SEED_STATUSES as readonly string[]).includes(status)) {
    problem(field(node, 'status'), `unknown status "${status}"`);
  }
  const customerEmail = text('customer_email', false, /^[^\s@]+@[^\s@]+$/);
  const carrier = text('carrier', true);
  const trackingNumber = text('tracking_number', true);
  const estimatedDelivery = text('estimated_delivery', true, DATE);
  const createdAt = text('created_at', false, /^\d{4}-\d{2}-\d{2}T/);
  const updatedAt = text('updated_at', false, /^\d{4}-\d{2}-\d{2}T/);
  const itemsPair = field(node, 'items');
  const items: OrderSeedItem[] = [];
  if (!isSeq(itemsPair?.value) || itemsPair.value.items.length === 0) {
    problem(itemsPair ?? node, 'items must be a non-empty list');
  } else {
    for (const itemNode of itemsPair.value.items) {
      const raw = (itemNode as Node).toJSON() as Record<string, unknown> | null;
      const item = raw && typeof raw === 'object' ? raw : {};
      const { isbn, title, quantity, unit_price: unitPrice } = item;
      const ok =
        (typeof isbn === 'string' || typeof title === 'string') &&
        Number.isInteger(quantity) &&
        (quantity as number) > 0 &&
        typeof unitPrice === 'number' &&
        unitPrice >= 0;
      if (!ok) {
        problem(itemNode, 'an item needs isbn or title, a quantity over 0 and a unit_price number');
        continue;
      }
      const seed: OrderSeedItem = {
        ...(typeof isbn === 'string' ? { isbn: isbn.replace(/[\s-]/g, '') } : {}),
        ...(typeof title === 'string' ? { title } : {}),
        quantity: quantity as number,
        unitPrice,
      };
      ITEM_LINES.set(seed, lineOf(itemNode));
      items.push(seed);
    }
  }
  if (problems.length > before || !id || !status || !customerEmail || !createdAt || !updatedAt) {
    return undefined;
  }
  return {
    id,
    status: status as OrderSeedStatus,
    customerEmail,
    carrier,
    trackingNumber,
    estimatedDelivery,
    createdAt,
    updatedAt,
    items,
  };
}
