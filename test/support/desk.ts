import { eventually as waitUntil } from './wait.js';
import { addAgent } from '../../apps/gateway/src/desk/add-agent.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A request to the gateway as the desk page makes it: same Origin, the session cookie. */
export async function desk(
  gatewayUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const res = await fetch(`${gatewayUrl}/api/desk/${path}`, {
    method,
    headers: {
      origin: gatewayUrl,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

/** Signs in and returns the cookie to send back (`desk_session=…`). */
export async function signIn(
  gatewayUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await desk(gatewayUrl, 'POST', 'sign-in', { body: { email, password }, headers });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** What `npm run -s desk:add-agent -- <email> <name>` does, against this database. */
export function addTestAgent(
  databaseUrl: string,
  email: string,
  name: string,
  password: string,
): Promise<string> {
  return addAgent({ DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'false' }, [email, name], password);
}

/** Polls until `check` holds (the desk records and mails in the background). */
export const eventually = (check: () => unknown, ms = 15_000): Promise<number> =>
  waitUntil(check, ms);
