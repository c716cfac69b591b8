import { storeEngines, type StoreHarness } from '../test/engines.js';
import { SupportRequestsRepository, SupportStoreError } from './support-requests.repository.js';

const engines = storeEngines({ poolSize: 4, seed: false });

const turn = {
  turn: 1,
  timestamp: '2026-11-28T10:00:00.000Z',
  user: 'Can I talk to a human?',
  bot: 'I can pass this conversation to our support team.',
  intent: 'handoff',
  source: 'rules',
};

const base = {
  sessionId: 'session-aaaa',
  clientIp: '10.0.0.1',
  email: 'jane.doe@example.com',
  problem: 'My book arrived torn.',
  reason: 'asked',
  language: 'en',
  transcript: [turn],
  deliver: true,
};

describe.each(engines)('support requests on %s', (_engine, open) => {
  let h: StoreHarness;
  let repo: SupportRequestsRepository;

  beforeAll(async () => {
    h = await open();
    repo = new SupportRequestsRepository(h.db);
  }, 60_000);
  afterAll(() => h.cleanup());

  it('stores a request with a quotable reference, the transcript and the verified order', async () => {
    await repo.rememberVerifiedOrder('session-aaaa', '123456');
    const created = await repo.create(base);
    expect(created).toMatchObject({
      email: 'jane.doe@example.com',
      problem: 'My book arrived torn.',
      order_id: '123456',
      language: 'en',
      reason: 'asked',
      status: 'open',
      note: null,
      delivery: 'pending',
      transcript: [turn],
    });
    expect(created.reference).toMatch(/^SR-\d{6}$/);
    expect(await repo.get(created.reference)).toEqual(created);
    // Another conversation never gets this one's order.
    const other = await repo.create({ ...base, sessionId: 'session-bbbb', deliver: false });
    expect(other).toMatchObject({ order_id: null, delivery: 'stored' });
  });

  it('limits requests per conversation and per client, counted with the insert', async () => {
    const limits = { maxPerSession: 2, maxPerClient: 3, windowSeconds: 3600 };
    const one = { ...base, sessionId: 'session-count', clientIp: '10.9.9.9' };
    expect(await repo.createWithinLimits(one, limits)).not.toBeNull();
    expect(await repo.createWithinLimits(one, limits)).not.toBeNull();
    expect(await repo.createWithinLimits(one, limits)).toBeNull();
    expect(
      await repo.createWithinLimits({ ...one, sessionId: 'session-x' }, limits),
    ).not.toBeNull();
    expect(await repo.createWithinLimits({ ...one, sessionId: 'session-y' }, limits)).toBeNull();
    // In parallel too: exactly the limit passes.
    const parallel = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        repo.createWithinLimits(
          { ...base, sessionId: `session-par-${i}`, clientIp: '10.7.7.7' },
          { ...limits, maxPerClient: 5 },
        ),
      ),
    );
    expect(parallel.filter((r) => r !== null)).toHaveLength(5);
  });

  it('names a verified order only from the conversation the transcript shows, and forgets it', async () => {
    const now = Date.now();
    const at = (ms: number) => ({ ...turn, timestamp: new Date(ms).toISOString() });
    await repo.rememberVerifiedOrder('session-bind', '234567');
    // The conversation as it is now started well after the verification (erased and begun again).
    const later = await repo.create({
      ...base,
      sessionId: 'session-bind',
      transcript: [at(now + 3_600_000)],
    });
    expect(later.order_id).toBeNull();
    // No conversation at all, or one not read: no order.
    expect(
      (await repo.create({ ...base, sessionId: 'session-bind', transcript: [] })).order_id,
    ).toBeNull();
    const unread = await repo.create({ ...base, sessionId: 'session-bind', transcript: null });
    expect(unread).toMatchObject({ order_id: null, transcript_read: false, delivery: 'pending' });
    // Its transcript, read later, names the order verified within it.
    expect(await repo.saveTranscript(unread.reference, [at(now)])).toMatchObject({
      order_id: '234567',
      transcript_read: true,
    });
    await repo.forgetVerifiedOrders('session-bind');
    expect(
      (await repo.create({ ...base, sessionId: 'session-bind', transcript: [at(now)] })).order_id,
    ).toBeNull();
  });

  it('gives a request up: failed, never claimed again', async () => {
    const created = await repo.create({ ...base, sessionId: 'session-give-up' });
    await repo.claimDue(60, 10, created.reference);
    await repo.markGivenUp(created.reference, [], 'webhook: timed out');
    expect(await repo.claimDue(60, 10, created.reference)).toEqual([]);
    expect(await repo.get(created.reference)).toMatchObject({ delivery: 'failed' });
  });

  it('lists by status and updates status and note', async () => {
    const created = await repo.create({ ...base, sessionId: 'session-list' });
    const closed = await repo.update(created.reference, { status: 'closed', note: 'Refunded.' });
    expect(closed).toMatchObject({ status: 'closed', note: 'Refunded.' });
    expect((await repo.list('closed')).map((r) => r.reference)).toContain(created.reference);
    expect((await repo.list('open')).map((r) => r.reference)).not.toContain(created.reference);
    // A note alone keeps the status.
    expect(await repo.update(created.reference, { note: 'Called back.' })).toMatchObject({
      status: 'closed',
      note: 'Called back.',
    });
    expect(await repo.update('SR-000000', { status: 'closed' })).toBeNull();
  });

  it('leases a due request to one claimer at a time and retries a failure later', async () => {
    const created = await repo.create({ ...base, sessionId: 'session-claim' });
    const first = await repo.claimDue(60, 10, created.reference);
    expect(first.map((r) => r.reference)).toEqual([created.reference]);
    expect(first[0]).toMatchObject({ delivered_to: [], delivery_attempts: 1 });
    // Leased: nobody else takes it.
    expect(await repo.claimDue(60, 10, created.reference)).toEqual([]);
    await repo.markFailed(created.reference, ['email'], 'webhook down', 0);
    const again = await repo.claimDue(60, 10, created.reference);
    expect(again[0]).toMatchObject({ delivered_to: ['email'], delivery_attempts: 2 });
    await repo.markDelivered(created.reference, ['email', 'webhook']);
    expect(await repo.claimDue(60, 10, created.reference)).toEqual([]);
    expect(await repo.get(created.reference)).toMatchObject({ delivery: 'delivered' });
  });

  it('does not hand a failed request out again before its retry time', async () => {
    const created = await repo.create({ ...base, sessionId: 'session-later' });
    await repo.claimDue(60, 10, created.reference);
    await repo.markFailed(created.reference, [], 'down', 3600);
    expect(await repo.claimDue(60, 10, created.reference)).toEqual([]);
  });
});

describe('support requests when the database fails', () => {
  it('throws its own error, for the caller to map', async () => {
    const [, openPostgres] = engines[0];
    const h = await openPostgres();
    await h.cleanup();
    const repo = new SupportRequestsRepository(h.db);
    await expect(repo.list()).rejects.toBeInstanceOf(SupportStoreError);
  });
});
