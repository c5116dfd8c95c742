import type { TranslateFunction } from 'react-admin';
import type { Sheet } from '../common/exporter';
import type { GridRating } from './gridModel';
import type { Criterion } from './schemes';

/*
 * The office's rating sheet (评分表): 统一社会信用代码 (companies only), 名称, one column per
 * criterion headed by its name (or code), 业主不满意率, 负面清单 (是/否), 负面清单说明. The grid
 * exports in this layout with the computed columns after it; the import reads it back and ignores
 * the computed columns, so an exported sheet can be edited and imported again.
 */
export const COLUMNS = { uscc: '统一社会信用代码', name: '名称', dissatisfactionRate: '业主不满意率', negativeList: '负面清单', negativeListNote: '负面清单说明' } as const;
/** Computed in the export, never read back. */
const COMPUTED = ['总分', '星级', '红黑榜', '原因', '缺项'] as const;

/** As the API compares headers: no spaces, half-width brackets, upper case. */
export const normalise = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();

const withUscc = (subjectKind: string) => subjectKind === 'PROPERTY_COMPANY';

/** The grid as a sheet; `results` adds the computed columns (the export), without them it is the template. */
export function ratingSheet(subjectKind: string, criteria: Criterion[], ratings: GridRating[], results: boolean, translate: TranslateFunction): Sheet {
  const headers = [
    ...(withUscc(subjectKind) ? [COLUMNS.uscc] : []),
    COLUMNS.name,
    ...criteria.map((c) => c.name),
    COLUMNS.dissatisfactionRate,
    COLUMNS.negativeList,
    COLUMNS.negativeListNote,
    ...(results ? COMPUTED : []),
  ];
  const rows = ratings.map((r) => {
    const scores = new Map(r.scores.map((s) => [s.criterionId, s.score]));
    return [
      ...(withUscc(subjectKind) ? [r.propertyCompany?.uscc ?? null] : []),
      r.subjectName,
      ...criteria.map((c) => scores.get(c.id) ?? null),
      r.dissatisfactionRate,
      r.onNegativeList ? '是' : '否',
      r.negativeListNote,
      ...(results
        ? [
            r.result.total,
            r.result.stars,
            r.result.listStatus ? translate(`enums.ListStatus.${r.result.listStatus}`) : null,
            r.result.reasons.join('；') || null,
            r.result.missing.join('、') || null,
          ]
        : []),
    ];
  });
  return { headers, rows };
}

/** One sheet row as the import sends it (RatingSheetRowInput): every cell as typed. */
export interface SheetRow {
  line: number;
  uscc?: string | null;
  name?: string | null;
  scores: Array<{ criterion: string; score: string | null }>;
  dissatisfactionRate?: string | null;
  negativeList?: string | null;
  negativeListNote?: string | null;
}

export interface ReadSheet {
  rows: SheetRow[];
  /** Headers that are neither a column of the layout nor a criterion of the scheme: not imported. */
  ignored: string[];
  /** Criteria with no column: their scores stay as they are. */
  absent: string[];
}

type Cell = { value: unknown; text: string; numFmt?: string };

/** A cell as the office typed it: numbers without float noise, a percentage cell as its percent. */
function typed(cell: Cell, percent = false): string {
  let v = cell.value as unknown;
  if (v && typeof v === 'object' && 'result' in (v as object)) v = (v as { result: unknown }).result;
  if (typeof v === 'number') {
    const n = percent && cell.numFmt?.includes('%') ? v * 100 : v;
    return String(Number(n.toFixed(6)));
  }
  return cell.text.trim();
}

/** Reads the first worksheet: finds the header row (名称 or 统一社会信用代码) and returns the rows with anything in them. */
export async function readRatingSheet(file: File, criteria: Criterion[]): Promise<ReadSheet> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const ws = book.worksheets[0];
  if (!ws) throw new Error('app.ratings.import.no_header');
  const known = new Set(criteria.flatMap((c) => [normalise(c.code), normalise(c.name)]));
  const fixed = new Map(Object.entries(COLUMNS).map(([k, title]) => [normalise(title), k as keyof typeof COLUMNS]));
  const computed = new Set(COMPUTED.map(normalise));
  let header = 0;
  const cols: Partial<Record<keyof typeof COLUMNS, number>> = {};
  const scoreCols: Array<{ col: number; title: string }> = [];
  const ignored: string[] = [];
  ws.eachRow((row, n) => {
    if (header) return;
    const titles: Array<[number, string]> = [];
    row.eachCell((cell, c) => titles.push([c, cell.text.trim()]));
    if (!titles.some(([, t]) => fixed.get(normalise(t)) === 'name' || fixed.get(normalise(t)) === 'uscc')) return;
    header = n;
    for (const [c, title] of titles) {
      const key = fixed.get(normalise(title));
      if (key) cols[key] = c;
      else if (known.has(normalise(title))) scoreCols.push({ col: c, title });
      else if (title && !computed.has(normalise(title))) ignored.push(title);
    }
  });
  if (!header) throw new Error('app.ratings.import.no_header');
  const covered = new Set(scoreCols.map((s) => normalise(s.title)));
  const absent = criteria.filter((c) => !covered.has(normalise(c.code)) && !covered.has(normalise(c.name))).map((c) => c.name);
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= header) return;
    const at = (key: keyof typeof COLUMNS, percent = false) => (cols[key] ? typed(row.getCell(cols[key]!) as unknown as Cell, percent) : '');
    const r: SheetRow = {
      line: n,
      uscc: at('uscc') || null,
      name: at('name') || null,
      scores: scoreCols.map((s) => ({ criterion: s.title, score: typed(row.getCell(s.col) as unknown as Cell) || null })),
      dissatisfactionRate: at('dissatisfactionRate', true) || null,
      negativeList: at('negativeList') || null,
      negativeListNote: at('negativeListNote') || null,
    };
    if (r.uscc || r.name || r.scores.some((s) => s.score) || r.dissatisfactionRate || r.negativeListNote) rows.push(r);
  });
  return { rows, ignored, absent };
}
