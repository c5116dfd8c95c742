import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mysql2/promise';

/*
 * 主从: a MariaDB primary and one replica of it, each its own mariadbd on its own port and data
 * directory under /tmp (Debian's mariadb-server: mariadb-install-db and mariadbd), for the replica demo
 * (npm run bench:replica) and its test (api/test/replica.test.ts). Never touches another server: both
 * listen on 127.0.0.1 at the ports given, and stop() removes their directories.
 *
 * The primary writes a binary log (server-id 1); the replica (server-id 2, read_only) replicates it from
 * its first event, so the users made on the primary reach the replica too. The API connects as `app`,
 * with rights on its one database only, so read_only holds for it on the replica.
 */

export interface PairOptions {
  primaryPort: number;
  replicaPort: number;
  /** The API's database, made on the primary (and so on the replica). */
  database?: string;
  log?: (line: string) => void;
}

/** What one server was asked by the API's account (INFORMATION_SCHEMA.USER_STATISTICS, userstat=1). */
export interface Counters {
  /** SELECT statements. */
  selects: number;
  /** INSERT, UPDATE, DELETE (and REPLACE) statements. */
  writes: number;
}

export interface MariaDbPair {
  dir: string;
  database: string;
  /** The API's URLs: DATABASE_URL and DATABASE_REPLICA_URLS. */
  primaryUrl: string;
  replicaUrl: string;
  /** The API account's statements on each server so far. */
  counters(): Promise<{ primary: Counters; replica: Counters }>;
  /** Waits until the replica has applied everything the primary has logged; returns how long that took (ms). */
  caughtUp(timeoutMs?: number): Promise<number>;
  /** Runs a statement on the primary or the replica as root (for the demo's own checks). */
  root(server: 'primary' | 'replica', sql: string): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

const APP_USER = 'app';
const APP_PASSWORD = 'app-pass-123';
const REPL_PASSWORD = 'repl-pass-123';

/** The two programs needed, or why they cannot be used (Debian: apt-get install mariadb-server). */
export function mariadbPrograms(): { installDb: string; server: string } | { missing: string } {
  const find = (names: string[]) => {
    for (const name of names) {
      for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin']) {
        const file = path.join(dir, name);
        if (dir && fs.existsSync(file)) return file;
      }
    }
    return null;
  };
  const installDb = find(['mariadb-install-db', 'mysql_install_db']);
  const server = find(['mariadbd', 'mysqld']);
  if (!installDb || !server) return { missing: `${installDb ? '' : 'mariadb-install-db '}${server ? '' : 'mariadbd '}not found (Debian: apt-get install mariadb-server)`.trim() };
  return { installDb, server };
}

