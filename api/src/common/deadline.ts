/*
 * 完成时限: one grammar for every deadline the offices print or type — in the seeds, in an imported
 * task list, in a form. Pure TypeScript with no server imports: the console bundles it to say, as
 * the user types, what it understood.
 *
 * What it reads (the printed text is always kept beside what was understood):
 * - a date: 2025-03-31, 2025/3/31, 2025.3.31, 2025年3月31日, with 前 / 完成 / 前完成 after it;
 * - the end of a month: 2025年3月底(前), 2025年5月底前, 至2024年12月底, 2025年3月;
 * - the end of a quarter or half: 2025年第一季度, 2025年一季度, 2025年Q1, 2025年上半年, 2025年下半年;
 * - the end of a year: 2024年, 2024年底(前), 2025年年底前, 到2027年年底, 2024年完成, 2025年基本实现全覆盖;
 *   "到2027年前" is before 2027 began: 2026-12-31;
 * - the same without a year (12月15日前完成, 10月底前, 年底, 第一季度, 上半年): resolved against the
 *   year given (the plan's or the document's), or YEAR_REQUIRED when none is given;
 * - a span from the document's year: 五年, 三年内 (that year + N, 31 December);
 * - 长期坚持 (ongoing), and "2024年完成，并长期坚持" (due, then ongoing);
 * - recurrences: 每周, 每月, 每季度 / 每季, 每半年, 每年 / 每年度, with a minimum count ("每月不少于1次",
 *   "每季至少召开1次会议", "每周开展1次") and the due day of each occurrence when printed
 *   ("每季度第一个月的月底前": by the end of the next quarter's first month).
 * Anything else is refused with a code (UNKNOWN_DEADLINE, YEAR_REQUIRED, BAD_DATE), never guessed.
 */

/** The kinds of deadline (the DeadlineKind enum of the task module has the same values). */
export const DEADLINE_KINDS = ['ONGOING', 'DUE', 'DUE_THEN_ONGOING', 'RECURRING'] as const;
export type DeadlineKindValue = (typeof DEADLINE_KINDS)[number];

