import fs from 'node:fs';
import mysql from 'mysql2/promise';
import type { DataSource, QueryRunner } from 'typeorm';
import { loadSeeds } from '../../../seeds/load';
import { createDataSource } from '../../src/config/data-source';
import { type DatabaseConfig, loadConfig } from '../../src/config/env';
import { hashPassword } from '../../src/modules/auth/password';
import { refreshLatestReports } from '../../src/modules/task/progress.latest';
import { createServices } from '../../src/services';
import { generateCity } from './city';
import { BENCH_KEY, BENCH_PASSWORD, BENCH_TODAY, type BenchUser, type CityBase, type CityOptions, moment, type Part, type Row } from './model';

/*
 * Writes the benchmark city: an empty database (created on MariaDB when missing, or dropped and made
 * again with `replace`), migrated and seeded as the app does on start, then every part of the model
 * in bulk multi-row INSERTs, one transaction a part. Rows carry their ids, so nothing is read back.
 * On MariaDB/MySQL the session turns foreign-key and unique checks off while loading (the model is
 * built to satisfy them, and the tests check it) and on again after.
 */

export class BenchRefusal extends Error {}

export interface BuildReport {
  seconds: Record<string, number>;
  rows: Record<string, number>;
  users: BenchUser[];
}

const NOT_EMPTY = ['compound', 'property_company', 'rating_period', 'progress_report', 'app_user', 'complaint'];

