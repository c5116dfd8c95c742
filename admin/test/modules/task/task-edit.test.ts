/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { USER_PASSWORD } from '../../../../api/test/harness';
import { browserAvailable, type Console, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * A task list corrected in the console (issue 16): the street's party office opens a task of its
 * plan, types a new deadline as printed — the form says what it understood, and refuses on the field
 * what it cannot read — and switches the lead unit; the plan's table and the API show both.
 */
run('correcting a task list in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let taskId: string;
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
    await c.t.createUser({ username: 'qy_tasks', displayName: '青阳党建办', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    // 000's 22nd task: led by 党建办, with 社区发展办 and 社会事务办 and every community
    const list = (await ok('{ allPlans(filter: { kind: TASK_LIST }) { id } }')).allPlans[0].id;
    const mine = (await ok('query($p: ID!) { allTaskItems(filter: { planId: $p }, perPage: 50, sortField: "sortOrder", sortOrder: "DESC") { id } }', { p: list })).allTaskItems;
    taskId = mine[0].id;
    planId = list;
  }, 120_000);
  afterAll(() => c?.close());

  it('lets the street office correct a task’s deadline and its lead unit', async () => {
    page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(page, c.base, 'qy_tasks', USER_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan/${planId}/show`);
    await page.waitForSelector('[data-testid="plan-tasks"] [data-testid="edit-task"]');
    await page.goto(`${c.base}/admin/#/TaskItem/${taskId}`);
    await page.waitForSelector('input[name="deadlineText"]');

    // what cannot be read is refused on the field before anything is sent
    await page.fill('input[name="deadlineText"]', '尽快');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=无法识别的完成时限');
    // typed as printed, it says what it understood: the plan's year is 2024 (000 was issued then)
    await page.fill('input[name="deadlineText"]', '12月15日前完成');
    await page.waitForSelector('text=理解为：2024-12-15');
    await shot(page, 'task-edit-deadline');
    await page.click('button[type="submit"]');
    await page.waitForURL(/#\/Plan\/\d+\/show/);
    await page.waitForSelector('[data-testid="plan-tasks"]');
    expect(await page.textContent('[data-testid="plan-tasks"]')).toContain('12月15日前完成');

    // the lead: 党建办 off, 社区发展办 on
    await page.goto(`${c.base}/admin/#/TaskItem/${taskId}`);
    await page.waitForSelector('[data-testid="assignment-row"][data-unit="党建办"]');
    const lead = (unit: string) => page.locator(`[data-testid="assignment-row"][data-unit="${unit}"] input[type="checkbox"]`);
    expect(await lead('党建办').isChecked()).toBe(true);
    // each switch writes at once; the page shows the answer once the API has it
    const switched = (unit: string, on: boolean) =>
      page.waitForFunction(([u, want]) => (document.querySelector(`[data-testid="assignment-row"][data-unit="${u}"] input[type="checkbox"]`) as HTMLInputElement | null)?.checked === want, [
        unit,
        on,
      ] as const);
    await lead('社区发展办').click();
    await switched('社区发展办', true);
    await lead('党建办').click();
    await switched('党建办', false);
    await shot(page, 'task-edit-units');

    const after = (await ok('query($id: ID!) { TaskItem(id: $id) { dueDate deadlineText assignments { isLead unit { name } } } }', { id: taskId })).TaskItem;
    expect(after).toMatchObject({ dueDate: '2024-12-15', deadlineText: '12月15日前完成' });
    const leads = after.assignments.filter((a: { isLead: boolean }) => a.isLead).map((a: { unit: { name: string } }) => a.unit.name);
    expect(leads).toEqual(['社区发展办']);
    await page.close();
  }, 120_000);
});
