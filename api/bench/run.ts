/**
 * `npm run bench`: our API against a hand-written baseline on the same city-scale database.
 *
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/bench npm run bench      # after npm run bench:data
 *
 * 1. Builds the API unless dist/ is current, and transpiles the baseline (servers.ts).
 * 2. Prepares the database (prepare.ts): one MariaDB account per server, per-user statistics on, a
 *    partner key, two office users, the variable sets; M1's payouts (payouts.ts).
 * 3. Starts both servers (spawn → first answer is the cold start), signs in once.
 * 4. Asks both servers every operation with every variable set and requires byte-identical answers.
 * 5. Captures each server's statements for one request of each operation and EXPLAINs them.
 * 6. Measures each operation with autocannon at each connection count, interleaved ours, baseline,
 *    ours, baseline: requests/s, p50/p99, statements per request (the account's counters), peak RSS.
 * 7. Cold start of our API on a SQLite copy of the data set when there is one (BENCH_SQLITE_URL).
 * 8. Writes api/bench/results/<day>-<machine>.md (and latest.md), with the EXPLAIN appendix beside it.
 *
 * Settings: BENCH_DURATION (seconds per measurement, default 10), BENCH_CONNECTIONS (default 8,32),
 * BENCH_ROUNDS (ours/baseline pairs per setting, default 2), BENCH_OPERATIONS (e.g. P1,A2; default all),
 * BENCH_PORT (default 4810: ours there, the baseline on the next port), BENCH_SQLITE_URL
 * (default sqlite:data/bench.sqlite), BENCH_LOG_LEVEL (our API's LOG_LEVEL, default warn), BENCH_COLD_STARTS
 * (default 3), BENCH_M1_PAIRS (pairs per M1 measurement, default 40 × BENCH_DURATION), BENCH_M1_PAYOUTS (default 4000).
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { compare, type Comparison, post } from './compare';
import { capture, explain, explainMarkdown } from './explain';
import { measure, type Sample, type Step } from './measure';
import { payoutOperation, resetPayouts, preparePayouts, type PayoutPools } from './payouts';
import { ACCOUNTS, accountUrl, type Fixture, MissingData, prepare } from './prepare';
import { baseEnv, build, oursEnv, ROOT, type Server, start } from './servers';
import { sqliteColdStart } from './sqlite-cold-start';
import { headersFor, type Operation, operations, signIn } from './workload';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/bench';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '8,32').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ONLY = process.env.BENCH_OPERATIONS?.split(',').map((s) => s.trim());
const PORT = Number(process.env.BENCH_PORT ?? 4810);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3);
const M1_PAIRS = Number(process.env.BENCH_M1_PAIRS ?? 40 * DURATION);
const LOGS = path.join(os.tmpdir(), 'wydj-bench-logs');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** What both servers are started with and probed by: the first page of the newest list (a real answer from the data). */
function probe(f: Fixture) {
  return {
    path: '/partner/graphql',
    headers: { 'x-api-key': f.partnerKey },
    body: JSON.stringify({ query: operations(f)[0].document, variables: operations(f)[0].variables[0] }),
  };
}

async function startBoth(f: Fixture): Promise<{ ours: Server; base: Server }> {
  fs.mkdirSync(LOGS, { recursive: true });
  const ours = await start('ours', oursEnv(accountUrl(URL_, ACCOUNTS.ours), PORT), PORT, probe(f), path.join(LOGS, 'ours.log'));
  const base = await start('base', baseEnv(accountUrl(URL_, ACCOUNTS.base), PORT + 1), PORT + 1, probe(f), path.join(LOGS, 'base.log'));
  return { ours, base };
}

/** Cold starts: each server spawned and stopped `COLD_STARTS` times, the median kept. */
async function coldStarts(f: Fixture): Promise<{ ours: number; base: number }> {
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const s = await startBoth(f);
    ours.push(s.ours.coldStartMs);
    base.push(s.base.coldStartMs);
    await Promise.all([s.ours.stop(), s.base.stop()]);
  }
  return { ours: median(ours), base: median(base) };
}

function stepsOf(op: Operation, f: Fixture, token: string): Step[] {
  let n = 0;
  const bodies = op.variables.map((variables) => JSON.stringify({ query: op.document, variables }));
  return [{ path: op.endpoint, headers: headersFor(op, f, token), body: () => bodies[n++ % bodies.length] }];
}

async function machine(root: Connection, f: Fixture): Promise<string[]> {
  const [[v]] = await root.query<RowDataPacket[]>('SELECT VERSION() AS v');
  const count = async (t: string) => Number(((await root.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${t}\``))[0] as RowDataPacket[])[0].n);
  const scale: string[] = [];
  for (const [t, label] of [
    ['jurisdiction', 'jurisdictions'],
    ['compound', 'compounds'],
    ['property_company', 'companies'],
    ['rating_publication', 'published editions'],
    ['published_entry', 'published entries'],
    ['task_item', 'tasks'],
    ['assignment', 'assignments'],
    ['progress_report', 'progress reports'],
    ['membership', 'memberships'],
  ]) {
    scale.push(`${(await count(t)).toLocaleString('en')} ${label}`);
  }
  const cpu = os.cpus();
  return [
    `- Machine: ${os.hostname()}, ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, MariaDB ${v.v}, database ${f.database}`,
    `- Data: ${scale.join(', ')}`,
    `- Office user: PARTY_OFFICE of county ${f.countyId}; partner key without an area`,
  ];
}

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');

