/**
 * The benchmark's baseline: a small node:http + mysql2 server with hand-written SQL answering the
 * benchmark's operations (api/bench/operations/) with the JSON the GraphQL API answers, byte for byte.
 * It knows those documents only (by their exact text) and refuses anything else. What it does per
 * request, as the API does: check the caller (the partner key by its hash, or the JWT and its user),
 * the operation's queries, and for the partner endpoint one access-log row.
 *
 *   BASELINE_DATABASE_URL=mysql://… JWT_SECRET=… PORT=4100 node dist/bench/baseline/server.js
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import mysql, { type Pool } from 'mysql2/promise';
import { membershipPage, taskList } from './admin';
import { Refusal, type Viewer } from './errors';
import { taskPanels } from './panels';
import { companyStanding, redBlackList } from './partner';
import { payoutMove } from './payout';
import { q, Tree } from './sql';

type Handler = (ctx: { pool: Pool; tree: Tree; viewer: Viewer; variables: Record<string, unknown>; looked: Set<string> }) => Promise<unknown>;

/** Each document the baseline answers, by its file in api/bench/operations/ (without .graphql). */
const HANDLERS: Record<string, { endpoint: 'partner' | 'admin'; operation: string; run: Handler }> = {
  'P1-red-black-list': { endpoint: 'partner', operation: 'redBlackList', run: (c) => redBlackList(c.pool, c.variables, c.looked) },
  'P2-company-standing': { endpoint: 'partner', operation: 'companyStanding', run: (c) => companyStanding(c.pool, c.variables, c.looked) },
  'A1-task-list': { endpoint: 'admin', operation: 'allTaskItems', run: (c) => taskList(c.pool, c.tree, c.viewer, c.variables) },
  'A2-task-panels': { endpoint: 'admin', operation: 'TaskPanels', run: (c) => taskPanels(c.pool, c.tree, c.viewer, c.variables) },
  'A3-roster-page': { endpoint: 'admin', operation: 'allMemberships', run: (c) => membershipPage(c.pool, c.tree, c.viewer, c.variables) },
  'M1-submit-payout': { endpoint: 'admin', operation: 'submitPayout', run: (c) => payoutMove(c.pool, c.viewer, 'SUBMITTED', c.variables) },
  'M1-approve-payout': { endpoint: 'admin', operation: 'approvePayout', run: (c) => payoutMove(c.pool, c.viewer, 'APPROVED', c.variables) },
};

export interface BaselineOptions {
  pool: Pool;
  jwtSecret: string;
  /** Where the operations' documents are (api/bench/operations). */
  operationsDir: string;
}

function verifyJwt(token: string, secret: string): { sub: string; sv: number; iat?: number; ip?: string } | null {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { sub?: string; sv?: number; exp?: number; iat?: number; ip?: string };
  if (header.alg !== 'HS256' || !payload.sub || !payload.exp || payload.exp * 1000 < Date.now()) return null;
  return { sub: payload.sub, sv: Number(payload.sv), iat: payload.iat, ip: payload.ip };
}

// Apollo ends each body with a newline
const errorBody = (code: string, message: string, reason?: string) => `${JSON.stringify({ errors: [{ message, extensions: { code, ...(reason ? { reason } : {}) } }], data: null })}\n`;

