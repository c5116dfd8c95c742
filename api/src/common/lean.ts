import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * The query's rows as entities, each column converted as TypeORM converts it (dates, booleans, JSON,
 * transformers), without TypeORM's general hydration — grouping rows by primary key for joins,
 * relation ids, and the after-load events for every entity and relation — which profiles
 * of the hot lists at city scale showed to cost more than reading the rows (issue 18). For a query on
 * one entity without joins (a list page, a loader's `IN (…)`); anything else takes TypeORM's way.
 */
export async function leanMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main?.hasMetadata || map.joinAttributes.length || map.relationIdAttributes.length) return qb.getMany();
  const meta = main.metadata;
  if (meta.afterLoadListeners.length || meta.treeType) return qb.getMany();
  const driver = qb.connection.driver;
  const raws = await qb.getRawMany<Record<string, unknown>>();
  if (!raws.length) return [];
  const columns = meta.columns
    .filter((c) => !c.isVirtualProperty && !c.isVirtual)
    .map((c) => ({ column: c, key: DriverUtils.buildAlias(driver, undefined, main.name, c.databaseName) }))
    .filter(({ key }) => key in raws[0]);
  return raws.map((raw) => {
    const entity = meta.create() as T;
    for (const { column, key } of columns) {
      column.setEntityValue(entity, driver.prepareHydratedValue(raw[key], column));
    }
    return entity;
  });
}
