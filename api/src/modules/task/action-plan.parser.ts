/**
 * 004's 工作措施 (十个专项行动) as an office's xlsx in the layout of action-plan.sheet.ts: one row per
 * 主要措施, the action's cells on its first row. This turns the rows into actions → measures →
 * milestones, the way seeds/load-tasks.ts reads seeds/actions-004.json:
 *
 * 1. Merged cells. A blank 专项行动 cell continues the action above; so does the same heading repeated
 *    (ExcelJS reads each cell of a merged range as the range's text). The action's other cells (工作目标,
 *    目标时限, 牵头单位, 责任单位) are read from its first row; below it they are blank or the same text,
 *    and anything else is refused (ACTION_CELL_CONFLICT) rather than silently dropped.
 * 2. 专项行动 "(一)党的组织覆盖提升专项行动" (or "一、…"): the number as printed and the title; a heading
 *    without a number is numbered by its position, "(三)". A number used by an earlier action is refused.
 * 3. 主要措施 "一是抓好住宅小区党组织组建。①…": the number before 是 (or 、), else the measure's position
 *    in its action; the text after it; the title is its first sentence when that is a short heading
 *    (ends with 。, has no comma or 、, and more text follows), as seeds/actions-004.json's notes say.
 * 4. 目标时限: one deadline per line, read by common/deadline.ts in the plan's year. The measures are
 *    due by the latest dated one ("至2024年12月底" and "2025年上半年" → 2025-06-30), else by the first
 *    (长期坚持, 每月…); blank: 长期坚持, nothing printed.
 * 5. 时间节点: one dated step per line, "开展党员摸底排查(11月15日前完成)", "11月15日前：开展党员摸底排查",
 *    "2024年10月底前,督促…" or a line that is only a deadline. The deadline is the bracketed tail, else
 *    the head before the first colon or comma, else the whole line, whichever the grammar reads first;
 *    the step's text is the line as written (a leading ① dropped). A line none of them reads is refused
 *    with the grammar's code; a step must name a day (MILESTONE_NEEDS_DATE).
 * 6. 牵头单位 / 责任单位 list units as 000's 责任单位 does (splitUnits); "各社区" is a flag, every community of
 *    the street. An action needs a lead (NO_UNITS).
 */

import { DeadlineError, type DeadlineProblem, type ReadDeadline, readDeadline } from '../../common/deadline';
import { normalise } from '../../common/sheet-import/layout';
import { splitUnits, unwrap } from './task-list.parser';

/** The columns of the layout, by field (action-plan.sheet.ts). */
export type ActionColumn = 'action' | 'goal' | 'goalDeadline' | 'measure' | 'steps' | 'lead' | 'responsible';
const COLUMNS: ActionColumn[] = ['action', 'goal', 'goalDeadline', 'measure', 'steps', 'lead', 'responsible'];

/** Why a row cannot be read, and the column at fault. */
export type ActionRowProblem = 'NO_KEY_WORK' | 'DUPLICATE_ACTION' | 'ACTION_CELL_CONFLICT' | 'CONTENT_REQUIRED' | 'TOO_LONG' | 'NO_UNITS' | 'MILESTONE_NEEDS_DATE' | DeadlineProblem;

export interface StepSeed {
  /** The step as written, with its deadline. */
  text: string;
  deadline: ReadDeadline & { due: string };
}

export interface MeasureSeed {
  /** The row it was read from. */
  index: number;
  number: string;
  title: string | null;
  content: string;
  milestones: StepSeed[];
}

export interface UnitsSeed {
  printed: string;
  /** Unit names in printed order ("各社区" excluded). */
  units: string[];
  allCommunities: boolean;
}

export interface ActionSeed {
  /** The row that starts it (its cells are read there). */
  index: number;
  number: string;
  title: string;
  goal: string | null;
  /** What its measures are due by; null when 目标时限 is blank (长期坚持, nothing printed). */
  deadline: ReadDeadline | null;
  lead: UnitsSeed;
  responsible: UnitsSeed;
  measures: MeasureSeed[];
}

