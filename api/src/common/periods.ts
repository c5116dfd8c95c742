import type { SelectQueryBuilder } from 'typeorm';

/*
 * Records valid for a period (validFrom … validTo, both inclusive, validTo null = open-ended):
 * post holdings, memberships, incentive rules. Dates are YYYY-MM-DD strings, so comparing them as
 * strings compares them as dates on both databases.
 */

/** `validFrom <= d AND (validTo IS NULL OR validTo >= d)`: in force on day d. */
export function inForceOn<T extends object>(qb: SelectQueryBuilder<T>, day: string, alias = 'e'): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.validFrom <= :asOf AND (${alias}.validTo IS NULL OR ${alias}.validTo >= :asOf)`, { asOf: day });
}

/** Rows whose period overlaps [from, to] (to null = open-ended). */
export function overlapping<T extends object>(qb: SelectQueryBuilder<T>, period: { validFrom: string; validTo: string | null }, alias = 'e'): SelectQueryBuilder<T> {
  qb.andWhere(`(${alias}.validTo IS NULL OR ${alias}.validTo >= :ovFrom)`, { ovFrom: period.validFrom });
  if (period.validTo) qb.andWhere(`${alias}.validFrom <= :ovTo`, { ovTo: period.validTo });
  return qb;
}
