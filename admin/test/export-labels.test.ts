/// <reference lib="dom" />
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Role } from '../../api/src/common/roles';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, SHOTS, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;

/*
 * Exports an office can read (issue 17, item 4): labels for enums and references, 是/否, times as the
 * day and time in China, amounts in yuan, no internal ids; the audit trail as the sentences its page shows.
 */
run('exports with labels', () => {
  let c: Console;
  let page: Page;
  beforeAll(async () => {
    c = await startConsole();
    const admin = await c.t.adminToken();
    const ok = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await c.t.gql(query, variables, admin);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const { allIncentiveProgrammes } = await ok('{ allIncentiveProgrammes(perPage: 1) { id } }');
    await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2031, amount: "40000") { id } }', { p: allIncentiveProgrammes[0].id });
    await c.t.createUser({ username: 'export_staff', displayName: '导出核对员', role: Role.AUDITOR });
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
  });
  afterEach(() => page.close());

  /** A list's CSV export, as rows of text (the header first). */
  const exportCsv = async (resource: string): Promise<string[][]> => {
    await page.goto(`${c.base}/admin/#/${resource}`);
    await page.waitForSelector('.RaDatagrid-table tbody tr');
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.click('button:has-text("导出 CSV")');
    const download = await downloading;
    const file = path.join(SHOTS, `labels-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const ws = await new ExcelJS.Workbook().csv.readFile(file, { map: (v: unknown) => v } as never);
    return (ws.getSheetValues().slice(1) as unknown[][]).map((r) => (r.slice(1) as Array<string | undefined>).map((v) => v ?? ''));
  };
  /** Nothing a reader cannot read: no UTC timestamp, no true/false, no bare enum value, no internal id column. */
  const readable = (rows: string[][]) => {
    const [headers, ...body] = rows;
    expect(headers).not.toContain('编号');
    expect(headers.filter((h) => /^[A-Za-z]/.test(h))).toEqual([]);
    expect(body.flat().filter((v) => /\d{4}-\d{2}-\d{2}T\d{2}|^(true|false)$|^[A-Z][A-Z_]{2,}$/.test(v))).toEqual([]);
  };

  it('exports users with labels: roles, 是/否, no ids', async () => {
    const rows = await exportCsv('User');
    readable(rows);
    const [headers, ...body] = rows;
    const row = body.find((r) => r.includes('export_staff'));
    expect(row).toBeDefined();
    expect(row?.[headers.indexOf('启用')]).toBe('是');
    expect(row).toContain('审计');
  });

  it('exports budgets in yuan', async () => {
    const [headers, ...body] = await exportCsv('IncentiveBudget');
    const amount = headers.findIndex((h) => h.startsWith('预算'));
    expect(headers[amount]).toMatch(/^预算.*（元）$/);
    expect(body.map((r) => r[amount])).toContain('40000.00');
  });

  it('exports the audit trail as the sentences its page shows', async () => {
    const rows = await exportCsv('AuditEvent');
    readable(rows);
    const [headers, ...body] = rows;
    expect(headers).toEqual(['时间', '操作人', '操作', '对象类型', '说明']);
    const budget = body.find((r) => r[4].includes('2031'));
    expect(budget?.[2]).toBe('新建');
    // when: the day and time in China (2025年3月1日 14:05), not UTC
    expect(budget?.[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await page.textContent('[data-testid="audit-sentence"]')).toBeTruthy();
  });
});
