import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Pool } from 'undici';
import { rawHttp, type RawRequest } from '../support/raw-http.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/*
 * Generated requests against every public input of both apps: the chatbot's POST /chat, the
 * gateway's POST /api/chat and its store API. Whatever arrives, the answer is never a 5xx (nothing
 * is down here), every 4xx is exactly {statusCode, error, message}, nothing pollutes the prototypes
 * of this process (which hosts both apps) and both apps still answer /health at the end.
 */

const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };
// Printed first, so a run that dies (not just fails) can be replayed with FUZZ_SEED.
const SEED = { seed: Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31)) };
console.log(`${import.meta.url.split('/').pop()}: FUZZ_SEED=${SEED.seed}`);
const RUNS = {
  chat: 2_300,
  verify: 1_400,
  products: 1_400,
  status: 800,
  history: 800,
  raw: 1_000,
  unknownFields: 200,
};

type Target = 'chatbot' | 'gateway';

interface Probe {
  target: Target;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Reply {
  status: number;
  text: string;
}

let system: RunningSystem;
let pools: Record<Target, Pool>;
const histogram = new Map<string, Map<number, number>>();
let sent = 0;

const prototypeShape = () =>
  [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
let cleanPrototypes = '';

beforeAll(async () => {
  cleanPrototypes = prototypeShape();
  system = await startSystem({ chatbot: NO_RATE_LIMIT, gateway: NO_RATE_LIMIT });
  pools = {
    chatbot: new Pool(system.chatbotUrl, { connections: 8, pipelining: 1 }),
    gateway: new Pool(system.gatewayUrl, { connections: 8, pipelining: 1 }),
  };
});

afterAll(async () => {
  const lines = [`http fuzz: ${sent} requests`];
  const all = new Map<number, number>();
  for (const [route, counts] of [...histogram].sort(([a], [b]) => a.localeCompare(b))) {
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${route.padEnd(36)} ${String(n).padStart(5)}  ${formatCounts(counts)}`);
    for (const [status, c] of counts) all.set(status, (all.get(status) ?? 0) + c);
  }
  lines.push(`  ${'all'.padEnd(36)} ${String(sent).padStart(5)}  ${formatCounts(all)}`);
  console.log(lines.join('\n'));
  await Promise.all([pools?.chatbot.close(), pools?.gateway.close()]);
  await system?.close();
});

function formatCounts(counts: Map<number, number>): string {
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

/* ---------------------------------------------------------------- arbitraries: text */

// prettier-ignore
const NUMBERS = [
  '0', '-0', '1', '-1', '123456', '1e400', '-1e400', '1E-400', '9007199254740993', '0.1', '1.0',
  '2000', '1e2', '-123456',
];
// prettier-ignore
const KEYS = [
  'message', 'session_id', 'email', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  'then', 'length', '',
];
// prettier-ignore
const EMAILS = [
  'jane.doe@example.com', 'JANE.DOE@EXAMPLE.COM', ' jane.doe@example.com ',
  'maria.garcia@example.com', 'sam.lee@example.org', 'x@example.com', 'a@b', 'a@b.c',
  '"quoted"@example.com', 'jäne@exämple.com', 'jane.doe@example.com\u0000', 'jane%@example.com',
  'jane_doe@example.com', "o'brien@example.com", 'jane.doe@example.com, sam.lee@example.org', '@',
  '', '%@%.%', '_@_._',
];
// prettier-ignore
const ENCODINGS = [
  'gzip', 'deflate', 'br', 'identity', 'GZIP', 'x-gzip', 'compress', 'gzip, gzip', 'zstd', '',
];
// prettier-ignore
const ODD_IDS = [
  '..', '.', '12345%36', '123456%00', '123456%20', '+123456', '-12345', '1e5',
  percentEncode('１２３４５６'), percentEncode('١٢٣٤٥٦'), '123456;x=1', '123456%2Fstatus',
];
// prettier-ignore
const ODD_QUERIES = [
  '&&&', '=', 'q', 'q=%', 'q=%zz', 'q=%ff', ';', 'q=a;limit=2', '?', '??q=a', 'q=a&q=b',
];
// prettier-ignore
const ODD_SESSION_PARAMS = [
  'session_id=abcdefgh&session_id=abcdefgh', 'session_id[]=abcdefgh', 'session_id=..%2F..%2Fx',
  'session_id=', '', 'session_id=abcdefgh%00', `session_id=${'a'.repeat(65)}`,
];

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'];
// prettier-ignore
const ODD_CHARS = [
  // NUL and control characters
  '\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f', '\u0085', '\t', '\n', '\r',
  '\r\n', '\u2028', '\u2029',
  // zero-width, bidi and other invisible marks
  '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b',
  '\u202c', '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff',
  '\ufffd', '\ufffe', '\uffff', '\u3000',
  // combining marks, case-mapping oddities, other scripts and digits
  '\u0301', '\u0345', 'ǅ', 'ß', 'İ', 'ﷺ', 'א', 'ع', '中', '١', '٣', '０', '１２３４５６', '١٢٣٤٥٦',
  // astral characters and emoji sequences
  '𝕏', '😀', '👍🏽', '👩‍👩‍👧‍👦', '🏳️‍🌈', '\u{10ffff}', '\u{e0001}',
  // syntax of JSON, URLs, HTML, SQL and shells
  '"', "'", '\\', '/', '<', '>', '&', '%', '#', '?', '=', '+', ';', ',', '{', '}', '[', ']', '$',
  '`', '*', ':', '@', '.', ' ', '-', '_', '--', '/*', '${', '{{', '%00', '%s', '\\u0000',
];
const oddChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_CHARS, ...LONE_SURROGATES) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const oddText = fc.array(oddChar, { maxLength: 30 }).map((cs) => cs.join(''));

const SHOPPER = [
  'Hi',
  'Where is order #123456?',
  '123456',
  'tracking number for order 234567',
  'jane.doe@example.com',
  'recommend a mystery',
  'any good sci-fi?',
  'bestsellers',
  'Return policy',
  'How do I pay?',
  'Where is my order?',
  'Do you sell garden furniture?',
];
/** What a shopper might type, and much that nobody would. */
const shopperText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(oddText, fc.constantFrom(...SHOPPER), oddText)
      .map(([a, b, c]) => a + b + c),
  },
  { weight: 3, arbitrary: oddText },
  // Around the 2,000-character limit, in characters of every width.
  {
    weight: 1,
    arbitrary: fc
      .tuple(oddChar, fc.integer({ min: 1_990, max: 2_010 }))
      .map(([c, n]) => c.repeat(Math.max(1, Math.floor(n / c.length)))),
  },
  // Over the 16 kB body limit.
  { weight: 1, arbitrary: fc.integer({ min: 15_000, max: 40_000 }).map((n) => 'x'.repeat(n)) },
);

/* ---------------------------------------------------------------- arbitraries: JSON text */

// prettier-ignore
const ESCAPES = [
  '\\u0000', '\\ud800', '\\udfff', '\\udc00\\ud800', '\\uD83D\\uDE00', '\\u202e', '\\ufeff',
  '\\u2028', '\\/', '\\"', '\\\\', '\\b', '\\f', '\\n', '\\t', 'a', ' ', '1',
];
const stringLiteral = fc.oneof(
  { weight: 4, arbitrary: shopperText.map((s) => JSON.stringify(s)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...ESCAPES), { maxLength: 12 })
      .map((xs) => `"${xs.join('')}"`),
  },
  // Raw lone surrogates straight in the text (JSON.stringify would escape them).
  {
    weight: 1,
    arbitrary: oddText.map(
      (s) => `"${[...s].filter((c) => c !== '"' && c !== '\\' && c >= ' ').join('')}"`,
    ),
  },
);
const numberLiteral = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const keyLiteral = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(...PROTO_KEYS, ...KEYS),
    },
    { weight: 1, arbitrary: oddText },
  )
  .map((k) => JSON.stringify(k));

