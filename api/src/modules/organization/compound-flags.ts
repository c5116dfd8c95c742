import DataLoader from 'dataloader';
import { registerEnumType } from 'type-graphql';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Loaders } from '../../common/loaders';

/*
 * 小区待办与标记: what is due or wrong at a compound on a day (re-election due, party share under half,
 * disclosure late, interview due…). Each domain that keeps a compound's facts declares its own flags in
 * its index.ts (`defineCompoundFlags`), as an SQL condition on the compound row, aliased `e`, with the
 * day as the parameter `:asOf`. The condition is the domain's rule written once for the database: the
 * compound list filters by it (CompoundFilter.flags) and the compound page shows them (Compound.flags),
 * both in one statement whatever the number of compounds. Each domain's tests check its condition
 * against its rule functions.
 */

export interface CompoundFlagDef {
  /** The enum value (UPPER_SNAKE). */
  flag: string;
  /** What it means and the clause behind it, for the schema. */
  description: string;
  /**
   * SQL condition over the compound alias `e` with the parameter `:asOf` (a YYYY-MM-DD day); table names
   * from the data source. `asOf` is given too for what is worked out from the day (a quarter): only
   * numbers made from it may be written into the SQL, never the text itself.
   */
  condition: (ds: DataSource, asOf: string) => string;
}

/** The enum object type-graphql reads when the schema is built, after every module registered its flags. */
export const CompoundFlag: Record<string, string> = {};
const valuesConfig: Record<string, { description: string }> = {};
registerEnumType(CompoundFlag, {
  name: 'CompoundFlag',
  description: 'What is due or wrong at a compound on a day; each is declared by the domain that keeps the facts (organization/compound-flags.ts)',
  valuesConfig,
});

const DEFS = new Map<string, CompoundFlagDef>();

/** Registers a domain's flags (called from its index.ts, before the schema is built). */
export function defineCompoundFlags(defs: CompoundFlagDef[]): void {
  for (const d of defs) {
    if (DEFS.has(d.flag)) throw new Error(`Compound flag ${d.flag} is declared twice`);
    DEFS.set(d.flag, d);
    CompoundFlag[d.flag] = d.flag;
    valuesConfig[d.flag] = { description: d.description };
  }
}

export const compoundFlagDefs = (): CompoundFlagDef[] => [...DEFS.values()];

/** Narrows a compound list (alias `e`) to compounds where every flag holds on the day. */
export function whereFlags(qb: SelectQueryBuilder<object>, ds: DataSource, flags: readonly string[], asOf: string): void {
  for (const flag of flags) {
    const def = DEFS.get(flag);
    if (!def) continue; // the enum only admits declared flags
    qb.andWhere(`(${def.condition(ds, asOf)})`, { asOf });
  }
}

/** The flags of many compounds on a day, in one statement: one CASE column per flag. */
export async function flagsOf(ds: DataSource, ids: readonly number[], asOf: string): Promise<Map<number, string[]>> {
  const defs = compoundFlagDefs();
  const out = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (!ids.length || !defs.length) return out;
  const table = ds.getMetadata('Compound').tableName;
  const qb = ds
    .createQueryBuilder()
    .select('e.id', 'id')
    .from(table, 'e')
    .where('e.id IN (:...ids)', { ids: [...ids], asOf });
  defs.forEach((d, i) => qb.addSelect(`CASE WHEN (${d.condition(ds, asOf)}) THEN 1 ELSE 0 END`, `f${i}`));
  for (const row of await qb.getRawMany<Record<string, number | string>>()) {
    out.set(
      Number(row.id),
      defs.filter((_, i) => Number(row[`f${i}`]) === 1).map((d) => d.flag),
    );
  }
  return out;
}

/** Per request and day: Compound.flags for every compound of a page in one statement. */
export const compoundFlagsLoader = (loaders: Loaders, asOf: string) =>
  loaders.named(
    `compoundFlags:${asOf}`,
    (ds) =>
      new DataLoader<number, string[]>(async (ids) => {
        const found = await flagsOf(ds, ids, asOf);
        return ids.map((id) => found.get(id) ?? []);
      }),
  );
