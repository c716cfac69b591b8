import { startGateway, type RunningApp } from '../support/system.js';

describe('HTTP hardening', () => {
  let gw: RunningApp;
  let open: RunningApp;
  beforeAll(async () => {
    gw = await startGateway();
    open = await startGateway({
      CORS_ORIGINS: 'https://shop.example.com,https://blog.example.com',
    });
  });
  afterAll(async () => {
    await gw.app.close();
    await open.app.close();
  });

  it('serves the store page under a strict Content-Security-Policy and safe headers', async () => {
    const res = await fetch(`${gw.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<style/i);
  });

  it('keeps Swagger UI working under its own policy', async () => {
    const res = await fetch(`${gw.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).not.toContain(
      "frame-ancestors 'none'; script-src 'self'; style-src 'self'",
    );
  });

  it('spends no hash on an ETag for API answers, and keeps them on the page’s files', async () => {
    const api = await fetch(`${gw.url}/api/products?limit=2`);
    expect(api.status).toBe(200);
    expect(api.headers.get('etag')).toBeNull();
    const file = await fetch(`${gw.url}/widget.js`);
    expect(file.status).toBe(200);
    expect(file.headers.get('etag')).not.toBeNull();
  });

  it('keeps CORS closed by default', async () => {
    const res = await fetch(`${gw.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens CORS to the listed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${open.url}/api/chat`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://shop.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets other origins load the widget only when CORS_ORIGINS lists some', async () => {
    const corp = async (base: string, path: string) =>
      (await fetch(`${base}${path}`)).headers.get('cross-origin-resource-policy');
    for (const path of ['/widget.js', '/widget.css']) {
      expect(await corp(gw.url, path), path).toBe('same-origin');
      expect(await corp(open.url, path), path).toBe('cross-origin');
    }
    // Everything else stays same-origin.
    expect(await corp(open.url, '/')).toBe('same-origin');
    expect(await corp(open.url, '/store.js')).toBe('same-origin');
  });
});
