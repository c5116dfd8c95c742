import { folded, RowError, type SheetColumn, type SheetLayout, sheetDate } from '../../common/sheet-import/layout';

/*
 * 公共收益公示台账: the sheet a street or community office keeps of its compounds' quarterly public-revenue
 * postings (001 三(三)1, 000 附件 三(一)), one row per compound and quarter. Headers in Chinese or English.
 * Pure TypeScript with no server imports: the console bundles it (as it does committee.sheet.ts).
 */

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** 年度: a year from 2000 to 2100, `2025` or `2025年`. */
export function sheetYear(text: string, column: SheetColumn): number {
  const m = /^(\d{4})\s*年?(度)?$/.exec(text.trim());
  const year = m ? Number(m[1]) : NaN;
  if (!(year >= 2000 && year <= 2100)) throw new RowError('BAD_YEAR', null, `${column.header.zh} "${folded(text)}" is not a year from 2000 to 2100`);
  return year;
}

/** 季度 as offices write it: 1, Q1, 一季度, 第一季度, 第1季度 (1–4). */
export function sheetQuarter(text: string, column: SheetColumn): number {
  const m = /^(?:Q|第)?\s*([1-4一二三四])\s*(?:季度?)?$/i.exec(text.trim());
  if (!m) throw new RowError('BAD_QUARTER', null, `${column.header.zh} "${folded(text)}" is not a quarter (1–4, Q1, 第一季度)`);
  return CN_DIGITS[m[1]];
}

/**
 * 社区 / 小区 / 年度 / 季度 / 公示日期 / 公示佐证 / 公示内容. A blank 社区 continues the row above (a merged
 * cell), so it is not `required` here: the import says so when the first row lacks one. 应公示日期 and
 * 状态, which an export adds, are read past: the API works them out.
 */
export const DISCLOSURE_SHEET: SheetLayout = {
  maxRows: 2000,
  columns: [
    { field: 'community', header: { zh: '社区', en: 'Community' }, parse: folded },
    { field: 'compound', header: { zh: '小区', en: 'Compound' }, required: 'COMPOUND_REQUIRED', parse: folded },
    { field: 'year', header: { zh: '年度', en: 'Year' }, required: 'YEAR_REQUIRED', parse: sheetYear },
    { field: 'quarter', header: { zh: '季度', en: 'Quarter' }, required: 'QUARTER_REQUIRED', parse: sheetQuarter },
    { field: 'disclosedOn', header: { zh: '公示日期', en: 'Disclosed on' }, required: 'DISCLOSED_ON_REQUIRED', parse: sheetDate },
    { field: 'evidence', header: { zh: '公示佐证', en: 'Evidence' }, required: 'EVIDENCE_REQUIRED', parse: folded },
    { field: 'summary', header: { zh: '公示内容', en: 'What was disclosed' } },
  ],
  computed: [
    { zh: '应公示日期', en: 'Due on' },
    { zh: '状态', en: 'Status' },
    { zh: '序号', en: 'No.' },
  ],
};
