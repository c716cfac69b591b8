import { json } from '../support/http.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';

const TOKEN = 'agent-token-0123456789';
const HOURS =
  'I can pass this conversation to our support team. They answer Monday to Friday, 9 am to 5 pm Eastern, within 1 business day.';

interface Answer {
  response: string;
  session_id: string;
  intent: string;
  source: string;
  suggestions?: string[];
}

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem({ gateway: { SUPPORT_API_TOKEN: TOKEN } });
});
afterAll(() => system.close());

let shopper = 0;
beforeEach(() => {
  shopper++;
});

async function say(message: string, sessionId?: string): Promise<Answer> {
  const res = await json(
    `${system.gatewayUrl}/api/chat`,
    'POST',
    { message, ...(sessionId ? { session_id: sessionId } : {}) },
    { 'x-forwarded-for': `203.0.113.${shopper}` },
  );
  expect(res.status, message).toBe(200);
  return res.body as unknown as Answer;
}

async function stored(reference: string): Promise<Record<string, unknown> | undefined> {
  const res = await fetch(`${system.gatewayUrl}/api/support/requests`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const body = (await res.json()) as { items: Array<Record<string, unknown>> };
  return body.items.find((i) => i.reference === reference);
}

function referenceIn(text: string): string {
  const ref = /\bSR-\d{6}\b/.exec(text)?.[0];
  expect(ref, text).toBeDefined();
  return ref!;
}

describe('handoff to the support team, through both apps', () => {
  it('offers the team to a shopper who asks for a person and stores the request with the transcript', async () => {
    const first = await say('How long does shipping take?');
    const sid = first.session_id;
    const ask = await say('Can I talk to a human please', sid);
    expect(ask).toMatchObject({
      intent: 'handoff',
      source: 'rules',
      response: HOURS,
      suggestions: ['Contact the support team', 'No thanks'],
    });
    const email = await say('Contact the support team', sid);
    expect(email.response).toBe('What email address should the team answer you at?');
    const wrong = await say('at my usual address', sid);
    expect(wrong.response).toMatch(/doesn't look like an email address/);
    const problem = await say('sam@example.com', sid);
    expect(problem.response).toMatch(/^Thanks\. In a line, what should the team know\?/);
    expect(problem.suggestions).toEqual(['Skip', 'Cancel']);
    const done = await say('My parcel arrived soaked', sid);
    expect(done.intent).toBe('handoff');
    expect(done.response).toMatch(
      /^Done: your request is SR-\d{6}\. Our support team answers Monday to Friday, 9 am to 5 pm Eastern, within 1 business day\. They will write to sam@example\.com\.$/,
    );

    const request = await stored(referenceIn(done.response));
    expect(request).toMatchObject({
      email: 'sam@example.com',
      problem: 'My parcel arrived soaked',
      reason: 'asked',
      order_id: null,
      status: 'open',
      language: 'en',
    });
    // This conversation only, up to the turn that created it.
    expect((request!.transcript as Array<{ user: string }>).map((t) => t.user)).toEqual([
      'How long does shipping take?',
      'Can I talk to a human please',
      'Contact the support team',
      'at my usual address',
      'sam@example.com',
    ]);
    // The conversation goes on as usual afterwards.
    expect((await say('What payment methods do you accept?', sid)).intent).toBe('payment');
  });

  it("proposes the verified order's email and names the order", async () => {
    const sid = (await say('Where is order 123456?')).session_id;
    await say("what's the tracking number?", sid);
    expect((await say('jane.doe@example.com', sid)).response).toMatch(/^Order #123456/);
    await say('I want to speak to a representative', sid);
    const propose = await say('Contact the support team', sid);
    expect(propose.response).toBe(
      'Should the team answer you at jane.doe@example.com? Say yes, or type another email address.',
    );
    await say('yes', sid);
    const done = await say('skip', sid);
    const request = await stored(referenceIn(done.response));
    expect(request).toMatchObject({
      email: 'jane.doe@example.com',
      problem: 'See the conversation.',
      order_id: '123456',
    });
  });

  it('asks for another address when the shopper turns the proposed one down', async () => {
    const sid = (await say('Where is order 123456?')).session_id;
    await say("what's the tracking number?", sid);
    await say('jane.doe@example.com', sid);
    await say('talk to someone', sid);
    await say('Contact the support team', sid);
    expect((await say('no', sid)).response).toBe(
      'What email address should the team answer you at?',
    );
    await say('jd.work@example.org', sid);
    const done = await say('Gift wrap was missing', sid);
    expect(await stored(referenceIn(done.response))).toMatchObject({
      email: 'jd.work@example.org',
      order_id: '123456',
    });
  });

  it('offers the team after two messages in a row it did not understand', async () => {
    const sid = (await say('qwxz blorft')).session_id;
    const second = await say('zzkq vrumble', sid);
    expect(second.intent).toBe('fallback');
    expect(second.response).toBe(
      `I'm not sure about that. Please contact support@bookstore.com for assistance. ${HOURS}`,
    );
    expect(second.suggestions).toEqual(['Contact the support team', 'No thanks']);
    await say('Contact the support team', sid);
    await say('kim@example.com', sid);
    const done = await say('I need a book that is not in your catalog', sid);
    expect(await stored(referenceIn(done.response))).toMatchObject({ reason: 'not_understood' });
    const metrics = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/support_requests_total\{reason="not_understood"\} [1-9]/);
  });

  it('does not offer it after one miss, nor when an understood message comes between', async () => {
    const sid = (await say('qwxz blorft')).session_id;
    expect((await say('Hi', sid)).suggestions ?? []).not.toContain('Contact the support team');
    const again = await say('zzkq vrumble', sid);
    expect(again.suggestions ?? []).not.toContain('Contact the support team');
  });

  it('streams the offer with its quick replies, as the widget reads it', async () => {
    const { status, events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
      message: 'I need to speak to someone from your team',
    });
    expect(status).toBe(200);
    expect(events[0]).toMatchObject({
      event: 'meta',
      data: { intent: 'handoff', source: 'rules' },
    });
    expect(events.at(-1)).toMatchObject({
      event: 'done',
      data: { response: HOURS, suggestions: ['Contact the support team', 'No thanks'] },
    });
  });

  it('lets the shopper decline or cancel', async () => {
    const sid = (await say('I want a real person')).session_id;
    expect((await say('No thanks', sid)).response).toBe(
      'No problem. What else can I help you with?',
    );
    await say('agent', sid);
    await say('Contact the support team', sid);
    expect((await say('cancel', sid)).response).toBe('No problem. What else can I help you with?');
    expect((await say('How long does shipping take?', sid)).intent).toBe('shipping');
  });
});
