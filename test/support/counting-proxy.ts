import { request } from 'node:http';
import { startServer, type TestServer } from './http-server.js';

/** A pass-through HTTP proxy that records each request it forwards ("GET /api/catalog"). */
export interface CountingProxy extends TestServer {
  /** Where requests go; set or changed at any time (a restarted app on a new port). */
  target: string;
  seen: string[];
}

export async function startCountingProxy(target = ''): Promise<CountingProxy> {
  const proxy = { target, seen: [] as string[] } as CountingProxy;
  const server = await startServer(
    (req, body, res) =>
      new Promise<void>((resolve, reject) => {
        proxy.seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
        const upstream = request(
          `${proxy.target}${req.url ?? '/'}`,
          { method: req.method, headers: { ...req.headers, host: new URL(proxy.target).host } },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
            reply.on('end', resolve);
          },
        );
        upstream.on('error', reject);
        upstream.end(body);
      }),
  );
  return Object.assign(proxy, server);
}
