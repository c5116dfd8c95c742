import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, todayInChina } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/roles';
import { usccCheckChar } from '../../api/src/common/uscc';
import { Jurisdiction } from '../../api/src/modules/organization/jurisdiction.entity';
import { PolicyDocument } from '../../api/src/modules/policy/policy-document.entity';
import { Assignment } from '../../api/src/modules/task/assignment.entity';
import { DeadlineKind, PlanKind } from '../../api/src/modules/task/enums';
import { KeyWork } from '../../api/src/modules/task/key-work.entity';
import { Plan } from '../../api/src/modules/task/plan.entity';
import { TaskItem } from '../../api/src/modules/task/task-item.entity';
import { browserAvailable, type Console, docShot, noSnackbar, SHOTS, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const DOCS = path.resolve(__dirname, '../docs');

/*
 * 首页 per role (issue 17 item 1): the office's pending-approval figure leads to the payout waiting
 * for it; a unit's home lists its assignment falling due, and 签收 works there in one click; on a
 * phone nothing scrolls sideways. The screenshots in admin/docs/ (home-office.png, home-unit.png)
 * are taken here.
 */
run('the home page per role', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let payoutId: string;
  let unitId: string;
  const TASK = '开展楼道堆物集中清理（首页测试）';

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await c.t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    // the office: A submits a payout, B is to approve it (maker-checker)
    const maker = await c.t.createUser({ username: 'office_maker', displayName: '林晓', role: Role.PARTY_OFFICE });
    await c.t.createUser({ username: 'office_checker', displayName: '陈静', role: Role.PARTY_OFFICE });
    const programmeId = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const communityId = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2AWD003';
    const companyId = (await ok(`mutation { createPropertyCompany(name: "青阳首页物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    const compoundId = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "首页花园", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: communityId, p: companyId })
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
    const payouts = (await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientRole } }', { c: caseId })).generateAwardPayouts as Array<{ id: string; recipientRole: string }>;
    payoutId = payouts.find((p) => p.recipientRole === 'PROPERTY_COMPANY')!.id;
    await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "200000") { id } }', { p: programmeId, y: YEAR });
    await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id: payoutId }, maker.token);

    // a unit: 人居环境办 is given a task of 青阳街道 due in ten days
    unitId = (await ok('{ allUnits(filter: { q: "人居环境办" }) { id } }')).allUnits[0].id;
    await c.t.createUser({ username: 'hj_staff', displayName: '人居环境办干事', role: Role.UNIT_STAFF, unitId });
    const ds = c.t.app.ds;
    const street = (await ds.getRepository(Jurisdiction).findOneByOrFail({ name: '青阳街道' })).id;
    const doc = await ds.getRepository(PolicyDocument).save({ jurisdictionId: street, issuer: '青阳街道办事处', title: '首页测试工作方案', isPublic: true });
    const plan = await ds.getRepository(Plan).save({ documentId: doc.id, name: '首页测试任务清单', kind: PlanKind.TASK_LIST, jurisdictionId: street, year: YEAR });
    const keyWork = await ds.getRepository(KeyWork).save({ planId: plan.id, number: '一', title: '环境整治', aliases: [], sortOrder: 1 });
    const due = addDays(TODAY, 10);
    const task = await ds.getRepository(TaskItem).save({ keyWorkId: keyWork.id, content: TASK, title: TASK, deadlineKind: DeadlineKind.DUE, deadlineText: `${due}前`, dueDate: due, sortOrder: 1 });
    await ds.getRepository(Assignment).save({ taskItemId: task.id, unitId: Number(unitId), isLead: true, sortOrder: 1 });
  }, 180_000);
  afterAll(() => c?.close());
  afterEach(() => page?.close());

  it('leads the office from its pending-approval figure to the payout waiting for it', async () => {
    page = await c.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'office_checker', 'password-123');
    await page.waitForSelector('[data-testid="home-office"]');
    await page.waitForSelector('[data-testid="figure-approvals"][data-value="1"]');
    expect(await page.textContent('[data-testid="figure-approvals"]')).toContain('待我审批');
    // the task panels count in the API: the figure is the list's total, the list a first page
    await page.waitForSelector('[data-testid="figure-overdue"]');
    const overdue = Number(await page.getAttribute('[data-testid="figure-overdue"]', 'data-value'));
    expect(await page.$$('[data-testid="overdue-panel"] [data-testid="deadline"]')).toHaveLength(Math.min(overdue, 5));
    await page.waitForSelector('[data-testid="indicator-chart"] [data-testid="indicator-bar"]');
    await page.waitForSelector('[data-testid="budget-panel"] [data-testid="budget-gauge"]');
    await noSnackbar(page);
    await docShot(page, 'home-office');
    fs.copyFileSync(path.join(SHOTS, 'home-office.png'), path.join(DOCS, 'home-office.png'));

    // the one payout waiting: the figure opens it
    await page.click('[data-testid="figure-approvals"]');
    await page.waitForURL(`**/#/Payout/${payoutId}/show`);
    await page.waitForSelector('[data-testid="payout-details"] [data-status="SUBMITTED"]');
    await page.waitForSelector('[data-testid="payout-action-APPROVED"]');

    // the overdue figure opens the overdue list, paged by the API
    await page.goto(`${c.base}/admin/#/`);
    await page.click('[data-testid="figure-overdue"]');
    await page.waitForSelector('[data-testid="deadlines-page"][data-state="OVERDUE"]');
    expect(await page.textContent('[data-testid="deadlines-total"]')).toContain(String(overdue));

    // the maker's own submission does not wait for the maker
    await page.evaluate(() => localStorage.clear());
    await signIn(page, c.base, 'office_maker', 'password-123');
    await page.waitForSelector('[data-testid="figure-approvals"][data-value="0"]');
  });

  it('shows a unit its assignment falling due, 签收 in one click, and nothing wider than a phone', async () => {
    page = await c.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'hj_staff', 'password-123');
    await page.waitForSelector('[data-testid="home-unit"]');
    const line = `[data-testid="due-soon-panel"] [data-testid="deadline"]:has-text("${TASK}")`;
    await page.waitForSelector(line);
    expect(await page.textContent(line)).toContain('还有 10 天');
    await page.waitForSelector(`${line} [data-testid="report-progress"]`);
    await noSnackbar(page);
    await docShot(page, 'home-unit');
    fs.copyFileSync(path.join(SHOTS, 'home-unit.png'), path.join(DOCS, 'home-unit.png'));

    await page.click(`${line} [data-testid="acknowledge"]`);
    await page.waitForSelector('text=已签收');
    await page.waitForSelector(`${line} [data-testid="acknowledged"]`);
    const acknowledged = (await ok('query($u: ID!) { allAssignments(filter: { unitId: $u }, perPage: 500) { acknowledgedAt taskItem { content } } }', { u: unitId })).allAssignments as Array<{
      acknowledgedAt: string | null;
      taskItem: { content: string };
    }>;
    expect(acknowledged.find((a) => a.taskItem.content === TASK)?.acknowledgedAt).toBeTruthy();

    // on a phone (390 px) the home page does not scroll sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${c.base}/admin/#/`);
    await page.waitForSelector(line);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('shows an auditor the latest changes as sentences, today’s count leading to the audit trail', async () => {
    await c.t.createUser({ username: 'auditor_home', displayName: '审计员', role: Role.AUDITOR });
    page = await c.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'auditor_home', 'password-123');
    await page.waitForSelector('[data-testid="home-auditor"] [data-testid="recent-change"]');
    // this file's set-up was written today: the payout office_maker submitted is among the latest changes
    expect(Number(await page.getAttribute('[data-testid="figure-changes-today"]', 'data-value'))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="recent-changes"]')).toContain('office_maker 提交审批');
    await page.click('[data-testid="figure-changes-today"]');
    await page.waitForURL('**/#/AuditEvent?*');
  });

  it('does not scroll sideways on a phone for the office either', async () => {
    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'office_checker', 'password-123');
    await page.waitForSelector('[data-testid="unit-rollup"]');
    await page.waitForSelector('[data-testid="budget-panel"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
