/*
 * Cells as they leave the console for Excel. A spreadsheet reads a text starting with = + - @ (or a
 * tab or carriage return before one) as a formula, so a name typed as `=HYPERLINK(…)` or
 * `=cmd|' /C calc'!A0` would run when an office opens the export (OWASP "CSV injection"). Such
 * texts are neutralised; numbers stay numbers. Nothing here imports react-admin or the DOM: the unit
 * tests (admin/test/exporter.test.ts) load it under plain jest.
 */

/** A sheet cell: what toSheet and the custom exports produce. */
export type CellValue = string | number | boolean | null;

export interface Sheet {
  headers: string[];
  rows: CellValue[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet would read as a formula. Numbers never are: -5 typed as a number is a number. */
export const looksLikeFormula = (v: unknown): v is string => typeof v === 'string' && FORMULA_START.test(v);

/**
 * What a cell may hold in an export: a string, a finite number, a boolean or nothing. Anything else
 * (an object from the API, a Date) becomes text, so exceljs can never take it for a formula object.
 */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * One CSV field. A formula-like text gets a leading ' (OWASP's advice: the value stays readable and
 * Excel shows it as text); fields with a quote, comma or line break are quoted.
 */
export function csvField(v: unknown): string {
  const value = cellValue(v);
  if (value === null) return '';
  const text = looksLikeFormula(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text (CRLF line ends, as Excel writes them); the caller adds the BOM. */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<unknown>>): string => rows.map((row) => row.map(csvField).join(',')).join('\r\n');

/** Excel's "Text" number format: a cell formatted so stays text even when someone edits it and presses Enter. */
export const TEXT_FORMAT = '@';

/**
 * The sheet as an xlsx file. Cells are plain values, never formula objects, so a text that looks like
 * a formula is a string cell; it also gets the Text format, so it stays text when someone edits it.
 * Numbers stay numbers; `formats` sets a column's number format (e.g. '#,##0.00').
 */
export async function xlsxBuffer(sheet: Sheet, sheetName: string, formats: Record<number, string> = {}): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(sheet.headers.map(cellValue)).font = { bold: true };
  const widths = sheet.headers.map((h) => String(h ?? '').length);
  const texts: Array<[number, number]> = [];
  sheet.rows.forEach((r, n) => {
    ws.addRow(r.map(cellValue));
    r.forEach((v, i) => {
      widths[i] = Math.max(widths[i] ?? 0, String(v ?? '').length);
      if (looksLikeFormula(v)) texts.push([n + 2, i + 1]);
    });
  });
  ws.columns.forEach((col, i) => {
    col.width = Math.min(60, Math.max(8, (widths[i] ?? 0) * 2));
    if (formats[i]) col.numFmt = formats[i];
  });
  // after the column formats, which set every cell of their column
  for (const [row, col] of texts) ws.getCell(row, col).numFmt = TEXT_FORMAT;
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
