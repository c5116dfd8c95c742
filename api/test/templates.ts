import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../src/config/env';
import { type Copy, dbKind, dropMysqlDatabase, mysqlAdmin, mysqlDatabase, mysqlUrl, sqliteDir } from './db';

/*
 * Template databases (Vendure's test server caches its populated database the same way): the first
 * test file of a run that needs a database of some kind and variant builds it (a fresh database
 * migrated, and seeded or not, by the real createApp); every test file then gets its own copy. A copy
 * is the template to the byte (SQLite) or to the row, counter and trigger (MariaDB/MySQL), so the app
 * started on it finds every migration applied, every seed key recorded and the admin present, and
 * writes nothing at start-up.
 *
 * The run directory comes from api/test/global-setup.ts (env WYDJ_TEST_TEMPLATES) and is removed,
 * with the MySQL template schemas, by global-teardown.ts: templates never outlive a run. Workers build
 * lazily under a lock file, so a run only builds what its files use and never waits for the rest.
 */

export const TEMPLATES_ENV = 'WYDJ_TEST_TEMPLATES';
export const TEMPLATE_DIR_PREFIX = 'wydj-templates-';

/** `seeded`: migrations and seeds; `migrated`: migrations only (startTestApp({ seed: false })). Both have the admin. */
export type Variant = 'seeded' | 'migrated';
export const VARIANTS: Variant[] = ['seeded', 'migrated'];

/** The run's template directory, or null when jest's globalSetup did not run (then tests use fresh databases). */
export const templatesDir = (): string | null => process.env[TEMPLATES_ENV] || null;

/** The name of a MySQL template schema of the run whose directory is `dir`. */
export const templateSchema = (dir: string, variant: Variant) => `tpl_${path.basename(dir).slice(TEMPLATE_DIR_PREFIX.length)}_${variant}`;

/** A copy of this project's template of `variant`; `build` migrates (and seeds) an empty database the first time. */
export async function templateCopy(variant: Variant, build: (db: DatabaseConfig) => Promise<void>): Promise<Copy> {
  const dir = templatesDir();
  if (!dir) throw new Error(`${TEMPLATES_ENV} is not set: jest's globalSetup (api/test/global-setup.ts) did not run`);
  if (dbKind() === 'sqlite') {
    const { file } = await once(dir, `sqlite-${variant}`, () => buildSqlite(path.join(dir, `sqlite-${variant}.sqlite`), build));
    return copySqlite(file);
  }
  const tpl = await once(dir, `mysql-${variant}`, () => buildMysql(templateSchema(dir, variant), build));
  return copyMysql(tpl);
}

// ---- one build per run, across jest's worker processes ----

/**
 * Runs `build` in the one process that creates `<key>.lock`; the others wait for `<key>.json` (its
 * result) or `<key>.failed`. A builder that dies leaves neither: waiters notice its pid is gone.
 */
async function once<T>(dir: string, key: string, build: () => Promise<T>): Promise<T> {
  const done = path.join(dir, `${key}.json`);
  const failed = path.join(dir, `${key}.failed`);
  const lock = path.join(dir, `${key}.lock`);
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return waitFor<T>(key, done, failed, lock);
  }
  try {
    const result = await build();
    fs.writeFileSync(`${done}.tmp`, JSON.stringify(result));
    fs.renameSync(`${done}.tmp`, done);
    return result;
  } catch (err) {
    fs.writeFileSync(failed, err instanceof Error ? (err.stack ?? err.message) : String(err));
    throw err;
  }
}

async function waitFor<T>(key: string, done: string, failed: string, lock: string): Promise<T> {
  for (;;) {
    if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8')) as T;
    if (fs.existsSync(failed)) throw new Error(`Building the ${key} test template failed in another worker:\n${fs.readFileSync(failed, 'utf8')}`);
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid && !alive(pid)) throw new Error(`The worker building the ${key} test template (pid ${pid}) died`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---- SQLite: the template is one file ----

async function buildSqlite(file: string, build: (db: DatabaseConfig) => Promise<void>): Promise<{ file: string }> {
  await build({ kind: 'sqlite', file });
  // The app closed its connection, which checkpoints the WAL into the file; make sure, so that the
  // main file alone is the whole database (a copy without its -wal would lose the last writes).
  if (fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)) {
    // require: better-sqlite3 ships no types, and this is all of it the template needs
    const Database = require('better-sqlite3') as new (file: string) => { pragma(sql: string): unknown; close(): void };
    const conn = new Database(file);
    conn.pragma('wal_checkpoint(TRUNCATE)');
    conn.close();
  }
  for (const side of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(file + side)) throw new Error(`The SQLite test template still has ${file}${side} after closing`);
  }
  return { file };
}

