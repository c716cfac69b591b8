import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
  /** The shopper's address once the edge has worked it out, for calls made on their behalf. */
  clientAddress?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request being served, to pass on to the services this one calls. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Remembers the shopper's address for the rest of the request. */
export function setCurrentClientAddress(address: string): void {
  const store = storage.getStore();
  if (store) store.clientAddress = address;
}

/** The address of the shopper this request serves, when there is a request being served. */
export function currentClientAddress(): string | undefined {
  return storage.getStore()?.clientAddress;
}

/** `x-request-id` for outgoing calls, when there is a request being served. */
export function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id ? { 'x-request-id': id } : {};
}

/**
 * Takes the caller's `x-request-id` (or makes one), echoes it on the response and keeps it for
 * the rest of the request, so every log line and every downstream call carries it.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
  storage.run({ requestId: id }, next);
}