/** The lengths of the columns the cells go into (KeyWork.title, leadPrinted and responsiblePrinted; a deadline as printed). */
const MAX = { title: 300, units: 300, deadline: 100 };

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals (3 → 三, 12 → 十二, 20 → 二十). */
export const chineseNumber = (n: number) => (n < 10 ? CN[n] : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${CN[n % 10]}`);

const ACTION = /^(?:[(（]([一二三四五六七八九十]{1,3})[)）]|([一二三四五六七八九十]{1,3})、)\s*(.*)$/;
const MEASURE = /^([一二三四五六七八九十]{1,3})(?:是|、)\s*/;
const CIRCLED = /^[\u2460-\u2473]\s*/;

/** A problem of a row, on the column at fault. */
class Problem extends Error {
  constructor(
    readonly code: ActionRowProblem,
    readonly column: ActionColumn,
    message: string,
  ) {
    super(message);
  }
}

/** A measure's title: its first sentence when that is a short heading ("抓好住宅小区党组织组建。①…"). */
export function measureTitle(text: string): string | null {
  const end = text.indexOf('。');
  if (end <= 0 || end > 50) return null;
  const first = text.slice(0, end);
  return /[,，、]/.test(first) || !text.slice(end + 1).trim() ? null : first;
}

/** The lines of a cell (Alt+Enter in Excel), trimmed, blank ones dropped. */
const lines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A step of 时间节点 as written: the bracketed tail, the head before a colon or comma, or the whole
 * line, the first the grammar reads. Throws the DeadlineError of the likeliest (a code other than
 * UNKNOWN_DEADLINE, else the first) when none reads.
 */
export function readStep(line: string, year: number | null): { text: string; deadline: ReadDeadline } {
  const text = line
    .trim()
    .replace(CIRCLED, '')
    .replace(/[。；;，,]+$/, '');
  const tail = /[(（]([^()（）]+)[)）]$/.exec(text)?.[1];
  const head = /^([^：:，,()（）]+)[：:，,]/.exec(text)?.[1];
  let problem: DeadlineError | undefined;
  for (const phrase of [tail, head, text]) {
    if (!phrase) continue;
    try {
      return { text, deadline: readDeadline(phrase, { year }) };
    } catch (err) {
      if (!(err instanceof DeadlineError)) throw err;
      if (!problem || (problem.code === 'UNKNOWN_DEADLINE' && err.code !== 'UNKNOWN_DEADLINE')) problem = err;
    }
  }
  throw new DeadlineError(problem!.code, `时间节点 "${text}": ${problem!.message}; write "事项（11月15日前完成）" or "11月15日前：事项"`);
}

/** What the measures are due by: the latest dated goal deadline, else the first one, else none. */
function goalDeadline(cell: string, year: number | null): ReadDeadline | null {
  const read = lines(cell).map((l) => readDeadline(l, { year }));
  const long = read.find((d) => d.printed.length > MAX.deadline);
  if (long) throw new Problem('TOO_LONG', 'goalDeadline', `目标时限 "${long.printed}" is longer than ${MAX.deadline} characters`);
  const dated = read.filter((d) => d.due !== null).sort((a, b) => a.due!.localeCompare(b.due!));
  return dated.at(-1) ?? read[0] ?? null;
}

const units = (cell: string): UnitsSeed => ({ printed: cell.trim(), ...splitUnits(cell) });
const same = (a: string, b: string) => normalise(a) === normalise(b);

/**
 * Reads the rows (cells in the layout's order) into actions. Without `onProblem` a bad row throws (seeds
 * must be right); with it, the row is skipped and reported by its index with the column at fault. A
 * deadline printed without a year falls in `year` (the plan's).
 */
export function readActionPlan(rows: string[][], onProblem?: (index: number, problem: ActionRowProblem, column: ActionColumn, detail: string) => void, year: number | null = null): ActionSeed[] {
  const actions: ActionSeed[] = [];
  const numbers = new Set<string>();
  let action: ActionSeed | undefined;
  /** The action's cells as written on its first row, for the rows below it. */
  let written: Record<ActionColumn, string> | undefined;
  for (const [index, row] of rows.entries()) {
    const cell = Object.fromEntries(COLUMNS.map((c, i) => [c, String(row[i] ?? '').trim()])) as Record<ActionColumn, string>;
    try {
      const heading = ACTION.exec(unwrap(cell.action));
      const title = heading ? unwrap(heading[3]) : unwrap(cell.action);
      const number = heading ? (heading[1] ? `(${heading[1]})` : heading[2]) : null;
      const continues = action && (!cell.action || (number ? number === action.number : same(title, action.title)));
      if (!continues) {
        if (!cell.action) throw new Problem('NO_KEY_WORK', 'action', 'The row comes before any 专项行动');
        written = cell;
        // the action is read even when one of its cells is refused: the rows below it belong to it
        let refused: Problem | undefined;
        const keepFirst = (p: Problem) => (refused ??= p);
        const n = number ?? `(${chineseNumber(actions.length + 1)})`;
        if (!title) keepFirst(new Problem('NO_KEY_WORK', 'action', `专项行动 "${cell.action}" has no title`));
        if (title.length > MAX.title) keepFirst(new Problem('TOO_LONG', 'action', `专项行动 is longer than ${MAX.title} characters`));
        const duplicate = numbers.has(n);
        if (duplicate) keepFirst(new Problem('DUPLICATE_ACTION', 'action', `专项行动 ${n} is already above`));
        numbers.add(n);
        let deadline: ReadDeadline | null = null;
        try {
          deadline = goalDeadline(cell.goalDeadline, year);
        } catch (err) {
          if (err instanceof DeadlineError) keepFirst(new Problem(err.code, 'goalDeadline', err.message));
          else if (err instanceof Problem) keepFirst(err);
          else throw err;
        }
        const lead = units(cell.lead);
        const responsible = units(cell.responsible);
        if (!lead.units.length && !lead.allCommunities) keepFirst(new Problem('NO_UNITS', 'lead', '牵头单位 is empty'));
        if (lead.printed.length > MAX.units) keepFirst(new Problem('TOO_LONG', 'lead', `牵头单位 is longer than ${MAX.units} characters`));
        if (responsible.printed.length > MAX.units) keepFirst(new Problem('TOO_LONG', 'responsible', `责任单位 is longer than ${MAX.units} characters`));
        action = { index, number: n, title, goal: cell.goal || null, deadline, lead, responsible, measures: [] };
        // a second action with a number already used is read, not kept
        if (!duplicate) actions.push(action);
        if (refused) throw refused;
      } else {
        if (!actions.includes(action!)) throw new Problem('DUPLICATE_ACTION', 'action', `The row continues 专项行动 ${action!.number}, whose number is already above`);
        if (cell.action && !same(title, action!.title)) throw new Problem('ACTION_CELL_CONFLICT', 'action', `专项行动 ${action!.number} is "${action!.title}" above, "${title}" here`);
        for (const column of ['goal', 'goalDeadline', 'lead', 'responsible'] as const)
          if (cell[column] && !same(cell[column], written![column]))
            throw new Problem('ACTION_CELL_CONFLICT', column, `${action!.number} prints its ${column} on its first row: "${cell[column]}" differs from "${written![column]}"`);
      }
      const current = action!;
      if (!cell.measure) throw new Problem('CONTENT_REQUIRED', 'measure', 'The row has no 主要措施');
      const printed = MEASURE.exec(cell.measure);
      const content = printed ? cell.measure.slice(printed[0].length).trim() : cell.measure;
      if (!content) throw new Problem('CONTENT_REQUIRED', 'measure', 'The row has no 主要措施');
      const milestones: StepSeed[] = [];
      for (const line of lines(cell.steps)) {
        let step: { text: string; deadline: ReadDeadline };
        try {
          step = readStep(line, year);
        } catch (err) {
          if (!(err instanceof DeadlineError)) throw err;
          throw new Problem(err.code, 'steps', err.message);
        }
        if (step.deadline.printed.length > MAX.deadline) throw new Problem('TOO_LONG', 'steps', `时间节点 "${step.text}": its deadline is longer than ${MAX.deadline} characters`);
        if (step.deadline.due === null) throw new Problem('MILESTONE_NEEDS_DATE', 'steps', `时间节点 "${step.text}": "${step.deadline.printed}" names no day`);
        milestones.push(step as StepSeed);
      }
      current.measures.push({ index, number: printed?.[1] ?? chineseNumber(current.measures.length + 1), title: measureTitle(content), content, milestones });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      if (!onProblem) throw new Error(`Row ${index + 1}: ${err.message}`);
      onProblem(index, err.code, err.column, err.message);
    }
  }
  return actions;
}
