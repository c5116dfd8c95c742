import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { charCount } from './input-limits';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './list';

/** A list request: react-admin paging (0-based page), sorting and a filter object. */
export interface ListQuery<F> {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: F | null;
}

export type FilterFn<T extends ObjectLiteral, F> = (qb: SelectQueryBuilder<T>, filter: F) => void;
export type Sort = Array<[string, 'ASC' | 'DESC']>;
/** A default order: columns, or a function that orders the query itself (e.g. by an expression). */
export type DefaultOrder<T extends ObjectLiteral> = Sort | ((qb: SelectQueryBuilder<T>) => void);

/*
 * A filter is bounded like a page: a search text longer than anything worth searching for, or more ids
 * than a page can show, is a client error (and on SQLite a LIKE pattern over 50 kB or a list of
 * 32,767 bound values is a server error).
 */
export const MAX_SEARCH_CHARS = 100;
export const MAX_FILTER_VALUES = 1000;

/** Refuses a filter whose `q` or any list (ids, statuses…) is over its maximum, naming `filter.<key>`. */
export function checkFilter(filter: unknown): void {
  if (!filter || typeof filter !== 'object') return;
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value) && value.length > MAX_FILTER_VALUES) {
      throw badInput(`filter.${key}`, `filter.${key} lists ${value.length} values; at most ${MAX_FILTER_VALUES} (ask page by page)`, 'TOO_MANY', { max: MAX_FILTER_VALUES });
    }
  }
  const q = (filter as { q?: unknown }).q;
  if (typeof q === 'string') checkSearchText(q);
}

/** A search text of at most MAX_SEARCH_CHARS characters. */
export function checkSearchText(text: string, field = 'filter.q'): void {
  const n = charCount(text.trim());
  if (n > MAX_SEARCH_CHARS) throw badInput(field, `${field} is ${n} characters long; search with at most ${MAX_SEARCH_CHARS}`, 'TOO_LONG', { maxLength: MAX_SEARCH_CHARS });
}

/** How many rows the filter matches. */
export function countList<T extends ObjectLiteral, F>(ds: DataSource, entity: EntityTarget<T>, filter: F | null | undefined, applyFilter: FilterFn<T, F>): Promise<number> {
  checkFilter(filter);
  const qb = ds.getRepository(entity).createQueryBuilder('e');
  if (filter) applyFilter(qb, filter);
  return qb.getCount();
}

/**
 * Builds `SELECT … FROM <entity> e` with the filter, sort and page applied. Sort fields are checked
 * against the entity's columns and the service's derived sorts (SQL the server wrote), so nothing
 * from the client reaches SQL unescaped.
 */
export function runList<T extends ObjectLiteral, F>(
  ds: DataSource,
  entity: EntityTarget<T>,
  q: ListQuery<F>,
  applyFilter: FilterFn<T, F>,
  defaultSort: DefaultOrder<T> = [['id', 'ASC']],
  derivedSorts: Record<string, string> = {},
): SelectQueryBuilder<T> {
  checkFilter(q.filter);
  const qb = ds.getRepository(entity).createQueryBuilder('e');
  if (q.filter) applyFilter(qb, q.filter);
  const meta = ds.getMetadata(entity);
  const derived = q.sortField && Object.hasOwn(derivedSorts, q.sortField) ? derivedSorts[q.sortField] : undefined;
  const sortOrder = (): 'ASC' | 'DESC' => {
    const order = (q.sortOrder ?? 'ASC').toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') throw badInput('sortOrder', 'sortOrder must be ASC or DESC', 'BAD_SORT');
    return order;
  };
  if (derived) {
    const order = sortOrder();
    qb.addSelect(derived, 'sort_key').orderBy('sort_key', order).addOrderBy('e.id', order);
  } else if (q.sortField) {
    const column = meta.findColumnWithPropertyName(q.sortField);
    if (!column) throw badInput('sortField', `Cannot sort by "${q.sortField}"`, 'BAD_SORT');
    const order = sortOrder();
    qb.orderBy(`e.${column.propertyName}`, order);
    if (column.propertyName !== 'id') qb.addOrderBy('e.id', order);
  } else if (typeof defaultSort === 'function') {
    defaultSort(qb);
  } else {
    defaultSort.forEach(([field, order], i) => (i === 0 ? qb.orderBy(`e.${field}`, order) : qb.addOrderBy(`e.${field}`, order)));
  }
  const hasIds = Boolean((q.filter as { ids?: unknown[] } | null | undefined)?.ids?.length);
  if (q.perPage != null || q.page != null || !hasIds) {
    const perPage = q.perPage ?? DEFAULT_PER_PAGE;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw badInput('perPage', `perPage must be between 1 and ${MAX_PER_PAGE}`, 'OUT_OF_RANGE');
    }
    const page = q.page ?? 0;
    if (!Number.isInteger(page) || page < 0) throw badInput('page', 'page must be 0 or more', 'OUT_OF_RANGE');
    qb.skip(page * perPage).take(perPage);
  }
  return qb;
}

/** Escapes % and _ for a LIKE pattern (escape character "!": a backslash means different things in MySQL and SQLite). */
export function likePattern(text: string, field = 'filter.q'): string {
  checkSearchText(text, field);
  return `%${text.trim().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** `(e.a LIKE :q OR e.b LIKE :q)` for a text search over some columns. */
export function applySearch<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: string[], text: string | undefined | null): void {
  // A type with nothing to search ignores q rather than sending `WHERE ()`.
  if (!text || !text.trim() || columns.length === 0) return;
  const cond = columns.map((c) => `e.${c} LIKE :q ESCAPE '!'`).join(' OR ');
  qb.andWhere(`(${cond})`, { q: likePattern(text) });
}
