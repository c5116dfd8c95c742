import { registerDecorator, type ValidationOptions } from 'class-validator';
import { badInput } from './errors';
import type { Reason } from './reasons';

/*
 * Money is integer fen (分) in the database and in arithmetic; people type and read yuan (元).
 * Yuan travel as decimal strings ("30000", "30000.5", "30000.50") so that no amount ever passes
 * through a binary float. Only digits and one decimal point are accepted: "30,000" could be thirty
 * thousand (a thousands separator) or thirty (a decimal comma, "30,50"), so a comma is refused rather
 * than guessed at. Every amount this platform stores is paid or budgeted, so zero is refused too.
 */

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Stable reasons of a refused amount (extensions.reason). */
export const AmountReason = {
  NOT_AN_AMOUNT: 'NOT_AN_AMOUNT',
  ZERO_AMOUNT: 'ZERO_AMOUNT',
} as const;

/** Why a yuan string is not an amount (reason and English text after the field name), or null. */
export function amountProblem(value: unknown): { reason: Reason; text: string } | null {
  const bad = (text: string) => ({ reason: AmountReason.NOT_AN_AMOUNT, text });
  if (typeof value !== 'string' || !value.trim()) return bad('must be an amount in yuan, e.g. 30000 or 30000.00');
  const v = value.trim();
  if (v.startsWith('-')) return bad('must not be negative');
  if (/[,，\s]/.test(v)) return bad(`must be an amount in yuan written with digits and a decimal point only, e.g. 30000 or 30000.50 (no commas or spaces), got "${value.slice(0, 40)}"`);
  if (/^\d+\.\d{3,}$/.test(v)) return bad('has more than two decimals: the smallest unit is one fen (0.01 yuan)');
  if (!YUAN.test(v)) return bad(`must be an amount in yuan, e.g. 30000 or 30000.00, got "${value.slice(0, 40)}"`);
  if (!/[1-9]/.test(v)) return { reason: AmountReason.ZERO_AMOUNT, text: 'must be more than zero' };
  return null;
}

/** Why a yuan string is not an amount (the text only), or null when it is one. */
export const yuanProblem = (value: unknown): string | null => amountProblem(value)?.text ?? null;

/** "30000.50" → 3000050. Throws a field error naming `field` (with its reason) when it is not an amount. */
export function yuanToFen(value: string, field: string): number {
  const problem = amountProblem(value);
  if (problem) throw badInput(field, `${field} ${problem.text}`, problem.reason);
  const [, whole, frac = ''] = YUAN.exec(value.trim())!;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw badInput(field, `${field} is too large`, AmountReason.NOT_AN_AMOUNT);
  return fen;
}

/** 3000050 → "30000.50" (no separators: the console formats for display). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * class-validator rule for yuan strings, so bad amounts are field errors before any work starts.
 * Two constraints (isYuan, isNonZeroYuan), so that each refusal carries its own reason (format-error's CONSTRAINT_REASONS).
 */
export function IsYuan(options?: ValidationOptions) {
  const rule = (name: string, reason: Reason) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: (a) => `${a.property} ${amountProblem(a.value)?.text ?? 'is not an amount'}`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || amountProblem(v)?.reason !== reason },
    });
  return (object: object, propertyName: string) => {
    rule('isYuan', AmountReason.NOT_AN_AMOUNT)(object, propertyName);
    rule('isNonZeroYuan', AmountReason.ZERO_AMOUNT)(object, propertyName);
  };
}

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const PLACE = ['', '拾', '佰', '仟'];
const GROUP = ['', '万', '亿', '万亿'];

/** Whole yuan in capitals, four digits a group (万, 亿); one 零 for any run of zeros between digits. */
function yuanInCapitals(n: number): string {
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g];
    if (v === 0) {
      zero = out !== '';
      continue;
    }
    if (zero || (out !== '' && v < 1000)) out += '零';
    zero = false;
    let started = false;
    let gap = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(v / 10 ** i) % 10;
      if (d === 0) {
        gap = started;
        continue;
      }
      if (gap) out += '零';
      started = true;
      gap = false;
      out += DIGIT[d] + PLACE[i];
    }
    out += GROUP[g];
  }
  return out;
}

/**
 * 大写金额: fen as the capital amount a voucher or approval form carries (会计基础工作规范 第五十二条):
 * 3000000 → 叁万元整, 1005005 → 壹万零伍拾元零伍分, 50 → 伍角整. "整" follows 元 or 角, never 分; a 零 stands
 * for zeros between digits, and for a zero 角 between 元 and 分.
 */
export function fenInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let out = yuan > 0 ? `${yuanInCapitals(yuan)}元` : '';
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGIT[jiao]}角`;
  else if (yuan > 0) out += '零';
  return f > 0 ? `${out}${DIGIT[f]}分` : `${out}整`;
}
