import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../api/src/common/roles';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, SHOTS, shot, signIn, startConsole, choose } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('task lists in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  });
  afterEach(() => page.close());

  it('shows a unit user only its tasks, takes a progress report, and the office dashboard reflects it', async () => {
    const unitId = (await c.t.gql('{ allUnits(filter: { q: "人居环境办" }) { id } }', {}, admin)).data.allUnits[0].id;
    const mine = (await c.t.gql('query($u: ID!) { allAssignments(filter: { unitId: $u }) { id } }', { u: unitId }, admin)).data.allAssignments;
    const staff = await c.t.userWithRole(Role.UNIT_STAFF, unitId);
    const username = (await c.t.gql('query($id: ID!) { User(id: $id) { username } }', { id: staff.id }, admin)).data.User.username;

    await signIn(page, c.base, username, 'password-123');
    await page.click('[data-testid="menu-my-tasks"]');
    await page.waitForSelector('[data-testid="my-task"]');
    const rows = await page.$$('[data-testid="my-task"]');
    expect(rows).toHaveLength(mine.length);
    expect(await page.textContent('[data-testid="my-tasks"]')).toContain('住宅小区环境提升专项行动');
    expect(await page.textContent('[data-testid="my-tasks"]')).not.toContain('党的组织覆盖提升专项行动');
    await shot(page, 'my-tasks');

    await page.click('[data-testid="my-task"] >> nth=0 >> [data-testid="report-progress"]');
    await page.click('[role="dialog"] [role="combobox"]:has-text("进行中")');
    await choose(page, '已完成');
    await page.fill('[data-testid="report-note"]', '已完成集中卫生大扫除');
    await page.click('[data-testid="report-submit"]');
    await page.waitForSelector('text=进度已报告');
    await page.waitForSelector('[data-testid="my-task"] >> nth=0 >> text=已完成');
    await shot(page, 'my-tasks-reported');

    await page.evaluate(() => localStorage.clear());
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    // the home page shows the first page of units, the most overdue first; the sheet holds every unit
    await page.waitForSelector('[data-testid="unit-rollup"] [data-testid^="rollup-"]');
    expect((await page.$$('[data-testid="unit-rollup"] [data-testid^="rollup-"]')).length).toBeLessThanOrEqual(10);
    await page.waitForSelector('[data-testid="indicator-bar"]');
    expect((await page.$$('[data-testid="indicator-bar"]')).length).toBeGreaterThanOrEqual(30);
    await shot(page, 'dashboard-rollup');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-rollup"]')]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect((sheet[0] as unknown[]).slice(1)).toEqual(['责任单位', '任务数', '未开始', '进行中', '已完成', '已逾期']);
    const env = sheet.find((r) => r[1] === '人居环境办') as unknown[];
    expect(env[5]).toBe(1);
  });

  it("imports a task list from an xlsx in the layout of 000's attachment, after a preview", async () => {
    const printed = (await import('../../seeds/tasklist-000.json')).default;
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('任务清单');
    ws.addRow(['重点工作', '目标内容', '工作内容', '责任单位', '完成时限']);
    printed.rows.forEach((r: { cells: string[] }) => ws.addRow(r.cells));
    const file = path.join(SHOTS, '街道任务清单.xlsx');
    await book.xlsx.writeFile(file);

    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan`);
    await page.click('button:has-text("导入任务清单")');
    await page.click('[data-testid="task-import-document"] [role="combobox"]');
    await choose(page, '晋政青〔2024〕29号');
    await page.click('[data-testid="task-import-jurisdiction"] [role="combobox"]');
    await choose(page, '青阳街道');
    await page.setInputFiles('[data-testid="task-import-file"]', file);
    await page.waitForSelector('[data-testid="task-import-summary"]');
    expect(await page.textContent('[data-testid="task-import-summary"]')).toContain('工作内容 22 项');
    await shot(page, 'task-import-preview');
    await page.click('[data-testid="task-import-confirm"]');
    await page.waitForSelector('text=任务清单已导入');
    await page.waitForSelector('td:has-text("街道任务清单")');
  });

  it('shows the office the task list as printed: key work, target, units and deadline', async () => {
    const plan = (await c.t.gql('{ allPlans(filter: { kind: TASK_LIST }) { id } }', {}, admin)).data.allPlans[0].id;
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan/${plan}/show`);
    await page.waitForSelector('[data-testid="plan-tasks"]');
    const text = await page.textContent('[data-testid="plan-tasks"]');
    expect(text).toContain('一、建立完善长效工作机制');
    expect(text).toContain('(一)健全考核评价体系');
    expect(text).toContain('2024年完成，并长期坚持');
    expect(text).toContain('各社区（14）');
    await shot(page, 'task-list-000');
  });
});
