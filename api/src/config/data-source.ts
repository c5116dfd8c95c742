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
      type: (await isMariaDb(db.url)) ? 'mariadb' : 'mysql',
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
