/*
 * Money on screen: the API gives integer fen and yuan strings; people read "¥30,000.00" and type
 * yuan. Arithmetic stays in fen; fen / 100 is only ever formatted, never added up.
 */

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const currentYear = () => Number(today().slice(0, 4));

const formats = new Map<string, Intl.NumberFormat>();
/** 3000000 → "¥30,000.00" (zh) or "CN¥30,000.00" (en); null → "—". */
export function formatFen(fen: number | null | undefined, locale: string): string {
  if (fen === null || fen === undefined) return '—';
  const tag = locale === 'en' ? 'en-GB' : 'zh-CN';
  if (!formats.has(tag)) formats.set(tag, new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY' }));
  return formats.get(tag)!.format(fen / 100);
}

/** Same rule as the API (api/src/common/money.ts): yuan with at most two decimals, commas allowed. */
const YUAN = /^\d{1,13}(\.\d{1,2})?$/;
/** Form validator for a yuan text input; empty passes (combine with required() where needed). */
export const yuan = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  return YUAN.test(String(value).trim().replace(/,/g, '')) ? undefined : 'app.incentives.errors.bad_amount';
};

/**
 * One key per intended action (a dialog opening), so a double click or a retry after a lost
 * response cannot act twice. crypto.randomUUID exists only in secure contexts (https, localhost);
 * an office intranet on plain http still has crypto.getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A timestamp of the API (DateTimeISO) in the reader's language. */
export const formatAt = (at: string | null | undefined, locale: string) => (at ? new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN') : '—');
