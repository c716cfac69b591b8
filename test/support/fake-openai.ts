import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body, when there was one. */
  body: ChatRequest | undefined;
  /** Which TCP connection carried it, numbered from 1: shows keep-alive reuse. */
  connection: number;
  /** Set when the client closed the connection before the reply was complete. */
  clientClosed: boolean;
  /** The prompt tokens the fake kept when it silently truncated the prompt (`contextTokens`). */
  truncatedTo?: number;
  /** The prompt's size in the fake's tokens, for a chat completion. */
  promptTokens?: number;
}

/** How a server reports a failure after a stream has started, each followed by `data: [DONE]`. */
export type StreamErrorForm =
  /** llama.cpp's server: the non-standard SSE field `error: {"code","message","type"}`. */
  | 'llama.cpp'
  /** vLLM: `data: {"object":"error","message","type","param","code"}`. */
  | 'vllm'
  /** OpenAI's shape, also recent vLLM: `data: {"error":{"message","type","param","code"}}`. */
  | 'openai'
  /** Ollama's OpenAI layer: the error object as a bare JSON line, then the end, no `[DONE]`. */
  | 'ollama';

export interface FakeBehaviour {
  /** The assistant's reply, or a function of the request that produces it. */
  reply: string | ((request: RecordedRequest) => string);
  /** Pause between streamed deltas. */
  chunkDelayMs: number;
  /** Pause before the first delta (streams) or before the whole reply (JSON). */
  firstTokenDelayMs: number;
  /** Accept the request and never answer. */
  hang: boolean;
  /** Answer every request with this status and an OpenAI error body (or `errorBody`). */
  status?: number;
  /** The body sent with `status`: an object as JSON, a string as plain text. */
  errorBody?: unknown;
  /** Destroy the socket after this many content deltas: no `[DONE]`. */
  cutAfterChunks?: number;
  /** End the response cleanly but without `data: [DONE]`. */
  omitDone: boolean;
  /** Send `data: {not json` after the first content delta. */
  malformed: boolean;
  /** Write the stream in pieces of this many bytes, each its own TCP write (splits lines and UTF-8). */
  splitBytes?: number;
  /** Models listed by `/api/tags` and `/v1/models`. */
  models: string[];
  /** When set, the OpenAI routes want `Authorization: Bearer <expectedToken>`. */
  expectedToken?: string;
  /** llama.cpp's server with `--api-key`: `/v1/models` answers without the key, chat needs it. */
  publicModels: boolean;
  /** Fail the stream after this many content deltas, in a server's form (then `data: [DONE]`). */
  streamError?: { afterChunks: number; form: StreamErrorForm; message?: string };
  /**
   * The model's context, in the fake's tokens (`charsPerToken` characters each). With
   * `contextMode: 'truncate'` (the default) a longer prompt is cut from its start, as Ollama and
   * older llama.cpp servers do, and only `usage.prompt_tokens` tells: half the context is kept,
   * as llama.cpp keeps.
   */
  contextTokens?: number;
  /**
   * `refuse`: llama.cpp's server today. A prompt of `contextTokens` or more is refused, as HTTP
   * 400 `{"error":{"code":400,"message":"the request exceeds the available context size, try
   * increasing it","type":"exceed_context_size_error","n_prompt_tokens","n_ctx"}}` for JSON and as
   * the same object in an `error:` line (then `data: [DONE]`) for a stream; a reply that would run
   * past the context fails at that token with `error: {"code":500,"message":"context shift is
   * disabled"}`.
   */
  contextMode: 'truncate' | 'refuse';
  /** Characters per token of the fake's tokenizer (4, a rough English average; lower counts more). */
  charsPerToken: number;
  /**
   * llama.cpp's own routes: `GET /props` (`default_generation_settings.n_ctx`, the context) and
   * `POST /tokenize` `{content}` -> `{tokens}`, both behind the key like chat.
   */
  llamaCppRoutes: boolean;
  /** Ollama's `POST /api/show`: its `parameters` carry `num_ctx` when set here. */
  ollamaNumCtx?: number;
  /** False: no Ollama API (`/api/tags` is 404), as with llama.cpp's server or vLLM. */
  ollamaApi: boolean;
}

