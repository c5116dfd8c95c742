import { badInput } from './errors';
import type { Reason } from './reasons';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/*
 * Every date the API accepts lies in [MIN_DATE, MAX_DATE]: nothing this office records predates the
 * platform's documents by decades, and a year 0000 or 9999 is a typing slip, not a plan. Dates that
 * speak for something that happened ("past dates": report, payment, step, succession dates) also end today.
 */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';

/** Stable reasons of a refused date (extensions.reason). */
export const DateReason = {
  NOT_A_DATE: 'NOT_A_DATE',
  DATE_OUT_OF_RANGE: 'DATE_OUT_OF_RANGE',
  FUTURE_DATE: 'FUTURE_DATE',
} as const;

/** True for a real calendar date written YYYY-MM-DD (any year; see dateProblem for the accepted range). */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Why a value is not an acceptable date (reason and English text after the field name), or null. */
export function dateProblem(value: unknown, o: { past?: boolean; today?: string } = {}): { reason: Reason; text: string } | null {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    return { reason: DateReason.NOT_A_DATE, text: `must be a real date written YYYY-MM-DD, got "${String(value).slice(0, 40)}"` };
  }
  if (value < MIN_DATE || value > MAX_DATE) {
    return { reason: DateReason.DATE_OUT_OF_RANGE, text: `must be between ${MIN_DATE} and ${MAX_DATE}, got ${value}` };
  }
  const today = o.today ?? todayInChina();
  if (o.past && value > today) {
    return { reason: DateReason.FUTURE_DATE, text: `${value} is in the future: record what has happened, up to today (${today})` };
  }
  return null;
}

/** A date in [MIN_DATE, MAX_DATE], or BAD_USER_INPUT naming the field. */
export function assertLocalDate(value: unknown, field: string): string {
  const p = dateProblem(value);
  if (p) throw badInput(field, `${field} ${p.text}`, p.reason);
  return value as string;
}

/** A date from MIN_DATE to today (China): when something happened. BAD_USER_INPUT naming the field otherwise. */
export function assertPastDate(value: unknown, field: string, today = todayInChina()): string {
  const p = dateProblem(value, { past: true, today });
  if (p) throw badInput(field, `${field} ${p.text}`, p.reason);
  return value as string;
}

/** Today in China (the offices' calendar), as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date plus n days (n may be negative). */
export function addDays(value: string, n: number): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The day before a YYYY-MM-DD date. */
export const dayBefore = (value: string): string => addDays(value, -1);

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant of a day in China, for comparing a timestamp column with a calendar day. */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