async function main(): Promise<void> {
  let fixture: Fixture;
  try {
    fixture = await prepare(URL_);
  } catch (err) {
    if (err instanceof MissingData) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const f = fixture;
  build();
  const root = await mysql.createConnection({ uri: URL_, dateStrings: true });
  const pools: PayoutPools = await preparePayouts(root, f);
  console.log(`cold starts (${COLD_STARTS} each)…`);
  const cold = await coldStarts(f);
  const { ours, base } = await startBoth(f);
  const results: string[] = [];
  try {
    const token = await signIn(ours.url, f.users.a, f.password);
    const checker = await signIn(ours.url, f.users.b, f.password);
    const ops: Operation[] = operations(f).filter((o) => !ONLY || ONLY.includes(o.key));
    const m1 = payoutOperation(root, token, checker, pools);
    const withM1 = !ONLY || ONLY.includes('M1');

    // 4. byte-identical answers
    const comparisons: Comparison[] = [];
    for (const op of ops) comparisons.push(await compare(op, ours.url, base.url, headersFor(op, f, token)));
    if (withM1) comparisons.push(await m1.compare(ours.url, base.url));
    const compared = comparisons.reduce((a, c) => a + c.compared, 0);
    const different = comparisons.reduce((a, c) => a + c.different, 0);
    console.log(`answers compared: ${compared}, different: ${different} (${comparisons.map((c) => `${c.key} ${c.compared}/${c.different}`).join(', ')})`);
    if (different) {
      for (const c of comparisons) if (c.example) console.error(c.example);
      throw new Error(`${different} of ${compared} answers differ: nothing is measured`);
    }

    // 5. statements and plans
    const explained: string[] = [];
    for (const op of ops) {
      const body = JSON.stringify({ query: op.document, variables: op.variables[0] });
      const log = await capture(root, [ACCOUNTS.ours, ACCOUNTS.base], async () => {
        await post(ours.url + op.endpoint, headersFor(op, f, token), body);
        await post(base.url + op.endpoint, headersFor(op, f, token), body);
      });
      explained.push(
        `## ${op.key}: ${op.label}`,
        '',
        explainMarkdown('Our API', await explain(root, log.get(ACCOUNTS.ours)!)),
        explainMarkdown('Baseline', await explain(root, log.get(ACCOUNTS.base)!)),
      );
    }
    if (withM1) {
      // one pair on each server, on the same payout (put back to draft before, between and after)
      const log = await capture(root, [ACCOUNTS.ours, ACCOUNTS.base], async () => void (await m1.compare(ours.url, base.url, 1)));
      explained.push(`## M1: ${m1.label}`, '', explainMarkdown('Our API', await explain(root, log.get(ACCOUNTS.ours)!)), explainMarkdown('Baseline', await explain(root, log.get(ACCOUNTS.base)!)));
    }

    // 6. measurements, interleaved (the load average says whether something else shared the machine)
    const loadBefore = os.loadavg()[0];
    const rows: Array<{ key: string; label: string; samples: Sample[] }> = [];
    const plan: Array<{ key: string; label: string; steps: (s: Server) => Step[]; before?: (s: Server) => Promise<number> }> = ops.map((op) => ({
      key: op.key,
      label: op.label,
      steps: () => stepsOf(op, f, token),
    }));
    if (withM1) plan.push({ key: 'M1', label: m1.label, steps: (s) => m1.steps(s.name), before: (s) => resetPayouts(root, pools, s.name) });
    for (const op of plan) {
      const samples: Sample[] = [];
      for (const connections of CONNECTIONS) {
        for (let round = 0; round < ROUNDS; round++) {
          for (const server of [ours, base]) {
            const pairs = op.before ? await op.before(server) : 0;
            const account = server.name === 'ours' ? ACCOUNTS.ours : ACCOUNTS.base;
            // M1 moves each payout once: a measurement sends at most its pool's pairs (less one per connection in flight at the end)
            const amount = pairs ? 2 * Math.max(1, Math.min(pairs - connections, M1_PAIRS)) : undefined;
            let s = await measure(server, account, root, op.steps(server), { connections, duration: DURATION, amount });
            // an operation slower than the duration at this concurrency: measured again until every connection has had two answers
            if (!amount && s.requests < connections) s = await measure(server, account, root, op.steps(server), { connections, duration: DURATION, amount: 2 * connections });
            samples.push(s);
            console.log(
              `${op.key.padEnd(4)} ${server.name.padEnd(4)} c=${String(connections).padEnd(3)} ${fmt(s.rps, 1).padStart(8)} req/s  p50 ${fmt(s.p50)} ms  p99 ${fmt(s.p99)} ms  ${fmt(s.statements, 1)} statements/request  RSS ${fmt(s.peakRssMb)} MB${s.failed ? `  FAILED ${s.failed}` : ''}`,
            );
          }
        }
      }
      rows.push({ key: op.key, label: op.label, samples });
    }

    const loadAfter = os.loadavg()[0];

    // 7. SQLite
    const sqlite = await sqliteColdStart(process.env.BENCH_SQLITE_URL ?? 'sqlite:data/bench.sqlite', PORT + 2, COLD_STARTS, LOGS);

    // 8. the table
    const of = (samples: Sample[], server: string, c: number) => samples.filter((s) => s.server === server && s.connections === c);
    const table = [
      `| operation | connections | req/s ours | req/s baseline | ratio | p50 ours / baseline (ms) | p99 ours / baseline (ms) | statements ours / baseline | peak RSS ours / baseline (MB) | answers ours / baseline | failed |`,
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const r of rows) {
      for (const c of CONNECTIONS) {
        const a = of(r.samples, 'ours', c);
        const b = of(r.samples, 'base', c);
        const rps = [mean(a.map((s) => s.rps)), mean(b.map((s) => s.rps))];
        table.push(
          `| ${r.key} ${r.label} | ${c} | ${fmt(rps[0], 1)} | ${fmt(rps[1], 1)} | ${fmt(rps[0] / rps[1], 2)} | ${fmt(mean(a.map((s) => s.p50)))} / ${fmt(mean(b.map((s) => s.p50)))} | ${fmt(mean(a.map((s) => s.p99)))} / ${fmt(mean(b.map((s) => s.p99)))} | ${fmt(mean(a.map((s) => s.statements)), 1)} / ${fmt(mean(b.map((s) => s.statements)), 1)} | ${fmt(Math.max(...a.map((s) => s.peakRssMb)))} / ${fmt(Math.max(...b.map((s) => s.peakRssMb)))} | ${a.reduce((x, s) => x + s.requests, 0)} / ${b.reduce((x, s) => x + s.requests, 0)} | ${[...a, ...b].reduce((x, s) => x + s.failed, 0)} |`,
        );
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    const name = `${day}-${os.hostname().replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const dir = path.join(ROOT, 'api/bench/results');
    fs.mkdirSync(dir, { recursive: true });
    let commit = '';
    try {
      commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    } catch {
      // not a git checkout
    }
    results.push(
      `# Benchmark ${day}: our API against the hand-written baseline`,
      '',
      ...(await machine(root, f)),
      `- Commit ${commit || 'unknown'}; ${DURATION} s per measurement, ${ROUNDS} rounds interleaved (ours, baseline, ours, baseline) per connection count; figures are the rounds' mean (peak RSS: the highest)`,
      `- Load average (1 min) when measuring began / ended: ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} on ${os.cpus().length} cores (above the core count, other work shared the machine: absolute figures are loose, the interleaved ratios less so)`,
      `- Our API: dist/api/src/index.js, NODE_ENV=production, LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'warn'}, rate limits lifted; database pool ${process.env.DB_POOL_SIZE ?? 10} connections for both`,
      `- Answers compared before measuring: ${compared}, different: ${different} (${comparisons.map((c) => `${c.key} ${c.compared}`).join(', ')})`,
      `- An operation slower than the duration (fewer answers than connections) is measured again until every connection had two answers (requests/s is then over that time); "answers" counts what each server answered in all rounds`,
      `- Statements per request: the server's own MariaDB account (information_schema.USER_STATISTICS: SELECT + UPDATE + OTHER commands, BEGIN/COMMIT included) over the requests answered; M1 counts per request (a pair is two)`,
      '',
      ...table,
      '',
      '## Cold start (process spawn → first successful answer, median of ' + COLD_STARTS + ')',
      '',
      '| database | ours | baseline |',
      '|---|---|---|',
      `| MariaDB | ${fmt(cold.ours)} ms | ${fmt(cold.base)} ms |`,
      `| SQLite | ${sqlite.ms == null ? sqlite.note : `${fmt(sqlite.ms)} ms`} | — (the baseline is mysql2 only) |`,
      '',
      `EXPLAIN of each server's statements for one request of each operation: [${name}.explain.md](${name}.explain.md).`,
      '',
    );
    fs.writeFileSync(path.join(dir, `${name}.md`), results.join('\n'));
    fs.writeFileSync(path.join(dir, 'latest.md'), results.join('\n'));
    fs.writeFileSync(path.join(dir, `${name}.explain.md`), [`# EXPLAIN ${day} (${f.database})`, '', ...explained].join('\n'));
    console.log(`\n${results.join('\n')}\nwritten to ${path.relative(ROOT, path.join(dir, `${name}.md`))} and latest.md`);
  } finally {
    await Promise.all([ours.stop(), base.stop()]);
    await root.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
