import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/roles';
import { usccCheckChar } from '../../api/src/common/uscc';
import { browserAvailable, type Console, docShot, SHOTS, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));

/*
 * Issue 17 item 5: bulk actions where an office uses them. Several payouts approved at once, each
 * through approvePayout as on its own page (maker-checker kept: one's own submissions are refused and
 * said so, in Chinese); the selected rows exported; several plans archived.
 */
run('bulk actions in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
  let payouts: Array<{ id: string; recipientName: string; amountFen: number }> = [];

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await c.t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const status = async (id: string) => (await ok('query($id: ID!) { Payout(id: $id) { status approvedBy { username } } }', { id })).Payout;

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    // two members of the office: A (林晓) makes, B (陈静) checks
    tokens.a = (await c.t.createUser({ username: 'office_lin', displayName: '林晓', role: Role.PARTY_OFFICE })).token;
    tokens.b = (await c.t.createUser({ username: 'office_chen', displayName: '陈静', role: Role.PARTY_OFFICE })).token;
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const community = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "200000") { id } }', { p: programme, y: YEAR });
    // two accepted demonstration sites: four payouts (30,000 to each company, 20,000 to the community)
    for (const [n, name] of [
      ['1', '阳光花园'],
      ['2', '阳光新村'],
    ]) {
      const code = `91350582MA2AWD10${n}`;
      const company = (await ok(`mutation { createPropertyCompany(name: "${name}物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
      const compound = (
        await ok('mutation($c: ID!, $p: ID!, $n: String!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', {
          c: community,
          p: company,
          n: name,
        })
      ).createCompound.id;
      const awardCase = (
        await ok('mutation($p: ID!, $c: ID!, $d: LocalDate!, $y: Int) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: $d, year: $y) { id } }', {
          p: programme,
          c: compound,
          d: TODAY,
          y: YEAR,
        })
      ).createAwardCase.id;
      for (const to of ['INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED']) {
        await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: awardCase, to, d: TODAY });
      }
      payouts.push(...(await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientName amountFen } }', { c: awardCase })).generateAwardPayouts);
    }
    payouts = payouts.sort((x, y) => Number(x.id) - Number(y.id));
    // A submits three, B one
    for (const [i, p] of payouts.entries()) await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id: p.id }, i === 3 ? tokens.b : tokens.a);
  }, 180_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterEach(() => page.close());

  it('approves the selected payouts one by one as on their pages, refusing (in Chinese) the one its checker submitted', async () => {
    await signIn(page, c.base, 'office_chen', 'password-123');
    await page.goto(`${c.base}/admin/#/Payout?filter=${encodeURIComponent(JSON.stringify({ status: ['SUBMITTED'] }))}`);
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length === 4);
    await page.click('.RaDatagrid-headerRow input[type="checkbox"]');
    await page.click('[data-testid="bulk-approve"]');
    await page.click('.MuiDialog-root button:has-text("确认")');
    await page.waitForSelector('[data-testid="bulk-report"] [data-testid="bulk-outcome"]');
    const outcomes = await page.$$eval('[data-testid="bulk-report"] [data-testid="bulk-outcome"]', (rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-ok'), r.textContent]));
    const byId = Object.fromEntries(outcomes.map(([id, done, text]) => [id, [done, text]]));
    expect(Object.keys(byId).sort()).toEqual(payouts.map((p) => p.id).sort());
    expect(payouts.map((p) => byId[p.id][0])).toEqual(['true', 'true', 'true', 'false']);
    expect(byId[payouts[3].id][1]).toContain('这是您提交的发放，需由党建办其他人员审批');
    expect(await page.textContent('[data-testid="bulk-report-title"]')).toBe('批量处理结果：完成 3 项，被拒绝 1 项');
    await docShot(page, 'bulk-approve');

    // the API says the same: three approved by B, B's own still submitted
    expect(await Promise.all(payouts.map((p) => status(p.id)))).toEqual([
      { status: 'APPROVED', approvedBy: { username: 'office_chen' } },
      { status: 'APPROVED', approvedBy: { username: 'office_chen' } },
      { status: 'APPROVED', approvedBy: { username: 'office_chen' } },
      { status: 'SUBMITTED', approvedBy: null },
    ]);
    // the refused row stays selected
    await page.click('[data-testid="bulk-report-close"]');
    await page.waitForSelector('.RaBulkActionsToolbar-toolbar:has-text("1")');
  }, 120_000);

  it('exports only the selected rows, with the columns’ Chinese labels', async () => {
    await signIn(page, c.base, 'office_lin', 'password-123');
    await page.goto(`${c.base}/admin/#/Payout`);
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length === 4);
    const picked: string[] = [];
    for (const n of [0, 2]) {
      const row = page.locator('.RaDatagrid-tbody tr').nth(n);
      await row.locator('input[type="checkbox"]').click();
      picked.push((await row.locator('td').nth(1).textContent()) ?? '');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bulk-export"]')]);
    const file = path.join(SHOTS, `selected-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows = (book.worksheets[0].getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('收款方');
    expect(
      rows
        .slice(1)
        .map((r) => r[rows[0].indexOf('收款方')])
        .sort(),
    ).toEqual(picked.sort());
  }, 120_000);

  it('archives the selected task lists, each as its edit form would', async () => {
    const doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    const qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    const plans: string[] = [];
    for (const name of ['归档测试清单甲', '归档测试清单乙']) {
      plans.push((await ok('mutation($d: ID!, $j: ID!, $n: String!) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: 2024) { id } }', { d: doc, j: qingyang, n: name })).createPlan.id);
    }
    await signIn(page, c.base, 'admin', (await import('../../api/test/harness')).ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Plan`);
    await page.fill('input[name="q"]', '归档测试');
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.RaDatagrid-tbody tr'))
          .map((r) => r.textContent)
          .join()
          .match(/归档测试清单/g)?.length === 2 && document.querySelectorAll('.RaDatagrid-tbody tr').length === 2,
    );
    await page.click('.RaDatagrid-headerRow input[type="checkbox"]');
    await page.click('[data-testid="bulk-archive"]');
    await page.click('.MuiDialog-root button:has-text("确认")');
    await page.waitForSelector('[data-testid="bulk-report"] [data-testid="bulk-outcome"]').catch(async (e) => {
      await page.screenshot({ path: path.join(SHOTS, 'bulk-archive-failed.png') });
      throw e;
    });
    expect(await page.textContent('[data-testid="bulk-report-title"]')).toBe('批量处理结果：完成 2 项，被拒绝 0 项');
    const archived = await Promise.all(plans.map(async (id) => (await ok('query($id: ID!) { Plan(id: $id) { archivedOn } }', { id })).Plan.archivedOn));
    expect(archived).toEqual([TODAY, TODAY]);
    // the current lists (the default filter) no longer show them
    await page.click('[data-testid="bulk-report-close"]');
    await page.waitForSelector('.RaDatagrid-tbody tr', { state: 'detached' });
  }, 120_000);
});
