import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dbKind } from './db';

/**
 * `npm start` as a newcomer runs it (admin/scripts/start.mjs): the built server, stopped with the npm that
 * started it, its start log naming the console; a database that is missing or refuses is one line saying
 * what to do; and the build stamps that let a restart skip the build. The processes are real ones on the
 * built tree (the API is built first, once, if its sources changed). Once per run: on the SQLite project.
 */
const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'admin/scripts/start.mjs');
const once = dbKind() === 'sqlite' ? describe : describe.skip;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** Whether something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Polls `check` every 200 ms until it is true or `seconds` passed (a generous bound, not a measurement). */
async function until(check: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** Whether any process of the group is left. */
const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Started {
  child: ChildProcess;
  output: () => string;
}

once('npm start', () => {
  let dir: string;
  const started: ChildProcess[] = [];

  beforeAll(() => {
    // the built tree: the API built now if its sources changed since the last build (the console is not needed here)
    execFileSync(process.execPath, [START, '--build-only', 'api'], { cwd: ROOT, stdio: 'pipe' });
  }, 600_000);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-start-'));
    fs.writeFileSync(path.join(dir, 'empty.env'), '');
  });
  afterEach(() => {
    // whatever a failed test left running
    for (const child of started.splice(0)) if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The environment of a start as the README shows it (development mode), on its own SQLite file and port, reading no .env. */
  const env = (port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    ENV_FILE: path.join(dir, 'empty.env'),
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
    ATTACHMENT_DIR: path.join(dir, 'attachments'),
    SEED_ON_START: 'false',
    SCHEDULER: 'false',
    ADMIN_PASSWORD: 'admin-pass-123',
    LOG_LEVEL: 'warn',
    ...extra,
  });

  /** A process group of its own (detached), so that a test can send it Ctrl-C as a terminal would, and clean up after itself. */
  function run(command: string, args: string[], environment: NodeJS.ProcessEnv): Started {
    const child = spawn(command, args, { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    started.push(child);
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    return { child, output: () => out };
  }

  async function startServer(): Promise<Started & { port: number }> {
    const port = await freePort();
    // `npm start -- api`: what `npm start` runs, checking the API's build only (a console build here would empty admin/dist under the browser tests)
    const s = run('npm', ['start', '--', 'api'], env(port));
    const up = await until(
      async () =>
        s.child.exitCode === null &&
        (await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )),
      120,
    );
    if (!up) throw new Error(`npm start did not answer /health:\n${s.output()}`);
    return { ...s, port };
  }

  it('prints the console’s address, and stops the server when npm is sent SIGTERM', async () => {
    const s = await startServer();
    expect(s.output()).toContain(`控制台 / console  http://127.0.0.1:${s.port}/admin/`);
    expect(s.output()).toContain('The API is built from the current sources.');
    process.kill(s.child.pid!, 'SIGTERM');
    expect(await until(async () => !(await listening(s.port)), 20)).toBe(true);
    // nothing of it is left: not npm, not the shell, not node
    expect(await until(() => !groupAlive(s.child.pid!), 20)).toBe(true);
  }, 180_000);

  it('stops on Ctrl-C (SIGINT to the whole process group, as a terminal sends it)', async () => {
    const s = await startServer();
    process.kill(-s.child.pid!, 'SIGINT');
    expect(await until(async () => !(await listening(s.port)), 20)).toBe(true);
    expect(await until(() => !groupAlive(s.child.pid!), 20)).toBe(true);
  }, 180_000);

  /** A start that fails (a database it cannot use, a port in use): its exit code and what it printed. */
  async function startOn(databaseUrl: string, port?: number): Promise<{ code: number | null; output: string }> {
    const s = run(process.execPath, [START, '--no-build'], env(port ?? (await freePort()), databaseUrl ? { DATABASE_URL: databaseUrl } : {}));
    const code = await new Promise<number | null>((resolve) => s.child.once('exit', resolve));
    await new Promise((r) => setImmediate(r));
    return { code, output: s.output().trim() };
  }

  const mysqlServer = () => {
    const url = new URL(process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test');
    url.pathname = '';
    return url.toString().replace(/\/$/, '');
  };

  it('says in one line how to create a MariaDB/MySQL database that does not exist, and exits non-zero', async () => {
    // a name no one created (nothing is created or dropped here)
    const name = `s_c_absent_${randomBytes(4).toString('hex')}`;
    const { code, output } = await startOn(`${mysqlServer()}/${name}`);
    expect(code).not.toBe(0);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toContain(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    expect(output).not.toMatch(/\bat [\w$.<>]+ \(|Unknown database/);
  }, 60_000);

  it('says in one line that the server refused the connection', async () => {
    const { code, output } = await startOn(`mysql://root@127.0.0.1:${await freePort()}/wuye`);
    expect(code).not.toBe(0);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/^MariaDB\/MySQL at 127\.0\.0\.1:\d+ refused the connection/);
  }, 60_000);

  it('says in one line that the port is in use (an earlier start still listening)', async () => {
    const taken = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const { code, output } = await startOn('', port);
      expect(code).toBe(1);
      // after the start-up's own lines (the admin created on this new database), the reason as the last line, alone
      expect(output.split('\n').pop()).toBe(`Port ${port} on 127.0.0.1 is in use: another server (an earlier npm start?) is listening there; stop it or set PORT`);
      expect(output).not.toMatch(/EADDRINUSE|\bat [\w$.<>]+ \(/);
    } finally {
      taken.close();
    }
  }, 120_000);
});

/**
 * The build stamp (admin/scripts/build-stamp.mjs) on a tree of its own: a build is fresh while its sources'
 * content and its output's marker are as the stamp recorded them.
 */
once('build stamps', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-stamp-'));
    for (const [file, text] of Object.entries({ 'api/src/index.ts': 'export {};\n', 'seeds/a.json': '[]\n', 'package-lock.json': '{}\n', 'dist/api/src/index.js': '"use strict";\n' })) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Runs the steps in one Node process (the module is ESM) and returns whether the API's build was fresh after each. */
  const fresh = (steps: string[]): boolean[] => {
    const script = `
      import fs from 'node:fs';
      import { isFresh, sourcesHash, TARGETS, writeStamp } from ${JSON.stringify(path.join(ROOT, 'admin/scripts/build-stamp.mjs'))};
      const root = ${JSON.stringify(root)};
      const file = (f) => root + '/' + f;
      const api = TARGETS.api;
      const fresh = () => isFresh(api, sourcesHash(api, root), root);
      const out = [];
      ${steps.map((s) => `${s}; out.push(fresh());`).join('\n')}
      console.log(JSON.stringify(out));`;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  };

  it('is stale until stamped, fresh after, whatever touches leave the content as it was', () => {
    expect(
      fresh([
        '',
        'writeStamp(api, sourcesHash(api, root), root)',
        "fs.utimesSync(file('api/src/index.ts'), new Date(), new Date(Date.now() + 60000))",
        "fs.writeFileSync(file('api/src/index.ts'), 'export const changed = 1;\\n')",
        "fs.writeFileSync(file('api/src/index.ts'), 'export {};\\n')",
        "fs.writeFileSync(file('seeds/b.json'), '[]\\n')",
        "fs.rmSync(file('seeds/b.json'))",
        "fs.writeFileSync(file('package-lock.json'), '{ \"v\": 2 }\\n')",
      ]),
    ).toEqual([false, true, true, false, true, false, true, false]);
  });

  it('is stale once the output was rebuilt some other way (a bare tsc rewrites the marker) or is gone', () => {
    expect(
      fresh([
        'writeStamp(api, sourcesHash(api, root), root)',
        "fs.utimesSync(file('dist/api/src/index.js'), new Date(), new Date(Date.now() + 60000))",
        'writeStamp(api, sourcesHash(api, root), root)',
        "fs.rmSync(file('dist/api/src/index.js'))",
      ]),
    ).toEqual([true, false, true, false]);
  });
});
