/*
 * Nested fields some screens need beside a record's own scalars (buildQuery reads only those), as
 * each console module declares them (`selections` in admin/src/resources/<module>/index.ts). `list`
 * is fetched for lists, references and mutation results; `one` adds to it for a single record's
 * page. The API resolves each nested field through a per-request DataLoader, so a page of records
 * costs a few statements, not one per row.
 */
import { MODULES } from '../modules';

export const SELECTIONS: Record<string, { list: string; one?: string }> = {};
for (const m of MODULES) {
  for (const [type, s] of Object.entries(m.selections ?? {})) {
    if (SELECTIONS[type]) throw new Error(`selections: ${type} is declared by two modules`);
    SELECTIONS[type] = s;
  }
}

export const selectionFor = (resource: string, one: boolean): string => {
  const s = SELECTIONS[resource];
  if (!s) return '';
  return one && s.one ? `${s.list} ${s.one}` : s.list;
};
