import { type GridRow, readGrid, type SheetLayout } from '../src/common/sheet-import/layout';

export type Cell = string | number | Date | null;
export type SheetRow = { line: number } & Record<string, string>;

/**
 * An xlsx as an office writes it (a title row, the header, the rows, merged cells), written with ExcelJS and read back
 * the way the console reads one (readGrid with the import's layout): the rows an import is sent.
 */
export async function sheetRows(layout: SheetLayout, rows: Cell[][], o: { name: string; title: string; headers?: string[]; merges?: string[] }): Promise<SheetRow[]> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(o.name);
  ws.addRow([o.title]);
  ws.addRow(o.headers ?? layout.columns.map((c) => c.header.zh));
  for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
  // merged ranges (A3:A5) as an office merges a heading over its rows: ExcelJS reads each cell as the range's text
  for (const range of o.merges ?? []) ws.mergeCells(range);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await book.xlsx.writeBuffer());
  const grid: GridRow[] = [];
  back.worksheets[0].eachRow((row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text.trim()));
    grid.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  const read = readGrid(grid, layout);
  if (!read) throw new Error('no header row');
  return read.rows.map((r) => ({ line: r.line, ...r.cells }) as SheetRow);
}
