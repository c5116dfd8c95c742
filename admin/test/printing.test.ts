/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/roles';
import { usccCheckChar } from '../../api/src/common/uscc';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, SHOTS, signIn, startConsole, choose } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));

/**
 * Issue 17 items 5 and 7 in the console: the approval dialog asks for 审批日期, 打印审批单 and 打印名册
 * show the API's printable pages (with the session's token), and 新建人员 from the member and
 * successor pickers creates the person and selects it.
 */
run('printing and inline people in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let payoutId: string;
  let uscc: string;

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await c.t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    const maker = await c.t.createUser({ username: 'print_lin', displayName: '林晓', role: Role.PARTY_OFFICE });
    await c.t.createUser({ username: 'print_chen', displayName: '陈静', role: Role.PARTY_OFFICE });
    const programmeId = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const communityId = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2PRT002';
    uscc = `${code}${usccCheckChar(code)}`;
    const companyId = (await ok('mutation($u: String!) { createPropertyCompany(name: "青阳打印物业有限公司", uscc: $u) { id } }', { u: uscc })).createPropertyCompany.id;
    const compoundId = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "打印花园", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: communityId, p: companyId })
    ).createCompound.id;
    const caseId = (
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
    const payouts = (await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientRole } }', { c: caseId })).generateAwardPayouts;
    payoutId = payouts.find((p: { recipientRole: string }) => p.recipientRole === 'PROPERTY_COMPANY').id;
    await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "500000") { id } }', { p: programmeId, y: YEAR });
    await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id: payoutId }, maker.token);
  }, 180_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  });
  afterEach(() => page.close());

  it('asks for 审批日期 when approving, refuses a day before the submission in Chinese, and prints the 审批单', async () => {
    await signIn(page, c.base, 'print_chen', 'password-123');
    await page.goto(`${c.base}/admin/#/Payout/${payoutId}/show`);
    await page.click('[data-testid="payout-action-APPROVED"]');
    const date = '[role="dialog"] [data-testid="payout-paid-on"]';
    expect(await page.inputValue(date)).toBe(TODAY);
    expect(await page.textContent('[role="dialog"] label:has-text("审批日期")')).toContain('审批日期');
    // the submission was today: a day before it is refused, translated
    await page.fill(date, '2020-01-02');
    await page.click('[role="dialog"] [data-testid="payout-confirm"]');
    // under the date, translated
    await page.waitForSelector('[role="dialog"] .MuiFormHelperText-root.Mui-error:has-text("日期不能早于上一步")');
    await page.fill(date, TODAY);
    await page.click('[role="dialog"] [data-testid="payout-confirm"]');
    await page.waitForSelector(`[data-testid="payout-approved-on"]:has-text("${TODAY}")`);

    await page.click('[data-testid="print-approval-form"]');
    const frame = page.frameLocator('[data-testid="print-approval-form-page"]');
    await frame.locator('h1:has-text("奖励发放审批单")').waitFor();
    const text = (await frame.locator('body').textContent()) ?? '';
    for (const s of ['青阳打印物业有限公司', uscc, '打印花园', '阳光社区', '￥30,000.00 元', '人民币叁万元整', `${YEAR} 年度预算`, '500,000.00 元']) expect(text).toContain(s);
    expect(await frame.locator('[data-role="maker"]').textContent()).toContain('林晓（print_lin）');
    expect(await frame.locator('[data-role="checker"]').textContent()).toBe(`陈静（print_chen）\u3000${TODAY}`);
    expect(await page.isEnabled('[data-testid="print-approval-form-print"]')).toBe(true);

    // the picture in admin/docs: the form as it prints, on a page of its own
    const html = await page.$eval('[data-testid="print-approval-form-page"]', (f) => (f as HTMLIFrameElement).srcdoc);
    const sheet = await c.browser.newPage({ viewport: { width: 820, height: 1160 }, locale: 'zh-CN' });
    await sheet.setContent(html);
    await sheet.screenshot({ path: path.join(SHOTS, 'approval-form.png'), fullPage: true });
    await sheet.close();
    expect(fs.statSync(path.join(SHOTS, 'approval-form.png')).size).toBeGreaterThan(10_000);
  });

  it('prints the roster of the day chosen on the roster page', async () => {
    const groupId = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id name } }')).allWorkingGroups[0].id;
    const { WorkingGroup } = await ok('query($id: ID!) { WorkingGroup(id: $id) { name members(asOf: "2024-01-01") { person { name } } } }', { id: groupId });
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/WorkingGroup/${groupId}/show`);
    await page.fill('[data-testid="roster-as-of"]', '2024-01-01');
    await page.waitForSelector('[data-testid="roster"][data-as-of="2024-01-01"] [data-testid="seat"]');
    await page.click('[data-testid="print-roster"]');
    const frame = page.frameLocator('[data-testid="print-roster-page"]');
    await frame.locator(`h1:has-text("${WorkingGroup.name}名单")`).waitFor();
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(text).toContain('截至 2024-01-01');
    for (const m of WorkingGroup.members) expect(text).toContain(m.person.name);
  });

  it('creates a person from the member picker and from the successor picker, and selects them', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Membership/create`);
    await page.click('[data-testid="new-person"]');
    await page.fill('[data-testid="new-person-name"]', '新任委员甲');
    await page.fill('[data-testid="new-person-phone"]', '0595-88880000');
    await page.click('[data-testid="new-person-confirm"]');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    await page.waitForFunction(() => (document.querySelector('input[name="personId"]') as HTMLInputElement | null)?.value === '新任委员甲');
    const made = (await ok('{ allPeople(filter: { q: "新任委员甲" }) { id name phone } }')).allPeople;
    expect(made).toEqual([expect.objectContaining({ name: '新任委员甲', phone: '0595-88880000' })]);

    // a seat saved with the new person
    const groupId = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id name } }')).allWorkingGroups[0];
    // the form's two selects: the group, then the role
    await page.click('form div[role="combobox"] >> nth=0');
    await choose(page, groupId.name);
    await page.click('form div[role="combobox"] >> nth=1');
    await choose(page, '成员');
    await page.click('button[type="submit"]');
    await page.waitForURL(/WorkingGroup\/\d+\/show/);
    const seats = (await ok('query($p: ID!) { allMemberships(filter: { personId: $p }) { groupId role } }', { p: made[0].id })).allMemberships;
    expect(seats).toEqual([{ groupId: groupId.id, role: 'MEMBER' }]);

    // the successor picker: the new person becomes the successor, and the preview follows
    const postId = (await ok('{ allPosts(filter: { q: "宝盖镇党委副书记、镇长" }) { id title } }')).allPosts.find((p: { title: string }) => p.title === '宝盖镇党委副书记、镇长').id;
    await page.goto(`${c.base}/admin/#/Post/${postId}/show`);
    await page.click('[data-testid="succession-button"]');
    await page.click('[data-testid="new-successor"]');
    await page.fill('[data-testid="new-successor-name"]', '新任镇长乙');
    await page.click('[data-testid="new-successor-confirm"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="successor-input"]') as HTMLInputElement | null)?.value === '新任镇长乙');
    await page.fill('[data-testid="succession-date"]', '2024-03-01');
    await page.waitForSelector('[data-testid="succession-preview"]:has-text("新任镇长乙")');
    expect((await ok('{ allPeople(filter: { q: "新任镇长乙" }) { name } }')).allPeople).toEqual([{ name: '新任镇长乙' }]);
  });
});
