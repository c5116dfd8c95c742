/**
 * 000's attachment (任务清单) as printed is a table broken across four pages. This turns the printed
 * rows (seeds/tasklist-000.json, or an office's xlsx in the same layout) into key works → targets →
 * task items. What it normalises, and why:
 *
 * 1. Merged cells. A blank 重点工作 or 目标内容 cell continues the heading above it.
 * 2. Page breaks. Each page repeats the heading it continues ("(三)建立联动协作机制" on page 2,
 *    "二、…" on page 3, "三、…" on page 4): a heading whose number was already seen is the same
 *    key work or target, not a new one.
 * 3. Line wraps inside cells. Page 3 prints "二、持续深化 物业党建联 建" and "(二) 细化创建 标准，健全完
 *    善制度": spaces between Chinese characters are where the cell wrapped, and are removed.
 * 4. One key work spelled two ways. Key work 一 is "建立完善长效工作机制" on page 1 and
 *    "建立完善长效工作运转机制" on page 2. The first spelling is kept as the title, the other as an alias.
 * 5. One row split over columns. The last row prints its 工作内容 in the 重点工作 column, an empty
 *    cell, then 责任单位 and 完成时限 one column to the left: [内容, "", 单位, 时限, ""]. It is read as
 *    a continuation row of the target above.
 * 6. 责任单位 cells list units separated by 、，, spaces (wrapped lines) and "和", with "等部门" after
 *    the last; "各社区" is kept as a flag (every community of the street), not as a unit.
 */

import { DeadlineError, type ReadDeadline, readDeadline } from '../../common/deadline';
import type { DeadlineKind, RecurrenceUnit } from './enums';

export interface PrintedRow {
  page: number;
  cells: string[];
}

/** A 完成时限 as printed, and what it means (common/deadline.ts reads it). */
export type Deadline = ReadDeadline;

export interface TaskItemSeed {
  /** 1-based position in the table (the 22 rows). */
  row: number;
  /** Index of the printed row it was read from. */
  index: number;
  page: number;
  content: string;
  unitsPrinted: string;
  /** Unit names in printed order ("各社区" excluded). */
  units: string[];
  allCommunities: boolean;
  deadline: Deadline;
}

export interface TargetSeed {
  number: string;
  title: string;
  items: TaskItemSeed[];
}

export interface KeyWorkSeed {
  number: string;
  title: string;
  aliases: string[];
  targets: TargetSeed[];
}

/** The TaskItem columns a printed row gives: what the seeds and an imported task list write. */
export const printedTask = (item: TaskItemSeed) => ({
  content: item.content,
  unitsPrinted: item.unitsPrinted,
  ...deadlineColumns(item.deadline),
  sortOrder: item.row,
});

/** The TaskItem columns a read deadline fills (the seeds, an import and the task form write the same). */
export const deadlineColumns = (d: ReadDeadline) => ({
  deadlineKind: d.kind as DeadlineKind,
  deadlineText: d.printed,
  dueDate: d.due,
  recurrenceUnit: (d.recurrence?.unit ?? null) as RecurrenceUnit | null,
  recurrenceTimes: d.recurrence?.times ?? null,
  recurrenceLagMonths: d.recurrence?.lagMonths ?? null,
  ongoingFrom: d.from,
});

const CJK_GAP = /(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef(（])/g;
/** Removes the wraps of a printed cell: spaces between Chinese characters. */
export const unwrap = (s: string) => s.trim().replace(CJK_GAP, '');

const KEY_WORK = /^([一二三四五六七八九十]+)、(.+)$/;
const TARGET = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.+)$/;

export function splitUnits(printed: string): { units: string[]; allCommunities: boolean } {
  const names = printed
    .replace(/等部门/g, '')
    .split(/[、，,\s]+|和/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { units: [...new Set(names.filter((n) => n !== '各社区'))], allCommunities: names.includes('各社区') };
}

/** Why a row cannot be read (an import reports it per row instead of failing). */
export type RowProblem = 'NO_KEY_WORK' | 'NO_TARGET' | 'CONTENT_REQUIRED' | 'UNKNOWN_DEADLINE' | 'YEAR_REQUIRED' | 'BAD_DATE';

/**
 * Without `onProblem` a bad row throws (seeds must be right); with it, the row is skipped and
 * reported by its index in `rows`. A deadline printed without a year falls in `year` (the plan's).
 */
export function normaliseTaskList(rows: PrintedRow[], onProblem?: (index: number, problem: RowProblem, detail: string) => void, year: number | null = null): KeyWorkSeed[] {
  const keyWorks: KeyWorkSeed[] = [];
  let keyWork: KeyWorkSeed | undefined;
  let target: TargetSeed | undefined;
  let n = 0;
  const fail = (index: number, problem: RowProblem, detail: string) => {
    if (!onProblem) throw new Error(detail);
    onProblem(index, problem, detail);
  };
  for (const [index, { page, cells }] of rows.entries()) {
    let [kwCell = '', targetCell = '', content = '', unitsCell = '', deadlineCell = ''] = cells.map((c) => c ?? '');
    // 5. the row printed one column to the left
    if (kwCell && !KEY_WORK.test(unwrap(kwCell)) && !targetCell && !deadlineCell) {
      [content, unitsCell, deadlineCell] = [kwCell, content, unitsCell];
      kwCell = '';
    }
    const kw = KEY_WORK.exec(unwrap(kwCell));
    if (kw) {
      const [, number, title] = kw;
      keyWork = keyWorks.find((k) => k.number === number);
      if (!keyWork) {
        keyWork = { number, title, aliases: [], targets: [] };
        keyWorks.push(keyWork);
      } else if (keyWork.title !== title && !keyWork.aliases.includes(title)) {
        keyWork.aliases.push(title);
      }
    }
    if (!keyWork) {
      fail(index, 'NO_KEY_WORK', `Row on page ${page} comes before any key work`);
      continue;
    }
    const tg = TARGET.exec(unwrap(targetCell));
    if (tg) {
      const [, number, title] = tg;
      target = keyWork.targets.find((t) => t.number === number);
      if (!target) {
        target = { number, title: unwrap(title), items: [] };
        keyWork.targets.push(target);
      }
    } else if (kw) {
      target = undefined;
    }
    if (!target || !keyWork.targets.includes(target)) {
      fail(index, 'NO_TARGET', `Row on page ${page} has no target`);
      continue;
    }
    if (!content.trim()) {
      fail(index, 'CONTENT_REQUIRED', `Row on page ${page} has no 工作内容`);
      continue;
    }
    let deadline: Deadline;
    try {
      deadline = readDeadline(unwrap(deadlineCell), { year });
    } catch (err) {
      if (!(err instanceof DeadlineError)) throw err;
      fail(index, err.code, err.message);
      continue;
    }
    const units = splitUnits(unitsCell);
    target.items.push({
      row: ++n,
      page,
      content: content.trim(),
      unitsPrinted: unitsCell.trim(),
      ...units,
      deadline,
      index,
    });
  }
  return keyWorks;
}