function copySqlite(template: string): Copy {
  const dir = sqliteDir();
  const file = path.join(dir, 'test.sqlite');
  fs.copyFileSync(template, file, fs.constants.COPYFILE_FICLONE);
  return { db: { kind: 'sqlite', file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// ---- MariaDB/MySQL: the template is a schema, described once and cloned in-process ----

interface MysqlTemplate {
  schema: string;
  /** SHOW CREATE TABLE (it carries AUTO_INCREMENT=n), the columns to copy (not generated ones), and whether there are rows. */
  tables: Array<{ name: string; create: string; columns: string[]; rows: number }>;
  /** SHOW CREATE TRIGGER without its DEFINER, in creation order, with the sql_mode it was created under. */
  triggers: Array<{ name: string; create: string; sqlMode: string }>;
  /** SHOW CREATE VIEW without its DEFINER; it names the template schema, replaced when cloning. */
  views: Array<{ name: string; create: string }>;
}

const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;
const withoutDefiner = (sql: string) => sql.replace(/\sDEFINER\s*=\s*(`[^`]*`|'[^']*'|[^\s@]+)@(`[^`]*`|'[^']*'|\S+)/i, '');

async function buildMysql(schema: string, build: (db: DatabaseConfig) => Promise<void>): Promise<MysqlTemplate> {
  const admin = await mysqlAdmin();
  try {
    await admin.query(`CREATE DATABASE ${q(schema)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await build(mysqlDatabase(schema));
    return await describeSchema(admin, schema);
  } finally {
    await admin.end();
  }
}

type Conn = Awaited<ReturnType<typeof mysqlAdmin>>;
type Row = Record<string, any>;
const rows = async (c: Conn, sql: string, params: unknown[] = []) => (await c.query(sql, params))[0] as Row[];

async function describeSchema(c: Conn, schema: string): Promise<MysqlTemplate> {
  const unsupported = [
    ...(await rows(c, 'SELECT ROUTINE_NAME AS n FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [schema])),
    ...(await rows(c, 'SELECT EVENT_NAME AS n FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?', [schema])),
    ...(await rows(c, "SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE NOT IN ('BASE TABLE', 'VIEW')", [schema])),
  ];
  if (unsupported.length) {
    throw new Error(`api/test/templates.ts copies tables, triggers and views only; the migrations also made ${unsupported.map((r) => r.n).join(', ')}`);
  }
  const tpl: MysqlTemplate = { schema, tables: [], triggers: [], views: [] };
  const tables = await rows(c, "SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", [schema]);
  for (const { n } of tables) {
    const [created] = await rows(c, `SHOW CREATE TABLE ${q(schema)}.${q(n)}`);
    const columns = await rows(
      c,
      "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COALESCE(GENERATION_EXPRESSION, '') = '' ORDER BY ORDINAL_POSITION",
      [schema, n],
    );
    const [{ k }] = await rows(c, `SELECT COUNT(*) AS k FROM ${q(schema)}.${q(n)}`);
    tpl.tables.push({ name: n, create: created['Create Table'], columns: columns.map((r) => r.c), rows: Number(k) });
  }
  const triggers = await rows(c, 'SELECT TRIGGER_NAME AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER', [
    schema,
  ]);
  for (const { n } of triggers) {
    const [t] = await rows(c, `SHOW CREATE TRIGGER ${q(schema)}.${q(n)}`);
    tpl.triggers.push({ name: n, create: withoutDefiner(t['SQL Original Statement']), sqlMode: t.sql_mode });
  }
  for (const { n } of await rows(c, 'SELECT TABLE_NAME AS n FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [schema])) {
    const [v] = await rows(c, `SHOW CREATE VIEW ${q(schema)}.${q(n)}`);
    tpl.views.push({ name: n, create: withoutDefiner(v['Create View']) });
  }
  return tpl;
}

/**
 * CREATE DATABASE, every table as SHOW CREATE TABLE printed it and its rows, then triggers and views.
 * Creating InnoDB tables waits on the disk, not the CPU: a few connections at once take half the time.
 */
async function copyMysql(tpl: MysqlTemplate): Promise<Copy> {
  const name = `t_${process.pid}_${Math.random().toString(16).slice(2, 10)}`;
  const c = await mysqlAdmin({ multipleStatements: true });
  try {
    await c.query(`CREATE DATABASE ${q(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const mysql = await import('mysql2/promise');
    const pool = mysql.createPool({ uri: mysqlUrl(name), connectionLimit: CLONE_CONNECTIONS, multipleStatements: true });
    try {
      await Promise.all(
        tpl.tables.map((t) => {
          const cols = t.columns.map(q).join(', ');
          // Foreign keys may name tables not created yet, and the rows are the template's, already consistent.
          const statements = ['SET SESSION FOREIGN_KEY_CHECKS = 0', t.create];
          if (t.rows > 0) statements.push(`INSERT INTO ${q(t.name)} (${cols}) SELECT ${cols} FROM ${q(tpl.schema)}.${q(t.name)}`);
          return pool.query(statements.join(';\n'));
        }),
      );
    } finally {
      await pool.end();
    }
    // After the rows: they are copied as they are, not through the triggers.
    await c.query(`USE ${q(name)}`);
    for (const t of tpl.triggers) {
      await c.query('SET SESSION sql_mode = ?', [t.sqlMode]);
      await c.query(t.create);
    }
    await createViews(c, tpl, name);
  } catch (err) {
    await c.query(`DROP DATABASE IF EXISTS ${q(name)}`).catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
  return { db: mysqlDatabase(name), drop: () => dropMysqlDatabase(name) };
}

const CLONE_CONNECTIONS = 4;

/** Views may read views: create what can be created until nothing is left (or nothing moves). */
async function createViews(c: Conn, tpl: MysqlTemplate, name: string): Promise<void> {
  let left = tpl.views.map((v) => v.create.split(`${q(tpl.schema)}.`).join(`${q(name)}.`));
  while (left.length) {
    const failed: string[] = [];
    let lastError: unknown;
    for (const sql of left) {
      try {
        await c.query(sql);
      } catch (err) {
        failed.push(sql);
        lastError = err;
      }
    }
    if (failed.length === left.length) throw lastError;
    left = failed;
  }
}
