/**
 * TypeORM transformer for DECIMAL and BIGINT columns: mysql2 returns them as strings, better-sqlite3
 * as numbers; the application always sees a number (or null).
 */
export const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v)),
};