export interface FakeOpenAi {
  url: string;
  requests: RecordedRequest[];
  /** Changes the behaviour for the following requests. */
  set(behaviour: Partial<FakeBehaviour>): void;
  /** Back to the defaults, and forget recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULTS: FakeBehaviour = {
  reply: 'Hello from the fake model.',
  chunkDelayMs: 0,
  firstTokenDelayMs: 0,
  hang: false,
  omitDone: false,
  malformed: false,
  models: ['llama3.2:3b'],
  publicModels: false,
  ollamaApi: true,
  contextMode: 'truncate',
  charsPerToken: 4,
  llamaCppRoutes: false,
};

const ERROR_TYPES: Record<number, [type: string, code: string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'model_not_found'],
  429: ['requests', 'rate_limit_exceeded'],
  500: ['server_error', null],
  503: ['server_error', null],
};

/**
 * A fake OpenAI-compatible server with Ollama's `/api/tags`, on a loopback ephemeral port. Chat
 * completions and `/models` answer under any base prefix (`/v1/...`,
 * `/api/v1/compatibility/openai/v1/...`), in the documented JSON and SSE wire formats.
 */
export async function startFakeOpenAi(initial: Partial<FakeBehaviour> = {}): Promise<FakeOpenAi> {
  let behaviour: FakeBehaviour = { ...DEFAULTS, ...initial };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  let connections = 0;
  let completions = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequest | undefined;
      try {
        body = raw ? (JSON.parse(raw) as ChatRequest) : undefined;
      } catch {
        body = { unparsed: raw };
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        connection: connectionIds.get(req.socket) ?? 0,
        clientClosed: false,
      };
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.clientClosed = true;
      });
      route(recorded, res, behaviour).catch(() => res.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    connectionIds.set(socket, ++connections);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function route(req: RecordedRequest, res: ServerResponse, b: FakeBehaviour) {
    const path = req.path.split('?')[0];
    if (b.hang) return;
    if (req.method === 'GET' && path === '/api/tags' && b.ollamaApi) return sendTags(res, b);
    if (req.method === 'POST' && path === '/api/show' && b.ollamaApi) return sendShow(res, b);
    const models = req.method === 'GET' && path.endsWith('/models');
    const llamaCpp =
      b.llamaCppRoutes &&
      ((req.method === 'GET' && path === '/props') ||
        (req.method === 'POST' && path === '/tokenize'));
    const openAi = (req.method === 'POST' && path.endsWith('/chat/completions')) || models;
    if (!openAi && !llamaCpp) return sendError(res, 404, `Unknown route ${req.method} ${path}`);
    const keyNeeded = !(models && b.publicModels);
    if (keyNeeded && b.expectedToken && req.headers.authorization !== `Bearer ${b.expectedToken}`) {
      return sendError(res, 401, 'Invalid token');
    }
    if (llamaCpp) return sendLlamaCpp(res, b, path, req.body);
    if (b.status !== undefined) return sendStatus(res, b);
    if (req.method === 'GET') return sendModels(res, b);
    const request = req.body ?? {};
    const text = typeof b.reply === 'function' ? b.reply(req) : b.reply;
    const id = `chatcmpl-${++completions}`;
    const promptTokens = tokensOf(request, b.charsPerToken);
    req.promptTokens = promptTokens;
    if (b.contextTokens !== undefined && promptTokens >= b.contextTokens) {
      if (b.contextMode === 'refuse') {
        const error = contextError(promptTokens, b.contextTokens);
        if (!request.stream) return sendJson(res, 400, { error });
        return streamRefusal(res, b, error);
      }
      if (promptTokens > b.contextTokens) req.truncatedTo = Math.floor(b.contextTokens / 2);
    }
    if (request.stream) return streamCompletion(res, b, req, id, text);
    await sleep(b.firstTokenDelayMs);
    if (res.destroyed) return;
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created: now(),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: usage(req, deltasOf(text).length),
    });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set: (next) => {
      behaviour = { ...behaviour, ...next };
    },
    reset: () => {
      behaviour = { ...DEFAULTS };
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging and streaming requests would keep the server open forever.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A chat-completions request body, as far as the fake reads it. */
export interface ChatRequest {
  model?: string;
  messages?: { role: string; content: string }[];
  max_tokens?: number;
  temperature?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [field: string]: unknown;
}

async function streamCompletion(
  res: ServerResponse,
  b: FakeBehaviour,
  req: RecordedRequest,
  id: string,
  text: string,
): Promise<void> {
  const request = req.body ?? {};
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const includeUsage = request.stream_options?.include_usage === true;
  const created = now();
  const chunk = (delta: object, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: request.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(includeUsage && { usage: null }),
  });
  const send = (payload: string) => write(res, `data: ${payload}\n\n`, b.splitBytes);
  const fail = async (error: NonNullable<FakeBehaviour['streamError']>) => {
    await write(res, streamError(error.form, error.message), b.splitBytes);
    if (error.form !== 'ollama') await send('[DONE]');
    res.end();
  };

  await send(JSON.stringify(chunk({ role: 'assistant', content: '' }, null)));
  await sleep(b.firstTokenDelayMs);
  const deltas = deltasOf(text);
  // llama.cpp without context shift: the reply fails at the token that would not fit.
  const room =
    b.contextMode === 'refuse' && b.contextTokens !== undefined
      ? b.contextTokens - (req.promptTokens ?? 0)
      : Infinity;
  for (const [i, delta] of deltas.entries()) {
    if (i > 0) await sleep(b.chunkDelayMs);
    if (res.destroyed) return;
    if (b.streamError && i >= b.streamError.afterChunks) return fail(b.streamError);
    if (i >= room) {
      await write(
        res,
        `error: ${JSON.stringify({ code: 500, message: 'context shift is disabled', type: 'server_error' })}\n\n`,
      );
      await send('[DONE]');
      res.end();
      return;
    }
    await send(JSON.stringify(chunk({ content: delta }, null)));
    if (b.malformed && i === 0) await send('{not json');
    if (b.cutAfterChunks !== undefined && i + 1 >= b.cutAfterChunks) {
      // Let what was written reach the client, then drop the connection mid-body.
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      res.socket?.destroy();
      return;
    }
  }
  if (b.streamError) return fail(b.streamError);
  await send(JSON.stringify(chunk({}, 'stop')));
  if (includeUsage) {
    await send(
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: request.model,
        choices: [],
        usage: usage(req, deltas.length),
      }),
    );
  }
  if (!b.omitDone) await send('[DONE]');
  res.end();
}

