/*
 * Dates on screen. The offices are in China: "today" is the calendar day in China time (UTC+8), as
 * the API reckons it (api/src/common/dates.ts todayInChina), whatever the browser's time zone.
 */

/** Today in China, YYYY-MM-DD. */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A timestamp of the API (DateTimeISO) in the reader's language; null → "—". */
export const formatAt = (at: string | null | undefined, locale: string) => (at ? new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN') : '—');

/** This year in China. */
export const currentYear = () => Number(today().slice(0, 4));