const { value: jsonLiteral } = fc.letrec<{
  value: string;
  leaf: string;
  array: string;
  object: string;
}>((tie) => ({
  // maxDepth bounds the tree: without it a rare draw grows 4-ary nesting into gigabytes of text
  // in the test process (deep nesting has its own generator below).
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 6 },
    tie('leaf'),
    tie('array'),
    tie('object'),
  ),
  leaf: fc.oneof(fc.constantFrom('null', 'true', 'false'), numberLiteral, stringLiteral),
  array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
  object: fc
    .array(fc.tuple(keyLiteral, tie('value')), { maxLength: 4 })
    .map((es) => `{${es.map(([k, v]) => `${k}:${v}`).join(',')}}`),
}));

const NESTINGS: ReadonlyArray<readonly [open: string, leaf: string, close: string]> = [
  ['[', '', ']'],
  ['{"a":', '1', '}'],
  ['[{"x":', '0', '}]'],
  ['{"__proto__":', '{"polluted":"yes"}', '}'],
  ['{"constructor":{"prototype":', '{"polluted":"yes"}', '}}'],
];
/** Deeply nested JSON: up to 9,000 levels (the larger ones are over 16 kB, so 413 is right). */
const deepLiteral = fc
  .record({
    depth: fc.integer({ min: 2, max: 9_000 }),
    shape: fc.constantFrom(...NESTINGS),
  })
  .map(({ depth, shape: [open, leaf, close] }) => {
    return open.repeat(depth) + leaf + close.repeat(depth);
  });

