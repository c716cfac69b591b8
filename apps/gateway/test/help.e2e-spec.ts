import { HELP_ARTICLES } from '../../../test/support/content.js';
import { json } from '../../../test/support/http.js';
import { startGateway, type RunningApp } from '../../../test/support/system.js';

describe('the help center API', () => {
  let gateway: RunningApp;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.app.close());

  const get = (path: string) => json(`${gateway.url}${path}`);

  it('lists every article', async () => {
    const res = await get('/api/help');
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ slug: string; questions: string[] }>;
    expect(items.map((a) => a.slug)).toEqual(HELP_ARTICLES.map((a) => a.slug));
    expect(items[0].questions.length).toBeGreaterThan(0);
  });

  it('finds the article that answers a question, best first, with its score', async () => {
    const res = await get(`/api/help/search?q=${encodeURIComponent('do you gift wrap?')}&limit=2`);
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ slug: string; score: number }>;
    expect(items.length).toBeLessThanOrEqual(2);
    expect(items[0].slug).toBe('gift-wrapping');
    expect(items[0].score).toBeGreaterThan(0);
    const none = await get(`/api/help/search?q=${encodeURIComponent('who plays han solo')}`);
    expect(none.body).toEqual({ items: [] });
  });

  it.each([
    ['/api/help/search', /q must be a string/],
    ['/api/help/search?q=', /q must be between 1 and 300 characters/],
    [`/api/help/search?q=${'a'.repeat(301)}`, /q must be between 1 and 300 characters/],
    ['/api/help/search?q=a%00b', /q must not contain control characters/],
    ['/api/help/search?q=ship&limit=0', /limit must be 1 or more/],
    ['/api/help/search?q=ship&limit=11', /limit must be 10 or less/],
    ['/api/help/search?q=ship&limit=two', /limit must be a whole number/],
    ['/api/help/search?q=a&q=b', /q must be a string/],
  ])('refuses %s in the one error shape', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(res.body.message)).toMatch(message);
  });

  it('documents both endpoints in Swagger', async () => {
    const doc = await get('/docs-json');
    const paths = doc.body.paths as Record<
      string,
      { get?: { parameters?: Array<{ name: string }> } }
    >;
    expect(paths['/api/help']?.get).toBeDefined();
    expect(paths['/api/help/search']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'limit']),
    );
  });
});
