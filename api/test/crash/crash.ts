import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { Logger } from 'typeorm';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/env';
import { DROPPED, type FailedAttempt, RetryingClient } from './client';
import { OwnMariaDb, sleep } from './mariadb';
import { verify } from './verify';
import { prepare, runWorker } from './workload';

/*
 * npm run test:crash — the API under mixed writes while its MariaDB is SIGKILLed and restarted:
 * no acknowledged write lost, none applied twice, one audit row per write, clear errors meanwhile,
 * writes served again soon after the restart by the same API process. Its own MariaDB, never 3306.
 * CRASH_SECONDS (60), CRASH_KILL_AT (a third of it), CRASH_RESTART_AT (half), CRASH_CONNECTIONS (20),
 * CRASH_DB_PORT (3407), CRASH_RECOVERY_LIMIT (10 s), CRASH_DROP_RATE (0.05: share of writes whose first
 * answer the client never hears and retries at once, so keys are replayed with the database up too), CRASH_KEEP_DATA.
 */
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = num('CRASH_SECONDS', 60);
const KILL_AT = num('CRASH_KILL_AT', SECONDS / 3);
const RESTART_AT = num('CRASH_RESTART_AT', SECONDS / 2);
const CONNECTIONS = num('CRASH_CONNECTIONS', 20);
const DB_PORT = num('CRASH_DB_PORT', 3407);
const RECOVERY_LIMIT = num('CRASH_RECOVERY_LIMIT', 10);
const DROP_RATE = num('CRASH_DROP_RATE', 0.05);
/** How long unanswered writes are retried after the load stops. */
const GRACE_MS = 30_000;

