/*
 * The baseline's helpers: a typed query, JSON in the GraphQL server's formats (ids as strings, dates as
 * YYYY-MM-DD, times as ISO strings in UTC with milliseconds), and the viewer's readable jurisdictions
 * (the scope rule of api/src/common/scope.ts, written out: a county office reads its subtree, and for
 * "downward" records also the levels above it).
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';

export type Row = Record<string, unknown>;

export async function q<T = Row>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await pool.query<RowDataPacket[]>(sql, params);
  return rows as T[];
}

/** A key of a row as a GraphQL ID (a string), null kept. */
export const id = (v: unknown): string | null => (v == null ? null : String(v));

/** A DATETIME(6) read as a string (dateStrings) in UTC, as the API prints a Date: toISOString(). */
export function iso(v: unknown): string | null {
  if (v == null) return null;
  const s = String(v); // 'YYYY-MM-DD HH:MM:SS[.ffffff]'
  return `${s.slice(0, 10)}T${s.slice(11, 19)}.${`${s.slice(20)}000`.slice(0, 3)}Z`;
}

export const bool = (v: unknown): boolean => v === 1 || v === true || v === '1';

/** Today in China (UTC+8), as the API's todayInChina(). */
export const todayInChina = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The jurisdiction tree, read once at start (the API caches it the same way). */
export class Tree {
  private readonly children = new Map<number, number[]>();
  private readonly parent = new Map<number, number | null>();

  constructor(rows: Array<{ id: number; parentId: number | null }>) {
    for (const r of rows) {
      this.parent.set(r.id, r.parentId);
      if (r.parentId != null) this.children.set(r.parentId, [...(this.children.get(r.parentId) ?? []), r.id]);
    }
  }

  subtree(id: number): number[] {
    const out: number[] = [];
    const walk = (j: number) => {
      out.push(j);
      for (const c of this.children.get(j) ?? []) walk(c);
    };
    walk(id);
    return out;
  }

  ancestors(id: number): number[] {
    const out: number[] = [];
    for (let j = this.parent.get(id) ?? null; j != null; j = this.parent.get(j) ?? null) out.push(j);
    return out;
  }
}

/** The ids a viewer reads at a reach; null: no restriction (a user of the platform, with no office). */
export function readable(tree: Tree, jurisdictionId: number | null, reach: 'subtree' | 'downward'): number[] | null {
  if (jurisdictionId == null) return null;
  return reach === 'downward' ? [...tree.subtree(jurisdictionId), ...tree.ancestors(jurisdictionId)] : tree.subtree(jurisdictionId);
}

/** `column IN (ids)` for a readable list, or TRUE for no restriction. */
export const within = (column: string, ids: number[] | null): string => (ids === null ? '1 = 1' : `${column} IN (${ids.length ? ids.join(', ') : 'NULL'})`);

/** Rows grouped by a key, each group in the order the rows came. */
export function groupBy<T>(rows: T[], key: (r: T) => unknown): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = String(key(r));
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
