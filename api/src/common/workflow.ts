import type { EntityManager, ObjectLiteral } from 'typeorm';
import { AppError, ErrorCode } from './errors';

/**
 * A workflow as a transition table (after Vendure's order / refund processes):
 * `{ DRAFT: ['SUBMITTED', 'CANCELLED'], … }` lists where each state may go next.
 */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from]?.includes(to) ?? false;
}

/** CONFLICT naming both states when the table does not allow the move. */
export function assertTransition<S extends string>(table: TransitionTable<S>, typeName: string, id: number, from: S, to: S): void {
  if (!canTransition(table, from, to)) {
    throw new AppError(ErrorCode.CONFLICT, `${typeName} ${id} is ${from}; it cannot move to ${to}`, { field: 'status', reason: 'INVALID_TRANSITION', from, to });
  }
}

/** A row that moves through a workflow: its state and a counter bumped on every change. */
export interface StatefulRow {
  id: number;
  status: string;
  version: number;
}

/**
 * Writes a state change only if the row is still in the state and version that were read:
 * `UPDATE … WHERE id = ? AND status = ? AND version = ?` must touch exactly one row, otherwise
 * another request got there first and this one gets CONFLICT. This, not `save()`, is what makes
 * a transition happen once when many requests race.
 */
export async function conditionalUpdate<T extends ObjectLiteral & StatefulRow>(
  em: EntityManager,
  entity: new () => T,
  typeName: string,
  read: StatefulRow,
  set: Partial<T>,
): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1' } as never)
    .where('id = :id AND status = :status AND version = :version', { id: read.id, status: read.status, version: read.version })
    .execute();
  if (result.affected !== 1) {
    throw new AppError(ErrorCode.CONFLICT, `${typeName} ${read.id} was changed by someone else meanwhile; reload it and try again`, { field: 'status', reason: 'STALE' });
  }
}
