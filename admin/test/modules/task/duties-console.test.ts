/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { Assignment } from '../../../../api/src/modules/task/assignment.entity';
import { USER_PASSWORD } from '../../../../api/test/harness';
import { browserAvailable, choose, type Console, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/** Today in China and the quarters around it, as the console reckons them (the page's default is the current quarter). */
function quarters() {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const index = Number(day.slice(0, 4)) * 4 + Math.ceil(Number(day.slice(5, 7)) / 3) - 1;
  const quarter = (i: number) => ({ year: Math.floor(i / 4), n: (i % 4) + 1, label: `${Math.floor(i / 4)}年第${(i % 4) + 1}季度` });
  const previous = quarter(index - 1);
  return { day, current: quarter(index), previous, previousStarts: `${previous.year}-${String(previous.n * 3 - 2).padStart(2, '0')}-01` };
}

/**
 * 定期工作落实 on a phone (issue 16): the street office reads its quarterly joint meeting for every
 * community — last quarter all 14 missed (逾期), this quarter all 14 still to do — then a community's
 * staff reports this quarter's meeting from 我的任务, and the office sees it reported, with the minutes.
 */
run('recurring duties in the console', () => {
  let c: Console;
  let admin: string;
  const q = quarters();
  const PLAN = '联席会议落实督办计划';
  const TASK = '每季度召开物业管理联席会议';

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    const qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    const under = (await ok('query($p: ID!) { allJurisdictions(perPage: 100, filter: { parentId: $p }) { id } }', { p: qingyang })).allJurisdictions.map((j: { id: string }) => j.id);
    const communities = (await ok('{ allUnits(perPage: 1000, filter: { kind: COMMUNITY }) { id name jurisdictionId } }')).allUnits.filter((u: { jurisdictionId: string }) =>
      under.includes(u.jurisdictionId),
    ) as Array<{ id: string; name: string }>;
    expect(communities).toHaveLength(14);
    const doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    const plan = (
      await ok('mutation($d: ID!, $j: ID!, $n: String!, $y: Int!) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: $y) { id } }', { d: doc, j: qingyang, n: PLAN, y: q.previous.year })
    ).createPlan.id;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "联席会议制度") { id } }', { p: plan })).createKeyWork.id;
    const task = (await ok('mutation($k: ID!, $c: String!) { createTaskItem(keyWorkId: $k, content: $c, deadlineText: "每季度") { id } }', { k: kw, c: TASK })).createTaskItem.id;
    for (const u of communities) await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id } }', { t: task, u: u.id });
    // assigned (as if) when last quarter began
    await c.t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date(`${q.previousStarts}T00:00:00+08:00`) })
      .where('taskItemId = :t', { t: Number(task) })
      .execute();
    await c.t.createUser({ username: 'qy_duty_office', displayName: '青阳党建办督办员', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    await c.t.createUser({ username: 'yg_duty_staff', displayName: '阳光社区干事', role: Role.UNIT_STAFF, unitId: communities.find((u) => u.name === '阳光社区')!.id });
  }, 120_000);
  afterAll(() => c?.close());

  /** Waits until the counts at the top read these (应报, 已报, 逾期, 未到期): the answer for the filters chosen has come. */
  const counted = (page: Page, counts: { expected: number; reported: number; overdue: number; open: number }) =>
    page.waitForFunction((want) => Object.entries(want).every(([k, n]) => document.querySelector(`[data-testid="duties-count-${k}"]`)?.getAttribute('data-count') === String(n)), counts);
  const statuses = (page: Page) => page.$$eval('[data-testid="duty-occurrence"]', (els) => els.map((e) => e.getAttribute('data-status')));

  it('shows the office every community’s meeting, the missed first, and one reported once the community reports it', async () => {
    const office = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    office.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(office, c.base, 'qy_duty_office', USER_PASSWORD);
    const openPlan = async () => {
      await office.goto(`${c.base}/admin/#/duties`);
      await office.reload();
      await office.click('[data-testid="duties-planId"] [role="combobox"]');
      await choose(office, PLAN);
    };
    await openPlan();
    // this quarter (the default): 14 to do, none missed yet
    expect(await office.textContent('[data-testid="duties-period"] [role="combobox"]')).toBe(q.current.label);
    await counted(office, { expected: 14, reported: 0, overdue: 0, open: 14 });
    expect(await statuses(office)).toEqual(Array(14).fill('OPEN'));

    // last quarter: every community missed it
    await office.click('[data-testid="duties-period"] [role="combobox"]');
    await choose(office, q.previous.label);
    await counted(office, { expected: 14, reported: 0, overdue: 14, open: 0 });
    expect(await statuses(office)).toEqual(Array(14).fill('OVERDUE'));
    await shot(office, 'duties-office-phone');

    // 阳光社区 reports this quarter's meeting from 我的任务
    const unit = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    unit.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(unit, c.base, 'yg_duty_staff', USER_PASSWORD);
    await unit.goto(`${c.base}/admin/#/my-tasks`);
    // 我的任务 shows 20 a page: the community finds the duty by its words
    await unit.fill('[data-testid="my-tasks-q"]', TASK);
    const row = unit.locator('[data-testid="my-task"]', { hasText: TASK });
    await row.locator('[data-testid="report-duty"]').click();
    await unit.fill('[data-testid="duty-note"]', '召开联席会议，研究小区停车秩序整治');
    await unit.getByLabel('参加人数').fill('12');
    await unit.click('[data-testid="report-duty-submit"]');
    await unit.waitForSelector('text=进度已报告');
    await unit.close();

    // the office, this quarter again: one reported, on today, with its minutes
    await openPlan();
    await counted(office, { expected: 14, reported: 1, overdue: 0, open: 13 });
    expect(await statuses(office)).toEqual([...Array(13).fill('OPEN'), 'HELD']);
    const held = office.locator('[data-testid="duty-occurrence"][data-status="HELD"]');
    expect(await held.locator('[data-testid="duty-unit"]').textContent()).toBe('阳光社区');
    expect(await held.textContent()).toContain(`${q.day} 报告`);
    await held.locator('[data-testid="duty-reports"]').click();
    const report = office.locator('[data-testid="duty-report"]');
    await report.waitFor();
    expect(await report.textContent()).toContain('召开联席会议，研究小区停车秩序整治');
    expect(await report.textContent()).toContain('参加 12 人');
    expect(await report.textContent()).toContain('阳光社区干事');
    await shot(office, 'duties-report-phone');
    await office.close();
  }, 180_000);
});
