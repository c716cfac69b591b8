import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { setCurrentClientAddress } from '@bookstore/observability';
import type { NextFunction, Request, Response } from 'express';

/** Sent by our own apps to each other: the shared secret that marks an internal caller. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';
/** Sent with the token: the shopper the internal call is made for. */
export const SHOPPER_ADDRESS_HEADER = 'x-shopper-address';

interface Caller {
  internal: boolean;
  shopper?: string;
  /** Internal and naming no shopper at all: the app calls on its own account. */
  own?: true;
}

const callers = new WeakMap<Request, Caller>();

/**
 * Tells our own apps apart from the public: a request whose `x-internal-token` equals the
 * configured token is internal, and only then is its `x-shopper-address` believed. Without a
 * token configured (development) nobody is internal. Both headers are removed, so nothing
 * downstream logs or relays them.
 */
export function internalCallerMiddleware(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction): void => {
    const given = req.headers[INTERNAL_TOKEN_HEADER];
    const shopper = req.headers[SHOPPER_ADDRESS_HEADER];
    delete req.headers[INTERNAL_TOKEN_HEADER];
    delete req.headers[SHOPPER_ADDRESS_HEADER];
    if (expected && typeof given === 'string') {
      const actual = Buffer.from(given);
      if (actual.length === expected.length && timingSafeEqual(actual, expected)) {
        const address = typeof shopper === 'string' && isIP(shopper.trim()) ? shopper.trim() : '';
        callers.set(req, {
          internal: true,
          ...(address ? { shopper: address } : {}),
          ...(shopper === undefined ? { own: true } : {}),
        });
      }
    }
    // For the calls this request makes on the shopper's behalf (the store API).
    setCurrentClientAddress(clientAddress(req));
    next();
  };
}

/** Whether one of our own apps made this request (the token matched). */
export function isInternalCaller(req: Request): boolean {
  return callers.get(req)?.internal === true;
}

/**
 * One of our own apps calling on its own account (the token, no shopper named), such as the
 * chatbot loading the catalog: not a shopper's request, so no shopper's limit counts it.
 */
export function isServiceCall(req: Request): boolean {
  return callers.get(req)?.own === true;
}

/**
 * The shopper's address: the one an authenticated internal caller names, else the peer as
 * Express's `trust proxy` sees it (X-Forwarded-For only from the configured proxies).
 */
export function clientAddress(req: Request): string {
  return callers.get(req)?.shopper ?? req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * The address as limits count it: IPv4 as it is, IPv6 by its /64 (one subscriber's whole
 * allocation, which a single machine can rotate through at will).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The client's limit key: `clientAddress` grouped by `addressKey`. */
export function clientKey(req: Request): string {
  return addressKey(clientAddress(req));
}

function expandIpv6(address: string): string[] {
  let text = address.split('%')[0].toLowerCase();
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.replace(v4[0], `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => (parseInt(g, 16) || 0).toString(16));
}

/**
 * What a service tells another about its caller: with the internal token, the token and the
 * shopper the call is for, so the callee's limits count each shopper rather than the calling pod.
 */
export function internalCallerHeaders(
  token: string | undefined,
  shopperAddress: string | undefined,
): Record<string, string> {
  if (!token) return {};
  return {
    [INTERNAL_TOKEN_HEADER]: token,
    ...(shopperAddress ? { [SHOPPER_ADDRESS_HEADER]: shopperAddress } : {}),
  };
}
