// A stand-in LLM server with a fixed, known pace, so that time to first token through the apps
// can be compared with the LLM's own: OpenAI-compatible `POST /v1/chat/completions` (streamed or
// not) and Ollama's `GET /api/tags` listing the model, as the chatbot's ollama backend expects.
//
//   PORT=11435 FIRST_TOKEN_MS=20 TOKEN_INTERVAL_MS=10 TOKENS=20 node bench/fake-llm.mjs
//
// Prints `listening <port>` once it accepts connections. With STAMP_FIRST_TOKEN=1 the first token
// also carries `[<request arrived> <token sent>]` (epoch ms), so a client behind a proxy can tell
// how long the request took to get here and the token to get back.
import { createServer } from 'node:http';

const PORT = Number(process.env.PORT ?? 11435);
const HOST = process.env.HOST ?? '127.0.0.1';
const FIRST_TOKEN_MS = Number(process.env.FIRST_TOKEN_MS ?? 20);
const TOKEN_INTERVAL_MS = Number(process.env.TOKEN_INTERVAL_MS ?? 10);
const TOKENS = Number(process.env.TOKENS ?? 20);
const MODEL = process.env.MODEL ?? 'llama3.2:3b';
const STAMP = process.env.STAMP_FIRST_TOKEN === '1';
const now = () => performance.timeOrigin + performance.now();

const chunk = (delta, finish = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    model: MODEL,
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
const TOKEN = chunk({ content: 'tok ' });

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function stream(res, arrived) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
  });
  res.flushHeaders();
  let sent = 0;
  let timer;
  const tick = () => {
    if (res.destroyed) return;
    res.write(
      sent === 0 && STAMP
        ? chunk({ content: `tok [${arrived.toFixed(3)} ${now().toFixed(3)}] ` })
        : TOKEN,
    );
    if (++sent < TOKENS) {
      timer = setTimeout(tick, TOKEN_INTERVAL_MS);
      return;
    }
    res.write(chunk({}, 'stop'));
    res.end('data: [DONE]\n\n');
  };
  timer = setTimeout(tick, FIRST_TOKEN_MS);
  res.on('close', () => clearTimeout(timer));
}

const server = createServer((req, res) => {
  const arrived = now();
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/api/tags') {
      return json(res, 200, { models: [{ name: MODEL, model: MODEL }] });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return json(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model' }] });
    }
    if (req.method === 'GET' && path === '/health') return json(res, 200, { status: 'ok' });
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return json(res, 400, { error: { message: 'invalid JSON' } });
      }
      if (body.stream) return stream(res, arrived);
      // Not streamed: the whole answer after the time the stream would take.
      const text = 'tok '.repeat(TOKENS);
      setTimeout(
        () =>
          json(res, 200, {
            id: 'chatcmpl-bench',
            object: 'chat.completion',
            model: MODEL,
            choices: [
              { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 10, completion_tokens: TOKENS, total_tokens: 10 + TOKENS },
          }),
        FIRST_TOKEN_MS + TOKEN_INTERVAL_MS * (TOKENS - 1),
      );
      return;
    }
    json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, HOST, () => console.log(`listening ${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
