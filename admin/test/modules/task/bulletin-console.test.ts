/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '../../../../api/test/harness';
import { Assignment } from '../../../../api/src/modules/task/assignment.entity';
import { browserAvailable, type Console, docShot, SHOTS, signIn, startConsole, choose } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * 通报 in the console (issue 16): 青阳街道's monthly bulletin as of 2024-12-31, the worst first, downloaded
 * as xlsx (opened back: the units and counts on screen) and as the PDF the API prints; admin/docs/bulletin.png.
 */
run('the task bulletin in the console', () => {
  let c: Console;
  let page: Page;

  beforeAll(async () => {
    c = await startConsole();
    await c.t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2024-01-01T00:00:00+08:00') })
      .execute();
  }, 120_000);
  afterAll(() => c?.close());

  it('shows 青阳街道’s bulletin as of 2024-12-31 and gives it as xlsx and PDF', async () => {
    page = await c.browser.newPage({ viewport: { width: 1280, height: 1100 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.click('[data-testid="menu-bulletin"]');
    await page.click('[data-testid="bulletin-office"] [role="combobox"]');
    await choose(page, '青阳街道');
    await page.fill('[data-testid="bulletin-date"]', '2024-12-31');
    await page.waitForSelector('text=青阳街道物业党建联建任务落实情况通报（截至 2024-12-31）');
    await page.waitForSelector('[data-testid="bulletin-row"]');
    const shown = await page.$$eval('[data-testid="bulletin-row"]', (rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(shown.length).toBeGreaterThan(10);
    const overdue = shown.map((r) => Number(r[6]));
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    await docShot(page, 'bulletin');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bulletin-xlsx"]')]);
    const file = path.join(SHOTS, 'bulletin.xlsx');
    await xlsx.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const values = book.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect((values[0] as unknown[]).slice(1)).toEqual(['序号', '责任单位', '任务数', '已完成', '其中逾期完成', '30天内到期', '逾期未完成', '定期工作未落实']);
    expect(values.slice(1).map((r) => [String(r[2]), String(r[7])])).toEqual(shown.map((r) => [r[1], r[6]]));

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bulletin-pdf"]')]);
    const pdfFile = path.join(SHOTS, 'bulletin.pdf');
    await pdf.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 120_000);
});
