/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import seeds from '../../../../seeds/actions-004.json';
import { ADMIN_PASSWORD } from '../../../../api/test/harness';
import { browserAvailable, choose, type Console, SHOTS, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * An action plan in 004's layout imported through the console (issue 16): the office picks the
 * 专项行动方案 layout in the 导入任务清单 dialog — after first choosing the file under the wrong layout,
 * which the dialog cannot read — sees each action's goal, measures, milestones read to days and units,
 * then imports it.
 */
run('importing a 004-style action plan in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let file: string;

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    // (一) with dated steps and 各社区 responsible, (二) with 各社区 leading
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('专项行动');
    ws.addRow(['专项行动', '工作目标', '目标时限', '主要措施', '时间节点', '牵头单位', '责任单位']);
    for (const a of seeds.actions.slice(0, 2))
      a.measures.forEach((m, i) =>
        ws.addRow([
          i === 0 ? `${a.number}${a.title}` : '',
          i === 0 ? a.goal : '',
          i === 0 ? a.goalDeadlines.map((d) => d.text).join('\n') : '',
          `${m.number}是${m.text}`,
          m.milestones.map((s) => (s.text.endsWith(`(${s.deadlineText})`) ? s.text : `${s.deadlineText}：${s.text}`)).join('\n'),
          i === 0 ? a.leadPrinted : '',
          i === 0 ? a.responsiblePrinted : '',
        ]),
      );
    file = path.join(SHOTS, '青阳街道专项行动方案.xlsx');
    await book.xlsx.writeFile(file);
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1500, height: 1000 }, locale: 'zh-CN' });
  });
  afterEach(() => page.close());

  it('previews the actions with their milestones read to days, then imports them as a plan of special actions', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan`);
    await page.click('button:has-text("导入任务清单")');
    await page.click('[data-testid="task-import-document"] [role="combobox"]');
    await choose(page, '晋政青〔2024〕68号');
    await page.click('[data-testid="task-import-jurisdiction"] [role="combobox"]');
    await choose(page, '青阳街道');
    // under 000's layout the sheet has no header the dialog knows
    await page.setInputFiles('[data-testid="task-import-file"]', file);
    await page.waitForSelector('[role="dialog"] >> text=表格中找不到表头');
    await page.click('[data-testid="task-import-layout"] [role="combobox"]');
    await choose(page, '专项行动方案');
    await page.waitForSelector('[data-testid="task-import-summary"]');
    expect(await page.textContent('[data-testid="task-import-summary"]')).toContain('专项行动 2 项，主要措施 7 项，时间节点 4 个');

    const first = await page.textContent(`[data-testid="task-import-row-2"]`);
    expect(first).toContain('(一)党的组织覆盖提升专项行动');
    expect(first).toContain('年底前 → 2024-12-31');
    expect(first).toContain('一、抓好住宅小区党组织组建');
    const steps = await page.$$eval('[data-testid="task-import-row-2"] [data-testid="task-import-step"]', (els) => els.map((e) => e.textContent));
    expect(steps).toEqual(['开展党员摸底排查(11月15日前完成) → 2024-11-15（按计划年度）', '组建建制式或功能型小区党组织(12月15日前完成) → 2024-12-15（按计划年度）']);
    const second = await page.textContent(`[data-testid="task-import-row-5"]`);
    expect(second).toContain('(二)小区自治组织提升专项行动');
    expect(second).toContain('社区发展办、党建办、青阳派出所、社区治理办、综合执法队');
    // a measure below its action's first row repeats none of the action's cells
    expect(await page.textContent(`[data-testid="task-import-row-3"]`)).not.toContain('党的组织覆盖提升专项行动');
    await shot(page, 'action-plan-import-preview');

    await page.click('[data-testid="task-import-confirm"]');
    await page.waitForSelector('text=专项行动方案已导入');
    await page.waitForSelector('td:has-text("青阳街道专项行动方案")');

    const plan = (await c.t.gql('{ allPlans(filter: { kind: SPECIAL_ACTIONS }) { id name } }', {}, admin)).data.allPlans.find((p: { name: string }) => p.name === '青阳街道专项行动方案');
    const read = await c.t.gql(
      'query($p: ID!) { allKeyWorks(filter: { planId: $p }) { number leadPrinted tasks { number dueDate milestones { dueDate } assignments { isLead viaAllCommunities } } } }',
      { p: plan.id },
      admin,
    );
    const [one, two] = read.data.allKeyWorks;
    expect(one).toMatchObject({ number: '(一)', leadPrinted: '党建办' });
    expect(one.tasks[0].milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual(['2024-11-15', '2024-12-15']);
    expect(two.tasks[2].milestones).toEqual([{ dueDate: '2024-12-31' }]);
    expect(two.tasks[0].assignments.filter((a: { isLead: boolean; viaAllCommunities: boolean }) => a.isLead && a.viaAllCommunities)).toHaveLength(14);
  });
});
