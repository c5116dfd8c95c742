/*
 * Money on screen: the API gives integer fen and yuan strings; people read "¥30,000.00" and type
 * yuan. Arithmetic stays in fen; fen / 100 is only ever formatted, never added up.
 */

const formats = new Map<string, Intl.NumberFormat>();
/** 3000000 → "¥30,000.00" (zh) or "CN¥30,000.00" (en); null → "—". */
export function formatFen(fen: number | null | undefined, locale: string): string {
  if (fen === null || fen === undefined) return '—';
  const tag = locale === 'en' ? 'en-GB' : 'zh-CN';
  if (!formats.has(tag)) formats.set(tag, new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY' }));
  return formats.get(tag)!.format(fen / 100);
}

/** Same rule as the API (api/src/common/money.ts): digits and at most two decimals, no commas, more than zero. */
const YUAN = /^\d{1,13}(\.\d{1,2})?$/;
/** Form validator for a yuan text input; empty passes (combine with required() where needed). */
export const yuan = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const v = String(value).trim();
  if (!YUAN.test(v)) return 'app.incentives.errors.bad_amount';
  return /[1-9]/.test(v) ? undefined : 'app.incentives.errors.zero_amount';
};

/** A field label without its fen unit (预算（分） → 预算), for where the amount is shown in yuan. */
export const withoutFenUnit = (label: string) => label.replace(/\s*[（(](分|fen)[）)]\s*$/, '');