const fieldValue = fc.oneof(
  { weight: 6, arbitrary: stringLiteral },
  { weight: 2, arbitrary: jsonLiteral },
  { weight: 1, arbitrary: deepLiteral },
);
const sessionLiteral = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).map((s) => JSON.stringify(s)),
  },
  { weight: 2, arbitrary: stringLiteral },
  { weight: 1, arbitrary: jsonLiteral },
);
const extraFields = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Array<[string, string]>>([]) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(keyLiteral, fc.oneof(jsonLiteral, deepLiteral)), {
      minLength: 1,
      maxLength: 2,
    }),
  },
);

/** An object literal of the given fields (undefined ones left out) plus extra ones, in any order. */
function objectBody(
  fields: Record<string, string | undefined>,
  extra: Array<[string, string]>,
  reverse: boolean,
): string {
  const entries = [
    ...Object.entries(fields)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`),
    ...extra.map(([k, v]) => `${k}:${v}`),
  ];
  if (reverse) entries.reverse();
  return `{${entries.join(',')}}`;
}

// prettier-ignore
const MALFORMED = [
  "{'message':'hi'}", '{"message":"hi",}', '{"message":"hi"', '{"message":hi}', '{message:"hi"}',
  '{"message":"hi"}}', '{"message":NaN}', '{"message":Infinity}', '{"message":undefined}',
  '{"message":"hi"/*c*/}', '// c\n{"message":"hi"}', '\ufeff{"message":"hi"}',
  '{"message":"\\x41"}', '{"message":"\\u12"}', '{"message":"a\u0000b"}',
  '{"message":"line\nbreak"}', '', ' ', 'true', '"message"', '0', '{"message":0x10}',
  '{"message":01}', '{"message":.5}', '{"message":+1}', '{"a":1 "b":2}', '{"message":"hi"}\u0000',
  '{"message":"hi"} {"message":"again"}', '[', '{"__proto__":', '{"message":"\\ud800', 'null',
  '{"message":"hi","message":"hi"}',
];
function malformed(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...MALFORMED),
    // Cut short anywhere.
    fc.tuple(valid, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
    // One character dropped or doubled.
    fc
      .tuple(valid, fc.nat(), fc.boolean())
      .map(([t, n, drop]) =>
        t.length === 0
          ? t
          : drop
            ? t.slice(0, n % t.length) + t.slice((n % t.length) + 1)
            : t.slice(0, n % t.length) + t[n % t.length] + t.slice(n % t.length),
      ),
  );
}

const chatObject = fc
  .record({
    message: fc.option(fieldValue, { nil: undefined, freq: 8 }),
    session_id: fc.option(sessionLiteral, { nil: undefined, freq: 2 }),
    extra: extraFields,
    reverse: fc.boolean(),
  })
  .map(({ message, session_id, extra, reverse }) =>
    objectBody({ message, session_id }, extra, reverse),
  );
const chatBodyText = fc.oneof(
  { weight: 8, arbitrary: chatObject },
  { weight: 1, arbitrary: jsonLiteral },
  { weight: 1, arbitrary: deepLiteral },
  { weight: 1, arbitrary: malformed(chatObject) },
);

const emailLiteral = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...EMAILS).map((e) => JSON.stringify(e)),
  },
  { weight: 1, arbitrary: fc.emailAddress().map((e) => JSON.stringify(e)) },
  { weight: 2, arbitrary: fieldValue },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 240, max: 400 })
      .map((n) => JSON.stringify(`${'a'.repeat(n)}@example.com`)),
  },
);
const verifyObject = fc
  .record({
    email: fc.option(emailLiteral, { nil: undefined, freq: 8 }),
    session_id: fc.option(sessionLiteral, { nil: undefined, freq: 2 }),
    extra: extraFields,
    reverse: fc.boolean(),
  })
  .map(({ email, session_id, extra, reverse }) =>
    objectBody({ email, session_id }, extra, reverse),
  );
const verifyBodyText = fc.oneof(
  { weight: 8, arbitrary: verifyObject },
  { weight: 1, arbitrary: jsonLiteral },
  { weight: 1, arbitrary: deepLiteral },
  { weight: 1, arbitrary: malformed(verifyObject) },
);

/* ---------------------------------------------------------------- arbitraries: bytes */

// prettier-ignore
const BAD_BYTES = [
  [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00], [0xef, 0xbb, 0xbf],
];
/** The text as UTF-8, sometimes with invalid UTF-8 spliced in. */
function utf8Body(text: fc.Arbitrary<string>, badShare: number): fc.Arbitrary<Buffer> {
  const splice = fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(...BAD_BYTES),
  );
  return fc
    .tuple(
      text,
      fc.oneof(
        { weight: 100 - badShare, arbitrary: fc.constant(null) },
        { weight: badShare, arbitrary: splice },
      ),
    )
    .map(([t, bad]) => {
      const bytes = Buffer.from(t, 'utf8');
      if (!bad) return shownAs(bytes, `utf8 ${brief(t)}`);
      const at = Math.floor(bad[0] * bytes.length);
      const spliced = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(bad[1]),
        bytes.subarray(at),
      ]);
      return shownAs(spliced, `utf8 ${brief(t)} with bytes [${bad[1].join(',')}] at ${at}`);
    });
}

/** Long runs of one character as `c×n`, the rest as JSON: deep bodies stay readable in reports. */
function brief(text: string): string {
  const squeezed = JSON.stringify(text).replace(
    /(.{1,16}?)\1{7,}/gsu,
    (run, unit: string) => `${unit.length === 1 ? unit : `(${unit})`}×${run.length / unit.length}`,
  );
  return squeezed.length > 400 ? `${squeezed.slice(0, 300)}…${squeezed.slice(-80)}` : squeezed;
}

/** How fast-check prints the value in a counterexample. */
function shownAs<T extends object>(value: T, description: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => description });
  return value;
}

type Encoding =
  | { kind: 'none' }
  | { kind: 'label'; name: string }
  | { kind: 'gzip' }
  | { kind: 'bomb'; size: number };
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 16, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ENCODINGS).map((name) => ({ kind: 'label' as const, name })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'gzip' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 20_000, max: 500_000 })
      .map((size) => ({ kind: 'bomb' as const, size })),
  },
);

function encode(body: Buffer, enc: Encoding): { body: Buffer; header?: string } {
  switch (enc.kind) {
    case 'none':
      return { body };
    case 'label':
      return { body, header: enc.name };
    case 'gzip':
      return { body: shownAs(gzipSync(body), `gzip(${fc.stringify(body)})`), header: 'gzip' };
    case 'bomb':
      // A few kB on the wire, far over the limit once inflated.
      return {
        body: shownAs(
          gzipSync(Buffer.from(`{"message":"${' '.repeat(enc.size)}"}`)),
          `gzip({"message":" ×${enc.size}"})`,
        ),
        header: 'gzip',
      };
  }
}

/* ---------------------------------------------------------------- arbitraries: headers */

const headerChar = fc
  .oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
    { weight: 1, arbitrary: fc.constant(0x09) },
  )
  .map((c) => String.fromCharCode(c));
/** Any value undici sends: tab, visible ASCII and obs-text bytes. */
const headerValue = fc.array(headerChar, { maxLength: 60 }).map((cs) => cs.join(''));

// Framing and hop-by-hop headers are the HTTP client's, not the request's.
// prettier-ignore
const NOT_OURS = new Set([
  'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te',
  'trailer', 'proxy-connection', 'content-type', 'content-encoding', 'host', 'http2-settings',
]);
// prettier-ignore
const HEADER_NAMES = [
  'accept', 'accept-language', 'accept-encoding', 'accept-charset', 'x-forwarded-for',
  'x-forwarded-proto', 'x-forwarded-host', 'forwarded', 'x-real-ip', 'origin', 'referer', 'cookie',
  'authorization', 'user-agent', 'x-request-id', 'if-none-match', 'if-modified-since', 'range',
  'cache-control', 'pragma', 'x-http-method-override', 'x-requested-with', 'content-language',
];
const headerName = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HEADER_NAMES) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9!#$%&'*+.^_`|~-]{0,24}$/) },
  )
  .filter((n) => !NOT_OURS.has(n));
