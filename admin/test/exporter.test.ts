import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { csvField, looksLikeFormula, toCsv, xlsxBuffer } from '../src/resources/common/exportCells';
import { EXPORT_CAP, ExportCancelled, fetchAllPages, inChunks, type FetchedPage } from '../src/resources/common/exportPaging';

/** RFC 4180 as Excel reads it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  rows.push([...row, field]);
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV and xlsx cells', () => {
  it('neutralises texts starting with = + - @ tab or carriage return with a leading quote', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('+8613800000000')).toBe("'+8613800000000");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves ordinary text, and numbers typed as numbers, as they are', () => {
    expect(csvField('青阳街道')).toBe('青阳街道');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(30000.5)).toBe('30000.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(looksLikeFormula(-5)).toBe(false);
    expect(looksLikeFormula('-5')).toBe(true);
  });

  it('never lets a formula object through: objects become their JSON text', () => {
    expect(csvField({ formula: 'cmd' })).toBe(`"{""formula"":""cmd""}"`);
    expect(csvField(Number.NaN)).toBe('');
  });

  it('round-trips any table through CSV with every formula-like text neutralised and nothing else changed', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1+1', '-2', '+x', '@a', '\tb', '\rc', 'a,b', '"q"', 'x\r\ny'), fc.integer({ min: -1e6, max: 1e6 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const parsed = parseCsv(toCsv(rows));
        const expected = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : String(v))));
        expect(parsed).toEqual(expected);
        // a text never reaches Excel starting a formula; only a number may start with "-"
        rows.forEach((r, i) => r.forEach((v, j) => typeof v === 'string' && expect(parsed[i][j]).not.toMatch(FORMULA)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes formula-like texts to xlsx as text cells in the Text format and keeps numbers as numbers', async () => {
    const buffer = await xlsxBuffer(
      {
        headers: ['名称', '金额', '备注'],
        rows: [
          ["=cmd|' /C calc'!A0", -30000.5, '-1+2'],
          ['青阳', 12, null],
        ],
      },
      '表',
      { 1: '#,##0.00' },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    const ws = book.worksheets[0];
    const risky = ws.getCell('A2');
    expect(risky.type).toBe(ExcelJS.ValueType.String);
    expect(risky.value).toBe("=cmd|' /C calc'!A0");
    expect(risky.formula).toBeUndefined();
    expect(risky.numFmt).toBe('@');
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C2').numFmt).toBe('@');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('B2').value).toBe(-30000.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('A3').value).toBe('青阳');
    expect(ws.getCell('A3').numFmt).not.toBe('@');
  });
});

/** A list of `total` rows served in pages, as the API does (ids 1…total). */
const served =
  (total: number, calls: Array<[number, number]> = []) =>
  async (page: number, perPage: number): Promise<FetchedPage<{ id: number }>> => {
    calls.push([page, perPage]);
    const from = (page - 1) * perPage;
    return { data: Array.from({ length: Math.max(0, Math.min(perPage, total - from)) }, (_, i) => ({ id: from + i + 1 })), total };
  };

