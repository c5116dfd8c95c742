import fs from 'node:fs';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { loadSeeds } from '../../../seeds/load';
import { createDataSource } from '../../src/config/data-source';
import { type DatabaseConfig, loadConfig } from '../../src/config/env';
import { hashPassword } from '../../src/modules/auth/password';
import { createServices } from '../../src/services';
import { generateCity } from '../../src/scripts/city/city';
import { BENCH_KEY, BENCH_PASSWORD, BENCH_TODAY, type BenchUser, type CityOptions, type Part, type Row } from '../../src/scripts/city/model';
import { readBase, writeParts } from '../../src/scripts/city/write';

/*
 * Writes the benchmark city: an empty database (created on MariaDB when missing, or dropped and made
 * again with `replace`), migrated and seeded as the app does on start, then every part of the model
 * (api/src/scripts/city/) through its writer: bulk multi-row INSERTs, one transaction a part.
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

    const base = await readBase(ds);
    const city = generateCity(base, options);
    const hash = await hashPassword(BENCH_PASSWORD);
    lap('generate');

    const sqlite = db.kind === 'sqlite';
    const qr = ds.createQueryRunner();
    await qr.connect();
    let rows: Record<string, number>;
    try {
      if (!sqlite) await qr.query('SET foreign_key_checks = 0, unique_checks = 0');
      // the users belong to the organisation (their offices are made there); editions and steps name them
      const users = { table: 'app_user', rows: city.users.map((u): Row => ({ ...u, passwordHash: hash, unitId: null, active: 1, sessionVersion: 1, mustChangePassword: 0 })) };
      const parts: Part[] = city.parts.map((p, i) => (i === 0 ? { ...p, tables: [...p.tables, users] } : p));
      rows = await writeParts(qr, parts, { today: options.today ?? BENCH_TODAY, sqlite, lap });
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
