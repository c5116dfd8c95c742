/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, type GraphQLObjectType, isListType, getNullableType } from 'graphql';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../api/src/common/dates';
import { usccCheckChar } from '../../api/src/common/uscc';
import { createDemoData } from '../../api/src/scripts/demo-data';
import { createServices } from '../../api/src/services';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, shot, signIn, startConsole } from './browser';

// The console's module list (plain TypeScript; its screens are lazy imports): which resources have
// which screens for a role. Of react-admin it needs only Loading (see api/test/console-operations.test.ts).
jest.mock('react-admin', () => ({ Loading: () => null }));
type Screens = { name: string; list?: unknown; show?: unknown; edit?: unknown; create?: unknown };
const { MODULES } = require('../src/modules') as { MODULES: Array<{ resources?: (viewer: object) => Array<Screens | null> }> };

const run = browserAvailable() ? describe : describe.skip;
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/admin.graphql'), 'utf8'));
const MUTATIONS = schema.getMutationType()!.getFields();
const QUERIES = schema.getQueryType()!.getFields();
const TODAY = todayInChina();

/** The ADMIN's resources as the console declares them. */
const RESOURCES: Screens[] = MODULES.flatMap((m) => m.resources?.({ role: 'ADMIN', edit: true, unitId: null }) ?? []).filter((r): r is Screens => !!r);

/** all<Plural>, the list query of a type (as the data provider finds it). */
function listQueryOf(type: string): string {
  const name = Object.keys(QUERIES).find((q) => {
    const t = getNullableType(QUERIES[q].type);
    return q.startsWith('all') && isListType(t) && (getNamedType(t) as GraphQLObjectType).name === type;
  });
  if (!name) throw new Error(`no list query of ${type}`);
  return name;
}

/** Opens a console address in a new document: a hash change alone would leave the last page's elements to be found meanwhile. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** Waits for a page's part, long enough for a page of the demo set on a loaded machine, naming the resource if it never comes. */
async function shows(page: Page, selector: string, resource: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 90_000 }).catch((e: Error) => {
    throw new Error(`${resource}: ${e.message}`);
  });
}

/** Lets react-admin settle what it asked canAccess (answered at once, drawn on the next frames) before something is found absent. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/**
 * Issue 17 "Broken": the console offered a 删除 the API does not have (award sites, payouts: every
 * click a 400), a 新建 that leads nowhere (整改), and a fresh install offered no way to issue the
 * first partner key. What the console offers now follows the schema it was built with.
 */
