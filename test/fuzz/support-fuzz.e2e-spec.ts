import fc from 'fast-check';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * Generated input for the support routes (issue #15): whatever arrives, the answer is never a 5xx
 * and every error is exactly {statusCode, error, message}; a 201 only for a body that holds a
 * valid session id, email and problem.
 */

const TOKEN = 'agent-token-0123456789';
// Printed first, so a run that dies (not just fails) can be replayed with FUZZ_SEED.
const SEED = { seed: Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31)) };
console.log(`${import.meta.url.split('/').pop()}: FUZZ_SEED=${SEED.seed}`);
const RUNS = 400;

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem({
    gateway: {
      SUPPORT_API_TOKEN: TOKEN,
      SUPPORT_MAX_PER_SESSION: '1000',
      SUPPORT_MAX_PER_CLIENT: '10000',
    },
  });
});
afterAll(() => system.close());

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 1200 }),
  fc.constantFrom('', ' ', 'a@b.co', 'jane.doe@example.com', '\u0000', '\ud800', 'SR-123456'),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);
const body = fc.record(
  {
    session_id: fc.oneof(value, fc.constantFrom('session-fuzz-0001', 'short')),
    email: fc.oneof(value, fc.emailAddress()),
    problem: value,
    reason: fc.oneof(value, fc.constantFrom('asked', 'form', 'frustrated', 'not_understood')),
    status: fc.oneof(value, fc.constantFrom('open', 'closed')),
    note: value,
    extra: value,
  },
  { requiredKeys: [] },
);

// A lone surrogate cannot travel in a URL: send its replacement character instead.
const inUrl = (t: string): string =>
  encodeURIComponent(t.replace(/[\ud800-\udfff]/g, '\ufffd')).slice(0, 200) || 'x';

function checkShape(status: number, raw: string, what: string): void {
  if (status >= 500) throw new Error(`${status} for ${what}: ${raw}`);
  if (status < 400) return;
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  if (
    Object.keys(parsed).sort().join(',') !== 'error,message,statusCode' ||
    parsed.statusCode !== status ||
    typeof parsed.message !== 'string'
  ) {
    throw new Error(`off-shape ${status} for ${what}: ${raw}`);
  }
}

describe('support routes under generated input', () => {
  it(`POST /api/support/requests: ${RUNS} bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await fetch(`${system.gatewayUrl}/api/support/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        const raw = await res.text();
        checkShape(res.status, raw, JSON.stringify(b).slice(0, 300));
        if (res.status === 201) {
          expect(
            Object.keys(b).every((k) => ['session_id', 'email', 'problem', 'reason'].includes(k)),
          ).toBe(true);
          expect(JSON.parse(raw)).toMatchObject({ reference: expect.stringMatching(/^SR-\d{6}$/) });
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 120_000);

  it(`PATCH /api/support/requests/:ref and GET ?status=: ${RUNS} inputs`, async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    await fc.assert(
      fc.asyncProperty(text, body, async (ref, b) => {
        const path = inUrl(ref);
        const patch = await fetch(`${system.gatewayUrl}/api/support/requests/${path}`, {
          method: 'PATCH',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        checkShape(
          patch.status,
          await patch.text(),
          `PATCH ${path} ${JSON.stringify(b).slice(0, 200)}`,
        );
        const get = await fetch(`${system.gatewayUrl}/api/support/requests?status=${inUrl(ref)}`, {
          headers: auth,
        });
        checkShape(get.status, await get.text(), `GET ?status=${ref}`);
      }),
      { numRuns: RUNS, ...SEED },
    );
  }, 120_000);
});
