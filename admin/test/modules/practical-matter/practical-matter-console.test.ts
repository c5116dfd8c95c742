/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { USER_PASSWORD } from '../../../../api/test/harness';
import { browserAvailable, type Console, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/** 微实事 on a phone (issue 16): a community worker opens one for a compound and closes it (销号), which needs evidence. */
run('practical matters in the console', () => {
  let c: Console;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    c = await startConsole();
    const admin = await c.t.adminToken();
    const ok = async (q: string, v: Record<string, unknown> = {}) => (await c.t.gql(q, v, admin)).data;
    const { allJurisdictions, allUnits } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } allUnits(filter: { q: "阳光社区" }) { id } }');
    await c.t.createUser({ username: 'yg_matters', displayName: '阳光社区网格员', role: Role.UNIT_STAFF, unitId: allUnits[0].id, jurisdictionId: allJurisdictions[0].id });
    const compound = (await ok('mutation($c: ID!) { createCompound(name: "阳光花苑", communityId: $c, managementMode: SELF_MANAGED) { id } }', { c: allJurisdictions[0].id })).createCompound.id;
    const staff = await c.t.login('yg_matters', USER_PASSWORD);
    id = (
      await c.t.gql(
        'mutation($c: ID!) { createPracticalMatter(compoundId: $c, kind: MICRO_PROJECT, category: LIGHTING, title: "更换3号楼楼道灯", openedOn: "2026-11-20") { id } }',
        { c: compound },
        staff,
      )
    ).data.createPracticalMatter.id;
  }, 120_000);
  afterAll(() => c?.close());

  it('closes a 微实事 only with evidence', async () => {
    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(page, c.base, 'yg_matters', USER_PASSWORD);
    await page.goto(`${c.base}/admin/#/PracticalMatter/${id}/show`);
    await page.waitForSelector('text=更换3号楼楼道灯');
    await page.click('[data-testid="practical-close"]');
    await page.click('[role="dialog"] [data-testid="practical-confirm"]');
    await page.waitForSelector('[role="dialog"] .Mui-error');
    await page.fill('[role="dialog"] [data-testid="practical-evidence"]', '已更换 6 盏 LED 灯，居民签字确认');
    await page.click('[role="dialog"] [data-testid="practical-confirm"]');
    await page.waitForSelector('[data-testid="status"][data-status="CLOSED"]');
    expect(await page.textContent('body')).toContain('已更换 6 盏 LED 灯');
    await shot(page, 'practical-matter-closed-phone');
    await page.close();
  }, 120_000);
});
