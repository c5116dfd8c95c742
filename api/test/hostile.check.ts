import type { Server } from 'node:http';
import request from 'supertest';
import type { QueryLimits } from '../src/common/query-limits';
import type { CountingLogger } from './harness';
import { type Endpoint, PATHS } from './hostile.schema';

/*
 * How the hostile suite sends one request and judges the answer: refused or answered, and safe
 * either way (no 5xx, no stack trace, SQL or file path, every error coded, no SQL before a refusal
 * by the limits or the body checks).
 */

export type Who = 'anonymous' | 'ADMIN' | 'UNIT_STAFF' | 'partner';

export interface Attack {
  cls: string;
  endpoint: Endpoint;
  who: Who;
  /** What it is, for the report of a failure. */
  label: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A JSON body (JSON.stringify'd, so lone surrogates go as \uD800 escapes)… */
  body?: unknown;
  /** …or raw bytes / text, with `contentType` (null: no Content-Type header at all). */
  raw?: string | Buffer;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** GET parameters. */
  query?: Record<string, string>;
  expect?: {
    /** Refused by this query limit (an error with code QUERY_LIMIT and this `limit`). */
    limit?: keyof QueryLimits;
    /** Not refused by these limits (the document is within them). */
    within?: Array<keyof QueryLimits>;
    /** Refused, the first error having one of these codes (or an empty-bodied HTTP status listed). */
    refused?: Array<string | number>;
  };
  /** Strings the request carries that an error message may quote back (not leaks). */
  echoes?: string[];
}

export interface Outcome {
  status: number;
  ms: number;
  sql: number;
  refused: boolean;
  code: string;
  problems: string[];
}

export type Credentials = Record<Exclude<Who, 'anonymous'>, string>;

/** Codes of refusals that come before any resolver, authentication included: no SQL may run for them. */
export const BEFORE_SQL = new Set([
  'QUERY_LIMIT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Answers the HTTP server itself gives (headers too large, URI too long) before Express: no body to code. */
const BARE_STATUSES = new Set([414, 431]);

/** No request may block the server this long: a sanity bound against event-loop stalls, not a speed goal (the bench measures). */
export const STALL_MS = 10_000;

const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at |\bat [\w$.<>]+ \(|"stacktrace"/],
  ['a file path', /\/work\/|node_modules|\/api\/src\/|[\w-]+\.[tj]s:\d+/],
  [
    'SQL text',
    /\bSELECT\s[^"]{0,200}\sFROM\b|\bINSERT\s+INTO\b|\bDELETE\s+FROM\b|\bUPDATE\s+[`"]?\w+[`"]?\s+SET\b|SQLITE_[A-Z]+|\bER_[A-Z_]{3,}|QueryFailedError|sqlMessage|sqlState|SQL syntax|: syntax error/i,
  ],
  ['a field suggestion', /Did you mean/],
];

export async function send(server: Server, sql: CountingLogger, a: Attack, creds: Credentials): Promise<Outcome> {
  const path = PATHS[a.endpoint];
  const agent = request(server);
  const method = a.method ?? 'POST';
  const req = method === 'GET' ? agent.get(path).query(a.query ?? {}) : method === 'PUT' ? agent.put(path) : method === 'DELETE' ? agent.delete(path) : agent.post(path);
  if (a.who !== 'anonymous') {
    if (a.endpoint === 'partner' || a.who === 'partner') req.set('x-api-key', creds[a.who]);
    else req.set('authorization', `Bearer ${creds[a.who]}`);
  }
  for (const [k, v] of Object.entries(a.headers ?? {})) req.set(k, v);
  sql.reset();
  const started = process.hrtime.bigint();
  let res: request.Response;
  if (method === 'GET') res = await req;
  else if (a.raw !== undefined) {
    // Headers set after send() replace the type superagent guesses; null sends none at all.
    const sent = req.send(a.raw as string);
    res = await (a.contentType === null ? sent.unset('content-type') : sent.set('content-type', a.contentType ?? 'application/json'));
  } else res = await req.set('content-type', 'application/json').send(JSON.stringify(a.body));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return judge(a, res, ms, sql.count);
}

/** What the judge reads of an answer. */
export interface Answer {
  status: number;
  text?: string;
  headers: Record<string, unknown>;
}

export function judge(a: Attack, res: Answer, ms: number, sql: number): Outcome {
  const problems: string[] = [];
  const status = res.status;
  const text = res.text ?? '';
  let body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> } | undefined;
  if (BARE_STATUSES.has(status) && text === '') body = undefined;
  else if (!/json/.test(String(res.headers['content-type']))) problems.push(`answer is ${res.headers['content-type'] ?? 'untyped'}, not JSON: ${text.slice(0, 120)}`);
  else {
    try {
      body = JSON.parse(text);
    } catch {
      problems.push('answer is not valid JSON');
    }
  }
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (ms > STALL_MS) problems.push(`took ${Math.round(ms)} ms: the server was stalled`);
  const errors = body?.errors ?? [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string') problems.push(`an error without extensions.code: ${String(e.message).slice(0, 120)}`);
    else if (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') problems.push(`${code}: ${String(e.message).slice(0, 160)}`);
  }
  const scrubbed = withoutEchoes(text, a.echoes ?? []);
  for (const [what, re] of LEAKS) {
    const m = re.exec(scrubbed);
    if (m) problems.push(`${what} in the answer: …${scrubbed.slice(Math.max(0, m.index - 60), m.index + 80)}…`);
  }
  const data = body?.data;
  const answered = status === 200 && !!data && Object.values(data).some((v) => v !== null);
  const code = errors.length ? String(errors[0].extensions?.code ?? '?') : answered ? 'OK' : BARE_STATUSES.has(status) ? String(status) : 'NO_DATA';
  const refused = !answered;
  if (refused && errors.length && errors.every((e) => BEFORE_SQL.has(String(e.extensions?.code))) && sql > 0) problems.push(`${sql} SQL statement(s) before the ${code} refusal`);
  if (BARE_STATUSES.has(status) && sql > 0) problems.push(`${sql} SQL statement(s) before HTTP ${status}`);
  const limits = errors.filter((e) => e.extensions?.code === 'QUERY_LIMIT').map((e) => String(e.extensions?.limit));
  const x = a.expect ?? {};
  if (x.limit && !limits.includes(x.limit)) problems.push(`expected a QUERY_LIMIT refusal by ${x.limit}, got ${status} ${code}${limits.length ? ` (${limits.join(', ')})` : ''}`);
  for (const l of x.within ?? []) if (limits.includes(l)) problems.push(`refused by ${l} although within it`);
  if (x.refused && !(refused && (x.refused.includes(code) || x.refused.includes(status)))) problems.push(`expected a refusal with ${x.refused.join(' or ')}, got ${status} ${code}`);
  return { status, ms, sql, refused, code, problems };
}

/** The answer's text without the strings the request sent (raw, JSON-escaped, escaped twice), which messages may quote. */
function withoutEchoes(text: string, echoes: string[]): string {
  let out = text;
  for (const e of echoes.filter((s) => s.length > 2).sort((a, b) => b.length - a.length)) {
    const once = JSON.stringify(e).slice(1, -1);
    for (const form of [JSON.stringify(once).slice(1, -1), once, e]) out = out.split(form).join('');
  }
  return out;
}

/** Tried / refused / answered per class, codes seen, slowest request. */
export class Tally {
  rows = new Map<string, { tried: number; refused: number; answered: number; codes: Map<string, number>; maxMs: number }>();
  add(cls: string, o: Outcome): void {
    let r = this.rows.get(cls);
    if (!r) this.rows.set(cls, (r = { tried: 0, refused: 0, answered: 0, codes: new Map(), maxMs: 0 }));
    r.tried++;
    if (o.refused) r.refused++;
    else r.answered++;
    r.codes.set(o.code, (r.codes.get(o.code) ?? 0) + 1);
    r.maxMs = Math.max(r.maxMs, o.ms);
  }
  table(): string {
    const lines = [`${'class'.padEnd(16)} ${'tried'.padStart(6)} ${'refused'.padStart(8)} ${'answered'.padStart(9)} ${'max ms'.padStart(7)}  outcomes`];
    let tried = 0;
    let refused = 0;
    let answered = 0;
    for (const [cls, r] of this.rows) {
      tried += r.tried;
      refused += r.refused;
      answered += r.answered;
      const codes = [...r.codes]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
      lines.push(`${cls.padEnd(16)} ${String(r.tried).padStart(6)} ${String(r.refused).padStart(8)} ${String(r.answered).padStart(9)} ${String(Math.round(r.maxMs)).padStart(7)}  ${codes}`);
    }
    lines.push(`${'total'.padEnd(16)} ${String(tried).padStart(6)} ${String(refused).padStart(8)} ${String(answered).padStart(9)}`);
    return lines.join('\n');
  }
}
