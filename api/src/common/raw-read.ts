import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { readCondition } from './scope';

/*
 * Hot reads written as SQL, their rows made into entities the way TypeORM converts columns (dates,
 * booleans, JSON, transformers) — without building the statement through the query builder on every
 * request, nor its general hydration. Profiles of the partner endpoint at city scale (issue 18) showed
 * TypeORM's statement building (getQuery, property-name replacement, select expressions) and its
 * result transformation costing more CPU than the rest of a companyStanding request. The select list
 * of an entity under an alias is made once and kept; the SQL text is the caller's, with `?`
 * placeholders (MariaDB/MySQL and SQLite both take them) and identifiers in backticks (both take those).
 * For reads of one or a few entities joined one-to-one; anything with collections takes TypeORM's way.
 *
 * The scope rule (common/scope.ts) is not applied to SQL text by itself: `rawEntities` and `rawCount`
 * put `readable(ds, Entity, alias)` of the main table in every WHERE they write, the condition the
 * patched query builder adds to the main table of every SELECT (joined tables are not filtered, there
 * as here). Reads go through them, not through `ds.query` with a select list of their own.
 */

interface Compiled {
  meta: EntityMetadata;
  /** `a`.`col` AS `a__col`, … */
  list: string;
  columns: Array<{ column: ColumnMetadata; key: string }>;
}

/** Per data source, entity class and alias: looked up on every row, so no key is built. */
const compiled = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, Compiled>>>();

function compile(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): Compiled {
  let byEntity = compiled.get(ds);
  if (!byEntity) compiled.set(ds, (byEntity = new Map()));
  let byAlias = byEntity.get(entity);
  if (!byAlias) byEntity.set(entity, (byAlias = new Map()));
  let c = byAlias.get(alias);
  if (!c) {
    if (!/^[a-z][a-z0-9_]*$/i.test(alias)) throw new Error(`raw-read: alias "${alias}" must be a plain identifier`);
    const meta = ds.getMetadata(entity);
    const columns = meta.columns.filter((col) => !col.isVirtualProperty && !col.isVirtual).map((column) => ({ column, key: `${alias}__${column.databaseName}` }));
    c = { meta, columns, list: columns.map(({ column, key }) => `\`${alias}\`.\`${column.databaseName}\` AS \`${key}\``).join(', ') };
    byAlias.set(alias, c);
  }
  return c;
}

/** The SELECT list of every column of `entity` under `alias`, for `hydrate` to read back. */
export function selectList(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return compile(ds, entity, alias).list;
}

/** One raw row's columns under `alias` as an entity of `entity`'s class. */
export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, alias: string, raw: Record<string, unknown>): T {
  const { meta, columns } = compile(ds, entity as EntityTarget<ObjectLiteral>, alias);
  const driver = ds.driver;
  const out = meta.create() as T;
  for (const { column, key } of columns) column.setEntityValue(out, driver.prepareHydratedValue(raw[key], column));
  return out;
}

/** The scope rule's condition on `entity` under `alias` for the request's viewer, in parentheses, or `1 = 1` where it reads everything. */
export function readable(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const condition = readCondition(ds, ds.getMetadata(entity).target as Function, alias);
  return condition ? `(${condition})` : '1 = 1';
}

/**
 * Rows of `entity` under `alias` as entities: `SELECT <its columns> FROM <its table> <alias>`, the scope
 * rule's condition on it always in the WHERE (so a raw read cannot forget it), then `where` (AND-ed)
 * and `tail` (ORDER BY, LIMIT). `also` adds the columns of tables joined one-to-one in `join`; their
 * rows come back through `hydrate` on the raw row (the `raw` of each result).
 */
export async function rawEntities<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  sql: { where?: string; tail?: string; join?: string; also?: Array<[EntityTarget<ObjectLiteral>, string]> },
  params: unknown[],
): Promise<Array<{ entity: T; raw: Record<string, unknown> }>> {
  const lists = [selectList(ds, entity as EntityTarget<ObjectLiteral>, alias), ...(sql.also ?? []).map(([e, a]) => selectList(ds, e, a))];
  const rows: Array<Record<string, unknown>> = await ds.query(
    `SELECT ${lists.join(', ')} ${fromScoped(ds, entity as EntityTarget<ObjectLiteral>, alias, sql.join, sql.where)}${sql.tail ? ` ${sql.tail}` : ''}`,
    params,
  );
  return rows.map((raw) => ({ entity: hydrate(ds, entity, alias, raw), raw }));
}

/** How many rows of `entity` a `where` matches, the scope rule's condition included. */
export async function rawCount(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, where: string, params: unknown[]): Promise<number> {
  const [{ n }] = await ds.query(`SELECT COUNT(*) AS n ${fromScoped(ds, entity, alias, undefined, where)}`, params);
  return Number(n);
}

function fromScoped(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, join: string | undefined, where: string | undefined): string {
  const table = compile(ds, entity, alias).meta.tableName;
  return `FROM \`${table}\` \`${alias}\`${join ? ` ${join}` : ''} WHERE ${readable(ds, entity, alias)}${where ? ` AND ${where}` : ''}`;
}

/** `?, ?, ?` for a list of values bound in an IN (…); the list must not be empty. */
export function placeholders(values: readonly unknown[]): string {
  if (!values.length) throw new Error('raw-read: an empty IN list');
  return values.map(() => '?').join(', ');
}