/** The request handler (a test runs it in-process; server.js below listens with it). */
export async function createBaseline(opts: BaselineOptions): Promise<http.RequestListener> {
  const documents = new Map<string, string>();
  for (const name of Object.keys(HANDLERS)) {
    const file = path.join(opts.operationsDir, `${name}.graphql`);
    if (fs.existsSync(file)) documents.set(fs.readFileSync(file, 'utf8'), name);
  }
  const tree = new Tree(await q<{ id: number; parentId: number | null }>(opts.pool, 'SELECT id, parentId FROM jurisdiction'));

  const answer = async (req: http.IncomingMessage, body: string): Promise<[number, string]> => {
    const partner = req.url === '/partner/graphql';
    if (!partner && req.url !== '/graphql') return [404, errorBody('NOT_FOUND', 'Not found')];
    const { query, variables = {} } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    const name = documents.get(query);
    const handler = name ? HANDLERS[name] : undefined;
    if (!handler || handler.endpoint !== (partner ? 'partner' : 'admin')) return [400, errorBody('GRAPHQL_VALIDATION_FAILED', 'The baseline answers the benchmark operations only')];
    const looked = new Set<string>();
    let viewer: Viewer;
    let keyId: number | null = null;
    if (partner) {
      const sent = String(req.headers['x-api-key'] ?? '').trim();
      const [key] = await q<{ id: number; revokedAt: string | null; jurisdictionId: number | null }>(opts.pool, 'SELECT id, revokedAt, jurisdictionId FROM partner_key WHERE secretHash = ?', [
        createHash('sha256').update(sent, 'utf8').digest('hex'),
      ]);
      if (!key || key.revokedAt) return [401, errorBody('UNAUTHENTICATED', 'Unknown API key')];
      keyId = key.id;
      viewer = { userId: 0, jurisdictionId: key.jurisdictionId, role: 'PARTNER' };
    } else {
      const token = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      const claims = token ? verifyJwt(token, opts.jwtSecret) : null;
      const [user] = claims
        ? await q<{ id: number; username: string; role: string; jurisdictionId: number | null; active: number; sessionVersion: number }>(
            opts.pool,
            'SELECT id, username, role, jurisdictionId, active, sessionVersion FROM app_user WHERE id = ?',
            [Number(claims.sub)],
          )
        : [];
      if (!user || !user.active || user.sessionVersion !== claims!.sv) return [401, errorBody('UNAUTHENTICATED', 'Sign in first')];
      viewer = {
        userId: user.id,
        jurisdictionId: user.jurisdictionId,
        role: user.role,
        username: user.username,
        signedInAt: claims!.iat ? new Date(claims!.iat * 1000).toISOString().slice(0, 19).replace('T', ' ') : null,
        signedInFrom: claims!.ip ?? null,
        ip: req.socket.remoteAddress ?? null,
      };
    }
    let out: string;
    let outcome = 'OK';
    try {
      out = `${JSON.stringify({ data: await handler.run({ pool: opts.pool, tree, viewer, variables, looked }) })}\n`;
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      outcome = err.code;
      out = errorBody(err.code, err.message, err.reason);
    }
    if (partner) {
      await q(opts.pool, 'INSERT INTO partner_access (keyId, operationName, queries, companiesJson, outcome, requestId) VALUES (?, ?, ?, ?, ?, ?)', [
        keyId,
        query.match(/^\s*(?:#.*\n\s*)*query\s+(\w+)/)?.[1] ?? null,
        handler.operation,
        JSON.stringify([...looked].sort()),
        outcome,
        randomUUID(),
      ]);
    }
    return [200, out];
  };

  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      answer(req, Buffer.concat(chunks).toString('utf8')).then(
        ([status, body]) => {
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (err: unknown) => {
          console.error(err);
          const body = errorBody('INTERNAL_SERVER_ERROR', 'Unexpected error');
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
      );
    });
  };
}

if (require.main === module) {
  const url = process.env.BASELINE_DATABASE_URL;
  const jwtSecret = process.env.JWT_SECRET;
  if (!url || !jwtSecret) {
    console.error('BASELINE_DATABASE_URL and JWT_SECRET are required');
    process.exit(2);
  }
  const pool = mysql.createPool({ uri: url, dateStrings: true, connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10), timezone: 'Z', trace: false }); // as our API's pool (config/data-source.ts)
  void createBaseline({ pool, jwtSecret, operationsDir: process.env.BASELINE_OPERATIONS ?? path.resolve('api/bench/operations') }).then((handler) => {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 65_000;
    server.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1', () => console.log(`baseline listening on ${process.env.PORT ?? 4100}`));
    process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
  });
}
