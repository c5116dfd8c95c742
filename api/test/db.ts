import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../src/config/env';
import { parseDatabaseUrl } from '../src/config/env';

declare const __TEST_DB__: 'sqlite' | 'mysql';

export const dbKind = (): 'sqlite' | 'mysql' => __TEST_DB__;

/** A test's own database and the function that removes it. */
export interface Copy {
  db: DatabaseConfig;
  drop: () => Promise<void>;
}

/** A fresh, empty database of this project's kind, and a function that removes it. */
export async function freshDatabase(): Promise<Copy> {
  if (dbKind() === 'sqlite') {
    const dir = sqliteDir();
    const file = path.join(dir, 'test.sqlite');
    return { db: { kind: 'sqlite', file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await mysqlAdmin();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return { db: mysqlDatabase(name), drop: () => dropMysqlDatabase(name) };
}

/** A new temporary directory for one SQLite database (and its -wal / -shm files). */
export const sqliteDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-'));

function mysqlBase(): string {
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error('TEST_MYSQL_URL is not set');
  return base;
}

/** A connection to the TEST_MYSQL_URL server, for creating and dropping databases. */
export async function mysqlAdmin(options: { multipleStatements?: boolean } = {}) {
  const mysql = await import('mysql2/promise');
  return mysql.createConnection({ uri: mysqlBase(), ...options });
}

/** The URL of database `name` on the TEST_MYSQL_URL server. */
export function mysqlUrl(name: string): string {
  const url = new URL(mysqlBase());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The app's database settings for database `name` on the TEST_MYSQL_URL server. */
export const mysqlDatabase = (name: string): DatabaseConfig => parseDatabaseUrl(mysqlUrl(name));

export async function dropMysqlDatabase(name: string): Promise<void> {
  const c = await mysqlAdmin();
  try {
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await c.end();
  }
}
