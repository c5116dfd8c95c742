import { type GridRow, readGrid, type SheetLayout, type SheetRows } from '../../../../api/src/common/sheet-import/layout';

/*
 * The console's one sheet reader: an xlsx becomes text rows, then the layout the API declares
 * (api/src/common/sheet-import/layout.ts) finds the header row, in Chinese or English, and reads
 * the rows by field. Values go to the API as typed: it accepts either language's labels.
 */

type Cell = { value: unknown; text: string; numFmt?: string };

/** A cell as the office sees it: numbers without float noise, a percentage cell as its percent (0.125 → 12.5%). */
export function cellText(cell: Cell): string {
  let v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  // a date cell is read as the day it shows (ExcelJS gives the day at UTC midnight)
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? cell.text.trim() : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? `${Number((v * 100).toFixed(6))}%` : String(Number(v.toFixed(6)));
  return cell.text.trim();
}

/** The first worksheet of an xlsx as text rows (the browser reads it: the file never leaves the machine as a file). */
async function readWorkbook(file: File): Promise<GridRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const rows: GridRow[] = [];
  book.worksheets[0]?.eachRow((row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cellText(cell as unknown as Cell)));
    rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** Why a sheet cannot be sent: a translation key (its arguments come from the layout: columns, max). */
export class SheetError extends Error {
  constructor(
    key: 'app.import.no_header' | 'app.import.empty' | 'app.import.too_many',
    readonly count = 0,
  ) {
    super(key);
  }
}

/** Reads an xlsx by a layout; `accept` takes headers beside the layout's (a rating's criteria). */
export async function readSheet(file: File, layout: SheetLayout, accept?: (title: string) => boolean): Promise<SheetRows> {
  const read = readGrid(await readWorkbook(file), layout, accept);
  if (!read) throw new SheetError('app.import.no_header');
  if (!read.rows.length) throw new SheetError('app.import.empty');
  if (read.rows.length > layout.maxRows) throw new SheetError('app.import.too_many', read.rows.length);
  return read;
}