/** llama.cpp's refusal of a prompt over its context (`exceed_context_size_error`). */
function contextError(promptTokens: number, contextTokens: number) {
  return {
    code: 400,
    message: 'the request exceeds the available context size, try increasing it',
    type: 'exceed_context_size_error',
    n_prompt_tokens: promptTokens,
    n_ctx: contextTokens,
  };
}

/** A streamed request refused for its context: llama.cpp's `error:` line, then `[DONE]`. */
async function streamRefusal(res: ServerResponse, b: FakeBehaviour, error: object): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  await write(res, `error: ${JSON.stringify(error)}\n\n`, b.splitBytes);
  await write(res, 'data: [DONE]\n\n', b.splitBytes);
  res.end();
}

function sendLlamaCpp(res: ServerResponse, b: FakeBehaviour, path: string, body: unknown): void {
  if (path === '/props') {
    sendJson(res, 200, {
      default_generation_settings: { n_ctx: b.contextTokens ?? 4096, params: {} },
      total_slots: 1,
      model_path: b.models[0] ?? '/models/model.gguf',
      chat_template: '',
    });
    return;
  }
  const asked = (body as { content?: unknown } | undefined)?.content;
  const content = typeof asked === 'string' ? asked : '';
  const count = Math.ceil(content.length / b.charsPerToken);
  sendJson(res, 200, { tokens: Array.from({ length: count }, (_, i) => 1000 + i) });
}

