import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Response } from 'express';
import { request } from 'undici';
import { startServer, type TestServer } from '../../../test/support/http-server.js';
import { formatEvent, startEventStream } from './event-stream.js';

/** An event stream whose first event is written `firstEventMs` after the request. */
async function streamServer(firstEventMs: number, headersAfterMs: number): Promise<TestServer> {
  return startServer(async (_req, _body, res) => {
    // What startEventStream uses of Express's response beyond node's.
    const express = Object.assign(res, {
      status: (code: number) => ((res.statusCode = code), express),
    }) as unknown as Response;
    startEventStream(express, headersAfterMs);
    await sleep(firstEventMs);
    res.end(formatEvent('token', { text: 'hi' }));
  });
}

/** When the response's headers arrived, and its body. */
async function timed(url: string): Promise<{ headersMs: number; body: string }> {
  const started = performance.now();
  const res = await request(url);
  const headersMs = performance.now() - started;
  expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  return { headersMs, body: await res.body.text() };
}

describe('startEventStream', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('sends the headers with the first event, not in a write of their own before it', async () => {
    server = await streamServer(150, 2_000);
    const { headersMs, body } = await timed(server.url);
    expect(headersMs).toBeGreaterThanOrEqual(140);
    expect(body).toBe('event: token\ndata: {"text":"hi"}\n\n');
  });

  it('sends them alone when the first event is slow to come', async () => {
    server = await streamServer(1_500, 100);
    const { headersMs, body } = await timed(server.url);
    expect(headersMs).toBeGreaterThanOrEqual(90);
    expect(headersMs).toBeLessThan(1_400);
    expect(body).toBe('event: token\ndata: {"text":"hi"}\n\n');
  });
});
