import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { browserAvailable, type Console, shot, signIn, startConsole, choose } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/** 小区党组织 in the console: a community's staff record one from the compound page, the form its members allow. */
run('party organisations in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
  });
  afterAll(() => c?.close());
  afterEach(() => page?.close());

  it('lets a community’s staff record a 联建 branch from the compound page, refusing 单建 with 2 formal members', async () => {
    const { data } = await c.t.gql('query { allJurisdictions(filter: { q: "阳光社区" }) { id name } }', {}, admin);
    const community = data.allJurisdictions.find((j: { name: string }) => j.name === '阳光社区');
    const units = (await c.t.gql('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: community.id }, admin)).data.allUnits;
    await c.t.createUser({ username: 'yangguang_party', role: Role.UNIT_STAFF, unitId: units.find((u: { kind: string }) => u.kind === 'COMMUNITY').id });
    const compound = (await c.t.gql(`mutation { createCompound(name: "党组织界面小区", communityId: "${community.id}", managementMode: NONE) { id } }`, {}, admin)).data.createCompound;

    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'yangguang_party', 'password-123');
    await page.goto(`${c.base}/admin/#/Compound/${compound.id}/show`);
    await page.waitForSelector('[data-testid="compound-party-organization"]');
    expect(await page.textContent('[data-testid="compound-party-organization"]')).toContain('该小区目前没有存续的党组织');
    await page.click('[data-testid="compound-party-organization"] >> text=登记党组织');

    await page.waitForSelector('input[name="name"]');
    await page.fill('input[name="name"]', '党组织界面小区联合党支部');
    await page.fill('input[name="formalMemberCount"]', '2');
    await page.getByRole('combobox', { name: /组建形式/ }).click();
    await choose(page, '单建');
    await page.fill('input[name="secretaryName"]', '陈书记');
    await page.fill('input[name="formedOn"]', '2024-07-01');
    await page.click('button[type="submit"]');
    // said before saving: fewer than 3 formal members cannot form their own
    await page.waitForSelector('text=正式党员不足3名，不能单建党组织');
    await page.getByRole('combobox', { name: /组建形式/ }).click();
    await choose(page, '联建');
    await page.click('button[type="submit"]');
    await page.waitForURL(/PartyOrganization\/\d+\/show/);

    await page.goto(`${c.base}/admin/#/Compound/${compound.id}/show`);
    await page.waitForSelector('[data-testid="party-organization"][data-serving="true"]');
    const section = await page.textContent('[data-testid="compound-party-organization"]');
    expect(section).toContain('党组织界面小区联合党支部');
    expect(section).toContain('联建');
    expect(section).toContain('陈书记');
    await shot(page, 'compound-party-organization-phone');
  }, 120_000);
});
