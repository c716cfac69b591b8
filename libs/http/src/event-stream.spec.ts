import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { ServerResponse } from 'node:http';
import type { Response } from 'express';
import { request } from 'undici';
import { startServer, type TestServer } from '../../../test/support/http-server.js';
import { formatEvent, startEventStream } from './event-stream.js';

/** What startEventStream uses of Express's response beyond node's. */
function asExpress(res: ServerResponse): Response {
  const express = Object.assign(res, {
    status: (code: number) => ((res.statusCode = code), express),
  });
  return express as unknown as Response;
}

describe('startEventStream', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('leaves the headers for the next turn, after what this turn sends', async () => {
    const sent: boolean[] = [];
    server = await startServer(async (_req, _body, res) => {
      startEventStream(asExpress(res));
      sent.push(res.headersSent);
      await nextTurn();
      sent.push(res.headersSent);
      await sleep(20);
      res.end(formatEvent('token', { text: 'hi' }));
    });
    const res = await request(server.url);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(await res.body.text()).toBe('event: token\ndata: {"text":"hi"}\n\n');
    expect(sent).toEqual([false, true]);
  });

  it('sends them with an event written in the same turn', async () => {
    server = await startServer((_req, _body, res) => {
      startEventStream(asExpress(res));
      res.end(formatEvent('token', { text: 'hi' }));
    });
    const res = await request(server.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(await res.body.text()).toBe('event: token\ndata: {"text":"hi"}\n\n');
  });
});