// prettier-ignore
const FORWARDED_FOR = [
  '203.0.113.7', '::1', 'unknown', '999.1.1.1', '1.2.3.4, ::1', '', ',,,', '[::1]:80',
];
const HOSTS = [
  'localhost',
  'shop.example.com',
  'evil.example:8080',
  '127.0.0.1:1',
  'xn--bcher-kva.example',
  'a',
  '[::1]:80',
];
const extraHeaders = fc
  .array(
    fc.tuple(
      headerName,
      fc.oneof(
        { weight: 3, arbitrary: headerValue },
        { weight: 1, arbitrary: fc.constantFrom(...FORWARDED_FOR) },
      ),
    ),
    { maxLength: 4 },
  )
  .chain((pairs) =>
    // Now and then another Host (any shape at all goes in the raw requests: undici parses this one).
    fc.option(fc.constantFrom(...HOSTS), { nil: undefined, freq: 10 }).map((host) => {
      const headers = Object.fromEntries(pairs);
      if (host !== undefined) headers.host = host;
      return headers;
    }),
  );

// prettier-ignore
const CONTENT_TYPES = [
  'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8',
  'application/json; charset="utf-8"', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'application/json; charset=utf-16le',
  'application/json; charset=utf-32', 'application/json; charset=bogus',
  'application/json; foo=bar', 'application/vnd.api+json', 'application/merge-patch+json',
  'text/json', 'text/plain', 'text/html', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', '*/*',
  'application/*', 'json', ';', '',
];
const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>('application/json') },
  { weight: 4, arbitrary: fc.constantFrom<string | undefined>(...CONTENT_TYPES) },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A POST's body with its content type and encoding, and generated headers beside them. */
function postParts(text: fc.Arbitrary<string>) {
  return fc
    .record({ body: utf8Body(text, 10), type: contentType, enc: encoding, headers: extraHeaders })
    .map(({ body, type, enc, headers }) => {
      const encoded = encode(body, enc);
      const all: Record<string, string> = { ...headers };
      if (type !== undefined) all['content-type'] = type;
      if (encoded.header !== undefined) all['content-encoding'] = encoded.header;
      return { headers: all, body: encoded.body };
    });
}

/* ---------------------------------------------------------------- arbitraries: URLs */

/** Percent-encodes every byte of the UTF-8 but unreserved ones (lone surrogates become U+FFFD). */
function percentEncode(text: string, keep = /[A-Za-z0-9\-._~]/): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && keep.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
const LOOSE = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;
// prettier-ignore
const BAD_PERCENT = [
  '%', '%zz', '%ff', '%00', '%C0%AF', '%ED%A0%80', '%E0%A4%A', '%2e%2e', '%2F', '%5C', '%%',
  '%u0041',
];

const pathSegment = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^\d{6}$/) },
  { weight: 2, arbitrary: fc.constantFrom('123456', '234567', '345678', '999999', '000000') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(oddText, fc.boolean())
      .map(([t, loose]) => percentEncode(t, loose ? LOOSE : undefined)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...BAD_PERCENT, ...ODD_IDS),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('123456', ''), fc.constantFrom(...BAD_PERCENT))
      .map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 3_000 }).map((n) => '1'.repeat(n)) },
);