describe('export paging', () => {
  it('asks for smaller pages when the API refuses a page by its cost, and still reads every row', async () => {
    const calls: Array<[number, number]> = [];
    const inner = served(2300, calls);
    const refusing = async (page: number, perPage: number) => {
      if (perPage > 250) {
        calls.push([page, perPage]);
        throw { body: { code: 'QUERY_LIMIT', extensions: { limit: 'cost', max: 25000 } } };
      }
      return inner(page, perPage);
    };
    const { records, leftOut } = await fetchAllPages(refusing);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 2300 }, (_, i) => i + 1));
    expect(leftOut).toBe(0);
    expect(calls.slice(0, 3)).toEqual([
      [1, 1000],
      [1, 500],
      [1, 250],
    ]);
    // Other refusals are not retried.
    await expect(
      fetchAllPages(async () => {
        throw { body: { code: 'FORBIDDEN', extensions: {} } };
      }),
    ).rejects.toMatchObject({ body: { code: 'FORBIDDEN' } });
  });

  it('reads every page of a list longer than one page, with progress', async () => {
    const calls: Array<[number, number]> = [];
    const progress: Array<[number, number]> = [];
    const { records, total, leftOut } = await fetchAllPages(served(8200, calls), { onProgress: (f, e) => progress.push([f, e]) });
    expect(records).toHaveLength(8200);
    expect(new Set(records.map((r) => r.id)).size).toBe(8200);
    expect([total, leftOut]).toEqual([8200, 0]);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => [p, 1000]));
    expect(progress[0]).toEqual([1000, 8200]);
    expect(progress.at(-1)).toEqual([8200, 8200]);
  });

  it('asks once for a list that fits one page, and once more when it fills a page exactly', async () => {
    const calls: Array<[number, number]> = [];
    expect((await fetchAllPages(served(882, calls))).records).toHaveLength(882);
    expect(calls).toEqual([[1, 1000]]);
    const exact: Array<[number, number]> = [];
    expect((await fetchAllPages(served(2000, exact))).records).toHaveLength(2000);
    expect(exact).toEqual([
      [1, 1000],
      [2, 1000],
    ]);
    expect(await fetchAllPages(served(0))).toEqual({ records: [], total: 0, leftOut: 0 });
  });

  it('stops at the cap and says how many rows were left out', async () => {
    const calls: Array<[number, number]> = [];
    const r = await fetchAllPages(served(12_345, calls), { perPage: 1000, cap: 5000 });
    expect(r.records).toHaveLength(5000);
    expect(r.records.at(-1)?.id).toBe(5000);
    expect([r.total, r.leftOut]).toEqual([12_345, 7345]);
    expect(calls).toHaveLength(5);
    const odd = await fetchAllPages(served(12_345), { perPage: 300, cap: 1000 });
    expect([odd.records.length, odd.leftOut]).toEqual([1000, 11_345]);
    expect(EXPORT_CAP).toBe(50_000);
  });

  it('keeps a row once when rows are added ahead of it during the export, and counts the new ones as left out', async () => {
    // newest first; 10 rows arrive after the first page is read
    let added = 0;
    const page = async (p: number, perPage: number): Promise<FetchedPage<{ id: number }>> => {
      const total = 2500 + added;
      const ids = Array.from({ length: total }, (_, i) => total - i);
      const res = { data: ids.slice((p - 1) * perPage, p * perPage).map((id) => ({ id })), total };
      if (p === 1) added = 10;
      return res;
    };
    const r = await fetchAllPages(page);
    expect(r.records).toHaveLength(2500);
    expect(new Set(r.records.map((x) => x.id)).size).toBe(2500);
    expect([r.total, r.leftOut]).toEqual([2510, 10]);
  });

  it('ends when the list shrinks while it runs, and on a server that ignores paging', async () => {
    let total = 3000;
    const shrinking = async (p: number, perPage: number) => {
      const res = await served(total)(p, perPage);
      total = 1500;
      return res;
    };
    const r = await fetchAllPages(shrinking);
    expect([r.records.length, r.total, r.leftOut]).toEqual([1500, 1500, 0]);
    let asked = 0;
    const stuck = async () => (asked++, { data: Array.from({ length: 1000 }, (_, i) => ({ id: i })), total: 1e9 });
    const s = await fetchAllPages(stuck, { cap: 3000 });
    expect(asked).toBe(4);
    expect(s.records).toHaveLength(1000);
  });

  it('stops before the next request once cancelled', async () => {
    const controller = new AbortController();
    const calls: Array<[number, number]> = [];
    const fetch = served(5000, calls);
    await expect(
      fetchAllPages(
        async (p, n) => {
          if (p === 2) controller.abort();
          return fetch(p, n);
        },
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(ExportCancelled);
    expect(calls).toHaveLength(2);
  });

  it('refuses page sizes the API would refuse', async () => {
    await expect(fetchAllPages(served(10), { perPage: 1001 })).rejects.toThrow(RangeError);
    await expect(fetchAllPages(served(10), { perPage: 0 })).rejects.toThrow(RangeError);
  });

  it('splits ids into requests of at most 500', () => {
    const ids = Array.from({ length: 1201 }, (_, i) => i);
    expect(inChunks(ids).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(inChunks([])).toEqual([]);
  });
});
