import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { refreshLatestReports } from '../../modules/task/progress.latest';
import { type CityBase, moment, type Part, type Row } from './model';

/*
 * Writing a generated set (the benchmark city or the demo): what the seeds left that the model builds
 * on (readBase), and the parts in bulk multi-row INSERTs, one transaction a part (writeParts). Rows
 * carry their ids, so nothing is read back. Used by api/bench/data/write.ts and scripts/demo-data.ts.
 */

/** What the seeds hold that the model builds on, and the first free id of every table it writes. */
export async function readBase(ds: DataSource, tables: readonly string[] = TABLES): Promise<CityBase> {
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
export const TABLES = [
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
async function insert(qr: QueryRunner, table: string, rows: Row[], columns: Set<string>, sqlite: boolean, stamp: string): Promise<void> {
  if (!rows.length) return;
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
 * Writes the parts in order, each in its own transaction, rows stamped `today` where they carry no
 * createdAt/updatedAt of their own; each assignment's latest report is set after a part with reports
 * (what the API keeps with every report it writes, progress.latest.ts). `within` runs in each part's
 * transaction after its rows (the demo's audit event); `lap` after each part. Returns the rows written
 * per table.
 */
export async function writeParts(
  qr: QueryRunner,
  parts: Part[],
  o: { today: string; sqlite: boolean; within?: (em: EntityManager, part: Part) => Promise<void>; lap?: (part: string) => void },
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const stamp = moment(o.today);
  for (const part of parts) {
    await qr.startTransaction();
    try {
      for (const { table, rows: list } of part.tables) {
        await insert(qr, table, list, await columnsOf(qr, table), o.sqlite, stamp);
        rows[table] = (rows[table] ?? 0) + list.length;
      }
      const reports = part.tables.find((t) => t.table === 'progress_report');
      if (reports?.rows.length) {
        const ids = [...new Set(reports.rows.map((r) => Number(r.assignmentId)))];
        for (let i = 0; i < ids.length; i += 5000) await refreshLatestReports(qr, ids.slice(i, i + 5000));
      }
      await o.within?.(qr.manager, part);
      await qr.commitTransaction();
    } catch (err) {
      await qr.rollbackTransaction();
      throw err;
    }
    o.lap?.(part.name);
  }
  return rows;
}
