import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import 'reflect-metadata';
import { parseDatabaseUrl } from '../../src/config/env';
import { BENCH_PASSWORD, BENCH_SEED } from '../../src/scripts/city/model';
import { buildBenchCity } from '../data/write';
import { type Counters, type MariaDbPair, startPair } from './pair';

/*
 * `npm run bench:replica`: the API past one machine, shown on this one (issue 18, item 5).
 *  1. a MariaDB primary and a replica of it, each its own mariadbd on ports 3316 and 3317 (REPLICA_DEMO_PORTS=
 *     "3316,3317") with data directories under /tmp (pair.ts); the shared server on 3306 is never touched;
 *  2. the benchmark city (npm run bench:data's generator, at REPLICA_DEMO_SCALE, default 0.05) migrated, seeded
 *     and written through the primary;
 *  3. two API workers behind one port (api/src/cluster.ts) with DATABASE_URL=the primary and
 *     DATABASE_REPLICA_URLS=the replica;
 *  4. the benchmark's reads (partner redBlackList with stars history, companyStanding, an admin list) and a
 *     write, with what each server was asked by the API's account (per-user counters), and the replica's lag;
 *  5. everything stopped and the data directories removed.
 */

const [PRIMARY_PORT, REPLICA_PORT] = (process.env.REPLICA_DEMO_PORTS ?? '3316,3317').split(',').map(Number);
const SCALE = Number(process.env.REPLICA_DEMO_SCALE ?? 0.05);
const API_PORT = Number(process.env.REPLICA_DEMO_API_PORT ?? 4318);
const ROUNDS = 20;

interface Answer<T> {
  data?: T;
  errors?: unknown[];
}

