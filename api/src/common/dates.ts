import { badInput } from './errors';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function assertLocalDate(value: string, field: string): string {
  if (!isLocalDate(value)) throw badInput(field, `${field} must be a date written YYYY-MM-DD, got "${value}"`);
  return value;
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
