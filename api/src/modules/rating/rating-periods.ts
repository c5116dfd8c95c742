import type { RatingPeriodKind } from './rating.enums';

/*
 * 考核周期 are calendar periods: a QUARTER period is one calendar quarter (2025-01-01..2025-03-31,
 * coded 2025Q1), a HALF_YEAR period one calendar half (2025-07-01..2025-12-31, coded 2025H2). Two
 * editions of one scheme then never speak about the same day, and a period's code says which days
 * it rates: partners ask for a period by its code. Pure date arithmetic on YYYY-MM-DD strings, with no
 * imports but types, so the console prefills its period form with the same rule
 * (admin/src/resources/rating/periods.tsx); the service applies it (rating.service.ts, assertRatingPeriod).
 */

/** A kind as the API spells it: a key of the table below, so a new RatingPeriodKind does not compile until it says how it cuts a year. */
export type PeriodKindName = `${RatingPeriodKind}`;

/** One whole calendar period of a kind: its code and its first and last day (inclusive). */
export interface CalendarPeriod {
  code: string;
  startDate: string;
  endDate: string;
}

/** How each kind cuts a year: into parts of `months` months from January, the n-th coded `code(year, n)`. */
const KINDS: Record<PeriodKindName, { months: number; part: string; code: (year: number, n: number) => string }> = {
  QUARTER: { months: 3, part: 'quarter', code: (year, n) => `${year}Q${n}` },
  HALF_YEAR: { months: 6, part: 'half-year', code: (year, n) => `${year}H${n}` },
};

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar period of `kind` that `day` (YYYY-MM-DD) falls in; null for a day that is not written YYYY-MM-DD. */
export function calendarPeriodOf(kind: PeriodKindName, day: string): CalendarPeriod | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const shape = KINDS[kind];
  if (!m || !shape) return null;
  const year = Number(m[1]);
  const n = Math.floor((Number(m[2]) - 1) / shape.months) + 1;
  const last = n * shape.months;
  return { code: shape.code(year, n), startDate: `${year}-${pad(last - shape.months + 1)}-01`, endDate: `${year}-${pad(last)}-${pad(daysIn(year, last))}` };
}

/** What is wrong with a period for a kind: the field at fault, the reason (a declared ErrorReason), a sentence, and the calendar period meant. */
export interface PeriodProblem {
  field: 'startDate' | 'endDate' | 'code';
  reason: 'PERIOD_NOT_CALENDAR' | 'PERIOD_CODE_MISMATCH';
  message: string;
  expected: CalendarPeriod;
}

/**
 * Whether a period is one whole calendar period of `kind`, coded as such (the code compared without
 * regard to case or surrounding spaces): null when it is, else the first thing wrong. The start is
 * judged first (the period it falls in is the one meant), then the end, then the code.
 */
export function periodProblem(kind: PeriodKindName, p: { code: string; startDate: string; endDate: string }): PeriodProblem | null {
  const expected = calendarPeriodOf(kind, p.startDate);
  if (!expected) return null; // not a date: the LocalDate scalar refuses it before any rule runs
  const { part } = KINDS[kind];
  const rule = `A ${kind} period runs from the first day of a calendar ${part} to its last`;
  if (p.startDate !== expected.startDate) {
    return {
      field: 'startDate',
      reason: 'PERIOD_NOT_CALENDAR',
      message: `${rule} (e.g. ${expected.startDate}..${expected.endDate}, ${expected.code}): ${p.startDate} is not the first day of a ${part}`,
      expected,
    };
  }
  if (p.endDate !== expected.endDate) {
    return { field: 'endDate', reason: 'PERIOD_NOT_CALENDAR', message: `${rule}: ${expected.startDate}..${expected.endDate}, not ${p.startDate}..${p.endDate}`, expected };
  }
  if ((p.code ?? '').trim().toUpperCase() !== expected.code) {
    return { field: 'code', reason: 'PERIOD_CODE_MISMATCH', message: `The ${kind} period ${expected.startDate}..${expected.endDate} is coded ${expected.code}, not ${p.code}`, expected };
  }
  return null;
}