async function post<T = Record<string, any>>(endpoint: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  // a connection of its own for each request: the cluster's primary hands connections to the workers in turn
  const res = await fetch(`http://127.0.0.1:${API_PORT}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Answer<T>;
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function startApi(pair: MariaDbPair): { child: ChildProcess; ready: Promise<void>; workers: () => Set<number>; stop: () => Promise<void> } {
  const bin = path.resolve(__dirname, '../../../node_modules/.bin/ts-node');
  const child = spawn(bin, ['--transpile-only', path.resolve(__dirname, '../../src/cluster.ts')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      ENV_FILE: '/dev/null',
      JWT_SECRET: 'replica-demo-secret-that-is-at-least-32-characters',
      HOST: '127.0.0.1',
      PORT: String(API_PORT),
      WEB_CONCURRENCY: '2',
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrl,
      SEED_ON_START: 'false',
      SCHEDULER: 'false',
      LOG_LEVEL: 'info',
      // the demo sends more than a person would: the per-user and per-key limits are lifted
      RATE_LIMIT_USER: '1000000/1m',
      RATE_LIMIT_PARTNER_KEY: '1000000/1m',
    },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = (async () => {
    const deadline = Date.now() + 180_000;
    while ((out.match(/物业党建联建 API on/g) ?? []).length < 2) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not start:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  // the workers' request log lines carry their pid (common/request-log.ts)
  const workers = () =>
    new Set(
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { pid?: number; req?: { path?: string } })
        .filter((l) => l.pid && l.req?.path?.endsWith('/graphql'))
        .map((l) => l.pid!),
    );
  return {
    child,
    ready,
    workers,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const delta = (a: { primary: Counters; replica: Counters }, b: { primary: Counters; replica: Counters }) => ({
  primary: { selects: b.primary.selects - a.primary.selects, writes: b.primary.writes - a.primary.writes },
  replica: { selects: b.replica.selects - a.replica.selects, writes: b.replica.writes - a.replica.writes },
});

async function main(): Promise<void> {
  const t0 = Date.now();
  const lap = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  console.log(`replica demo: primary 127.0.0.1:${PRIMARY_PORT}, replica 127.0.0.1:${REPLICA_PORT}, API on 127.0.0.1:${API_PORT} (2 workers)`);
  const pair = await startPair({ primaryPort: PRIMARY_PORT, replicaPort: REPLICA_PORT, log: (line) => console.log(`  ${line}`) });
  let api: ReturnType<typeof startApi> | null = null;
  try {
    console.log(`benchmark city at scale ${SCALE}, written through the primary (${lap()})`);
    const report = await buildBenchCity(parseDatabaseUrl(pair.primaryUrl), { scale: SCALE, seed: BENCH_SEED });
    const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
    console.log(`  ${rows} rows; the replica applied them ${await pair.caughtUp(120_000)} ms after the primary had them (${lap()})`);

    api = startApi(pair);
    await api.ready;
    console.log(`API: two workers up (${lap()})`);

    const token = (
      await post<{ login: { token: string } }>('/graphql', 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'bench-admin', p: BENCH_PASSWORD }, {})
    ).login.token;
    const asAdmin = { authorization: `Bearer ${token}` };
    const issued = (await post('/graphql', 'mutation { issuePartnerKey(name: "主从演示 招投标平台") { secret } }', {}, asAdmin)).issuePartnerKey.secret as string;
    const asPartner = { 'x-api-key': issued };
    await pair.caughtUp();
    const period = (await post('/partner/graphql', '{ editions(first: 1) { edges { node { period { code } } } } }', {}, asPartner)).editions.edges[0].node.period.code as string;
    const LIST = `query($p: String!) { redBlackList(period: $p, status: [RED, BLACK, NONE], first: 50) { totalCount edges { node { rank stars company { uscc starsHistory { stars period { code } } } } } } }`;
    const usccs = ((await post('/partner/graphql', LIST, { p: period }, asPartner)).redBlackList.edges as Array<{ node: { company: { uscc: string } } }>).map((e) => e.node.company.uscc);
    const STANDING = 'query($u: String!) { companyStanding(uscc: $u) { barredFromBidding listStatus starsHistory { stars period { code } } } }';
    const TASKS = '{ allTaskItems(perPage: 50) { id content } _allTaskItemsMeta { count } }';

    const table: string[] = ['| operation | requests | primary SELECT | primary writes | replica SELECT | replica writes |', '|---|---|---|---|---|---|'];
    const measure = async (name: string, requests: number, work: (i: number) => Promise<void>) => {
      const before = await pair.counters();
      for (let i = 0; i < requests; i++) await work(i);
      const d = delta(before, await pair.counters());
      table.push(`| ${name} | ${requests} | ${d.primary.selects} | ${d.primary.writes} | ${d.replica.selects} | ${d.replica.writes} |`);
      return d;
    };
    await measure(`P1 partner redBlackList ${period}, 50 with stars history`, ROUNDS, async () => void (await post('/partner/graphql', LIST, { p: period }, asPartner)));
    await measure('P2 partner companyStanding', ROUNDS, async (i) => void (await post('/partner/graphql', STANDING, { u: usccs[i % usccs.length] }, asPartner)));
    await measure('A admin task list (50) and its count', ROUNDS, async () => void (await post('/graphql', TASKS, {}, asAdmin)));
    let keyId = '';
    await measure('W mutation issuePartnerKey', 1, async () => {
      keyId = (await post('/graphql', 'mutation { issuePartnerKey(name: "主从演示 写入") { key { id } } }', {}, asAdmin)).issuePartnerKey.key.id as string;
    });
    // read-your-writes: the console's next query reads the replica, which has the key once it applied the write
    const wrote = Date.now();
    let polls = 0;
    while (!(await post('/graphql', 'query($id: ID!) { PartnerKey(id: $id) { id } }', { id: keyId }, asAdmin)).PartnerKey) polls++;
    const seenAfter = Date.now() - wrote;
    const [lag] = await pair.root('replica', 'SHOW SLAVE STATUS');

    console.log(`\n${table.join('\n')}\n`);
    console.log(`API workers that answered (pids): ${[...api.workers()].join(', ')}`);
    console.log(
      `the written key was visible on the replica to the next query after ${seenAfter} ms (${polls} earlier reads did not see it yet); Seconds_Behind_Master ${String(lag.Seconds_Behind_Master)}`,
    );
    console.log('primary SELECTs during reads: the session or API key check of each request, made on the primary by design;');
    console.log('primary writes during partner reads: the partner access log (one row per request, partner.endpoint.ts).');
  } finally {
    await api?.stop();
    await pair.stop();
    console.log(`stopped both API workers and both servers, removed ${pair.dir} (${lap()})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
