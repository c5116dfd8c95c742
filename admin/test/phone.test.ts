import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../api/src/common/roles';
import { todayInChina } from '../../api/src/common/dates';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { png } from '../../api/test/modules/attachment/files';
import { browserAvailable, choose, type Console, docShot, noSnackbar, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

/** The document does not scroll sideways: nothing is wider than the phone. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The element is on screen horizontally (a button one would have to scroll to is not). */
async function withinWidth(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return !!box && box.x >= 0 && box.x + box.width <= 390;
}

/*
 * Issue 17 item 2: what a community worker does away from a desk, on a 390 × 844 phone: 我的任务
 * (filter, 签收, 报告进度 with a photo from the camera), the roster, a compound's page, a complaint
 * and a practical matter, none of them scrolling sideways.
 */
run('the console on a phone (390 × 844)', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let username: string;
  let unitId: string;
  let compound: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phone-'));

  const ok = async (q: string, v: Record<string, unknown> = {}, token = admin) => {
    const res = await c.t.gql(q, v, token);
    if (res.errors) throw new Error(`${q}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const count = async (filter: Record<string, unknown>) =>
    (await ok('query($f: AssignmentFilter) { _allAssignmentsMeta(filter: $f) { count } }', { f: { unitId, ...filter } }))._allAssignmentsMeta.count as number;
  const shownCount = async () => Number(await page.getAttribute('[data-testid="my-tasks-count"]', 'data-count'));

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    const { allJurisdictions, allUnits } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } allUnits(filter: { q: "阳光社区" }) { id } }');
    unitId = allUnits[0].id;
    username = 'yg_phone';
    await c.t.createUser({ username, displayName: '阳光社区网格员', role: Role.UNIT_STAFF, unitId, jurisdictionId: allJurisdictions[0].id });
    compound = (await ok('mutation($c: ID!) { createCompound(name: "阳光花苑", communityId: $c, managementMode: SELF_MANAGED) { id } }', { c: allJurisdictions[0].id })).createCompound.id;
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage(PHONE);
  });
  afterEach(() => page.close());

  it('lets a community worker filter 我的任务, 签收 one and report progress with a photo, all without scrolling sideways', async () => {
    const all = await count({});
    expect(all).toBeGreaterThan(20); // 各社区: the community has the street's tasks, more than a page

    await signIn(page, c.base, username, 'password-123');
    // the grouped menu in the phone's drawer
    await page.click('button[aria-label="打开菜单"]');
    await page.waitForSelector('[data-testid="menu-group-work"]');
    expect(await page.textContent('[data-testid="menu-group-work"]')).toBe('工作');
    await docShot(page, 'menu-phone');
    await page.click('[data-testid="menu-my-tasks"]');
    await page.waitForSelector('[data-testid="my-task"]');
    expect(await shownCount()).toBe(all);
    expect(await page.$$('[data-testid="my-task"]')).toHaveLength(20);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // the light, the deadline, 签收 and 报告进度 of a card are on screen
    const first = '[data-testid="my-task"] >> nth=0';
    for (const part of ['[data-testid="deadline"]', '[data-testid="acknowledge"]', '[data-testid="report-progress"]']) expect(await withinWidth(page, `${first} >> ${part}`)).toBe(true);
    // with their words (on a phone react-admin's buttons keep only their icon)
    expect([await page.textContent(`${first} >> [data-testid="acknowledge"]`), await page.textContent(`${first} >> [data-testid="report-progress"]`)]).toEqual(['签收', '报告进度']);
    await noSnackbar(page);
    await docShot(page, 'my-tasks-phone');

    // search: the API's answer over every task of the unit, not a page's
    await page.fill('[data-testid="my-tasks-q"]', '业委会');
    const words = await count({ q: '业委会' });
    expect(words).toBeGreaterThan(0);
    expect(words).toBeLessThan(all);
    await page.waitForSelector(`[data-testid="my-tasks-count"][data-count="${words}"]`);
    await page.fill('[data-testid="my-tasks-q"]', '');
    await page.waitForSelector(`[data-testid="my-tasks-count"][data-count="${all}"]`);

    // 未签收, then 签收 the first: it leaves the filtered list
    await page.click('[data-testid="my-tasks-status"] [role="combobox"]');
    await choose(page, '未签收');
    await page.waitForSelector(`[data-testid="my-tasks-count"][data-count="${all}"]`); // nothing acknowledged yet
    const acknowledged = await page.getAttribute(first, 'data-assignment');
    await page.click(`${first} >> [data-testid="acknowledge"]`);
    await page.waitForSelector('text=已签收');
    await page.waitForSelector(`[data-testid="my-tasks-count"][data-count="${all - 1}"]`);
    expect(await count({ acknowledged: false })).toBe(all - 1);
    expect((await ok('query($id: ID!) { Assignment(id: $id) { acknowledgedAt } }', { id: acknowledged })).Assignment.acknowledgedAt).not.toBeNull();

    // 报告进度 with a photo from the camera
    const photo = path.join(dir, '楼道整治后.png');
    fs.writeFileSync(photo, png(160, 120, [40, 160, 90]));
    const reported = await page.getAttribute(first, 'data-assignment');
    await page.click(`${first} >> [data-testid="report-progress"]`);
    const input = page.locator('[data-testid="report-photo-input"]');
    expect(await input.getAttribute('accept')).toBe('image/*');
    expect(await input.getAttribute('capture')).toBe('environment');
    await page.fill('[data-testid="report-note"]', '已清理楼道堆物，拍照留存');
    await input.setInputFiles(photo);
    await page.waitForSelector('[data-testid="report-photo"]:has-text("楼道整治后.png")');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await withinWidth(page, '[data-testid="report-submit"]')).toBe(true);
    expect(await page.textContent('[data-testid="report-submit"]')).toBe('提交');
    await docShot(page, 'report-progress-phone');
    await page.click('[data-testid="report-submit"]');
    await page.waitForSelector('text=进度已报告');
    // the photos are uploaded before the dialog says the report was taken
    const reports = (await ok('query($a: ID!) { allProgressReports(filter: { assignmentId: $a }) { note attachmentNames } }', { a: reported })).allProgressReports;
    expect(reports.map((r: { note: string; attachmentNames: string[] }) => [r.note, r.attachmentNames])).toEqual([['已清理楼道堆物，拍照留存', ['楼道整治后.png']]]);
  }, 180_000);

  it('shows the roster, a compound, a complaint and a practical matter without scrolling sideways', async () => {
    const group = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id } }')).allWorkingGroups[0].id;
    const unit = (await ok('{ allUnits(filter: { q: "阳光社区" }) { id } }')).allUnits[0].id;
    const complaint = (
      await ok(
        `mutation($c: ID!, $u: ID!) { createComplaint(compoundId: $c, channel: HOTLINE_12345, category: DRAINAGE, summary: "地下车库积水，业主多次反映未解决，请社区协调物业尽快处理", receivedOn: "${todayInChina()}", assignedUnitId: $u) { id } }`,
        { c: compound, u: unit },
      )
    ).createComplaint.id;
    const matter = (
      await ok(`mutation($c: ID!) { createPracticalMatter(compoundId: $c, kind: MICRO_PROJECT, category: LIGHTING, title: "更换3号楼楼道灯", openedOn: "${todayInChina()}") { id } }`, { c: compound })
    ).createPracticalMatter.id;

    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    const pages: Array<[name: string, url: string, ready: string]> = [
      ['roster', `#/WorkingGroup/${group}/show`, '[data-testid="roster"] [data-testid="seat"]'],
      ['compound', `#/Compound/${compound}/show`, 'text=阳光花苑'],
      ['complaint', `#/Complaint/${complaint}/show`, 'text=地下车库积水'],
      ['practical-matter', `#/PracticalMatter/${matter}/show`, 'text=更换3号楼楼道灯'],
    ];
    const widths: Record<string, number> = {};
    for (const [name, url, ready] of pages) {
      await page.goto(`${c.base}/admin/${url}`);
      await page.waitForSelector(ready);
      await page.waitForLoadState('networkidle');
      widths[name] = await scrollWidth(page);
      if (name === 'roster') await docShot(page, 'roster-phone');
    }
    expect(widths).toEqual({ roster: 390, compound: 390, complaint: 390, 'practical-matter': 390 });
  }, 180_000);
});
