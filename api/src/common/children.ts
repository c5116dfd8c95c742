import { type EntityManager, In, type ObjectLiteral } from 'typeorm';

/**
 * Replaces the child rows of a parent with `rows`, matching existing children by a natural key
 * (a rule line by recipient role, a criterion by code): matched rows are updated in place and keep
 * their id, missing ones are deleted, new ones inserted.
 */
export async function syncChildren<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  entity: new () => T,
  parent: { column: keyof T & string; id: number },
  matchBy: keyof T & string,
  rows: Array<Partial<T>>,
): Promise<void> {
  const existing = await em.find(entity, { where: { [parent.column]: parent.id } as never });
  const byKey = new Map<unknown, T>(existing.map((row) => [row[matchBy], row]));
  const keep = new Set<unknown>(rows.map((row) => row[matchBy]));
  const gone = existing.filter((row) => !keep.has(row[matchBy])).map((row) => row.id);
  if (gone.length) await em.delete(entity, { id: In(gone) } as never);
  for (const row of rows) {
    const match = byKey.get(row[matchBy]);
    if (match) await em.update(entity, { id: match.id } as never, row as never);
    else await em.insert(entity, { ...row, [parent.column]: parent.id } as never);
  }
}
