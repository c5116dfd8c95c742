/*
 * Dates on screen. The offices are in China: "today" is the calendar day in China time (UTC+8), as
 * the API reckons it (api/src/common/dates.ts todayInChina), whatever the browser's time zone.
 */

/** A day of the API (LocalDate, YYYY-MM-DD). */
export const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A timestamp of the API (DateTimeISO, 2025-03-01T06:05:00.000Z). */
export const isMoment = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);

/** Today in China, YYYY-MM-DD. */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A timestamp of the API (DateTimeISO) as its day and time in China in the reader's language (2025年3月1日 14:05); null → "—". */
export const formatAt = (at: string | null | undefined, locale: string) => (at ? formatDayTime(at, locale) : '—');

/** This year in China. */
export const currentYear = () => Number(today().slice(0, 4));

/** A day (YYYY-MM-DD) in the reader's language: 2025年3月1日, or 1 Mar 2025; anything else as it is. */
export function formatDay(day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return locale === 'en' ? new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }) : `${y}年${mo}月${d}日`;
}

/** The day in China (YYYY-MM-DD) of a timestamp of the API. */
export const chinaDayOf = (at: string) => new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A timestamp of the API as its day in China in the reader's language and the time of day: 2025年3月1日 14:05. */
export const formatDayTime = (at: string, locale: string) => `${formatDay(chinaDayOf(at), locale)} ${new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
