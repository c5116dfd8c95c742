/**
 * Hostile-load benchmark (issue 12 item 10): a normal console query's latency quiet, then while
 * several clients send the issue's attacks in a loop, over real HTTP to the app in its own process
 * (so the attackers' work does not share the server's event loop, as on a real network).
 *
 *   npm run bench:hostile                                              # SQLite in a temporary file
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/test npm run bench:hostile  # creates bench_hostile_<pid> there, drops it after
 *
 * BENCH_REQUESTS (300) normal requests per phase, BENCH_HOSTILE_CLIENTS (6) attackers. Prints the
 * normal query's p50/p95/p99 quiet and under attack and their ratio (goal: within 3×), each attack's
 * latency (goal: refused under 50 ms) and outcome, and the server's RSS before, at peak and after.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type App, createApp } from '../src/app';
import { type AppConfig, type DatabaseConfig, parseDatabaseUrl } from '../src/config/env';
import { ISSUE_ATTACKS } from '../test/hostile.issue';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CLIENTS = Number(process.env.BENCH_HOSTILE_CLIENTS ?? 6);
const ADMIN_PASSWORD = 'bench-pass-123';
const NORMAL =
  'query UnitList { allUnits(page: 0, perPage: 25, sortField: "id", sortOrder: "ASC") { id name kind aliases jurisdictionId sourceDocumentId createdAt updatedAt jurisdiction { id name } } _allUnitsMeta { count } }';

type FromServer = { port: number } | { rss: number } | { cpu: number };

/** The server process: the app in production mode, its request log written (to /dev/null) as in production. */
async function serve(database: DatabaseConfig, dir: string): Promise<void> {
  const config: AppConfig = {
    env: 'production',
    port: 0,
    host: '127.0.0.1',
    database,
    jwtSecret: 'bench-secret-that-is-at-least-32-characters',
    jwtTtl: '1h',
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    seedOnStart: true,
    introspection: false,
    adminDir: dir,
    // Attackers come from their own addresses (X-Forwarded-For, trusted from loopback only), the normal
    // client from 127.0.0.1: the brake on refused requests (refusedIp) works per address, as in production.
    trustProxy: 'loopback',
    // A console user sends far fewer requests than the bench's normal client: its per-user limit is lifted.
    rateLimits: { user: { points: 1_000_000, seconds: 60 }, partnerKey: { points: 1_000_000, seconds: 60 } },
    progressBackdateDays: 31,
  };
  const app: App = await createApp(config, { log: () => undefined, requestLog: pino({ level: 'info', base: undefined }, pino.destination('/dev/null')) });
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const send = (m: FromServer) => process.send?.(m);
  send({ port: (server.address() as { port: number }).port });
  process.on('message', (m: string) => {
    if (m === 'rss') send({ rss: process.memoryUsage().rss });
    // CPU time the server spent (user + system): what a request costs, whatever else runs on the machine.
    if (m === 'cpu') send({ cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
    if (m === 'stop') server.close(() => void app.close().then(() => process.exit(0)));
  });
}

/** A throwaway database: a temporary SQLite file, or bench_hostile_<pid> on the MySQL/MariaDB server of DATABASE_URL. */
async function database(): Promise<{ db: DatabaseConfig; dir: string; drop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-hostile-'));
  const url = process.env.DATABASE_URL;
  if (!url || url.startsWith('sqlite')) return { db: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite') }, dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  const name = `bench_hostile_${process.pid}`;
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection(url);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    db: parseDatabaseUrl(u.toString()),
    dir,
    drop: async () => {
      const c = await mysql.createConnection(url);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const { db, dir, drop } = await database();
  const child = fork(__filename, ['--serve', JSON.stringify(db), dir], { execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: 'inherit' });
  const waiters: Array<(m: FromServer) => void> = [];
  child.on('message', (m: FromServer) => waiters.shift()?.(m));
  const next = () => new Promise<FromServer>((r) => waiters.push(r));
  const rss = async () => {
    const m = next();
    child.send('rss');
    return ((await m) as { rss: number }).rss / 2 ** 20;
  };
  const cpu = async () => {
    const m = next();
    child.send('cpu');
    return ((await m) as { cpu: number }).cpu;
  };
  try {
    const started = Date.now();
    const { port } = (await next()) as { port: number };
    const base = `http://127.0.0.1:${port}`;
    console.log(
      `app on ${db.kind} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (seeded, production mode); ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const login = async (u: string, p: string) => (await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u, p })).login.token as string;
    const admin = await login('admin', ADMIN_PASSWORD);
    const unitId = (await gql('{ allUnits(perPage: 1) { id } }', {}, admin)).allUnits[0].id;
    const user = async (username: string, role: string, unit: string | null) => {
      await gql(
        'mutation($u: String!, $r: Role!, $unit: ID) { createUser(username: $u, displayName: $u, password: "set-by-admin-123", role: $r, unitId: $unit) { id } }',
        { u: username, r: role, unit },
        admin,
      );
      const first = await login(username, 'set-by-admin-123');
      return (await gql('mutation { changePassword(current: "set-by-admin-123", next: "chosen-by-me-123") { token } }', {}, first)).changePassword.token as string;
    };
    const office = await user('bench_office', 'PARTY_OFFICE', null);
    const staff = await user('bench_staff', 'UNIT_STAFF', unitId);
    const key = (await gql('mutation { issuePartnerKey(name: "bench") { secret } }', {}, admin)).issuePartnerKey.secret as string;

    const normal = async () => {
      const t0 = performance.now();
      await gql(NORMAL, {}, office);
      return performance.now() - t0;
    };
    const phase = async () => {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await normal());
      return times;
    };
    for (let i = 0; i < 30; i++) await normal();
    const rssBefore = await rss();
    const cpu0 = await cpu();
    const quiet = await phase();
    const normalCpu = ((await cpu()) - cpu0) / REQUESTS;

    // The issue's attacks, bodies built once; each first alone (what one refusal costs), then in a loop by several clients.
    const attacks = ISSUE_ATTACKS.map((a) => ({ ...a, payload: a.body() }));
    type Seen = Map<string, { times: number[]; outcomes: Map<string, number> }>;
    const fresh = (): Seen => new Map(attacks.map((a) => [a.name, { times: [], outcomes: new Map() }]));
    const attack = async (a: (typeof attacks)[number], seen: Seen, from: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': from };
      if (a.as === 'staff') headers.authorization = `Bearer ${staff}`;
      if (a.as === 'partner') headers['x-api-key'] = key;
      const t0 = performance.now();
      const res = await fetch(`${base}${a.path}`, { method: 'POST', headers, body: a.payload });
      const text = await res.text();
      const s = seen.get(a.name)!;
      s.times.push(performance.now() - t0);
      const limit = /"limit":"(\w+)"/.exec(text)?.[1];
      const outcome = `${res.status} ${/"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'OK'}${limit ? ` ${limit}` : ''}`;
      s.outcomes.set(outcome, (s.outcomes.get(outcome) ?? 0) + 1);
    };
    const alone = fresh();
    const cpuOf = new Map<string, number>();
    for (const [n, a] of attacks.entries()) {
      const c0 = await cpu();
      // 20 from one address stay under the brake (60 refusals a minute): this is what one refusal costs.
      for (let i = 0; i < 20; i++) await attack(a, alone, `10.1.${n}.1`);
      cpuOf.set(a.name, ((await cpu()) - c0) / 20);
    }
    const looped = fresh();
    let running = true;
    const attacker = async (offset: number) => {
      for (let i = offset; running; i++) await attack(attacks[i % attacks.length], looped, `10.0.0.${offset + 1}`);
    };
    let peak = rssBefore;
    const sampler = setInterval(() => void rss().then((r) => (peak = Math.max(peak, r))), 250);
    const loops = Array.from({ length: CLIENTS }, (_, i) => attacker(i));
    await new Promise((r) => setTimeout(r, 1000));
    const loaded = await phase();
    running = false;
    await Promise.all(loops);
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 1000));
    const rssAfter = await rss();

    console.log(`\nnormal query (allUnits perPage 25 + count, as PARTY_OFFICE), ${REQUESTS} sequential requests per phase`);
    for (const [name, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      console.log(`  ${name}: quiet ${ms(pct(quiet, q)).padStart(9)}   under attack ${ms(pct(loaded, q)).padStart(9)}   ratio ${(pct(loaded, q) / pct(quiet, q)).toFixed(2)}×`);
    }
    console.log(`  server CPU per normal query: ${ms(normalCpu)}`);
    const report = (title: string, seen: Seen, withCpu: boolean) => {
      console.log(`\n${title}`);
      for (const a of attacks) {
        const s = seen.get(a.name)!;
        const outcomes = [...s.outcomes].map(([o, n]) => `${o} ×${n}`).join(', ');
        const c = withCpu ? `  server CPU ${ms(cpuOf.get(a.name)!).padStart(9)}` : '';
        console.log(
          `  ${a.name.padEnd(47)} ${(a.payload.length / 1024).toFixed(0).padStart(5)} kB ${String(s.times.length).padStart(5)} sent  p50 ${ms(pct(s.times, 0.5)).padStart(9)}  p95 ${ms(pct(s.times, 0.95)).padStart(9)}  max ${ms(Math.max(...s.times)).padStart(9)}${c}  ${outcomes}`,
        );
      }
    };
    report('hostile requests alone, 20 each in turn (goal: refused under 50 ms each)', alone, true);
    report(`hostile requests in the loop, ${CLIENTS} clients`, looped, false);
    console.log(
      `\nserver RSS: ${rssBefore.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak, ${rssAfter.toFixed(0)} MB after; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
    await drop();
  }
}

if (process.argv[2] === '--serve') {
  serve(JSON.parse(process.argv[3]) as DatabaseConfig, process.argv[4]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
