/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { Assignment } from '../../../../api/src/modules/task/assignment.entity';
import { USER_PASSWORD } from '../../../../api/test/harness';
import { png } from '../../../../api/test/modules/attachment/files';
import { browserAvailable, type Console, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * 督办 in the console (issue 16): the street office sees a unit's task in red on its plan and sends a
 * 催办; the unit's staff member opens 我的任务, sees the red light and the 催办, acknowledges (签收) and
 * reports progress with a photo of the work done.
 */
run('supervision in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let planId: string;

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    const qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    const unit = (await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j, q: "社会事务办" }) { id } }', { j: qingyang })).allUnits[0].id;
    const doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    planId = (await ok('mutation($d: ID!, $j: ID!) { createPlan(documentId: $d, jurisdictionId: $j, name: "2025年督办事项", year: 2025) { id } }', { d: doc, j: qingyang })).createPlan.id;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "小区环境整治") { id } }', { p: planId })).createKeyWork.id;
    const task = (await ok('mutation($k: ID!) { createTaskItem(keyWorkId: $k, content: "清理小区楼道堆放杂物", deadlineText: "2025年3月31日前") { id } }', { k: kw })).createTaskItem.id;
    const a = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u, isLead: true) { id } }', { t: task, u: unit })).createAssignment.id;
    await c.t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2025-01-01T00:00:00+08:00') })
      .where('id = :id', { id: Number(a) })
      .execute();
    await c.t.createUser({ username: 'qy_supervisor', displayName: '青阳党建办督办员', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    await c.t.createUser({ username: 'sw_staff', displayName: '社会事务办干事', role: Role.UNIT_STAFF, unitId: unit });
  }, 120_000);
  afterAll(() => c?.close());

  it('lets the office urge an overdue unit, and the unit acknowledge, see the 催办 and report with a photo', async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(page, c.base, 'qy_supervisor', USER_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan/${planId}/show`);
    await page.waitForSelector('[data-testid="overdue-units"] >> text=社会事务办');
    await page.click('[data-testid="overdue-units"] [data-testid="urge"]');
    await page.fill('[data-testid="urge-message"]', '请于本周内完成楼道清理并报送照片');
    await page.click('[data-testid="urge-send"]');
    await page.waitForSelector('text=催办已发送');
    await shot(page, 'supervision-office-urges');

    await page.evaluate(() => localStorage.clear());
    await signIn(page, c.base, 'sw_staff', USER_PASSWORD);
    // the bell says so: the 催办, unread
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-count') || 0) >= 1);
    await page.click('[data-testid="notification-bell"]');
    const urgedLine = page.locator('[data-testid="notification-item"]', { hasText: '催办：清理小区楼道堆放杂物' });
    await urgedLine.waitFor();
    await shot(page, 'supervision-bell');
    await urgedLine.click();
    await page.waitForURL(/#\/my-tasks/);
    const row = page.locator('[data-testid="my-task"]', { hasText: '清理小区楼道堆放杂物' });
    await row.waitFor();
    expect(await row.locator('[data-testid="urgency"]').getAttribute('data-urgency')).toBe('OVERDUE');
    expect(await row.locator('[data-testid="urging"]').textContent()).toContain('请于本周内完成楼道清理并报送照片');
    await row.locator('[data-testid="acknowledge"]').click();
    await row.locator('[data-testid="acknowledged"]').waitFor();

    await row.locator('[data-testid="report-progress"]').click();
    await page.fill('[data-testid="report-note"]', '楼道杂物已全部清理');
    await page.click('[data-testid="report-submit"]');
    await page.waitForSelector('text=进度已报告');
    await row.locator('[data-testid="progress-reports"]').click();
    await page.waitForSelector('[data-testid="progress-report"] >> text=楼道杂物已全部清理');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supervision-'));
    const photo = path.join(dir, '楼道清理后.png');
    fs.writeFileSync(photo, png(160, 120, [60, 160, 90]));
    await page.setInputFiles('[data-testid="progress-report"] >> nth=0 >> [data-testid="attachment-input"]', photo);
    await page.waitForSelector('[data-testid="progress-report"] [data-testid="attachment-thumb"]');
    await shot(page, 'supervision-unit-reports');

    const task = (await ok('query($p: ID!) { allTaskItems(filter: { planId: $p }) { assignments { acknowledgedBy urgings { message } } } }', { p: planId })).allTaskItems[0];
    const a = task.assignments[0];
    expect(a).toMatchObject({ acknowledgedBy: '社会事务办干事', urgings: [{ message: '请于本周内完成楼道清理并报送照片' }] });
    await page.close();
  }, 180_000);
});
