import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type ObjectLiteral, In } from 'typeorm';

/**
 * Per-request DataLoaders. `byId(Entity)` batches every id asked for in one tick into one
 * `WHERE id IN (…)` query; `named(key, factory)` holds loaders that group by something else.
 */
export class Loaders {
  private readonly cache = new Map<unknown, DataLoader<any, any>>();

  constructor(private readonly ds: DataSource) {}

  byId<T extends ObjectLiteral>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    let loader = this.cache.get(entity);
    if (!loader) {
      const repo = this.ds.getRepository(entity);
      loader = new DataLoader<number, T | null>(async (ids) => {
        const rows = await repo.findBy({ id: In([...ids]) } as never);
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
