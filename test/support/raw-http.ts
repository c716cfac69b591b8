import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target exactly as written on the request line (origin- or absolute-form). */
  target: string;
  version?: '1.0' | '1.1';
  /** Name and value, written as given (latin1 bytes); repeat a name to send it twice. */
  headers: Array<[name: string, value: string]>;
  body?: Buffer;
}

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One HTTP/1.x request written byte for byte on its own TCP connection, for what `fetch` and undici
 * refuse to send (obs-text header bytes, duplicate headers, absolute-form targets). The framing is
 * always valid: `Content-Length` is the body's real length and the connection closes after the reply.
 */
export function rawHttp(
  origin: string,
  request: RawRequest,
  timeoutMs = 10_000,
): Promise<RawReply> {
  const { hostname, port } = new URL(origin);
  const body = request.body ?? Buffer.alloc(0);
  const lines = [`${request.method} ${request.target} HTTP/${request.version ?? '1.1'}`];
  const names = request.headers.map(([n]) => n.toLowerCase());
  if (!names.includes('host')) lines.push(`Host: ${hostname}:${port}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (body.length > 0 || request.method === 'POST') lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  const bytes = Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no reply in ${timeoutMs} ms`)));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseReply(Buffer.concat(chunks)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

function parseReply(raw: Buffer): RawReply {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no complete HTTP reply: ${JSON.stringify(raw.toString('latin1'))}`);
  const [statusLine, ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) {
    body = body.subarray(0, Number(headers['content-length']));
  }
  return { status: Number(status), headers, body };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
