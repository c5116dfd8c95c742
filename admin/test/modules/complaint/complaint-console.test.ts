import type { Page } from 'playwright-core';
import { todayInChina } from '../../../../api/src/common/dates';
import { Role } from '../../../../api/src/common/roles';
import { browserAvailable, choose, type Console, docShot, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;
const PASSWORD = 'password-123';

/** 投诉 in the console: the office records and assigns a complaint; the assigned unit's staff record the result from its page. */
run('complaints in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
  });
  afterAll(() => c?.close());
  afterEach(() => page?.close());

  it('is recorded, assigned to a unit, handled by that unit with its result, step by step', async () => {
    const { data } = await c.t.gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } allUnits(perPage: 1) { id name } }', {}, admin);
    const unit = data.allUnits[0];
    const compound = (await c.t.gql(`mutation { createCompound(name: "投诉界面小区", communityId: "${data.allJurisdictions[0].id}", managementMode: SELF_MANAGED) { id } }`, {}, admin)).data
      .createCompound;
    const created = await c.t.gql(
      `mutation { createComplaint(compoundId: "${compound.id}", channel: HOTLINE_12345, category: DRAINAGE, summary: "地下车库积水", receivedOn: "${todayInChina()}", assignedUnitId: "${unit.id}") { id } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createComplaint.id;

    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'admin', 'admin-pass-123');
    await page.goto(`${c.base}/admin/#/Complaint/${id}/show`);
    await page.waitForSelector('[data-testid="complaint-steps"]');
    expect(await page.textContent('[data-testid="status"]')).toBe('已受理');
    // the office assigns it: only the moves open to it are offered
    expect(await page.$('[data-testid="complaint-handle"]')).toBeNull();
    await page.click('[data-testid="complaint-assign"]');
    await page.click('[role="dialog"] [data-testid="complaint-confirm"]');
    await page.waitForSelector('[data-testid="status"][data-status="ASSIGNED"]');

    // the unit's staff record the result
    await c.t.createUser({ username: 'unit_li', displayName: '李平', role: Role.UNIT_STAFF, unitId: unit.id });
    await page.close();
    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'unit_li', PASSWORD);
    await page.goto(`${c.base}/admin/#/Complaint/${id}/show`);
    await page.click('[data-testid="complaint-handle"]');
    await page.click('[role="dialog"] [data-testid="complaint-confirm"]');
    // the result is required: the dialog says so and records nothing
    await page.waitForSelector('[role="dialog"] .Mui-error');
    await page.fill('[role="dialog"] [data-testid="complaint-result"]', '已抽水并疏通排水沟');
    await page.click('[role="dialog"] [data-testid="complaint-confirm"]');
    await page.waitForSelector('[data-testid="status"][data-status="HANDLED"]');
    expect(await page.$$('[data-testid="complaint-steps"] .MuiStep-root')).toHaveLength(3);
    expect(await page.textContent('body')).toContain('已抽水并疏通排水沟');
    await shot(page, 'complaint-handled-phone');
  });

  it('records a complaint with its category and time limit through the form, keeps the contact behind a button, and counts it in the street’s figures', async () => {
    const { data } = await c.t.gql(
      '{ allJurisdictions(filter: { q: "青阳街道" }) { id } units: allUnits(filter: { q: "阳光社区" }) { id } c: allJurisdictions(filter: { q: "阳光社区" }) { id } }',
      {},
      admin,
    );
    const made = await c.t.gql(`mutation { createCompound(name: "时限界面小区", communityId: "${data.c[0].id}", managementMode: SELF_MANAGED) { id } }`, {}, admin);
    expect(made.errors).toBeUndefined();
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'admin', 'admin-pass-123');
    await page.goto(`${c.base}/admin/#/Complaint/create`);
    await page.fill('input[name="compoundId"]', '时限界面');
    await choose(page, '时限界面小区');
    await page.fill('input[name="receivedOn"]', '2025-03-03');
    await page.click('.ra-input-channel [role="combobox"]');
    await choose(page, '网格');
    await page.click('.ra-input-category [role="combobox"]');
    await choose(page, '电动车停放充电');
    await page.fill('textarea[name="summary"]', '楼道电动车充电，存在火灾隐患');
    // a simple matter by default: due the same day
    expect(await page.textContent('.ra-input-timeLimitDays')).toContain('当天处置（简单问题）');
    await page.fill('input[name="complainantContact"]', '13905957777');
    await page.click('button[type="submit"]');
    await page.waitForURL(/#\/Complaint\/\d+\/show/);
    const id = /Complaint\/(\d+)/.exec(page.url())![1];
    await page.waitForSelector('[data-testid="complaint-timeliness"][data-value="OVERDUE"]');
    // the contact is not on the page until asked for, and never in what the page loaded
    expect(await page.textContent('body')).not.toContain('13905957777');
    await page.click('[data-testid="reveal-contact"]');
    expect(await page.textContent('[data-testid="complaint-contact"]')).toBe('13905957777');
    const reads = await c.t.gql(`{ allAuditEvents(filter: { entityType: "Complaint", entityId: "${id}" }) { action actorName } }`, {}, admin);
    expect(reads.data.allAuditEvents).toContainEqual({ action: 'READ_CONTACT', actorName: 'admin' });

    // handled the next day: late; the street's figures for 2025 count it
    await c.t.gql(`mutation { updateComplaint(id: "${id}", assignedUnitId: "${data.units[0].id}") { id } }`, {}, admin);
    await c.t.gql(`mutation { advanceComplaint(id: "${id}", to: ASSIGNED, date: "2025-03-03") { id } }`, {}, admin);
    await c.t.gql(`mutation { advanceComplaint(id: "${id}", to: HANDLED, date: "2025-03-04", result: "已清理并张贴禁止楼道充电告示") { id } }`, {}, admin);
    await page.goto(`${c.base}/admin/#/Complaint`);
    await page.waitForSelector(`[data-testid="complaint-timeliness"][data-value="LATE"]`);

    await page.click('[data-testid="menu-complaint-figures"]');
    await page.click('[data-testid="figures-office"] [role="combobox"]');
    await choose(page, '青阳街道');
    await page.fill('[data-testid="figures-date"]', '2025-12-31');
    await page.waitForSelector('text=青阳街道物业管理信访投诉办理情况（2025-01-01 至 2025-12-31）');
    const street = await page.locator('[data-testid="figures-row"]').first().locator('td').allTextContents();
    // 受理, 上年同期, 同比, 已处置, 按期, 超期处置, 已超期未处置, 时限内, 处置率, 按期处置率
    expect(street).toEqual(['青阳街道', '1', '0', '—', '1', '0', '1', '0', '0', '100%', '0%']);
    await docShot(page, 'complaint-figures');
    // a community's row opens its own figures
    await page.click('[data-testid="figures-row"]:has-text("阳光社区")');
    await page.waitForSelector('text=阳光社区物业管理信访投诉办理情况（2025-01-01 至 2025-12-31）');
  });
});
