/*
 * 表格导入的版式: what a sheet an office imports looks like, declared once and read the same way on
 * both sides. The console finds the header row of an xlsx with `readGrid` and sends the rows; the
 * API reads each cell with `readRow` (required, parsed) before planning the row. Pure TypeScript
 * with no server imports: the console bundles it (as it does common/uscc.ts).
 */

/** A name in both of the console's languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Why a row cannot be imported: a stable code, the input at fault (`role`, `cells.3`, `scores.2.score`) and English for logs. */
export class RowError extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface SheetColumn {
  /** The input field the cell is sent in; in a positional layout, a name for the column (its input is `cells.<n>`). */
  field: string;
  /** The header as offices type it, in either language (spaces, case and full-width brackets do not matter). */
  header: Bilingual;
  /** The reason a row is rejected when this cell is empty; the header row must then name this column. */
  required?: string;
  /** Reads a non-empty cell (trimmed) or throws a RowError naming the column. Without it the cell is its text. */
  parse?: (text: string, column: SheetColumn) => unknown;
  /** A value sheets repeat down empty rows (负面清单 否): a row with nothing else in it is blank. */
  filler?: boolean;
}

export interface SheetLayout {
  columns: readonly SheetColumn[];
  /** The most rows one import takes. */
  maxRows: number;
  /** The rows are sent as `cells`, one per column in this order (a printed table), not by field. */
  positional?: boolean;
  /** Columns an export adds after the layout (totals…): read past without a note. */
  computed?: readonly Bilingual[];
}

/** As headers and labels are compared: no spaces, half-width brackets, upper case (组 长 = 组长, Role = ROLE). */
export const normalise = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();

const names = (b: Bilingual) => [normalise(b.zh), normalise(b.en)];

/** A column's header in one language (the field itself when the layout has no such column). */
export const headerOf = (layout: SheetLayout, field: string, lang: keyof Bilingual = 'zh') => layout.columns.find((c) => c.field === field)?.header[lang] ?? field;

/** The input path of a column: its field, or `cells.<n>` in a positional layout. */
export const pathOf = (layout: SheetLayout, column: SheetColumn) => (layout.positional ? `cells.${layout.columns.indexOf(column)}` : column.field);

/** The column an input path names (`role`, `cells.3`, `scores.2.score` → none), for messages. */
export function columnAt(layout: SheetLayout, path: string): SheetColumn | undefined {
  const head = path.split('.')[0];
  const n = layout.positional && head === 'cells' ? Number(path.split('.')[1]) : NaN;
  return Number.isInteger(n) ? layout.columns[n] : layout.columns.find((c) => c.field === head);
}

// ---- cells (the API reads every row with these before planning it) ----

/**
 * Reads a row's cells by the layout, in column order: the values by field (null for an empty or
 * unreadable cell) and the first problem, a RowError naming the column.
 */
export function readRow(layout: SheetLayout, cells: Record<string, unknown>): { values: Record<string, unknown>; error: RowError | null } {
  const values: Record<string, unknown> = {};
  let error: RowError | null = null;
  for (const column of layout.columns) {
    const path = pathOf(layout, column);
    const text = String(cells[path] ?? '').trim();
    values[column.field] = null;
    if (!text) {
      if (column.required) error ??= new RowError(column.required, path, `${column.header.zh} is empty`);
      continue;
    }
    try {
      values[column.field] = column.parse ? column.parse(text, column) : text;
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      error ??= new RowError(err.code, err.field ?? path, err.message);
    }
  }
  return { values, error };
}

/** Spaces inside a cell folded to one (a roster's names and posts). */
export const folded = (text: string) => text.replace(/\s+/g, ' ');

/** A value from a list, by its Chinese label, English label or code (组 长, Leader, LEADER). */
export function oneOf(labels: Record<string, Bilingual>, reason: string): (text: string, column: SheetColumn) => string {
  const byName = new Map<string, string>();
  for (const [code, label] of Object.entries(labels)) for (const name of [normalise(code), ...names(label)]) byName.set(name, code);
  return (text, column) => {
    const code = byName.get(normalise(text));
    if (code) return code;
    throw new RowError(
      reason,
      null,
      `${column.header.zh} "${folded(text)}" is not one of ${Object.values(labels)
        .map((l) => `${l.zh} (${l.en})`)
        .join(', ')}`,
    );
  };
}

/** A whole number from 1 to 9999 (a position). */
export const position = (reason: string) => (text: string, column: SheetColumn) => {
  if (!/^[1-9]\d{0,3}$/.test(text)) throw new RowError(reason, null, `${column.header.zh} "${text}" is not a whole number from 1`);
  return Number(text);
};

