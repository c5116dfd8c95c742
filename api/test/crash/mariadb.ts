import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A MariaDB server of the crash test's own: Debian's mariadbd on a temporary data directory, its own
 * port and socket. The machine's shared server (3306) is never touched: the test kills this one.
 */
export class OwnMariaDb {
  private proc: ChildProcess | null = null;
  readonly user = 'crash';
  readonly password = 'crash-pass';
  readonly database = 'crash';

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** A fresh data directory (mariadb-install-db), not started yet. */
  static async create(port: number): Promise<OwnMariaDb> {
    if (port === 3306) throw new Error('The crash test must not use port 3306: that is the machine’s shared MariaDB');
    if (await listening(port)) throw new Error(`Something already listens on 127.0.0.1:${port}; set CRASH_DB_PORT to a free port`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-crash-'));
    const db = new OwnMariaDb(dir, port);
    const asRoot = process.getuid?.() === 0;
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${db.dataDir}`, '--skip-test-db', '--auth-root-authentication-method=socket', ...(asRoot ? ['--user=root'] : [])]);
    // Runs at every start: the application's account and database (idempotent).
    fs.writeFileSync(
      path.join(dir, 'init.sql'),
      [
        `CREATE DATABASE IF NOT EXISTS ${db.database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
        `CREATE USER IF NOT EXISTS '${db.user}'@'127.0.0.1' IDENTIFIED BY '${db.password}';`,
        `GRANT ALL PRIVILEGES ON *.* TO '${db.user}'@'127.0.0.1';`,
      ].join('\n'),
    );
    return db;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  get url(): string {
    return `mysql://${this.user}:${this.password}@127.0.0.1:${this.port}/${this.database}`;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Starts mariadbd on the data directory and waits until it answers a query. */
  async start(timeoutMs = 120_000): Promise<void> {
    const args = [
      '--no-defaults',
      `--datadir=${this.dataDir}`,
      `--socket=${path.join(this.dir, 'mysqld.sock')}`,
      `--pid-file=${path.join(this.dir, 'mysqld.pid')}`,
      `--log-error=${path.join(this.dir, 'error.log')}`,
      `--init-file=${path.join(this.dir, 'init.sql')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      // The defaults are what durability depends on; named so a changed default cannot weaken the test.
      '--innodb-flush-log-at-trx-commit=1',
      '--innodb-buffer-pool-size=128M',
      '--max-connections=200',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ];
    const proc = spawn(fs.existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : 'mariadbd', args, { stdio: 'ignore' });
    this.proc = proc;
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code, signal) => reject(new Error(`mariadbd exited (${signal ?? code}); see ${this.dir}/error.log`))));
    exited.catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.answers()) return;
      if (Date.now() > deadline) throw new Error(`mariadbd did not answer within ${timeoutMs / 1000} s; see ${this.dir}/error.log`);
      await Promise.race([sleep(200), exited]);
    }
  }

  /** SIGKILL: no shutdown, no flush; what a power cut or the OOM killer does. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await gone;
    this.proc = null;
  }

  /** A clean shutdown (SIGTERM), then the data directory goes. */
  async destroy(): Promise<void> {
    const proc = this.proc;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const gone = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await Promise.race([gone, sleep(30_000)]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
    this.proc = null;
    if (!process.env.CRASH_KEEP_DATA) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const mysql = await import('mysql2/promise');
    try {
      const conn = await mysql.createConnection({ uri: this.url, connectTimeout: 2000 });
      try {
        await conn.query('SELECT 1');
        return true;
      } finally {
        await conn.end().catch(() => undefined);
      }
    } catch {
      return false;
    }
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
