import type { Page } from 'playwright-core';
import { todayInChina } from '../../../../api/src/common/dates';
import { Role } from '../../../../api/src/common/roles';
import { usccCheckChar } from '../../../../api/src/common/uscc';
import { browserAvailable, type Console, docShot, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;
const PASSWORD = 'password-123';
const TODAY = todayInChina();

/** 消息提醒 in the console: one office member submits a payout; the bell of the other shows it, opens it, and counts it read. */
run('notifications in the console', () => {
  let c: Console;
  let admin: string;
  let payoutId: string;
  const pages: Page[] = [];

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const open = async (width: number, height: number) => {
    const page = await c.browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    pages.push(page);
    return page;
  };
  const bellCount = (page: Page, n: number) => page.waitForSelector(`[data-testid="notification-bell"][data-count="${n}"]`);

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    const { qy, yg } = await ok('{ qy: allJurisdictions(filter: { q: "青阳街道" }) { id } yg: allJurisdictions(filter: { q: "阳光社区" }) { id } }');
    // two members of 青阳街道's party-building office: 林晓 makes, 陈静 checks
    await c.t.createUser({ username: 'qy_lin', displayName: '林晓', role: Role.PARTY_OFFICE, jurisdictionId: qy[0].id });
    await c.t.createUser({ username: 'qy_chen', displayName: '陈静', role: Role.PARTY_OFFICE, jurisdictionId: qy[0].id });
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id jurisdictionId } }')).allIncentiveProgrammes.find(
      (p: { jurisdictionId: string }) => p.jurisdictionId === qy[0].id,
    );
    const code = '91350582MA2NTC001';
    const company = (await ok(`mutation { createPropertyCompany(name: "提醒示范物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    const compound = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "阳光花园", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: yg[0].id, p: company })
    ).createCompound.id;
    const caseId = (await ok('mutation($p: ID!, $c: ID!, $d: LocalDate!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: $d) { id } }', { p: programme.id, c: compound, d: TODAY }))
      .createAwardCase.id;
    for (const to of ['INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED'])
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: caseId, to, d: TODAY });
    const payouts = (await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientRole } }', { c: caseId })).generateAwardPayouts;
    payoutId = payouts.find((p: { recipientRole: string }) => p.recipientRole === 'PROPERTY_COMPANY').id;
  }, 120_000);
  afterAll(async () => {
    for (const p of pages) await p.close();
    await c?.close();
  });

  it('shows 陈静 the payout 林晓 submitted: the bell counts 1, a click opens the payout and the count drops to 0', async () => {
    // 林晓 submits the draft from its page
    const maker = await open(1400, 1000);
    await signIn(maker, c.base, 'qy_lin', PASSWORD);
    await bellCount(maker, 0);
    await maker.goto(`${c.base}/admin/#/Payout/${payoutId}/show`);
    await maker.click('[data-testid="payout-action-SUBMITTED"]');
    await maker.click('[role="dialog"] [data-testid="payout-confirm"]');
    await maker.waitForSelector('[data-testid="payout-details"] [data-status="SUBMITTED"]');
    // the maker is not told of their own submission
    await maker.goto(`${c.base}/admin/#/`);
    await bellCount(maker, 0);

    // 陈静, on a phone
    const checker = await open(390, 844);
    await signIn(checker, c.base, 'qy_chen', PASSWORD);
    await bellCount(checker, 1);
    expect(await checker.textContent('[data-testid="notification-count"]')).toContain('1');
    await checker.click('[data-testid="notification-bell"]');
    const item = await checker.waitForSelector('[data-testid="notification-item"][data-read="false"]');
    expect(await item.textContent()).toContain('奖励发放待您审批：提醒示范物业有限公司 30000.00 元');
    expect(await item.textContent()).toContain('林晓');
    const box = await checker.$eval('[data-testid="notification-popover"]', (el) => el.getBoundingClientRect().width);
    expect(box).toBeLessThanOrEqual(390);
    await docShot(checker, 'notification-bell-phone');
    await item.click();
    await checker.waitForURL(`**/admin/#/Payout/${payoutId}/show`);
    await checker.waitForSelector('[data-testid="payout-details"] [data-status="SUBMITTED"]');
    await bellCount(checker, 0);
    // the page of all one's notifications: read now; nothing left to mark
    await checker.goto(`${c.base}/admin/#/notifications`);
    await checker.waitForSelector('[data-testid="notifications-item"][data-read="true"]');
    expect(await checker.isDisabled('[data-testid="notifications-mark-all"]')).toBe(true);
    await shot(checker, 'notifications-page-phone');
  });

  it('marks everything read from the bell, and pages the full list', async () => {
    // twenty-three more for 陈静, through the API: notify as the complaint module would
    const chen = (await ok('{ allUsers(filter: { q: "qy_chen" }) { id } }')).allUsers[0].id;
    const { notify } = await import('../../../../api/src/modules/notification');
    await c.t.app.services.tx.run(async (em) => {
      for (let i = 1; i <= 23; i++)
        await notify(em, { recipients: { users: [Number(chen)] }, kind: 'COMPLAINT_ASSIGNED', params: { summary: `第${i}件投诉`, date: TODAY }, entityType: 'Complaint', entityId: i });
    });
    const page = await open(1280, 900);
    await signIn(page, c.base, 'qy_chen', PASSWORD);
    await bellCount(page, 23);
    await page.goto(`${c.base}/admin/#/notifications`);
    await page.waitForSelector('[data-testid="notifications-item"]:has-text("第23件投诉")');
    expect(await page.$$('[data-testid="notifications-item"]')).toHaveLength(20);
    await page.click('[data-testid="notifications-pages"] button:has-text("2")');
    await page.waitForSelector('[data-testid="notifications-item"]:has-text("奖励发放待您审批")');
    expect(await page.$$('[data-testid="notifications-item"]')).toHaveLength(4);
    await page.click('[data-testid="notification-bell"]');
    await page.click('[data-testid="notification-mark-all"]');
    await bellCount(page, 0);
    await page.waitForSelector('[data-testid="notification-item"][data-read="true"]');
    await page.click('[data-testid="notification-all"]');
    await page.waitForSelector('[data-testid="notification-popover"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="notifications-item"][data-read="false"]', { state: 'detached' });
    // in English, the line is the sending module's English one (back on the first page after "see all")
    await page.click('header button:has-text("中文")');
    await page.click('li:has-text("English")');
    await page.waitForSelector('[data-testid="notifications-item"]:has-text("Complaint assigned to your unit: 第23件投诉")');
  });
});
