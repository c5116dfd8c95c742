/*
 * The two servers `npm run bench` measures, each a child process: OUR API from the built tree
 * (dist/api/src/index.js, NODE_ENV=production) and the BASELINE (api/bench/baseline, transpiled to
 * dist/bench/baseline). Each signs in to the database with its own account (prepare.ts), so the
 * database's per-user counters tell their statements apart.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
export const JWT_SECRET = 'bench-jwt-secret-that-is-at-least-32-characters-long';
const LIFTED = '1000000/1m';

/**
 * The heap sizes production runs with: the V8 options of `npm start` in package.json (the one place
 * they are written; the Dockerfile repeats them and api/test/node-flags.test.ts checks it does). Both
 * servers run with them, so the comparison is of code, not of settings.
 */
export function productionNodeFlags(): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  return start.match(/--max-[a-z-]+=\d+/g) ?? [];
}

export interface Server {
  name: 'ours' | 'base';
  proc: ChildProcess;
  url: string;
  /** Spawn → first successful answer, in ms. */
  coldStartMs: number;
  stop(): Promise<void>;
}

/** Builds the API unless dist/ is built from the current sources (admin/scripts/start.mjs decides), and transpiles the baseline. */
export function build(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'admin/scripts/start.mjs'), '--build-only', 'api'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the API failed');
  const src = path.join(ROOT, 'api/bench/baseline');
  const out = path.join(ROOT, 'dist/bench/baseline');
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.ts'))) {
    const js = ts.transpileModule(fs.readFileSync(path.join(src, f), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    fs.writeFileSync(path.join(out, f.replace(/\.ts$/, '.js')), js.outputText);
  }
}

/** The environment OUR API runs with: production, the bench account, every rate limit lifted (the endpoint is measured, not the limiter). */
export function oursEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  const adminDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-admin-'));
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET,
    ENV_FILE: '/dev/null',
    ADMIN_DIR: adminDir,
    SEED_ON_START: 'false',
    SCHEDULER: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    RATE_LIMIT_LOGIN_USER: LIFTED,
    RATE_LIMIT_LOGIN_IP: LIFTED,
    RATE_LIMIT_PARTNER_KEY: LIFTED,
    RATE_LIMIT_PARTNER_IP: LIFTED,
    RATE_LIMIT_USER: LIFTED,
    RATE_LIMIT_REFUSED_IP: LIFTED,
    ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
    ...(process.env.BENCH_SQL_LOG ? { BENCH_SQL_LOG: process.env.BENCH_SQL_LOG } : {}),
  };
}

async function waitUntil(ok: () => Promise<boolean>, proc: ChildProcess, what: string, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode} before answering`);
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

function stopper(proc: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 15_000).unref();
    });
}

/** Starts a server and waits for its first successful answer to `probe` (a GraphQL request that must answer data). */
export async function start(name: 'ours' | 'base', env: NodeJS.ProcessEnv, port: number, probe: { path: string; headers: Record<string, string>; body: string }, log: string): Promise<Server> {
  const script = name === 'ours' ? path.join(ROOT, 'dist/api/src/index.js') : path.join(ROOT, 'dist/bench/baseline/server.js');
  const out = fs.openSync(log, 'a');
  const t0 = performance.now();
  // BENCH_NODE_ARGS: options for both servers' node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", which NODE_OPTIONS refuses)
  const nodeArgs = [...productionNodeFlags(), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const proc = spawn(process.execPath, [...nodeArgs, script], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      const res = await fetch(url + probe.path, { method: 'POST', headers: { 'content-type': 'application/json', ...probe.headers }, body: probe.body });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      return res.ok && body.data != null && !body.errors;
    },
    proc,
    `${name === 'ours' ? 'Our API' : 'The baseline'} (log: ${log})`,
  );
  return { name, proc, url, coldStartMs: performance.now() - t0, stop: stopper(proc) };
}

export function baseEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    BASELINE_DATABASE_URL: databaseUrl,
    JWT_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASELINE_OPERATIONS: path.join(ROOT, 'api/bench/operations'),
    ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
  };
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { hwmMb: number; rssMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { hwmMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}
