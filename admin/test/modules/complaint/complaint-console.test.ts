import type { Page } from 'playwright-core';
import { todayInChina } from '../../../../api/src/common/dates';
import { Role } from '../../../../api/src/common/roles';
import { browserAvailable, type Console, shot, signIn, startConsole } from '../../browser';

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
      `mutation { createComplaint(compoundId: "${compound.id}", channel: HOTLINE_12345, summary: "地下车库积水", receivedOn: "${todayInChina()}", assignedUnitId: "${unit.id}") { id } }`,
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
});
