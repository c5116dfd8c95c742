// npm start: builds the API (tsc) and the console (vite) only where their sources changed since their last
// build (admin/scripts/build-stamp.mjs), then runs the built server, dist/api/src/index.js, in this process.
//   node admin/scripts/start.mjs [--no-build | --build-only [--force]] [--cluster] [api] [admin]
//     --no-build    run what was built last, whatever changed since
//     --build-only  build what changed, do not start (`npm run build:api` is `--build-only --force api`)
//     --force       build even what is fresh
//     --cluster     run dist/api/src/cluster.js: WEB_CONCURRENCY workers (default: one per core) behind one port
//     api, admin    only these builds (default: both)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isFresh, ROOT, sourcesHash, TARGETS, writeStamp } from './build-stamp.mjs';

const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--no-build', '--build-only', '--force', '--cluster', 'api', 'admin'].includes(a));
if (unknown.length) {
  console.error(`start.mjs: unknown argument ${unknown.join(' ')} (see the comment at the top of admin/scripts/start.mjs)`);
  process.exit(2);
}
const named = args.filter((a) => !a.startsWith('--'));
const names = named.length ? named : ['api', 'admin'];
const LABEL = { api: 'API', admin: 'console' };

/** The same npm that runs this script (npm_execpath), else the one on the PATH. */
function npm(script) {
  const cli = process.env.npm_execpath;
  const [command, argv] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  return spawnSync(command, [...argv, 'run', '-s', script], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
}

/**
 * Each build, run in the foreground. The API's is tsc itself, stamped here (`npm run build:api` comes through
 * here too); the console's is `npm run build:admin`, whose Vite plugin writes its stamp (admin/vite.config.mts).
 */
const BUILD = {
  api: (hash) => {
    const result = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'api/tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status === 0) writeStamp(TARGETS.api, hash);
    return result;
  },
  admin: () => npm('build:admin'),
};

if (!args.includes('--no-build')) {
  for (const name of names) {
    const target = TARGETS[name];
    const hash = sourcesHash(target);
    if (!args.includes('--force') && isFresh(target, hash)) {
      console.log(`The ${LABEL[name]} is built from the current sources.`);
      continue;
    }
    const started = Date.now();
    if (!args.includes('--force')) console.log(`The ${LABEL[name]}'s sources changed since its last build: building it…`);
    const result = BUILD[name](hash);
    if (result.status !== 0) process.exit(result.status ?? 1);
    if (!args.includes('--force')) console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
if (args.includes('--build-only')) process.exit(0);

const server = path.join(ROOT, args.includes('--cluster') ? 'dist/api/src/cluster.js' : 'dist/api/src/index.js');
if (!fs.existsSync(server)) {
  console.error(`The API is not built (${path.relative(ROOT, server)}): run npm start without --no-build, or npm run build.`);
  process.exit(1);
}

/*
 * Stop with the process that started us. npm runs this script through `sh -c`; a SIGTERM to npm ends npm
 * and the shell but is not passed on to us, and we would keep listening on the port. So: when our parent or
 * its parent (npm) is gone, stop as if we had been sent SIGTERM (api/src/index.ts closes the server).
 */
const parent = process.ppid;
const grandparent = parentOf(parent);
setInterval(() => {
  if (process.ppid !== parent || (grandparent && !alive(grandparent))) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

await import(pathToFileURL(server).href);

/** The parent of a process, where /proc says it (Linux); null elsewhere or for init. */
function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}
