import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { unscoped } from './scope';
import { leanMany } from './lean';

/**
 * Per-request DataLoaders. `byId(Entity)` batches every id asked for in one tick into one
 * `WHERE id IN (…)` query; `named(key, factory)` holds loaders that group by something else.
 */
export class Loaders {
  // loaders of every entity and key type in one cache; each accessor below returns its own typed loader
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly cache = new Map<unknown, DataLoader<any, any>>();

  constructor(private readonly ds: DataSource) {}

  /**
   * The records other records name (a membership's person, an assignment's unit, a payout's
   * company). They are loaded without the scope rule (common/scope.ts): whoever may read a record
   * may read what it names, as the office that wrote it named it, and every write checks that what
   * it names is visible to the writer. Lists below a record (a group's members, `childrenOf`) and
   * every root field stay scoped.
   */
  byId<T extends ObjectLiteral>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    let loader = this.cache.get(entity);
    if (!loader) {
      const repo = this.ds.getRepository(entity);
      loader = new DataLoader<number, T | null>(async (ids) => {
        const rows = await unscoped(() => leanMany(repo.createQueryBuilder('e').where('e.id IN (:...ids)', { ids: [...ids] })));
        const map = new Map(rows.map((r) => [(r as unknown as { id: number }).id, r]));
        return ids.map((id) => map.get(id) ?? null);
      });
      this.cache.set(entity, loader);
    }
    return loader;
  }

  /** Loads a reference that may be null. */
  ref<T extends ObjectLiteral>(entity: EntityTarget<T>, id: number | null | undefined): Promise<T | null> {
    return id == null ? Promise.resolve(null) : this.byId(entity).load(id);
  }

  named<K, V>(key: string, factory: (ds: DataSource) => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(key);
    if (!loader) {
      loader = factory(this.ds);
      this.cache.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by a key, in the order of the keys asked for (for one-to-many loaders). */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Rows of `entity` whose `column` is one of the keys, grouped per key (one query per request tick). */
export function childrenOf<T extends ObjectLiteral>(l: Loaders, entity: new () => T, column: keyof T & string, order: Record<string, 'ASC' | 'DESC'> = { id: 'ASC' }): DataLoader<number, T[]> {
  return l.named(
    `${entity.name}:${column}:${JSON.stringify(order)}`,
    (ds) =>
      new DataLoader<number, T[]>(async (ids) =>
        groupBy(
          ids,
          await leanMany(
            Object.entries(order).reduce(
              (qb, [field, dir]) => qb.addOrderBy(`e.${field}`, dir),
              ds
                .getRepository(entity)
                .createQueryBuilder('e')
                .where(`e.${column} IN (:...ids)`, { ids: [...ids] }),
            ),
          ),
          (row) => row[column] as number,
        ),
      ),
  );
}
