import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/*
 * Records valid for a period (from … to, both inclusive, to null = open-ended): post holdings,
 * memberships, incentive rules, owners' committees, party organisations. Dates are YYYY-MM-DD
 * strings, so comparing them as strings compares them as dates on both databases.
 */

/** `validFrom <= d AND (validTo IS NULL OR validTo >= d)`: in force on day d. */
export function inForceOn<T extends object>(qb: SelectQueryBuilder<T>, day: string, alias = 'e'): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.validFrom <= :asOf AND (${alias}.validTo IS NULL OR ${alias}.validTo >= :asOf)`, { asOf: day });
}

/** Rows whose period overlaps [from, to] (to null = open-ended). */
export function overlapping<T extends object>(
  qb: SelectQueryBuilder<T>,
  period: { validFrom: string; validTo: string | null },
  alias = 'e',
  keys: { from: string; to: string } = { from: 'validFrom', to: 'validTo' },
): SelectQueryBuilder<T> {
  qb.andWhere(`(${alias}.${keys.to} IS NULL OR ${alias}.${keys.to} >= :ovFrom)`, { ovFrom: period.validFrom });
  if (period.validTo) qb.andWhere(`${alias}.${keys.from} <= :ovTo`, { ovTo: period.validTo });
  return qb;
}

/** Stable reasons of a refused period (extensions.reason). */
export const PeriodReason = { END_BEFORE_START: 'END_BEFORE_START', OVERLAP: 'OVERLAP' } as const;

/** What makes two rows of a dated record "the same thing", which may not hold twice on one day. */
export interface PeriodRule<T extends ObjectLiteral> {
  entity: new () => T;
  /** The period's first and last day (inclusive; last null = open-ended). */
  from: keyof T & string;
  to: keyof T & string;
  /** Columns that are equal for rows that may not overlap (e.g. post and person). */
  scope: Array<keyof T & string>;
  /** The field an overlap is reported on, and the sentence that says what overlaps. */
  field: string;
  overlap: string;
}

/**
 * The one check every dated record passes on create and update: the period ends on or after it
 * starts (field `to`, reason END_BEFORE_START), and no other row of the same scope overlaps it
 * (field `rule.field`, reason OVERLAP, with the other row's id and dates).
 */
export async function assertPeriod<T extends ObjectLiteral>(em: EntityManager, rule: PeriodRule<T>, row: T, selfId?: number | null): Promise<void> {
  const from = row[rule.from] as string;
  const to = (row[rule.to] ?? null) as string | null;
  if (to !== null && from && to < from) throw badInput(rule.to, `${rule.to} cannot be before ${rule.from} (${to} < ${from})`, PeriodReason.END_BEFORE_START);
  const other = await overlapOf(em, rule, row, selfId);
  if (other) {
    const [otherFrom, otherTo] = [other[rule.from] as string, (other[rule.to] ?? null) as string | null];
    throw badInput(rule.field, `${rule.overlap}: ${rule.from} ${otherFrom} to ${otherTo ?? 'open end'} (id ${other.id})`, PeriodReason.OVERLAP, {
      overlapId: String(other.id),
      overlapFrom: otherFrom,
      overlapTo: otherTo,
    });
  }
}

/** The first other row of the same scope whose period overlaps the row's, or null. */
export function overlapOf<T extends ObjectLiteral>(em: EntityManager, rule: PeriodRule<T>, row: T, selfId?: number | null): Promise<T | null> {
  const qb = em.createQueryBuilder(rule.entity, 'p');
  rule.scope.forEach((column, i) => {
    const value = row[column];
    if (value === null || value === undefined) qb.andWhere(`p.${column} IS NULL`);
    else qb.andWhere(`p.${column} = :s${i}`, { [`s${i}`]: value });
  });
  overlapping(qb, { validFrom: row[rule.from] as string, validTo: (row[rule.to] ?? null) as string | null }, 'p', { from: rule.from, to: rule.to });
  if (selfId) qb.andWhere('p.id <> :self', { self: selfId });
  return qb.orderBy(`p.${rule.from}`, 'ASC').getOne();
}
