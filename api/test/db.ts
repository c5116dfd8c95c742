import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../src/config/env';
import { parseDatabaseUrl } from '../src/config/env';

declare const __TEST_DB__: 'sqlite' | 'mysql';

export const dbKind = (): 'sqlite' | 'mysql' => __TEST_DB__;

/** A fresh, empty database of this project's kind, and a function that removes it. */
export async function freshDatabase(): Promise<{ db: DatabaseConfig; drop: () => Promise<void> }> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dbKind() === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-'));
    const file = path.join(dir, 'test.sqlite');
    return { db: { kind: 'sqlite', file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error('TEST_MYSQL_URL is not set');
  const name = `t_${suffix}`;
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection(base);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    db: parseDatabaseUrl(url.toString()),
    drop: async () => {
      const c = await mysql.createConnection(base);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
