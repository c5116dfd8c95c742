import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { ConfigError, loadConfig, readEnvFile, webConcurrency } from './config/env';

/*
 * 多进程: several API processes behind one port (npm run start:cluster). Node's cluster module: this
 * primary process only forks the workers (api/src/index.ts each, unchanged) and hands the port's
 * connections to them in turn; nothing to install or configure beside the API. A proxy in front of
 * separate processes (nginx, a cloud load balancer) is the same thing across machines, and the same code.
 * What the processes share goes through the shared stores, not memory: the rate limits through Redis
 * (REDIS_URL, common/rate-limit.ts), the daily jobs' lease and run rows through the database
 * (common/scheduler.ts). Without REDIS_URL each worker counts its own limits: N workers let N times the limit through.
 *
 * Workers: WEB_CONCURRENCY, else one per core. The first one starts alone (it migrates the database and
 * loads the seeds); the others start once it listens, so two never migrate at once. A worker that dies
 * later is replaced; one that fails to start stops the whole (a configuration or database error would
 * only repeat). SIGTERM/SIGINT stop every worker gracefully (index.ts), then the primary.
 */

const RESTART_DELAY_MS = 1000;

function main(): void {
  let count: number;
  try {
    readEnvFile();
    loadConfig(); // the workers would each refuse a bad configuration: say it once, before forking
    count = webConcurrency();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Configuration error: ${err.message}`);
    process.exit(2);
  }
  // Run from TypeScript (ts-node) the workers need its hook too; from the built tree they are plain .js.
  const ts = __filename.endsWith('.ts');
  cluster.setupPrimary({ exec: path.join(__dirname, ts ? 'index.ts' : 'index.js'), execArgv: ts ? [...process.execArgv, '-r', 'ts-node/register/transpile-only'] : process.execArgv });

  let stopping = false;
  const listening = new Set<Worker>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening.add(worker);
      if (listening.size === 1 && alive().length < count) for (let i = alive().length; i < count; i++) fork();
    });
    return worker;
  };
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  cluster.on('exit', (worker, code, signal) => {
    const started = listening.delete(worker);
    if (stopping) {
      if (!alive().length) process.exit();
      return;
    }
    if (!started) {
      console.error(`cluster: worker ${worker.process.pid} failed to start (exit ${code ?? signal}); stopping`);
      stop(code || 1);
      return;
    }
    console.error(`cluster: worker ${worker.process.pid} exited (${code ?? signal}); starting another`);
    setTimeout(fork, RESTART_DELAY_MS);
  });
  const stop = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    const workers = alive();
    if (!workers.length) process.exit();
    for (const w of workers) w.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop());
  process.on('SIGINT', () => stop());
  console.log(`cluster: ${count} API worker${count === 1 ? '' : 's'} on one port (WEB_CONCURRENCY)`);
  fork();
}

main();
