import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { applyMysqlColumnTypes, InputLimitsSubscriber } from '../common/input-limits';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import type { DatabaseConfig } from './env';
import { ScopeGuard } from '../common/scope';

/**
 * Builds the TypeORM data source for SQLite (embedded default) or MySQL/MariaDB.
 * synchronize is never on here: the schema comes from the migrations in api/src/migrations.
 */
export async function createDataSource(db: DatabaseConfig, logger?: Logger): Promise<DataSource> {
  const common = {
    entities: ENTITIES,
    // every row written is checked against its columns' sizes first (common/input-limits)
    subscribers: [InputLimitsSubscriber, ScopeGuard],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logger,
    logging: logger ? (['query', 'error'] as const) : (['error'] as const),
  };
  let options: DataSourceOptions;
  if (db.kind === 'sqlite') {
    if (db.file !== ':memory:') fs.mkdirSync(path.dirname(db.file), { recursive: true });
    options = {
      ...common,
      logging: [...common.logging],
      type: 'better-sqlite3',
      database: db.file,
      // WAL lets readers carry on while a write transaction is open.
      prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
        if (db.file !== ':memory:') conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
      },
    };
  } else {
    options = {
      ...common,
      logging: [...common.logging],
      // TypeORM reads MariaDB's information_schema differently (quoted defaults): tell it which server this is.
      type: (await isMariaDb(db.url).catch((err: unknown) => Promise.reject(unreachable(err, db.url)))) ? 'mariadb' : 'mysql',
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: db.poolSize,
      // mysql2's wait queue is unbounded by default: bound it so overload fails fast instead of piling up.
      extra: { queueLimit: db.queueLimit, waitForConnections: true, connectTimeout: 10_000 },
    };
  }
  return new AppDataSource(options);
}

/** A data source whose metadata carries the column types that differ by database (see WIDER_ON_MYSQL). */
class AppDataSource extends DataSource {
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    applyMysqlColumnTypes(this);
  }
}

/**
 * The database cannot be used at all (it does not exist, the server refuses or cannot be reached): one
 * line saying what to do, for the start-up to print instead of a stack trace (api/src/index.ts).
 */
export class DatabaseUnreachable extends Error {}

/** The first connection's failure as an operator can act on it; other errors go on unchanged. */
function unreachable(err: unknown, url: string): unknown {
  const e = err as { code?: string; errors?: Array<{ code?: string }> } | null;
  const code = e?.code ?? e?.errors?.find((x) => x.code)?.code;
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const server = `MariaDB/MySQL at ${u.hostname}:${u.port || 3306}`;
  const user = decodeURIComponent(u.username) || 'root';
  const why: Record<string, string> = {
    ER_BAD_DB_ERROR: `The database "${name}" does not exist on ${server}: create it first, e.g. mysql -h ${u.hostname} -P ${u.port || 3306} -u ${user} -p -e "CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"`,
    ECONNREFUSED: `${server} refused the connection: is the server running, and on that port? (DATABASE_URL)`,
    ETIMEDOUT: `${server} did not answer within 10 s: check the host and port in DATABASE_URL and any firewall between`,
    ENOTFOUND: `The host "${u.hostname}" in DATABASE_URL cannot be found`,
    EAI_AGAIN: `The host "${u.hostname}" in DATABASE_URL cannot be looked up now (DNS)`,
    ER_ACCESS_DENIED_ERROR: `${server} refused the user "${user}": check the user and password in DATABASE_URL`,
    ER_DBACCESS_DENIED_ERROR: `${server} does not let the user "${user}" use the database "${name}": GRANT ALL ON \`${name}\`.* TO '${user}'@'…'`,
  };
  return code && why[code] ? new DatabaseUnreachable(why[code], { cause: err }) : err;
}

/** Asks the server what it is; MySQL URLs are used for MariaDB too. */
async function isMariaDb(url: string): Promise<boolean> {
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v));
  } finally {
    await conn.end();
  }
}