/** Makes sure the database exists (MariaDB), or drops it first with `replace` (only the database named). */
async function prepare(db: DatabaseConfig, replace: boolean): Promise<void> {
  if (db.kind === 'sqlite') {
    if (replace) for (const f of [db.file, `${db.file}-wal`, `${db.file}-shm`]) fs.rmSync(f, { force: true });
    return;
  }
  const url = new URL(db.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[\w$]+$/.test(name)) throw new BenchRefusal(`The database name "${name}" may hold letters, digits, _ and $ only`);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  try {
    if (replace) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

/** Why the database cannot take a city (it holds one, or other records than the seeds), or null. */
export async function refusal(ds: DataSource): Promise<string | null> {
  const qr = ds.createQueryRunner();
  try {
    if (!(await qr.hasTable('seed_record'))) return null;
    const [bench] = await ds.query('SELECT entityType, entityId FROM seed_record WHERE `key` = ?', [BENCH_KEY]);
    if (bench) return `it already holds a benchmark city (${bench.entityType}, seed ${bench.entityId})`;
    for (const table of NOT_EMPTY) {
      if (!(await qr.hasTable(table))) continue;
      const [row] = await ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
      if (Number(row.n) > 0) return `it holds other data than the seeds (${table}: ${row.n} rows)`;
    }
    return null;
  } finally {
    await qr.release();
  }
}

/** What the seeds hold that the model builds on, and the first free id of every table it writes. */
async function readBase(ds: DataSource, tables: string[]): Promise<CityBase> {
  const [scheme] = await ds.query("SELECT * FROM rating_scheme WHERE subjectKind = 'PROPERTY_COMPANY' ORDER BY id LIMIT 1");
  if (!scheme) throw new Error('The seeded property-company rating scheme is missing: the seeds were not loaded');
  const num = (v: unknown) => (v === null ? null : Number(v));
  const nextId: Record<string, number> = {};
  for (const t of tables) {
    if (t === 'seed_record') continue;
    const [row] = await ds.query(`SELECT COALESCE(MAX(id), 0) AS n FROM \`${t}\``);
    nextId[t] = Number(row.n) + 1;
  }
  return {
    jurisdictions: (await ds.query('SELECT id, name, level, parentId FROM jurisdiction ORDER BY id')).map((j: Row) => ({ ...j, id: Number(j.id), parentId: num(j.parentId) })),
    units: (await ds.query('SELECT id, name, kind, jurisdictionId FROM unit ORDER BY id')).map((u: Row) => ({ ...u, id: Number(u.id), jurisdictionId: Number(u.jurisdictionId) })),
    scheme: {
      star2Min: Number(scheme.star2Min),
      star3Min: Number(scheme.star3Min),
      star4Min: Number(scheme.star4Min),
      star5Min: Number(scheme.star5Min),
      redMinStars: num(scheme.redMinStars),
      blackMaxStars: num(scheme.blackMaxStars),
      blackDissatisfactionOver: num(scheme.blackDissatisfactionOver),
    },
    criteria: (await ds.query('SELECT code, name, weight, maxScore, sortOrder FROM rating_criterion WHERE schemeId = ? ORDER BY sortOrder, id', [scheme.id])).map((c: Row) => ({
      ...c,
      weight: Number(c.weight),
      maxScore: Number(c.maxScore),
      sortOrder: Number(c.sortOrder),
    })),
    nextId,
  };
}

/** Every table the model writes. */
const TABLES = [
  'app_user',
  'jurisdiction',
  'unit',
  'policy_document',
  'property_company',
  'compound',
  'rating_scheme',
  'rating_criterion',
  'rating_period',
  'rating',
  'rating_score',
  'rating_publication',
  'published_entry',
  'rectification',
  'rectification_step',
  'plan',
  'key_work',
  'task_target',
  'task_item',
  'milestone',
  'assignment',
  'progress_report',
  'working_group',
  'person',
  'post',
  'post_holding',
  'membership',
  'seed_record',
];

async function columnsOf(qr: QueryRunner, table: string): Promise<Set<string>> {
  const t = await qr.getTable(table);
  if (!t) throw new Error(`table ${table} is missing: the migrations did not run`);
  return new Set(t.columns.map((c) => c.name));
}

/** Multi-row INSERTs of one table, in chunks the driver takes (SQLite allows 32,766 parameters a statement). */
async function insert(qr: QueryRunner, table: string, rows: Row[], columns: Set<string>, sqlite: boolean): Promise<void> {
  if (!rows.length) return;
  const stamp = moment(BENCH_TODAY);
  const keys = Object.keys(rows[0]);
  for (const k of keys) if (!columns.has(k)) throw new Error(`${table} has no column ${k}`);
  const stamps = ['createdAt', 'updatedAt'].filter((c) => columns.has(c) && !keys.includes(c));
  const cols = [...keys, ...stamps];
  const per = Math.min(1000, Math.floor((sqlite ? 30000 : 60000) / cols.length));
  const head = `INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES `;
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    for (const r of chunk) {
      for (const k of keys) params.push(r[k] === undefined ? null : r[k]);
      for (let s = 0; s < stamps.length; s++) params.push(stamp);
    }
    await qr.query(head + chunk.map(() => tuple).join(', '), params);
  }
}

/**
 * The whole run: prepare, migrate and seed, refuse a database that holds more than the seeds, read
 * the base, generate, write. `log` gets one line per step with its time.
 */
export async function buildBenchCity(db: DatabaseConfig, options: CityOptions & { replace?: boolean; log?: (line: string) => void }): Promise<BuildReport> {
  const log = options.log ?? (() => undefined);
  const seconds: Record<string, number> = {};
  const started = performance.now();
  let mark = started;
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = (now - mark) / 1000;
    mark = now;
    log(`${name.padEnd(16)} ${seconds[name].toFixed(2)} s`);
  };

  await prepare(db, options.replace ?? false);
  const ds = await createDataSource(db);
  await ds.initialize();
  try {
    const before = await refusal(ds);
    if (before) throw new BenchRefusal(`Refused: ${before}. Run it with --replace to drop and make this benchmark database again.`);
    await ds.runMigrations({ transaction: 'each' });
    const services = createServices(ds, loadConfig({ NODE_ENV: 'development' }));
    await loadSeeds(services.tx, services.audit);
    lap('migrate + seed');

    const base = await readBase(ds, TABLES);
    const city = generateCity(base, options);
    const hash = await hashPassword(BENCH_PASSWORD);
    lap('generate');

    const sqlite = db.kind === 'sqlite';
    const qr = ds.createQueryRunner();
    await qr.connect();
    const rows: Record<string, number> = {};
    try {
      if (!sqlite) await qr.query('SET foreign_key_checks = 0, unique_checks = 0');
      // the users belong to the organisation (their offices are made there); editions and steps name them
      const users = { table: 'app_user', rows: city.users.map((u): Row => ({ ...u, passwordHash: hash, unitId: null, active: 1, sessionVersion: 1, mustChangePassword: 0 })) };
      const parts: Part[] = city.parts.map((p, i) => (i === 0 ? { ...p, tables: [...p.tables, users] } : p));
      for (const part of parts) {
        await qr.startTransaction();
        try {
          for (const { table, rows: list } of part.tables) {
            await insert(qr, table, list, await columnsOf(qr, table), sqlite);
            rows[table] = (rows[table] ?? 0) + list.length;
          }
          // what the API keeps with every report it writes (progress.latest.ts), set here once for all of them
          if (part.tables.some((t) => t.table === 'progress_report')) await refreshLatestReports(qr);
          await qr.commitTransaction();
        } catch (err) {
          await qr.rollbackTransaction();
          throw err;
        }
        lap(part.name);
      }
    } finally {
      if (!sqlite) await qr.query('SET foreign_key_checks = 1, unique_checks = 1');
      await qr.release();
    }
    seconds.total = (performance.now() - started) / 1000;
    log(`${'total'.padEnd(16)} ${seconds.total.toFixed(2)} s`);
    return { seconds, rows, users: city.users };
  } finally {
    await ds.destroy();
  }
}