/** TypeORM's error lines during the outage would bury the summary: they go to the request log's file instead. */
class QuietLogger implements Logger {
  constructor(private readonly file: string) {}
  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void {
    fs.appendFileSync(this.file, `${new Date().toISOString()} ${String(error)} :: ${query.slice(0, 200)}\n`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function main(): Promise<number> {
  if (!(SECONDS > 0 && KILL_AT > 0 && RESTART_AT > KILL_AT && SECONDS > RESTART_AT)) throw new Error('Need 0 < CRASH_KILL_AT < CRASH_RESTART_AT < CRASH_SECONDS');
  const db = await OwnMariaDb.create(DB_PORT);
  let app: App | undefined;
  let server: Server | undefined;
  try {
    await db.start();
    console.log(`crash test: own MariaDB on 127.0.0.1:${DB_PORT} (${db.dir}); load ${SECONDS} s at ${CONNECTIONS} connections, SIGKILL at ${KILL_AT} s, restart at ${RESTART_AT} s`);
    const adminPassword = randomBytes(12).toString('hex');
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
      // One client machine sends what a whole office would: the per-user request limit is lifted, nothing else.
      RATE_LIMIT_USER: '1000000/60s',
    });
    const requestLog = pino({ level: 'info' }, pino.destination({ dest: path.join(db.dir, 'requests.log'), sync: false }));
    app = await createApp(config, { log: () => undefined, requestLog, logger: new QuietLogger(path.join(db.dir, 'query-errors.log')) });
    server = await new Promise<Server>((resolve) => {
      const s = app!.express.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const run = String(Date.now()).slice(-7);
    const fx = await prepare(gql, adminPassword, run);
    const auditFromId = Number((await gql('{ allAuditEvents(perPage: 1, sortField: "id", sortOrder: "DESC") { id } }', {}, fx.admin.token)).allAuditEvents[0]?.id ?? 0);

    const t0 = Date.now();
    const stopAt = t0 + SECONDS * 1000;
    const client = new RetryingClient(`${base}/graphql`, () => stopAt + GRACE_MS, DROP_RATE);
    const timeline = { killAt: 0, restartAt: 0, readyAt: 0, health: '' };
    const chaos = (async () => {
      await sleep(t0 + KILL_AT * 1000 - Date.now());
      timeline.killAt = Date.now();
      await db.kill();
      await sleep(2000);
      const health = await fetch(`${base}/health`).catch(() => null);
      timeline.health = health ? `${health.status} ${JSON.stringify(await health.json().catch(() => null))}` : 'no answer';
      await sleep(t0 + RESTART_AT * 1000 - Date.now());
      timeline.restartAt = Date.now();
      await db.start();
      timeline.readyAt = Date.now();
    })();
    await Promise.all([...Array.from({ length: CONNECTIONS }, (_, i) => runWorker(client, fx, run, i, stopAt)), chaos]);
    await Promise.all(client.unheard);

    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection({ uri: db.url, connectTimeout: 10_000 });
    const query = async (sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as Array<Record<string, unknown>>;
    const verdict = await verify(query, client.outcomes, auditFromId, timeline.killAt, timeline.restartAt).finally(() => conn.end());
    requestLog.flush();
    await sleep(500);
    const failed = report(client, verdict, timeline, t0, serverErrors(path.join(db.dir, 'requests.log')));
    if (failed) {
      process.env.CRASH_KEEP_DATA = '1';
      console.log(`data directory, request log and query errors kept in ${db.dir}`);
    }
    return failed;
  } finally {
    server?.close();
    await app?.close().catch(() => undefined);
    await db.destroy();
  }
}

function byCode(failures: FailedAttempt[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of failures) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
}

/** What the API logged as errors (the request log's error lines), by code and message: what lay behind each answer. */
function serverErrors(file: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"level":50')) continue;
    const err = (JSON.parse(line) as { err?: { code?: string; message?: string; type?: string } }).err;
    const what = `${err?.code ?? err?.type ?? '?'}: ${(err?.message ?? '').slice(0, 100)}`;
    out[what] = (out[what] ?? 0) + 1;
  }
  return out;
}

function report(
  client: RetryingClient,
  v: Awaited<ReturnType<typeof verify>>,
  tl: { killAt: number; restartAt: number; readyAt: number; health: string },
  t0: number,
  logged: Record<string, number>,
): number {
  const s = (ms: number) => Math.round(ms / 100) / 10;
  const dropped = client.failures.filter((f) => f.code === DROPPED).length;
  const failures = client.failures.filter((f) => f.code !== DROPPED);
  const firstServed = Math.min(...client.outcomes.filter((o) => o.acknowledged && o.answeredAt! > tl.restartAt).map((o) => o.answeredAt!));
  const recovered = Number.isFinite(firstServed) ? firstServed : Infinity;
  const during = failures.filter((f) => f.at >= tl.killAt && f.at <= recovered);
  const before = failures.filter((f) => f.at < tl.killAt);
  const after = failures.filter((f) => f.at > recovered);
  const lastOutageError = Math.max(tl.restartAt, ...failures.filter((f) => f.code === 'SERVICE_UNAVAILABLE').map((f) => f.at));
  const kinds: Record<string, number> = {};
  for (const o of client.outcomes) if (o.acknowledged) kinds[o.spec.kind] = (kinds[o.spec.kind] ?? 0) + 1;
  const unclear = byCode(during.filter((f) => f.code !== 'SERVICE_UNAVAILABLE'));
  const recoverySeconds = s(recovered - tl.restartAt);

  const violations: string[] = [];
  if (v.lost.length)
    violations.push(
      `${v.lost.length} acknowledged writes lost (${v.lost
        .slice(0, 5)
        .map((o) => o.spec.kind)
        .join(', ')}…)`,
    );
  if (v.duplicated.length)
    violations.push(
      `${v.duplicated.length} writes applied more than once (${v.duplicated
        .slice(0, 5)
        .map((o) => o.spec.kind)
        .join(', ')}…)`,
    );
  if (v.withoutAudit.length) violations.push(`${v.withoutAudit.length} acknowledged writes without their audit row`);
  if (v.unmatchedAudit) violations.push(`${v.unmatchedAudit} audit rows not matched one-to-one with a write's key`);
  if (v.refused)
    violations.push(`${v.refused} writes refused: ${JSON.stringify(byCode(failures.filter((f) => !/^(SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR|NO_ANSWER|BAD_ANSWER|HTTP_5\d\d)$/.test(f.code))))}`);
  if (Object.keys(unclear).length) violations.push(`errors during the outage without code SERVICE_UNAVAILABLE: ${JSON.stringify(unclear)}`);
  if (before.length || after.some((f) => f.code !== 'SERVICE_UNAVAILABLE'))
    violations.push(`errors while the database was up: before ${JSON.stringify(byCode(before))}, after ${JSON.stringify(byCode(after))}`);
  if (!(recoverySeconds <= RECOVERY_LIMIT)) violations.push(`writes were not served within ${RECOVERY_LIMIT} s of the restart (${recoverySeconds} s)`);
  if (!tl.health.startsWith('503')) violations.push(`/health during the outage answered ${tl.health}, not 503`);
  if (!v.acknowledged) violations.push('no write was acknowledged');

  const lines = [
    '',
    '── crash test ─────────────────────────────────────────────',
    `load                 ${SECONDS} s, ${CONNECTIONS} connections; SIGKILL at ${s(tl.killAt - t0)} s, restart at ${s(tl.restartAt - t0)} s (database answering ${s(tl.readyAt - tl.restartAt)} s later)`,
    `writes acknowledged  ${v.acknowledged}  ${JSON.stringify(kinds)}`,
    `  after a retry      ${client.outcomes.filter((o) => o.acknowledged && o.attempts > 1).length}; answers dropped by the client on purpose ${dropped}`,
    `  answered from key  ${v.answeredFromKey} (applied by an attempt whose answer was lost; ${v.acrossCrash} of them across the crash)`,
    `writes unanswered    ${v.unanswered} (applied nevertheless: ${v.appliedUnanswered}); refused ${v.refused}`,
    `lost                 ${v.lost.length}`,
    `duplicates           ${v.duplicated.length}`,
    `audit rows           one per applied write: ${v.withoutAudit.length === 0 && v.unmatchedAudit === 0 ? 'yes' : `no (${v.withoutAudit.length} acknowledged without, ${v.unmatchedAudit} unmatched)`}`,
    `errors in outage     ${JSON.stringify(byCode(during))}; /health meanwhile: ${tl.health}`,
    `logged by the API    ${JSON.stringify(logged)}`,
    `errors otherwise     before ${JSON.stringify(byCode(before))}, after recovery ${JSON.stringify(byCode(after))}`,
    `recovery             first write served ${recoverySeconds} s after the restart (${s(recovered - tl.readyAt)} s after the database answered); last SERVICE_UNAVAILABLE ${s(lastOutageError - tl.restartAt)} s after the restart; API not restarted`,
    violations.length ? `FAILED:\n  - ${violations.join('\n  - ')}` : 'PASSED',
    '',
  ];
  console.log(lines.join('\n'));
  return violations.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