export async function startPair(options: PairOptions): Promise<MariaDbPair> {
  const programs = mariadbPrograms();
  if ('missing' in programs) throw new Error(`MariaDB replica pair: ${programs.missing}`);
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'wydj';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-replica-'));
  const asRoot = os.userInfo().uid === 0 ? ['--user=root'] : [];
  const servers: ChildProcess[] = [];
  const connections: Connection[] = [];
  const stop = async () => {
    for (const c of connections.splice(0)) await c.end().catch(() => undefined);
    await Promise.all(
      servers.splice(0).map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exitCode !== null || s.signalCode !== null) return resolve();
            const kill = setTimeout(() => s.kill('SIGKILL'), 30_000);
            s.once('exit', () => (clearTimeout(kill), resolve()));
            s.kill('SIGTERM');
          }),
      ),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const start = async (name: 'primary' | 'replica', id: number, port: number, extra: string[]): Promise<Connection> => {
      const data = path.join(dir, name);
      const common = ['--no-defaults', `--datadir=${data}`, '--innodb-log-file-size=16M', '--innodb-buffer-pool-size=64M', ...asRoot];
      execFileSync(programs.installDb, [...common, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
      const socket = path.join(dir, `${name}.sock`);
      const server = spawn(
        programs.server,
        [
          ...common,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${socket}`,
          `--pid-file=${path.join(dir, `${name}.pid`)}`,
          `--log-error=${path.join(dir, `${name}.err`)}`,
          `--server-id=${id}`,
          '--skip-name-resolve',
          '--userstat=1',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
          ...extra,
        ],
        { stdio: 'ignore' },
      );
      servers.push(server);
      const mysql = await import('mysql2/promise');
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (server.exitCode !== null) throw new Error(`the ${name} server stopped at start: ${tail(path.join(dir, `${name}.err`))}`);
        try {
          const conn = await mysql.createConnection({ socketPath: socket, user: 'root', multipleStatements: true });
          connections.push(conn);
          log(`${name}: mariadbd on 127.0.0.1:${port}, data in ${data}`);
          return conn;
        } catch (err) {
          if (Date.now() > deadline) throw new Error(`the ${name} server did not answer within 60 s: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const [primary, replica] = await Promise.all([
      // The migrations make triggers (audit_event is append-only): with a binary log MariaDB and MySQL let an account
      // without SUPER do that only with log_bin_trust_function_creators, as a managed server's parameter group must say too.
      start('primary', 1, options.primaryPort, ['--log-bin=mysql-bin', '--binlog-format=ROW', '--log-bin-trust-function-creators=1']),
      start('replica', 2, options.replicaPort, ['--read-only=1', '--relay-log=relay-bin']),
    ]);
    const [[first]] = (await primary.query('SHOW BINARY LOGS')) as unknown as [Array<{ Log_name: string }>];
    await primary.query(
      `CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY '${REPL_PASSWORD}'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
       CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
       CREATE USER '${APP_USER}'@'127.0.0.1' IDENTIFIED BY '${APP_PASSWORD}'; GRANT ALL ON \`${database}\`.* TO '${APP_USER}'@'127.0.0.1';`,
    );
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${options.primaryPort}, MASTER_USER='repl', MASTER_PASSWORD='${REPL_PASSWORD}',
       MASTER_LOG_FILE='${first.Log_name}', MASTER_LOG_POS=4, MASTER_USE_GTID=no; START SLAVE;`,
    );
    const root = async (server: 'primary' | 'replica', sql: string) => ((await (server === 'primary' ? primary : replica).query(sql)) as unknown as [Array<Record<string, unknown>>])[0];
    const caughtUp = async (timeoutMs = 30_000): Promise<number> => {
      const started = Date.now();
      const [target] = await root('primary', 'SHOW MASTER STATUS');
      for (;;) {
        const [status] = await root('replica', 'SHOW SLAVE STATUS');
        if (status?.Last_IO_Error || status?.Last_SQL_Error) throw new Error(`replication stopped: ${String(status.Last_IO_Error || status.Last_SQL_Error)}`);
        if (status && status.Relay_Master_Log_File === target.File && Number(status.Exec_Master_Log_Pos) >= Number(target.Position)) return Date.now() - started;
        if (Date.now() - started > timeoutMs) throw new Error(`the replica did not catch up within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await caughtUp();
    log(`replica: replicating from 127.0.0.1:${options.primaryPort} (binary log ${first.Log_name}), read_only`);
    const counted = async (server: 'primary' | 'replica'): Promise<Counters> => {
      const [row] = await root(server, `SELECT SELECT_COMMANDS AS s, UPDATE_COMMANDS AS w FROM INFORMATION_SCHEMA.USER_STATISTICS WHERE USER = '${APP_USER}'`);
      return { selects: Number(row?.s ?? 0), writes: Number(row?.w ?? 0) };
    };
    const url = (port: number) => `mysql://${APP_USER}:${APP_PASSWORD}@127.0.0.1:${port}/${database}`;
    return {
      dir,
      database,
      primaryUrl: url(options.primaryPort),
      replicaUrl: url(options.replicaPort),
      counters: async () => ({ primary: await counted('primary'), replica: await counted('replica') }),
      caughtUp,
      root,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no error log)';
  }
}
