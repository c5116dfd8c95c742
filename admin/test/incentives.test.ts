/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/roles';
import { usccCheckChar } from '../../api/src/common/uscc';
import { browserAvailable, type Console, SHOTS, shot, signIn, startConsole, choose } from './browser';

const run = browserAvailable() ? describe : describe.skip;
/**
 * The viewport only: a full-page capture resizes the window for a moment, and the sidebar's
 * media query can catch it collapsed. These two are the pictures in admin/docs/.
 */
const docShot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));

run('incentive awards in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  const office: Record<'a' | 'b', { id: string; username: string; displayName: string }> = {} as never;
  let programmeId: string;
  let caseId: string;
  let budgetId: string;

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    // two members of the party-building office: A makes, B checks
    for (const [k, username, displayName] of [
      ['a', 'office_lin', '林晓'],
      ['b', 'office_chen', '陈静'],
    ] as const) {
      // created by the admin, then each chose password-123 themselves (an admin-set password must be changed first)
      const u = await c.t.createUser({ username, displayName, role: Role.PARTY_OFFICE });
      office[k] = { id: u.id, username, displayName };
    }
    // The office's set-up, through the API: a company and its compound, a site accepted by the
    // superior department and the street this year, its payouts, and this year's budget.
    programmeId = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const communityId = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2AWD002';
    const companyId = (await ok(`mutation { createPropertyCompany(name: "青阳示范物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    const compoundId = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "阳光花园", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: communityId, p: companyId })
    ).createCompound.id;
    caseId = (
      await ok('mutation($p: ID!, $c: ID!, $d: LocalDate!, $y: Int) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: $d, year: $y) { id } }', {
        p: programmeId,
        c: compoundId,
        d: TODAY,
        y: YEAR,
      })
    ).createAwardCase.id;
    for (const to of ['INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED']) {
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: caseId, to, d: TODAY });
    }
    await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id } }', { c: caseId });
    budgetId = (await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "200000") { id } }', { p: programmeId, y: YEAR })).createIncentiveBudget.id;
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  });
  afterEach(() => page.close());

  /** Signs out and in as someone else, in a fresh document (nothing of the last user's session cached). */
  const switchUser = async (username: string) => {
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await signIn(page, c.base, username, 'password-123');
  };
  /** The dashboard gauge of this year's budget, once it shows the expected figures. */
  const gauge = async (committedFen: number, paidFen: number) => {
    await page.goto(`${c.base}/admin/#/`);
    const sel = `[data-testid="budget-panel"] [data-testid="budget-gauge"][data-budget-id="${budgetId}"]`;
    await page.waitForSelector(`${sel}[data-committed-fen="${committedFen}"][data-paid-fen="${paidFen}"]`);
    return {
      committed: Number(await page.getAttribute(sel, 'data-committed-fen')),
      paid: Number(await page.getAttribute(sel, 'data-paid-fen')),
      text: await page.textContent(sel),
    };
  };

  it('takes the company payout from submission (A) through approval and payment (B), maker-checker enforced, the budget gauge following', async () => {
    const payouts: Array<{ id: string; recipientRole: string }> = (await ok('query($c: ID!) { allPayouts(filter: { caseId: $c }) { id recipientRole } }', { c: caseId })).allPayouts;
    const payoutId = payouts.find((p) => p.recipientRole === 'PROPERTY_COMPANY')!.id;
    const reference = `PZ-${YEAR}-0001`;

    // A submits the draft from its page
    await signIn(page, c.base, office.a.username, 'password-123');
    const before = await gauge(0, 0);
    expect(before).toMatchObject({ committed: 0, paid: 0 });
    expect(before.text).toContain('¥200,000.00');
    await page.goto(`${c.base}/admin/#/Payout/${payoutId}/show`);
    await page.waitForSelector('[data-testid="payout-details"]:has-text("青阳示范物业有限公司")');
    expect(await page.textContent('[data-testid="payout-amount"]')).toBe('¥30,000.00');
    await page.click('[data-testid="payout-action-SUBMITTED"]');
    await page.click('[role="dialog"] [data-testid="payout-confirm"]');
    await page.waitForSelector('[data-testid="payout-details"] [data-status="SUBMITTED"]');
    await page.waitForSelector('[data-testid="own-submission"]');
    expect(await page.$$('[data-testid="payout-action-APPROVED"]')).toHaveLength(0);
    expect(await page.$$('[data-testid="payout-action-REJECTED"]')).toHaveLength(0);
    // …nor in the approval queue, where A's own submission is listed without approve / reject
    await page.click('[data-testid="menu-approvals"]');
    await page.waitForSelector(`[data-testid="approval"][data-payout-id="${payoutId}"] [data-testid="own-submission"]`);
    expect(await page.$$(`[data-testid="approval"][data-payout-id="${payoutId}"] [data-testid^="payout-action-"]`)).toHaveLength(0);

    // B sees it in the queue with what, why and who, and approves it
    await switchUser(office.b.username);
    await page.click('[data-testid="menu-approvals"]');
    expect(await page.textContent('header')).toContain(office.b.displayName);
    const card = `[data-testid="approval"][data-payout-id="${payoutId}"]`;
    await page.waitForSelector(`${card} [data-testid="payout-action-APPROVED"]`);
    const text = await page.textContent(card);
    for (const expected of [
      '青阳示范物业有限公司',
      '¥30,000.00',
      '阳光花园',
      '阳光社区',
      '“党建+物业”小区示范点奖励',
      '晋政青〔2024〕29号 · 三(四)',
      '奖励物业服务企业3万元',
      office.a.displayName,
      TODAY,
    ]) {
      expect(text).toContain(expected);
    }
    expect(await page.$$(`${card} [data-testid="own-submission"]`)).toHaveLength(0);
    // A's account was set up by the admin today: the queue says so about A's signature
    expect(await page.textContent(`${card} [data-testid="signer-warning"][data-to="SUBMITTED"]`)).toContain('admin');
    await docShot(page, 'approvals');
    await page.click(`${card} [data-testid="payout-action-APPROVED"]`);
    await page.waitForSelector('[role="dialog"] [data-testid="payout-dialog-summary"]:has-text("¥30,000.00")');
    await page.click('[role="dialog"] [data-testid="payout-confirm"]');
    await page.waitForSelector(card, { state: 'detached' });
    await page.waitForSelector('[data-testid="approvals-empty"]');

    const approved = await gauge(3_000_000, 0);
    expect(approved.committed).toBeGreaterThan(before.committed);
    expect(approved.paid).toBe(before.paid);

    // B records the payment with its voucher number (paidOn defaults to today)
    await page.goto(`${c.base}/admin/#/Payout/${payoutId}/show`);
    await page.click('[data-testid="payout-action-PAID"]');
    expect(await page.inputValue('[data-testid="payout-paid-on"]')).toBe(TODAY);
    await page.fill('[data-testid="payout-reference"]', reference);
    await page.click('[role="dialog"] [data-testid="payout-confirm"]');
    await page.waitForSelector('[data-testid="payout-details"] [data-status="PAID"]');
    await page.waitForSelector(`[data-testid="payout-reference-shown"]:has-text("${reference}")`);
    await page.waitForSelector('[data-testid="history"]');
    expect(await page.$$('[data-testid="payout-actions"] [data-testid^="payout-action-"]')).toHaveLength(0);
    await page.waitForSelector('.MuiSnackbar-root', { state: 'detached' }); // the notification hides itself
    await docShot(page, 'payout');

    const paid = await gauge(3_000_000, 3_000_000);
    expect(paid.paid).toBeGreaterThan(approved.paid);
    expect(paid.text).toContain('¥30,000.00');
    await page.locator('[data-testid="budget-panel"]').screenshot({ path: path.join(SHOTS, 'budget-panel.png') });

    // the API agrees: paid, with that reference, submitted by A, approved and paid by B
    const p = (await ok('query($id: ID!) { Payout(id: $id) { status paymentReference paidOn submittedById approvedById transitions { fromStatus toStatus actorName } } }', { id: payoutId })).Payout;
    expect(p).toMatchObject({ status: 'PAID', paymentReference: reference, paidOn: TODAY, submittedById: office.a.id, approvedById: office.b.id });
    const moves = p.transitions.filter((t: { fromStatus: string | null }) => t.fromStatus !== null).map((t: { toStatus: string; actorName: string }) => [t.toStatus, t.actorName]);
    expect(moves).toEqual([
      ['SUBMITTED', office.a.username],
      ['APPROVED', office.b.username],
      ['PAID', office.b.username],
    ]);

    // finance's sheet of paid payouts
    await page.goto(`${c.base}/admin/#/Payout?filter=${encodeURIComponent(JSON.stringify({ status: 'PAID' }))}`);
    await page.waitForSelector(`td:has-text("${reference}")`);
    expect(await page.$$('.RaDatagrid-tbody tr')).toHaveLength(1);
    await shot(page, 'payouts');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-paid"]')]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows = book.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['凭证号', '付款日期', '收款方', '统一社会信用代码', '收款方类型', '金额（元）', '奖励项目', '示范点', '所属社区', '预算年度', '提交人', '审批人', '审批日期']);
    // the payout, then the 合计 row
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(1)).toEqual([
      reference,
      TODAY,
      '青阳示范物业有限公司',
      `91350582MA2AWD002${usccCheckChar('91350582MA2AWD002')}`,
      '物业服务企业',
      30000,
      '“党建+物业”小区示范点奖励',
      '阳光花园',
      '阳光社区',
      YEAR,
      office.a.displayName,
      office.b.displayName,
      TODAY,
    ]);
    expect([rows[2][1], rows[2][6]]).toEqual(['合计', 30000]);
  }, 180_000);

  it("shows each rule with its clause as printed, 004 with no amount, and edits a rule's lines in yuan", async () => {
    const rules: Array<{ id: string; programme: { trigger: string } }> = (await ok('{ allIncentiveRules { id programme { trigger } } }')).allIncentiveRules;
    const rule000 = rules.find((r) => r.programme.trigger === 'DEMONSTRATION_SITE_ACCEPTED')!.id;
    const rule004 = rules.find((r) => r.programme.trigger === 'OWNERS_COMMITTEE_FORMED')!.id;
    await signIn(page, c.base, office.a.username, 'password-123');

    await page.goto(`${c.base}/admin/#/IncentiveRule/${rule000}/show`);
    await page.waitForSelector('[data-testid="rule-line-PROPERTY_COMPANY"]');
    expect(await page.textContent('[data-testid="rule-line-PROPERTY_COMPANY"]')).toContain('¥30,000.00');
    expect(await page.textContent('[data-testid="rule-line-COMMUNITY"]')).toContain('¥20,000.00');
    expect(await page.textContent('[data-testid="rule-source"]')).toContain('晋政青〔2024〕29号 · 三(四)');
    expect(await page.textContent('[data-testid="rule-source"]')).toContain('奖励物业服务企业3万元，所属社区奖励2万元');
    await shot(page, 'rule-000');

    // the programme with its rules and this year's budget gauge
    await page.goto(`${c.base}/admin/#/IncentiveProgramme/${programmeId}/show`);
    await page.waitForSelector(`[data-testid="budget-gauge"][data-budget-id="${budgetId}"]`);
    expect(await page.textContent('[data-testid="programme-rules"]')).toContain('物业服务企业 ¥30,000.00 · 所属社区 ¥20,000.00');
    await shot(page, 'programme-000');

    await page.goto(`${c.base}/admin/#/IncentiveRule/${rule004}/show`);
    await page.waitForSelector('[data-testid="rule-line-COMMUNITY"]');
    expect(await page.getAttribute('[data-testid="rule-line-COMMUNITY"]', 'data-amount-fen')).toBe('');
    expect(await page.textContent('[data-testid="rule-line-COMMUNITY"]')).toContain('文件未规定金额');
    expect(await page.textContent('[data-testid="rule-source"]')).toContain('二(二)');

    // the office sets the amount 004 leaves open; a third decimal is refused before anything is sent
    await page.goto(`${c.base}/admin/#/IncentiveRule/${rule004}`);
    const amount = 'input[name="lines.0.amount"]';
    await page.waitForSelector(amount);
    await page.fill(amount, '5000.125');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=最多两位小数');
    await page.fill(amount, '5000');
    await shot(page, 'rule-004-edit');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=¥5,000.00');
    const saved = (await ok('query($id: ID!) { IncentiveRule(id: $id) { version lines { recipientRole amountFen note } } }', { id: rule004 })).IncentiveRule;
    expect(saved.lines).toEqual([{ recipientRole: 'COMMUNITY', amountFen: 500_000, note: '文件未规定金额' }]);
    expect(saved.version).toBe(2);
  });

  it('moves a site across the board stage by stage, asks why on rejection, and generates its payouts once', async () => {
    const communityId = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const companyId = (await ok('{ allPropertyCompanies(filter: { q: "青阳示范物业" }) { id } }')).allPropertyCompanies[0].id;
    const compoundId = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "青华苑", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: communityId, p: companyId })
    ).createCompound.id;
    await signIn(page, c.base, office.b.username, 'password-123');

    // 申报 from the console
    await page.goto(`${c.base}/admin/#/AwardCase/create`);
    await page.click('input[name="programmeId"]');
    await choose(page, '示范点奖励');
    await page.fill('input[name="compoundId"]', '青华苑');
    await choose(page, '青华苑');
    expect(await page.inputValue('input[name="appliedOn"]')).toBe(TODAY);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="case-steps"]');
    const id = (await ok('query($c: ID!) { allAwardCases(filter: { compoundId: $c }) { id } }', { c: compoundId })).allAwardCases[0].id;

    await page.goto(`${c.base}/admin/#/AwardCase`);
    const card = `[data-testid="case-card"][data-case-id="${id}"]`;
    // rejection needs a reason: the dialog says so and sends nothing
    await page.click(`[data-testid="case-column-APPLIED"] ${card} [data-testid="case-advance-REJECTED"]`);
    await page.click('[data-testid="case-step-confirm"]');
    await page.waitForSelector('[role="dialog"] >> text=必填');
    await page.click('[role="dialog"] button:has-text("取消")');
    for (const [from, to] of [
      ['APPLIED', 'INSPECTED'],
      ['INSPECTED', 'SUPERIOR_ACCEPTED'],
      ['SUPERIOR_ACCEPTED', 'STREET_ACCEPTED'],
    ]) {
      await page.click(`[data-testid="case-column-${from}"] ${card} [data-testid="case-advance-${to}"]`);
      expect(await page.inputValue('[data-testid="case-step-date"]')).toBe(TODAY);
      await page.click('[data-testid="case-step-confirm"]');
      await page.waitForSelector(`[data-testid="case-column-${to}"] ${card}`);
    }
    expect(await page.$$(`${card} [data-testid^="case-advance-"]`)).toHaveLength(0);
    await shot(page, 'award-board');

    await page.click(`${card} a`);
    await page.waitForSelector('[data-testid="case-steps"]');
    expect(await page.$$('[data-testid="case-steps"] .MuiStep-root')).toHaveLength(4);
    await page.click('[data-testid="generate-payouts"]');
    await page.click('[role="dialog"] button:has-text("确认")');
    await page.waitForSelector('[data-testid="case-payout-PROPERTY_COMPANY"]');
    expect(await page.textContent('[data-testid="case-payouts"]')).toContain('¥30,000.00');
    expect(await page.textContent('[data-testid="case-payouts"]')).toContain('¥20,000.00');
    expect(await page.$$('[data-testid="generate-payouts"]')).toHaveLength(0);
    await shot(page, 'award-case');
    const made = (await ok('query($c: ID!) { allPayouts(filter: { caseId: $c }) { id recipientRole status amountFen } }', { c: id })).allPayouts;
    expect(made).toHaveLength(2);

    // a draft's amount can be revised before it is submitted
    const community = made.find((p: { recipientRole: string }) => p.recipientRole === 'COMMUNITY');
    await page.goto(`${c.base}/admin/#/Payout/${community.id}/show`);
    await page.click('a:has-text("编辑")');
    await page.fill('input[name="amount"]', '18000');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="payout-amount"][data-fen="1800000"]');
    expect(await page.textContent('[data-testid="payout-amount"]')).toBe('¥18,000.00');
  });
});
