// Reference (a): the same turn on bare node:http, the ceiling for one Node process.
import { createServer } from 'node:http';
import { chatTurn, config, onShutdown } from './turn.mjs';

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/chat') {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    return res.end('{}');
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end('{"statusCode":400,"error":"Bad Request","message":"invalid JSON"}');
    }
    chatTurn(body).then(
      ([status, out]) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(out));
      },
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"statusCode":503,"error":"Service Unavailable","message":"redis"}');
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host);
onShutdown(server);
