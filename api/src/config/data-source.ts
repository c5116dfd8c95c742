import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger, type ObjectLiteral, type QueryRunner, type ReplicationMode } from 'typeorm';
import { applyMysqlColumnTypes, InputLimitsSubscriber } from '../common/input-limits';
import { ENTITIES, MODULE_SUBSCRIBERS } from '../entities';
import { MIGRATIONS } from '../migrations';
import type { DatabaseConfig } from './env';
import { ScopeGuard } from '../common/scope';
import { currentScope } from '../common/request-scope';

/**
 * Builds the TypeORM data source for SQLite (embedded default) or MySQL/MariaDB.
 * synchronize is never on here: the schema comes from the migrations in api/src/migrations.
 */
export async function createDataSource(db: DatabaseConfig, logger?: Logger): Promise<DataSource> {
  const common = {
    entities: ENTITIES,
    // every row written is checked against its columns' sizes first (common/input-limits), and the scope rule
    subscribers: [InputLimitsSubscriber, ScopeGuard, ...MODULE_SUBSCRIBERS],
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
      // mysql2 captures a stack trace on every query by default, to name its caller in an error; its caller is
      // always TypeORM's query runner, which raises its own QueryFailedError: 3% of a small request's time for nothing
      trace: false,
      // mysql2's wait queue is unbounded by default: bound it so overload fails fast instead of piling up.
      extra: { queueLimit: db.queueLimit, waitForConnections: true, connectTimeout: 10_000 },
      // Read replicas (DATABASE_REPLICA_URLS): one pool each, beside the primary's; AppDataSource says which reads go there.
      // A replica that fails is left out for 10 s and then tried again (mysql2's default would drop it for good).
      ...(db.replicaUrls?.length ? { replication: { master: { url: db.url }, slaves: db.replicaUrls.map((url) => ({ url })), selector: 'RR', restoreNodeTimeout: 10_000 } } : {}),
    };
  }
  return new AppDataSource(options);
}

/**
 * A data source whose metadata carries the column types that differ by database (see WIDER_ON_MYSQL),
 * and which sends reads to the replicas only where a stale answer cannot decide a write.
 *
 * With `replication`, TypeORM sends every SELECT of a query builder or find outside a transaction to a
 * replica, and writes, transactions and raw queries to the primary. Here a read goes to a replica only
 * inside a request the gates marked (request-scope.ts `readFromReplicas`: a GraphQL query, after its
 * credentials were checked on the primary); everything else reads the primary: mutations (also what they
 * read before their transaction), sign-in, the scheduler's lease and run rows, the notification outbox,
 * seeds and migrations. A raw SELECT (`ds.query`) of a marked request goes to a replica too.
 * Without replicas both modes are the one pool (TypeORM falls back to the primary), and SQLite has one connection.
 */
class AppDataSource extends DataSource {
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    applyMysqlColumnTypes(this);
  }

  override defaultReplicationModeForReads(): ReplicationMode {
    return currentScope()?.readsFrom === 'replica' ? 'slave' : 'master';
  }

  override query<T = unknown>(query: string, parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): Promise<T> {
    if (!queryRunner && currentScope()?.readsFrom === 'replica' && READ_ONLY_SQL.test(query) && !/\bFOR\s+UPDATE\b|\bLOCK\s+IN\b/i.test(query)) {
      const runner = this.createQueryRunner('slave');
      return runner.query(query, parameters).finally(() => runner.release()) as Promise<T>;
    }
    return super.query<T>(query, parameters, queryRunner);
  }
}

/** A statement that only reads: a SELECT (MySQL 8 allows WITH … UPDATE, so a WITH is not taken for one). */
const READ_ONLY_SQL = /^\s*(\(\s*)*SELECT\b/i;

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
