import type { TranslateFunction } from 'react-admin';

/*
 * The periods an office reads its recurring duties by (定期工作落实情况): a month or a quarter, keyed as
 * the API keys a duty's periods (2025-07, 2025Q3), the current one first.
 */

export type PeriodKind = 'QUARTER' | 'MONTH';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The periods of a kind from the one `day` falls in back `count` periods, newest first. */
export function periodChoices(kind: PeriodKind, day: string, count: number): string[] {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const out: string[] = [];
  if (kind === 'QUARTER') {
    let index = year * 4 + Math.ceil(month / 3) - 1;
    for (let i = 0; i < count; i++, index--) out.push(`${Math.floor(index / 4)}Q${(index % 4) + 1}`);
  } else {
    let index = year * 12 + month - 1;
    for (let i = 0; i < count; i++, index--) out.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  return out;
}

/** The first and last day of a month (2025-07) or quarter (2025Q3). */
export function periodRange(key: string): { from: string; to: string } {
  const year = Number(key.slice(0, 4));
  const quarter = /^\d{4}Q([1-4])$/.exec(key);
  const [first, last] = quarter ? [Number(quarter[1]) * 3 - 2, Number(quarter[1]) * 3] : [Number(key.slice(5, 7)), Number(key.slice(5, 7))];
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** A period key of the API (2025Q3, 2025-07, 2025H2, 2025W27, 2025) in the reader's language. */
export function periodLabel(translate: TranslateFunction, key: string): string {
  const year = key.slice(0, 4);
  const [, kind, n] = /^\d{4}(Q|H|W|-)?(\d+)?$/.exec(key) ?? [];
  if (kind === 'Q') return translate('app.duties.period.quarter', { year, n: Number(n) });
  if (kind === 'H') return translate(n === '1' ? 'app.duties.period.first_half' : 'app.duties.period.second_half', { year });
  if (kind === 'W') return translate('app.duties.period.week', { year, n: Number(n) });
  if (kind === '-') return translate('app.duties.period.month', { year, n: Number(n) });
  return translate('app.duties.period.year', { year });
}