run('what the console offers follows the API', () => {
  let c: Console;
  let page: Page;
  let admin: string;

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    // records of every kind: the demo set (committees, disclosures, evaluations, tickets, practical matters…)
    await createDemoData(c.t.app.ds, createServices(c.t.app.ds, c.t.config));
    // an award site accepted, its payouts, a budget
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const community = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2AWD031';
    const company = (await ok(`mutation { createPropertyCompany(name: "工具栏测试物业", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    const compound = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "工具栏小区", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: community, p: company })
    ).createCompound.id;
    const site = (await ok('mutation($p: ID!, $c: ID!, $d: LocalDate!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: $d) { id } }', { p: programme, c: compound, d: TODAY }))
      .createAwardCase.id;
    for (const to of ['INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED']) {
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: site, to, d: TODAY });
    }
    await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id } }', { c: site });
    await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "200000") { id } }', { p: programme, y: Number(TODAY.slice(0, 4)) });
    await ok('mutation($c: ID!) { createPartyOrganization(compoundId: $c, form: FUNCTIONAL, formalMemberCount: 2, name: "工具栏小区党支部", formedOn: "2024-11-01") { id } }', { c: compound });
  }, 300_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterEach(() => page?.close());

  it('offers 删除 on every edit page exactly where the API has delete<Type>, and 新建 only where there is a create screen and mutation', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    const walked: Array<{ resource: string; delete: boolean }> = [];
    const unwalked: string[] = [];
    const wrong: string[] = [];
    for (const r of RESOURCES.filter((x) => x.edit)) {
      expect([r.name, !!MUTATIONS[`update${r.name}`]]).toEqual([r.name, true]);
      const list = listQueryOf(r.name);
      const [record] = (await ok(`{ ${list}(perPage: 1) { id } }`))[list] as Array<{ id: string }>;
      if (!record) {
        unwalked.push(r.name);
        continue;
      }
      const hasDelete = !!MUTATIONS[`delete${r.name}`];
      await open(page, `${c.base}/admin/#/${r.name}/${record.id}`);
      await shows(page, '.RaEdit-main form', r.name);
      if (hasDelete) await shows(page, '.RaEdit-main .ra-delete-button', r.name);
      else await settled(page);
      const offered = (await page.$$('.RaEdit-main .ra-delete-button, .RaEdit-main button:has-text("删除")')).length > 0;
      walked.push({ resource: r.name, delete: offered });
      if (offered !== hasDelete) wrong.push(`${r.name}: 删除 ${offered ? 'offered' : 'missing'}, delete${r.name} ${hasDelete ? 'exists' : 'does not exist'}`);
    }
    expect(wrong).toEqual([]);
    // the edit pages of records made by their workflows, with no delete in the API, were all walked
    expect(walked.filter((w) => !w.delete).map((w) => w.resource)).toEqual(expect.arrayContaining(['AwardCase', 'Payout', 'Complaint', 'PracticalMatter', 'ServiceEvaluation']));
    expect(walked.length).toBeGreaterThanOrEqual(25);
    expect(unwalked.filter((name) => !MUTATIONS[`delete${name}`])).toEqual([]);

    // lists: a 新建 only where the resource has a create screen, and it opens one
    const creates: string[] = [];
    for (const r of RESOURCES.filter((x) => x.list)) {
      await open(page, `${c.base}/admin/#/${r.name}`);
      await shows(page, '.RaList-main', r.name);
      await settled(page);
      const button = await page.$(`.RaList-main a[href="#/${r.name}/create"]`);
      if (!button) continue;
      creates.push(r.name);
      if (!r.create) wrong.push(`${r.name}: 新建 without a create screen`);
      else if (!MUTATIONS[`create${r.name}`]) wrong.push(`${r.name}: 新建 without create${r.name}`);
    }
    expect(wrong).toEqual([]);
    expect(creates).toEqual(expect.arrayContaining(['PolicyDocument', 'Compound', 'AwardCase', 'User']));
    expect(creates).not.toContain('Rectification');
    expect(creates).not.toContain('Payout');

    // 整改 itself: no 新建, and its address leads to no form
    await open(page, `${c.base}/admin/#/Rectification`);
    await page.waitForSelector('.RaList-main');
    await settled(page);
    expect(await page.$('.RaList-main a[href="#/Rectification/create"]')).toBeNull();
    expect(await page.$$('.RaList-main button:has-text("新建"), .RaList-main a:has-text("新建")')).toHaveLength(0);
  }, 1_200_000);

  it('the first partner key issued from an empty list', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    expect((await ok('{ _allPartnerKeysMeta { count } }'))._allPartnerKeysMeta.count).toBe(0);
    await page.goto(`${c.base}/admin/#/PartnerKey`);
    // no key yet: the list (not react-admin's empty page) and its 签发密钥
    await page.waitForSelector('text=无数据共享密钥数据');
    expect(await page.textContent('#main-content')).not.toContain('暂无数据共享密钥');
    await shot(page, 'partner-key-empty-list');
    await page.click('[data-testid="issue-key"]');
    await page.fill('[data-testid="issue-key-name"]', '泉州市住建局 物业监管平台');
    await page.fill('[data-testid="issue-key-note"]', '数据共享协议 2025-07');
    await page.click('[role="dialog"] [data-testid="issue-key-confirm"]');
    await page.waitForSelector('[data-testid="secret-dialog"]');
    const secret = await page.inputValue('[data-testid="secret-value"]');
    expect(secret.length).toBeGreaterThan(20);
    await page.click('[data-testid="secret-confirm-copied"]');
    await page.click('[data-testid="secret-close"]');
    const row = page.locator('.RaDatagrid-row', { has: page.locator('.column-name', { hasText: '泉州市住建局 物业监管平台' }) });
    await row.waitFor();
    expect(await row.locator('[data-testid="key-state"]').getAttribute('data-active')).toBe('true');
    // the key works on the partner endpoint
    const res = await c.t.partner('{ __typename }', {}, secret);
    expect(res.status).toBe(200);

    // #/PartnerKey/create is the list with the 签发密钥 dialog open
    await page.goto(`${c.base}/admin/#/PartnerKey/create`);
    await page.waitForSelector('[role="dialog"] [data-testid="issue-key-name"]');
    expect(page.url()).toMatch(/#\/PartnerKey$/);
    await page.click('[role="dialog"] button:has-text("取消")');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    await row.waitFor();
  });
});