/** How often a recurring duty comes round (the RecurrenceUnit enum has the same values). */
export const RECURRENCE_UNITS = ['WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const;
export type RecurrenceUnitValue = (typeof RECURRENCE_UNITS)[number];

export interface Recurrence {
  unit: RecurrenceUnitValue;
  /** At least this many times in each period (每月不少于2次 → 2). */
  times: number;
  /** Each occurrence is due this many months after its period ends (每季度第一个月的月底前 → 1); 0: by the period's last day. */
  lagMonths: number;
}

export interface ReadDeadline {
  /** The text as printed or typed (trimmed). */
  printed: string;
  kind: DeadlineKindValue;
  /** The day it is due by (ONGOING and RECURRING: null). */
  due: string | null;
  recurrence: Recurrence | null;
  /** The year was not printed: it came from the context. */
  yearFromContext: boolean;
  /** Ongoing from a day ("自2025年起"): the first day; otherwise null. */
  from: string | null;
}

export type DeadlineProblem = 'UNKNOWN_DEADLINE' | 'YEAR_REQUIRED' | 'BAD_DATE';

export class DeadlineError extends Error {
  constructor(
    readonly code: DeadlineProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface DeadlineContext {
  /** The year a year-less deadline falls in (the plan's or the document's year). */
  year?: number | null;
}

const CN: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1–99 in Arabic or Chinese numerals (三, 十, 十二, 二十). */
function number(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return NaN;
  if (!text.includes('十')) return text.length === 1 ? CN[text] : NaN;
  const [tens, ones] = text.split('十');
  return (tens ? CN[tens] : 1) * 10 + (ones ? CN[ones] : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const endOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;

function day(year: number, month: number, d: number, printed: string): string {
  if (month < 1 || month > 12 || d < 1 || d > lastDayOfMonth(year, month)) throw new DeadlineError('BAD_DATE', `"${printed}" is not a real day`);
  if (year < 2000 || year > 2100) throw new DeadlineError('BAD_DATE', `"${printed}" is not between 2000 and 2100`);
  return `${year}-${pad(month)}-${pad(d)}`;
}

/** Full-width digits and letters as ASCII, no spaces, 〇 for the zero some documents print as ○. */
function normalise(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/○/g, '〇')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');
}

/** What a date phrase may end with: 前, 完成, 前完成, 基本实现全覆盖, 前落实问题… (a verb of completion and what follows it). */
const TAIL = /(?:之前|以前|前)?(?:全面|基本|全部)?(?:完成|实现|建成|落实|到位|达到|达标|覆盖)[\u4e00-\u9fff]*$|(?:之前|以前|前)$/;
/** What a date phrase may start with: 到, 至, 于, 在, 截至, 截止. */
const HEAD = /^(?:截至|截止|到|至|于|在)/;

const RECUR: Array<[RegExp, RecurrenceUnitValue]> = [
  [/^每(?:周|星期)/, 'WEEK'],
  [/^每(?:个)?月/, 'MONTH'],
  [/^每(?:个)?季度?/, 'QUARTER'],
  [/^每半年/, 'HALF_YEAR'],
  [/^每(?:一)?年度?/, 'YEAR'],
];

function recurrence(text: string, printed: string): Recurrence | null {
  const hit = RECUR.find(([re]) => re.test(text));
  if (!hit) return null;
  const [re, unit] = hit;
  let rest = text.replace(re, '');
  let lagMonths = 0;
  // 每季度第一个月的月底前 (001 三(三)1): by the end of the next period's first month
  const lag = /^(?:的)?第一个月(?:的)?月底(?:前)?/.exec(rest);
  if (lag) {
    if (unit === 'WEEK' || unit === 'MONTH') throw new DeadlineError('UNKNOWN_DEADLINE', `"${printed}": a first month is a quarter's, a half's or a year's`);
    lagMonths = 1;
    rest = rest.slice(lag[0].length);
  }
  let times = 1;
  const count = /(?:至少|不少于|不低于|最少)?([\d]+|[一二两三四五六七八九十]+)(?:次|个|份|场|期)/.exec(rest);
  if (count) {
    times = number(count[1]);
    rest = rest.slice(0, count.index) + rest.slice(count.index + count[0].length);
  }
  // what is left is the duty's own words (召开, 开展…会议): no further number or time may hide there
  if (/[\d一二两三四五六七八九十]+(?:日|号|天|个?月|周|星期|季度?|年)|[上中下]旬|月[底初末]|年[底初末]|\d/.test(rest))
    throw new DeadlineError('UNKNOWN_DEADLINE', `"${printed}": the recurrence is read, but not "${rest}"`);
  if (!(times >= 1 && times <= 31)) throw new DeadlineError('UNKNOWN_DEADLINE', `"${printed}": ${times} times is not a count`);
  return { unit, times, lagMonths };
}

/** A due day from a date phrase (no recurrence, no 长期坚持), with whether the year came from the context. */
function dueDay(text: string, printed: string, ctx: DeadlineContext): { due: string; yearFromContext: boolean } {
  let t = text.replace(HEAD, '');
  // 到2027年前: before 2027 began
  const before = /^(\d{4})年(?:之前|以前|前)$/.exec(t);
  if (before) return { due: day(Number(before[1]) - 1, 12, 31, printed), yearFromContext: false };
  t = t.replace(TAIL, '');
  const need = (y: string | undefined): { year: number; fromContext: boolean } => {
    if (y) return { year: Number(y), fromContext: false };
    if (ctx.year == null) throw new DeadlineError('YEAR_REQUIRED', `"${printed}" names no year, and there is no plan year to read it in`);
    return { year: ctx.year, fromContext: true };
  };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t))) return { due: day(Number(m[1]), Number(m[2]), Number(m[3]), printed), yearFromContext: false };
  const Y = '(?:(\\d{4})年)?';
  const M = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
  if ((m = new RegExp(`^${Y}${M}月(\\d{1,2})(?:日|号)$`).exec(t))) {
    const { year, fromContext } = need(m[1]);
    return { due: day(year, number(m[2]), Number(m[3]), printed), yearFromContext: fromContext };
  }
  if ((m = new RegExp(`^${Y}${M}月(?:份)?(?:底|末|末期)?$`).exec(t))) {
    const { year, fromContext } = need(m[1]);
    const month = number(m[2]);
    if (!(month >= 1 && month <= 12)) throw new DeadlineError('BAD_DATE', `"${printed}" names no month`);
    day(year, month, 1, printed);
    return { due: endOfMonth(year, month), yearFromContext: fromContext };
  }
  if ((m = new RegExp(`^${Y}(?:第)?([1-4一二三四])季度(?:末|底)?$|^${Y}Q([1-4])$`, 'i').exec(t))) {
    const { year, fromContext } = need(m[1] ?? m[3]);
    const q = number(m[2] ?? m[4]);
    day(year, 1, 1, printed);
    return { due: endOfMonth(year, q * 3), yearFromContext: fromContext };
  }
  if ((m = new RegExp(`^${Y}(上|下)半年(?:末|底)?$`).exec(t))) {
    const { year, fromContext } = need(m[1]);
    return { due: day(year, m[2] === '上' ? 6 : 12, m[2] === '上' ? 30 : 31, printed), yearFromContext: fromContext };
  }
  if ((m = /^(?:(\d{4})年)(?:年?底|年?末)?$|^(?:(\d{4})年)?(?:年底|年末)$/.exec(t))) {
    const { year, fromContext } = need(m[1] ?? m[2]);
    return { due: day(year, 12, 31, printed), yearFromContext: fromContext };
  }
  // 五年, 三年内: counted from the document's year
  if ((m = /^([一二两三四五六七八九十]|\d{1,2})年(?:内|时间)?$/.exec(t))) {
    const { year } = need(undefined);
    return { due: day(year + number(m[1]), 12, 31, printed), yearFromContext: true };
  }
  throw new DeadlineError('UNKNOWN_DEADLINE', `"${printed}" is not a deadline this system reads (2025-03-31, 2025年3月底前, 2025年第一季度, 年底, 长期坚持, 每月…)`);
}

/**
 * Reads a 完成时限 as printed or typed. Throws a DeadlineError (UNKNOWN_DEADLINE, YEAR_REQUIRED,
 * BAD_DATE) for what it cannot read: an import reports it on the row, naming the cell.
 */
export function readDeadline(printed: string, ctx: DeadlineContext = {}): ReadDeadline {
  const shown = printed.trim();
  const text = normalise(shown);
  if (!text) throw new DeadlineError('UNKNOWN_DEADLINE', 'The deadline is empty');
  if (/^(?:长期坚持|长期|持续推进|常态化)$/.test(text)) return { printed: shown, kind: 'ONGOING', due: null, recurrence: null, yearFromContext: false, from: null };
  // 自2025年起 (004 一(4)): ongoing from the first day of that year
  const since = /^(?:自|从)?(\d{4})年(?:起|开始|以后)$/.exec(text);
  if (since) return { printed: shown, kind: 'ONGOING', due: null, recurrence: null, yearFromContext: false, from: day(Number(since[1]), 1, 1, shown) };
  // "2024年完成，并长期坚持"
  const parts = text.split(/[,，;；、]+(?:并且?|且)?/).filter(Boolean);
  if (parts.length === 2 && /^(?:长期坚持|长期|持续推进|常态化)$/.test(parts[1].replace(/^并且?/, ''))) {
    const { due, yearFromContext } = dueDay(parts[0], shown, ctx);
    return { printed: shown, kind: 'DUE_THEN_ONGOING', due, recurrence: null, yearFromContext, from: null };
  }
  if (parts.length > 1) throw new DeadlineError('UNKNOWN_DEADLINE', `"${shown}" holds more than one deadline: write one, or "…完成，并长期坚持"`);
  const every = recurrence(text, shown);
  if (every) return { printed: shown, kind: 'RECURRING', due: null, recurrence: every, yearFromContext: false, from: null };
  const { due, yearFromContext } = dueDay(text, shown, ctx);
  return { printed: shown, kind: 'DUE', due, recurrence: null, yearFromContext, from: null };
}

/** The periods of a recurrence that overlap [from, to], each with its first and last day and its due day. */
export function recurrencePeriods(r: Recurrence, from: string, to: string): Array<{ key: string; starts: string; ends: string; due: string }> {
  const out: Array<{ key: string; starts: string; ends: string; due: string }> = [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const addDays = (s: string, n: number) => iso(new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000));
  if (r.unit === 'WEEK') {
    // ISO weeks, Monday to Sunday
    const first = new Date(`${from}T00:00:00Z`);
    let monday = addDays(from, -((first.getUTCDay() + 6) % 7));
    while (monday <= to) {
      const sunday = addDays(monday, 6);
      out.push({ key: `${isoWeekKey(monday)}`, starts: monday, ends: sunday, due: sunday });
      monday = addDays(monday, 7);
    }
    return out;
  }
  const months = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 }[r.unit];
  let y = Number(from.slice(0, 4));
  let m = Math.floor((Number(from.slice(5, 7)) - 1) / months) * months + 1;
  for (;;) {
    const starts = `${y}-${pad(m)}-01`;
    if (starts > to) return out;
    const endMonth = m + months - 1;
    const ends = endOfMonth(y, endMonth);
    const lagMonth = endMonth + r.lagMonths;
    const due = r.lagMonths ? endOfMonth(y + Math.floor((lagMonth - 1) / 12), ((lagMonth - 1) % 12) + 1) : ends;
    const key = r.unit === 'MONTH' ? `${y}-${pad(m)}` : r.unit === 'QUARTER' ? `${y}Q${(m + 2) / 3}` : r.unit === 'HALF_YEAR' ? `${y}H${m === 1 ? 1 : 2}` : `${y}`;
    out.push({ key, starts, ends, due });
    m += months;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
}

function isoWeekKey(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(d.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}W${pad(week)}`;
}