// prettier-ignore
const QUERY_KEYS = [
  'q', 'category', 'bestseller', 'limit', 'q[]', 'q[0]', 'q[a]', 'limit[]', '__proto__',
  'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'Q', 'limit ', ' q',
];
// prettier-ignore
const QUERY_VALUES = [
  'mystery', 'science-fiction', 'fantasy', '../x', 'true', 'false', 'TRUE', '1', '0', '12', '50',
  '51', '-1', '1.5', '1e1', '0x10', 'NaN', 'Infinity', '', 'dragon', 'dragon or tea', '"dragon"',
  '-dragon', 'a & b', '!', '%', '_', '\\', "'", "'; DROP TABLE books; --", '*', '<->', '!!', 'a:*',
  'a | b', '(', ')', '\u0000', 'a\u0000b',
];
const queryValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...QUERY_VALUES) },
  { weight: 3, arbitrary: oddText },
  { weight: 1, arbitrary: fc.integer({ min: 95, max: 130 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const queryPair = (key: fc.Arbitrary<string>) =>
  fc
    .tuple(
      key,
      queryValue,
      fc.constantFrom('strict', 'plus', 'loose', 'junk', 'bare'),
      fc.constantFrom(...BAD_PERCENT),
    )
    .map(([k, value, style, junk]) => {
      const name = percentEncode(k);
      if (style === 'bare') return name;
      const v =
        style === 'plus'
          ? percentEncode(value, /[A-Za-z0-9\-._~ ]/).replace(/ /g, '+')
          : style === 'loose'
            ? percentEncode(value, LOOSE)
            : percentEncode(value);
      return `${name}=${style === 'junk' ? v + junk : v}`;
    });
const queryString = fc.oneof(
  // The parameters the API knows, with values of any kind: these reach the database.
  {
    weight: 4,
    arbitrary: fc
      .uniqueArray(fc.constantFrom('q', 'category', 'bestseller', 'limit'), { maxLength: 4 })
      .chain((keys) => fc.tuple(...keys.map((k) => queryPair(fc.constant(k)))))
      .map((ps) => ps.join('&')),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        queryPair(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...QUERY_KEYS) },
            { weight: 1, arbitrary: oddText },
          ),
        ),
        { maxLength: 5 },
      )
      .map((ps) => ps.join('&')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_QUERIES) },
);