/** A percentage from 0 to 100 with at most two decimals, `62.5` or `62.5%`. */
export const percentage = (reason: string) => (text: string, column: SheetColumn) => {
  const typed = text.replace(/%$/, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(typed) || Number(typed) > 100) throw new RowError(reason, null, `${column.header.zh} "${text}" is not a percentage from 0 to 100`);
  return Number(typed);
};

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0']);
/** 是 / 否 (or yes / no, true / false, 1 / 0, √). */
export const yesNo = (reason: string) => (text: string, column: SheetColumn) => {
  const v = normalise(text);
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  throw new RowError(reason, null, `${column.header.zh} must be 是 or 否, not "${text}"`);
};

/**
 * A day as offices type it: 2024-05-01, 2024/5/1, 2024.5.1 or 2024年5月1日 (the console sends a date
 * cell as YYYY-MM-DD). Read as YYYY-MM-DD; BAD_DATE when it is not a real day, DATE_OUT_OF_RANGE
 * outside the years the API accepts.
 */
export function sheetDate(text: string, column: SheetColumn): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  const day = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
  const at = new Date(`${day}T00:00:00Z`);
  const real = day !== '' && !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
  // the API's date range (common/dates.ts MIN_DATE, MAX_DATE): an office's sheet dates nothing outside it
  if (real && (day < '2000-01-01' || day > '2100-12-31')) throw new RowError('DATE_OUT_OF_RANGE', null, `${column.header.zh} ${day} is not between 2000-01-01 and 2100-12-31`);
  if (!real) throw new RowError('BAD_DATE', null, `${column.header.zh} "${folded(text)}" is not a date (2024-05-01, 2024/5/1 or 2024年5月1日)`);
  return day;
}

// ---- the grid (the console reads an xlsx into this, then sends the rows) ----

/** A worksheet row as text: the sheet's row number and its cells (0-based). */
export interface GridRow {
  line: number;
  cells: string[];
}

export interface SheetRows {
  /** Rows below the header with something in them: the layout's cells by field, and every cell as read. */
  rows: Array<{ line: number; cells: Record<string, string>; all: string[] }>;
  /** Columns of the header row the caller accepted beside the layout (a rating's criteria). */
  extra: Array<{ index: number; title: string }>;
  /** Headers that are neither the layout's, computed, nor accepted: not imported. */
  ignored: string[];
}

/**
 * Finds the header row and reads the rows below it. The header row is the first row that names every
 * required column and at least two columns (the layout's, or ones `accept` takes); a later row that
 * passes the same test is the header repeated on a printed page: it is skipped and its columns
 * apply from there. Null when no row is a header.
 */
export function readGrid(grid: GridRow[], layout: SheetLayout, accept: (title: string) => boolean = () => false): SheetRows | null {
  const byName = new Map<string, SheetColumn>();
  for (const c of layout.columns) for (const n of names(c.header)) byName.set(n, c);
  const computed = new Set((layout.computed ?? []).flatMap(names));
  const required = layout.columns.filter((c) => c.required);
  const headerOf = (cells: string[]) => {
    const cols = new Map<SheetColumn, number>();
    const extra: SheetRows['extra'] = [];
    const ignored: string[] = [];
    cells.forEach((title, index) => {
      const column = title ? byName.get(normalise(title)) : undefined;
      if (column) {
        if (!cols.has(column)) cols.set(column, index);
      } else if (title && accept(title)) extra.push({ index, title });
      else if (title && !computed.has(normalise(title))) ignored.push(title);
    });
    return required.every((c) => cols.has(c)) && cols.size + extra.length >= 2 ? { cols, extra, ignored } : null;
  };
  let header: ReturnType<typeof headerOf> = null;
  let first: ReturnType<typeof headerOf> = null;
  const rows: SheetRows['rows'] = [];
  for (const row of grid) {
    const again = headerOf(row.cells);
    if (again) {
      header = again;
      first ??= again;
      continue;
    }
    if (!header) continue;
    const cells: Record<string, string> = {};
    for (const [column, index] of header.cols) cells[column.field] = row.cells[index] ?? '';
    const filled = [...header.cols].some(([column, index]) => !column.filler && row.cells[index]) || header.extra.some((e) => row.cells[e.index]);
    if (filled) rows.push({ line: row.line, cells, all: row.cells });
  }
  return first && { rows, extra: first.extra, ignored: first.ignored };
}
