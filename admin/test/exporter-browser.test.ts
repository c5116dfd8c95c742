/// <reference lib="dom" />
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, SHOTS, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;

const CMD = "=cmd|' /C calc'!A0";
const PHONE = '+86 138 0000 0000';
/** People the list must hold: more than the API's page of 1000, so the export needs a second page. */
const AT_LEAST = 1234;

run('exports in Chromium', () => {
  let c: Console;
  let page: Page;
  let total: number;
  beforeAll(async () => {
    c = await startConsole();
    const admin = await c.t.adminToken();
    const count = async () => (await c.t.gql('{ _allPeopleMeta { count } }', {}, admin)).data._allPeopleMeta.count as number;
    const names = [CMD, '-1+2', '@SUM(1,2)'];
    for (let i = (await count()) + names.length; i < AT_LEAST; i++) names.push(`导出测试${String(i).padStart(4, '0')}`);
    // a few creations a request, well inside the alias limits
    for (let i = 0; i < names.length; i += 10) {
      const batch = names.slice(i, i + 10);
      const res = await c.t.gql(
        `mutation(${batch.map((_, j) => `$n${j}: String!`).join(', ')}, $phone: String) { ${batch.map((_, j) => `p${j}: createPerson(name: $n${j}, phone: $phone) { id }`).join(' ')} }`,
        { ...Object.fromEntries(batch.map((n, j) => [`n${j}`, n])), phone: i === 0 ? PHONE : null },
        admin,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    total = await count();
  }, 300_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterEach(() => page.close());

  /**
   * The export's later pages wait until the test has read the progress dialog (a fixed delay was
   * too short on a busy machine): the first page of each export goes through, the others are held.
   */
  let firstPage = true;
  let release: () => void = () => undefined;
  let held: Promise<void> = Promise.resolve();

  /** Opens the people list, holding its export's later pages until `exportWith` has read the dialog. */
  const openPeople = async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Person`);
    await page.waitForSelector('.RaDatagrid-table tbody tr');
    await page.route('**/graphql', async (route) => {
      if (/"perPage":1000/.test(route.request().postData() ?? '')) {
        if (firstPage) firstPage = false;
        else {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([held, new Promise((r) => (timer = setTimeout(r, 45_000)))]);
          clearTimeout(timer);
        }
      }
      await route.continue();
    });
  };

  const exportWith = async (label: string) => {
    firstPage = true;
    held = new Promise<void>((r) => (release = r));
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.click(`button:has-text("${label}")`);
    // the second page is held: the dialog counts the first
    await page.waitForSelector(`[data-testid="export-progress-text"]:has-text("正在导出 1,000/${total.toLocaleString('zh-CN')} 行")`);
    release();
    const download = await downloading;
    const file = path.join(SHOTS, `export-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await page.waitForSelector('[data-testid="export-progress"]', { state: 'detached' });
    return { file, name: download.suggestedFilename() };
  };

  it('exports every row of a list longer than one page to CSV, formula-like texts neutralised', async () => {
    expect(total).toBeGreaterThanOrEqual(AT_LEAST);
    await openPeople();
    const { file, name } = await exportWith('导出 CSV');
    expect(name).toMatch(/^人员-\d{4}-\d{2}-\d{2}\.csv$/);
    const book = new ExcelJS.Workbook();
    // every field as the text it is in the file
    const ws = await book.csv.readFile(file, { map: (v: unknown) => v } as never);
    const rows = (ws.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1) as string[]);
    const headers = rows[0];
    expect(headers).toEqual(expect.arrayContaining(['姓名', '联系电话']));
    const body = rows.slice(1);
    expect(body).toHaveLength(total);
    const nameCol = headers.indexOf('姓名');
    const names = body.map((r) => r[nameCol]);
    expect(new Set(names.filter((n) => n.startsWith('导出测试'))).size).toBe(names.filter((n) => n.startsWith('导出测试')).length);
    const cmd = body.find((r) => r[nameCol] === `'${CMD}`);
    expect(cmd).toBeDefined();
    expect(cmd?.[headers.indexOf('联系电话')]).toBe(`'${PHONE}`);
    expect(names).toContain("'-1+2");
    expect(names).toContain("'@SUM(1,2)");
    // no text reaches Excel starting a formula
    expect(body.flat().filter((v) => /^[=+\-@\t\r]/.test(v ?? ''))).toEqual([]);
  });

  it('exports every row to xlsx with formula-like texts as text cells', async () => {
    await openPeople();
    const { file } = await exportWith('导出 Excel');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0];
    expect(ws.rowCount).toBe(total + 1);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const nameCol = headers.indexOf('姓名') + 1;
    let found = 0;
    ws.eachRow((row, n) => {
      const cell = row.getCell(nameCol);
      if (n === 1 || cell.value !== CMD) return;
      found++;
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
      expect(row.getCell(headers.indexOf('联系电话') + 1).value).toBe(PHONE);
    });
    expect(found).toBe(1);
  });
});
