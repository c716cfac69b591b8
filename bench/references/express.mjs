// Reference (b): the same turn as a plain Express 5 handler with express.json(), the HTTP layer
// the apps are built on, without Nest.
import express from 'express';
import { chatTurn, config, onShutdown } from './turn.mjs';

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '16kb' }));
app.get('/health', (_req, res) => res.json({}));
app.post('/chat', async (req, res) => {
  try {
    const [status, out] = await chatTurn(req.body);
    res.status(status).json(out);
  } catch {
    res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: 'redis' });
  }
});
const server = app.listen(config.port, config.host);
server.keepAliveTimeout = 65_000;
onShutdown(server);
