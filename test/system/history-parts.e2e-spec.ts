import { closedPort } from '../support/http-server.js';
import { json } from '../support/http.js';
import { dropPrefix, REDIS_URL, testPrefix } from '../support/redis.js';
import { startChatbot, startGateway, type RunningApp } from '../support/system.js';

/*
 * An answer's quick replies, book cards and links are kept with its turn, so a client that shows
 * the conversation again after a reload (the widget) shows them as they were (issue #21).
 */

describe.each([
  ['Redis', true],
  ['memory', false],
])('the history keeps each answer’s parts (%s)', (_name, redis) => {
  const prefix = testPrefix('parts');
  let chatbot: RunningApp;
  let gateway: RunningApp;

  beforeAll(async () => {
    const gatewayPort = await closedPort();
    chatbot = await startChatbot({
      ...(redis ? { REDIS_URL, SESSION_KEY_PREFIX: prefix } : {}),
      BOOKSTORE_API_URL: `http://127.0.0.1:${gatewayPort}`,
    });
    gateway = await startGateway({ CHAT_SERVICE_URL: chatbot.url }, gatewayPort);
  });
  afterAll(async () => {
    await gateway?.app.close();
    await chatbot?.app.close();
    if (redis) await dropPrefix(prefix);
  });

  it('as the chat answers carried them, through the gateway', async () => {
    const answers: Array<Record<string, unknown>> = [];
    let sessionId: string | undefined;
    for (const message of [
      'Hello',
      'recommend a fantasy book',
      'Payment methods',
      '¿Venden muebles de jardín?',
    ]) {
      const reply = await json(`${gateway.url}/api/chat`, 'POST', {
        message,
        ...(sessionId ? { session_id: sessionId } : {}),
      });
      expect(reply.status).toBe(200);
      sessionId = reply.body.session_id as string;
      answers.push(reply.body);
    }
    const history = await json(`${gateway.url}/api/chat/history`, 'GET', undefined, {
      'x-session-id': sessionId!,
    });
    expect(history.status).toBe(200);
    const turns = history.body.turns as Array<Record<string, unknown>>;
    expect(turns).toHaveLength(4);
    turns.forEach((turn, i) => {
      const { suggestions, books, links } = answers[i];
      expect(turn.suggestions, `turn ${i + 1}`).toEqual(suggestions);
      expect(turn.books, `turn ${i + 1}`).toEqual(books);
      expect(turn.links, `turn ${i + 1}`).toEqual(links);
    });
    // What was checked holds something: starters, three cards, a plain answer, a Spanish link.
    expect(turns[0].suggestions).toHaveLength(4);
    expect(turns[1].books).toHaveLength(3);
    expect(
      Object.keys(turns[2]).filter((k) => ['suggestions', 'books', 'links'].includes(k)),
    ).toEqual([]);
    expect(turns[3].links).toEqual([
      { label: 'Escribir al equipo de soporte', url: 'mailto:support@bookstore.com' },
    ]);
  });

  it('documents them in the OpenAPI document', async () => {
    const doc = await json(`${chatbot.url}/docs-json`);
    const turn = (doc.body.components as { schemas: Record<string, { properties: object }> })
      .schemas.TurnDto;
    expect(turn.properties).toMatchObject({
      suggestions: { type: 'array', items: { type: 'string' } },
      books: { type: 'array', items: { $ref: '#/components/schemas/BookCard' } },
      links: { type: 'array', items: { $ref: '#/components/schemas/ChatLink' } },
    });
  });
});
