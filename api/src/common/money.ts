import { registerDecorator, type ValidationOptions } from 'class-validator';
import { badInput } from './errors';

/*
 * Money is integer fen (分) in the database and in arithmetic; people type and read yuan (元).
 * Yuan travel as decimal strings ("30000", "30000.5", "30000.50") so that no amount ever passes
 * through a binary float.
 */

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Why a yuan string is not an amount, or null when it is one. */
export function yuanProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'must be an amount in yuan, e.g. 30000 or 30000.00';
  const v = value.trim().replace(/,/g, '');
  if (v.startsWith('-')) return 'must not be negative';
  if (/^\d+\.\d{3,}$/.test(v)) return 'has more than two decimals: the smallest unit is one fen (0.01 yuan)';
  if (!YUAN.test(v)) return `must be an amount in yuan, e.g. 30000 or 30000.00, got "${value}"`;
  return null;
}

/** "30,000.50" → 3000050. Throws a field error naming `field` when it is not an amount. */
export function yuanToFen(value: string, field: string): number {
  const problem = yuanProblem(value);
  if (problem) throw badInput(field, `${field} ${problem}`);
  const [, whole, frac = ''] = YUAN.exec(value.trim().replace(/,/g, ''))!;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw badInput(field, `${field} is too large`);
  return fen;
}

/** 3000050 → "30000.50" (no separators: the console formats for display). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** class-validator rule for yuan strings, so bad amounts are field errors before any work starts. */
export function IsYuan(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isYuan',
      target: object.constructor,
      propertyName,
      options: { message: (a) => `${a.property} ${yuanProblem(a.value) ?? 'is not an amount'}`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || yuanProblem(v) === null },
    });
}