const sessionParam = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).map((s) => `session_id=${s}`),
  },
  { weight: 3, arbitrary: oddText.map((s) => `session_id=${percentEncode(s)}`) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_PERCENT).map((s) => `session_id=${s}`) },
  { weight: 1, arbitrary: queryString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ODD_SESSION_PARAMS),
  },
);

/** GETs usually have no body; now and then one has a body anyway. */
const getParts = fc.record({
  headers: extraHeaders,
  body: fc.option(utf8Body(chatBodyText, 20), { nil: undefined, freq: 10 }),
});

/* ---------------------------------------------------------------- raw requests */

const RAW_ROUTES = ['chat', 'api-chat', 'verify', 'products', 'status', 'history'] as const;

const rawHeaderName = fc
  .stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-][A-Za-z0-9!#$%&'*+.^_`|~-]{0,20}$/)
  .filter((n) => !NOT_OURS.has(n.toLowerCase()));
const rawHeaderValue = fc
  .array(
    fc
      .oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
        { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
        { weight: 1, arbitrary: fc.constant(0x09) },
      )
      .map((c) => String.fromCharCode(c)),
    { maxLength: 40 },
  )
  .map((cs) => cs.join(''));
const rawContentType = fc.oneof(
  fc.constantFrom('application/json', ...CONTENT_TYPES),
  rawHeaderValue,
  // A charset that lies about the bytes.
  fc.constantFrom('application/json; charset=iso-8859-1', 'application/json; charset=\xff\xfe'),
);

const rawProbe = fc
  .record({
    route: fc.constantFrom(...RAW_ROUTES),
    chatBody: utf8Body(chatBodyText, 50),
    verifyBody: utf8Body(verifyBodyText, 50),
    id: pathSegment,
    query: queryString,
    session: sessionParam,
    version: fc.constantFrom<'1.0' | '1.1'>('1.1', '1.1', '1.0'),
    absolute: fc.boolean(),
    headers: fc.array(fc.tuple(rawHeaderName, rawHeaderValue), { maxLength: 5 }),
    contentTypes: fc.array(rawContentType, { maxLength: 2 }),
    host: fc.option(rawHeaderValue, { nil: undefined, freq: 5 }),
  })
  .map((r) => {
    const [target, method, path, body] = ((): [
      Target,
      'GET' | 'POST',
      string,
      Buffer | undefined,
    ] => {
      switch (r.route) {
        case 'chat':
          return ['chatbot', 'POST', '/chat', r.chatBody];
        case 'api-chat':
          return ['gateway', 'POST', '/api/chat', r.chatBody];
        case 'verify':
          return ['gateway', 'POST', `/api/orders/${r.id}/verify`, r.verifyBody];
        case 'products':
          return ['gateway', 'GET', `/api/products?${r.query}`, undefined];
        case 'status':
          return ['gateway', 'GET', `/api/orders/${r.id}/status`, undefined];
        case 'history':
          return ['gateway', 'GET', `/api/chat/history?${r.session}`, undefined];
      }
    })();
    const origin = target === 'chatbot' ? 'http://127.0.0.1' : 'http://localhost';
    const request: RawRequest = {
      method,
      target: r.absolute ? origin + path : path,
      version: r.version,
      headers: [
        ...(r.host === undefined ? [] : [['Host', r.host] as [string, string]]),
        ...r.contentTypes.map((t): [string, string] => ['Content-Type', t]),
        ...r.headers,
      ],
      body,
    };
    return { target, request };
  });

/* ---------------------------------------------------------------- sending and judging */

async function send(probe: Probe): Promise<Reply> {
  const res = await pools[probe.target].request({
    method: probe.method,
    path: probe.path,
    headers: probe.headers,
    body: probe.body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.statusCode, text: await res.body.text() };
}

function describeProbe(p: {
  target: string;
  method: string;
  path: string;
  headers: unknown;
  body?: Buffer;
}): string {
  const body = p.body ?? Buffer.alloc(0);
  return [
    `${p.method} ${p.target}${p.path.length > 300 ? p.path.slice(0, 300) + '…' : p.path}`,
    `headers ${JSON.stringify(p.headers)}`,
    `body (${body.length} bytes) ${fc.hasToStringMethod(body) ? fc.stringify(body) : brief(body.toString('utf8'))}`,
  ].join('\n');
}

function routeOf(target: Target | 'raw', method: string, path: string): string {
  const pathname = path.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  const shape = pathname
    .replace(/^\/api\/orders\/.*\/(status|verify)$/, '/api/orders/:id/$1')
    .replace(/^\/api\/orders\/.*/, '/api/orders/…');
  return `${target} ${method} ${shape}`;
}

/** The property every answer has: no 5xx, and every 4xx in the one error shape. */
function judge(route: string, reply: Reply, what: string): void {
  sent++;
  const counts = histogram.get(route) ?? new Map<number, number>();
  counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
  histogram.set(route, counts);

  const fail = (why: string) => {
    throw new Error(`${why}\n${what}\nanswer ${reply.status} ${reply.text.slice(0, 300)}`);
  };
  if (reply.status >= 500) fail(`answered ${reply.status} with every dependency up`);
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    // 204 and 304 (a conditional GET, `If-None-Match: *` included) carry no body by definition.
    if (reply.status !== 204 && reply.status !== 304) fail('the answer is not JSON');
  }
  if (reply.status >= 400) {
    const keys = typeof body === 'object' && body !== null ? Object.keys(body).sort() : [];
    if (keys.join() !== 'error,message,statusCode')
      fail('a 4xx not in the {statusCode, error, message} shape');
    const b = body as { statusCode: unknown; error: unknown; message: unknown };
    if (
      b.statusCode !== reply.status ||
      typeof b.error !== 'string' ||
      typeof b.message !== 'string'
    ) {
      fail('the error body does not match its status');
    }
  }
  if (
    prototypeShape() !== cleanPrototypes ||
    ({} as Record<string, unknown>).polluted !== undefined
  ) {
    fail('a built-in prototype of the process changed');
  }
}

async function probe(p: Probe): Promise<void> {
  judge(routeOf(p.target, p.method, p.path), await send(p), describeProbe(p));
}

const TIMEOUT = 120_000;

/* ---------------------------------------------------------------- the properties */

describe('generated requests never get a 5xx or an off-shape error', () => {
  it(
    `POST /chat (chatbot) and POST /api/chat (gateway): ${RUNS.chat} bodies each`,
    async () => {
      await fc.assert(
        fc.asyncProperty(postParts(chatBodyText), async ({ headers, body }) => {
          await Promise.all([
            probe({ target: 'chatbot', method: 'POST', path: '/chat', headers, body }),
            probe({ target: 'gateway', method: 'POST', path: '/api/chat', headers, body }),
          ]);
        }),
        { numRuns: RUNS.chat, ...SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `POST /api/orders/:id/verify: ${RUNS.verify} ids and bodies`,
    async () => {
      await fc.assert(
        fc.asyncProperty(pathSegment, postParts(verifyBodyText), async (id, { headers, body }) => {
          await probe({
            target: 'gateway',
            method: 'POST',
            path: `/api/orders/${id}/verify`,
            headers,
            body,
          });
        }),
        { numRuns: RUNS.verify, ...SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `GET /api/products: ${RUNS.products} query strings`,
    async () => {
      await fc.assert(
        fc.asyncProperty(queryString, getParts, async (query, { headers, body }) => {
          await probe({
            target: 'gateway',
            method: 'GET',
            path: `/api/products?${query}`,
            headers,
            body,
          });
        }),
        { numRuns: RUNS.products, ...SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `GET /api/orders/:id/status: ${RUNS.status} ids`,
    async () => {
      await fc.assert(
        fc.asyncProperty(pathSegment, getParts, async (id, { headers, body }) => {
          await probe({
            target: 'gateway',
            method: 'GET',
            path: `/api/orders/${id}/status`,
            headers,
            body,
          });
        }),
        { numRuns: RUNS.status, ...SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `GET /api/chat/history?session_id=: ${RUNS.history} query strings`,
    async () => {
      await fc.assert(
        fc.asyncProperty(sessionParam, getParts, async (query, { headers, body }) => {
          await probe({
            target: 'gateway',
            method: 'GET',
            path: `/api/chat/history?${query}`,
            headers,
            body,
          });
        }),
        { numRuns: RUNS.history, ...SEED },
      );
    },
    TIMEOUT,
  );

  it(
    `raw bytes over TCP: ${RUNS.raw} requests undici would not send`,
    async () => {
      await fc.assert(
        fc.asyncProperty(rawProbe, async ({ target, request }) => {
          const origin = target === 'chatbot' ? system.chatbotUrl : system.gatewayUrl;
          const reply = await rawHttp(origin, request);
          judge(
            routeOf('raw', request.method, request.target),
            { status: reply.status, text: reply.body.toString('utf8') },
            describeProbe({ ...request, target: `raw ${target} `, path: request.target }),
          );
        }),
        { numRuns: RUNS.raw, ...SEED },
      );
    },
    TIMEOUT,
  );
});

describe('unknown fields are refused, whatever their name', () => {
  it(
    'a prototype-named field in a chat or verify body is a 400 like any other unknown field',
    async () => {
      const key = fc.oneof(
        fc.constantFrom(...PROTO_KEYS, 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'),
        fc
          .stringMatching(/^[a-z]{1,12}$/)
          .filter((k) => !['message', 'session_id', 'email'].includes(k)),
      );
      const where = fc.constantFrom(
        { target: 'chatbot' as const, path: '/chat', known: '"message":"Hi"' },
        { target: 'gateway' as const, path: '/api/chat', known: '"message":"Hi"' },
        {
          target: 'gateway' as const,
          path: '/api/orders/123456/verify',
          known: '"email":"nobody@example.com"',
        },
      );
      await fc.assert(
        fc.asyncProperty(key, jsonLiteral, where, async (k, value, { target, path, known }) => {
          const body = Buffer.from(`{${known},${JSON.stringify(k)}:${value}}`);
          const p: Probe = {
            target,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json' },
            body,
          };
          const reply = await send(p);
          judge(routeOf(target, 'POST', path), reply, describeProbe(p));
          // A body over the 16 kB limit is refused before anyone reads its fields.
          const tooLarge = reply.status === 413 && body.length > 16 * 1024;
          if (reply.status !== 400 && !tooLarge) {
            throw new Error(`an unknown field was accepted (${reply.status})\n${describeProbe(p)}`);
          }
        }),
        { numRuns: RUNS.unknownFields, ...SEED },
      );
    },
    TIMEOUT,
  );
});

describe('after all of that', () => {
  it('both apps are alive and the store still answers', async () => {
    for (const url of [system.chatbotUrl, system.gatewayUrl]) {
      const res = await fetch(`${url}/health`);
      expect(res.status, url).toBe(200);
    }
    const order = await fetch(`${system.gatewayUrl}/api/orders/123456/status`);
    expect(order.status).toBe(200);
    expect(prototypeShape()).toBe(cleanPrototypes);
  });
});
