import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { todayInChina } from '../src/common/dates';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * 多进程 (issue 18, item 5): two API workers behind one port (api/src/cluster.ts, run from the sources
 * with ts-node) on one MariaDB database and one Redis. The sign-in limit counts in Redis, so a limit of 3
 * reached across both workers lets 3 failures through, not 6 (and without Redis it does let more through:
 * the control). The daily reminder pass, which each worker's scheduler tries at start and every 5 s,
 * runs once (its lease and run rows; the race itself is api/test/supervision.test.ts's last test).
 */
const REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether Redis answers at 127.0.0.1:6379 (asked synchronously: jest decides what to skip before any test runs). */
function redisAnswers(): boolean {
  const probe = `const s=require('net').connect(6379,'127.0.0.1');s.setTimeout(1000,()=>process.exit(1));s.on('error',()=>process.exit(1));s.on('connect',()=>s.write('PING\\r\\n'));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0;
}

const why = dbKind() !== 'mysql' ? 'runs on MariaDB only (the mysql project)' : !redisAnswers() ? `needs Redis at ${REDIS_URL}, which does not answer` : null;
if (why) console.warn(`cluster.test.ts skipped: ${why}`);
const describeIfReady = why ? describe.skip : describe;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Cluster {
  port: number;
  process: ChildProcess;
  /** Everything the primary and its workers wrote on stdout so far. */
  out(): string;
  stop(): Promise<void>;
}

/** `npm run start:cluster` from the sources: WEB_CONCURRENCY=2 workers, resolved once both listen. */
async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const port = await freePort();
  const bin = path.resolve(__dirname, '../../node_modules/.bin/ts-node');
  const child = spawn(bin, ['--transpile-only', path.resolve(__dirname, '../src/cluster.ts')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      ENV_FILE: '/dev/null',
      JWT_SECRET: 'cluster-test-secret-that-is-at-least-32-characters',
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_CONCURRENCY: '2',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  while ((out.match(/物业党建联建 API on/g) ?? []).length < 2) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the cluster did not start (exit ${child.exitCode}):\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    process: child,
    out: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One POST on a connection of its own (no keep-alive), so the primary hands each to the next worker. */
function post(port: number, body: unknown): Promise<{ status: number; body: { errors?: Array<{ extensions?: { code?: string } }> } }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.on('data', (b: Buffer) => (text += b.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Six wrong passwords for one account, one after another: the codes answered, and the workers that answered. */
async function sixFailures(c: Cluster, username: string): Promise<{ codes: string[]; workers: Set<number> }> {
  const before = c.out().length;
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await post(c.port, { query: 'mutation($u: String!) { login(username: $u, password: "wrong-password-1") { token } }', variables: { u: username } });
    codes.push(res.body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`);
  }
  await new Promise((r) => setTimeout(r, 300)); // the last log lines
  const lines = c
    .out()
    .slice(before)
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { pid?: number; req?: { path?: string } });
  return { codes, workers: new Set(lines.filter((l) => l.req?.path === '/graphql').map((l) => l.pid!)) };
}

describeIfReady('several API processes behind one port share the rate limits (Redis) and the daily pass (database)', () => {
  let t: TestApp;
  const prefix = `wydj-test:cluster:${process.pid}:${randomBytes(4).toString('hex')}`;
  const clusters: Cluster[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const c of clusters) await c.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await t?.close();
  });

  it('counts a sign-in limit of 3 once across two workers, and runs the day’s reminder pass once', async () => {
    const db = t.config.database;
    if (db.kind !== 'mysql') throw new Error('unreachable: mysql only');
    const c = await startCluster({ DATABASE_URL: db.url, REDIS_URL, RATE_LIMIT_PREFIX: prefix, RATE_LIMIT_LOGIN_USER: '3/1m', SCHEDULER: 'true', SCHEDULER_INTERVAL_S: '5' });
    clusters.push(c);

    const { codes, workers } = await sixFailures(c, 'cluster-guesser');
    expect(workers.size).toBe(2);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);

    // each worker's scheduler tried the day's pass at its start and again every 5 s since: one ran it
    await new Promise((r) => setTimeout(r, 6000));
    const day = todayInChina(new Date());
    const runs = await t.app.ds.query('SELECT holder FROM scheduler_run WHERE name = ? AND day = ?', ['task-reminders', day]);
    expect(runs).toHaveLength(1);
    expect(c.out().match(/^scheduler: task-reminders /gm)).toHaveLength(1);
    const pids = [...workers].map(String);
    expect(pids).toContain(String(runs[0].holder).split(':')[1]);
  }, 180_000);

  it('lets each worker count on its own without Redis (the control: 3 per worker, 6 in all)', async () => {
    const db = t.config.database;
    if (db.kind !== 'mysql') throw new Error('unreachable: mysql only');
    const c = await startCluster({ DATABASE_URL: db.url, RATE_LIMIT_LOGIN_USER: '3/1m', SCHEDULER: 'false' });
    clusters.push(c);
    const { codes, workers } = await sixFailures(c, 'cluster-guesser-2');
    expect(workers.size).toBe(2);
    expect(codes.filter((x) => x === 'UNAUTHENTICATED').length).toBeGreaterThan(3);
  }, 180_000);
});