function sendShow(res: ServerResponse, b: FakeBehaviour): void {
  const parameters =
    b.ollamaNumCtx === undefined ? 'stop "<|eot_id|>"' : `num_ctx ${b.ollamaNumCtx}`;
  sendJson(res, 200, {
    parameters,
    details: { format: 'gguf', family: 'llama', parameter_size: '3.2B' },
    model_info: { 'general.architecture': 'llama', 'llama.context_length': 131072 },
  });
}

/** The bytes of a mid-stream error, as each server family writes them. */
function streamError(form: StreamErrorForm, message = 'context shift is disabled'): string {
  switch (form) {
    case 'llama.cpp':
      return `error: ${JSON.stringify({ code: 500, message, type: 'server_error' })}\n\n`;
    case 'vllm':
      return `data: ${JSON.stringify({ object: 'error', message, type: 'BadRequestError', param: null, code: 400 })}\n\n`;
    case 'openai':
      return `data: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } })}\n\n`;
    case 'ollama':
      return `${JSON.stringify({ error: { message, type: 'api_error', param: null, code: null } })}\n`;
  }
}

/** Writes `text` in pieces of `split` bytes, a turn of the event loop apart: one write each. */
async function write(res: ServerResponse, text: string, split?: number): Promise<void> {
  if (res.destroyed) return;
  const bytes = Buffer.from(text, 'utf8');
  if (!split) {
    res.write(bytes);
    return;
  }
  for (let i = 0; i < bytes.length; i += split) {
    if (res.destroyed) return;
    res.write(bytes.subarray(i, i + split));
    await new Promise((r) => setImmediate(r));
  }
}

function sendTags(res: ServerResponse, b: FakeBehaviour): void {
  if (b.status !== undefined) return sendStatus(res, b);
  sendJson(res, 200, {
    models: b.models.map((name) => ({
      name,
      model: name,
      modified_at: new Date().toISOString(),
      size: 2_019_393_189,
      digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
      details: { format: 'gguf', family: 'llama', parameter_size: '3.2B' },
    })),
  });
}

function sendModels(res: ServerResponse, b: FakeBehaviour): void {
  sendJson(res, 200, {
    object: 'list',
    data: b.models.map((id) => ({
      id,
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'system',
    })),
  });
}

function sendStatus(res: ServerResponse, b: FakeBehaviour): void {
  const status = b.status ?? 500;
  if (b.errorBody === undefined) return sendError(res, status, `Fake failure ${status}`);
  if (typeof b.errorBody === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(b.errorBody);
    return;
  }
  sendJson(res, status, b.errorBody);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  const [type, code] = ERROR_TYPES[status] ?? ['server_error', null];
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Word-sized deltas that join back to the reply exactly. */
function deltasOf(text: string): string[] {
  return text.match(/\s*\S+\s*/gu) ?? (text ? [text] : []);
}

/** The fake's tokenizer: `charsPerToken` characters a token (4, a rough English average). */
function tokensOf(request: ChatRequest | undefined, charsPerToken = 4): number {
  const chars = (request?.messages ?? []).reduce((n, m) => n + String(m.content).length, 0);
  return Math.max(1, Math.ceil(chars / charsPerToken));
}

function usage(req: RecordedRequest, completionTokens: number) {
  const promptTokens = req.truncatedTo ?? req.promptTokens ?? tokensOf(req.body);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
