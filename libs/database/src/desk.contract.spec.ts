import { storeEngines, type StoreHarness } from '../test/engines.js';
import { DeskRepository } from './desk.repository.js';
import { SupportRequestsRepository } from './support-requests.repository.js';

const engines = storeEngines({ poolSize: 4, seed: false });

describe.each(engines)('the desk on %s', (_engine, open) => {
  let h: StoreHarness;
  let desk: DeskRepository;
  let support: SupportRequestsRepository;

  beforeAll(async () => {
    h = await open();
    desk = new DeskRepository(h.db);
    support = new SupportRequestsRepository(h.db);
  }, 60_000);
  afterAll(() => h.cleanup());

  it('adds an agent, and a second time resets the password and ends its sessions', async () => {
    expect(await desk.saveAgent('Ana@Example.com', 'Ana', 'hash-1')).toBe('added');
    expect(await desk.agent('ana@example.COM')).toEqual({
      email: 'ana@example.com',
      name: 'Ana',
      password_hash: 'hash-1',
    });
    await desk.createSession('token-a', 'ana@example.com', 3_600);
    expect(await desk.sessionAgent('token-a')).toMatchObject({ email: 'ana@example.com' });
    expect(await desk.saveAgent('ana@example.com', 'Ana B.', 'hash-2')).toBe('reset');
    expect((await desk.agent('ana@example.com'))?.password_hash).toBe('hash-2');
    expect(await desk.sessionAgent('token-a')).toBeNull();
  });

  it('ends a session when it expires or is signed out', async () => {
    await desk.saveAgent('bo@example.com', 'Bo', 'hash');
    await desk.createSession('token-b', 'bo@example.com', 3_600);
    await desk.createSession('token-old', 'bo@example.com', 3_600);
    await h.db.query(
      `UPDATE desk_sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      ['token-old'],
    );
    expect(await desk.sessionAgent('token-old')).toBeNull();
    expect(await desk.sessionAgent('token-b')).not.toBeNull();
    await desk.endSession('token-b');
    expect(await desk.sessionAgent('token-b')).toBeNull();
  });

  it('records a reply on its request and leases it for mail once', async () => {
    const request = await support.create({
      sessionId: 'session-desk',
      clientIp: '10.0.0.9',
      email: 'shopper@example.com',
      problem: 'Torn cover',
      reason: 'asked',
      language: 'en',
      transcript: [],
      deliver: false,
    });
    expect(await desk.addReply('SR-000000', { email: 'a', name: 'A' }, 'x')).toBeNull();
    const reply = await desk.addReply(
      request.reference,
      { email: 'bo@example.com', name: 'Bo' },
      'A new copy is on its way.',
    );
    expect(reply).toMatchObject({ delivery: 'pending', agent_name: 'Bo' });
    const [claimed, again] = await Promise.all([
      desk.claimDueReplies(60, 10, reply!.id),
      desk.claimDueReplies(60, 10, reply!.id),
    ]);
    expect([...claimed, ...again]).toHaveLength(1);
    expect([...claimed, ...again][0]).toMatchObject({
      to_email: 'shopper@example.com',
      delivery_attempts: 1,
    });
    await desk.markReplyFailed(reply!.id, 'smtp down', 0);
    expect(await desk.claimDueReplies(60, 10, reply!.id)).toHaveLength(1);
    await desk.markReplyDelivered(reply!.id);
    expect(await desk.claimDueReplies(60, 10, reply!.id)).toHaveLength(0);
    expect((await desk.replies(request.reference))[0].delivery).toBe('delivered');
  });

  it('stores questions masked, grouped by likeness, newest group first', async () => {
    const item = {
      kind: 'unanswered' as const,
      reason: 'fallback',
      answer: "I'm not sure about that. Please contact support@bookstore.com for assistance.",
      language: 'en',
      intent: 'fallback',
      sessionKey: 'k1',
    };
    await desk.recordItem({ ...item, question: 'Do you sell gift cards? I am ann@example.org' }, [
      'support@bookstore.com',
    ]);
    await desk.recordItem({ ...item, question: 'gift cards, do you sell them? +1 415 555 0134' });
    await desk.recordItem({ ...item, question: 'Can I visit your warehouse?' });
    const groups = await desk.groups('unanswered');
    expect(groups.map((g) => [g.count, g.question])).toEqual([
      [1, 'Can I visit your warehouse?'],
      [2, 'gift cards, do you sell them? [phone]'],
    ]);
    expect(groups[1].languages).toEqual(['en']);
    const stored = await h.db.query<{ question: string; answer: string }>(
      'SELECT question, answer FROM desk_items',
    );
    const all = JSON.stringify(stored);
    expect(all).not.toContain('ann@example.org');
    expect(all).not.toContain('555');
    expect(all).toContain('support@bookstore.com');

    expect(await desk.markGroupDone('unanswered', groups[1].group_key, 'bo@example.com')).toBe(2);
    expect((await desk.groups('unanswered')).map((g) => g.question)).toEqual([
      'Can I visit your warehouse?',
    ]);
  });

  it('keeps one rating per answer, and forgets it when taken back', async () => {
    const down = {
      kind: 'marked_down' as const,
      reason: 'down',
      question: 'How long is shipping?',
      answer: 'Standard shipping takes 5-7 business days.',
      sessionKey: 'k2',
      turn: 3,
    };
    await desk.recordItem(down);
    await desk.recordItem(down);
    expect((await desk.groups('marked_down')).map((g) => g.count)).toEqual([1]);
    await desk.removeRating('k2', 3);
    expect(await desk.groups('marked_down')).toEqual([]);
  });

  it('deletes what is older than the retention period', async () => {
    await desk.recordItem({
      kind: 'unanswered',
      reason: 'fallback',
      question: 'an old question',
      answer: 'a',
      sessionKey: 'k3',
    });
    await desk.recordItem({
      kind: 'unanswered',
      reason: 'fallback',
      question: 'a recent question',
      answer: 'a',
      sessionKey: 'k4',
    });
    expect(await desk.markUnresolved('k3')).toBe(true);
    expect(await desk.markUnresolved('k3')).toBe(false);
    await h.db.query(
      `UPDATE desk_items SET created_at = now() - interval '31 days' WHERE question = 'an old question'`,
    );
    await h.db.query(`UPDATE desk_unresolved SET created_at = now() - interval '31 days'`);
    expect(await desk.prune(30)).toEqual({ items: 1 });
    const left = await h.db.query<{ question: string }>('SELECT question FROM desk_items');
    expect(left.map((r) => r.question)).not.toContain('an old question');
    expect(left.map((r) => r.question)).toContain('a recent question');
    expect(await desk.markUnresolved('k3')).toBe(true);
  });
});
