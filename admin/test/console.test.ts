/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../api/src/common/roles';
import { ADMIN_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, SHOTS, seatNames, shot, signIn, startConsole, choose } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('admin console in Chromium', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let groupId: string;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    groupId = (await c.t.gql('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  });
  afterEach(() => page.close());

  const openRoster = async (asOf?: string) => {
    await page.goto(`${c.base}/admin/#/WorkingGroup/${groupId}/show`);
    await page.waitForSelector('[data-testid="roster"] [data-testid="seat"]');
    if (asOf) {
      await page.fill('[data-testid="roster-as-of"]', asOf);
      // wait for the roster of that date, not the one still on screen
      await page.waitForSelector(`[data-testid="roster"][data-as-of="${asOf}"] [data-testid="seat"]`);
    }
  };

  it('signs in and shows the 宝盖镇 working group in Chinese, 柳建波 as 组长 first, roles in published order', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await shot(page, 'dashboard');
    await page.goto(`${c.base}/admin/#/WorkingGroup`);
    await page.click('text=宝盖镇全面提升住宅小区管理服务能力工作专班');
    await page.waitForSelector('[data-testid="roster"] [data-testid="seat"]');
    const roles = await page.$$eval('[data-testid^="role-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(roles).toEqual(['role-LEADER', 'role-DEPUTY', 'role-MEMBER']);
    expect(await seatNames(page, 'LEADER')).toEqual(['柳建波']);
    expect((await seatNames(page, 'DEPUTY'))[0]).toBe('林积沪');
    expect(await page.textContent('[data-testid="role-LEADER"]')).toContain('组长');
    expect(await page.textContent('[data-testid="role-LEADER"]')).toContain('宝盖镇党委副书记、镇长');
    await shot(page, 'roster-001');

    await page.goto(`${c.base}/admin/#/WorkingGroup`);
    await page.click('text=青阳街道住宅小区管理品质提升专项行动工作专班');
    await page.waitForSelector('[data-testid="role-GROUP_MEMBER"]');
    const roles004 = await page.$$eval('[data-testid^="role-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(roles004).toEqual(['role-LEADER', 'role-EXECUTIVE_DEPUTY', 'role-DEPUTY', 'role-GROUP_MEMBER']);
    expect(await seatNames(page, 'LEADER')).toEqual(['陈荣松', '蔡少林']);
    expect(await page.textContent('[data-testid="role-EXECUTIVE_DEPUTY"]')).toContain('常务副组长');
    const introspection = await page.evaluate(async () =>
      (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) })).json(),
    );
    expect(introspection.errors[0].message).toMatch(/introspection/i);
    await shot(page, 'roster-004');
  });

  it('records a succession from the post and shows the roster changed on and after the date, not before', async () => {
    const successor = (await c.t.gql('mutation { createPerson(name: "继任镇长") { id } }', {}, admin)).data.createPerson.id;
    expect(successor).toBeTruthy();
    const postId = (await c.t.gql('{ allPosts(filter: { q: "宝盖镇党委副书记、镇长" }) { id title } }', {}, admin)).data.allPosts.find(
      (p: { title: string }) => p.title === '宝盖镇党委副书记、镇长',
    ).id;
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/Post/${postId}/show`);
    await page.waitForSelector('[data-testid="history"]');
    expect(await page.$$('[data-testid="history-line"][data-action="SUCCESSION"]')).toHaveLength(0);
    // a mark on the page: still there after the succession, so its history line came without a reload
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
    await page.click('[data-testid="succession-button"]');
    await page.fill('[data-testid="successor-input"]', '继任镇长');
    await choose(page, '继任镇长');
    await page.fill('[data-testid="succession-date"]', '2024-03-01');
    await page.waitForSelector('[data-testid="succession-preview"]:has-text("组长")');
    await shot(page, 'succession-preview');
    await page.click('[data-testid="succession-confirm"]');
    await page.waitForSelector('text=已记录继任');

    // the post's history says what happened, in a sentence with names, as soon as it is recorded
    const line = await page.waitForSelector('[data-testid="history-line"][data-action="SUCCESSION"] [data-testid="history-sentence"]');
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
    const [event] = (await c.t.gql('query($id: ID!) { allAuditEvents(filter: { entityType: "Post", entityId: $id, action: "SUCCESSION" }) { after } }', { id: postId }, admin)).data.allAuditEvents;
    const seats = event.after.seatIds.length;
    expect(seats).toBeGreaterThan(0);
    expect(await line.textContent()).toBe(`admin 记录继任：2024年3月1日起 继任镇长 接任 宝盖镇党委副书记、镇长（原任：柳建波），原任者的 ${seats} 个席位随之移交`);
    // its details, for auditors: who held the post before and after, by name, and the seats as a count
    await page.click('[data-testid="history-line"][data-action="SUCCESSION"] [data-testid="history-details-toggle"]');
    const holder = await page.waitForSelector('[data-testid="history-details"] tr[data-field="holderId"]');
    expect((await holder.$$eval('td', (tds) => tds.map((td) => td.textContent))).slice(1)).toEqual(['柳建波', '继任镇长']);
    expect(await page.textContent('[data-testid="history-details"] tr[data-field="seatIds"]')).toContain(`${seats} 个席位`);
    await shot(page, 'history-succession');

    await openRoster('2024-03-01');
    expect(await seatNames(page, 'LEADER')).toEqual(['继任镇长']);
    await openRoster('2025-06-01');
    expect(await seatNames(page, 'LEADER')).toEqual(['继任镇长']);
    await openRoster('2024-02-29');
    expect(await seatNames(page, 'LEADER')).toEqual(['柳建波']);
    await shot(page, 'roster-before-succession');
  });

  it('shows a budget change in its history in yuan, with the programme by name, not in fen or ids', async () => {
    const programme = (await c.t.gql('{ allIncentiveProgrammes(perPage: 1) { id name } }', {}, admin)).data.allIncentiveProgrammes[0];
    const budget = (await c.t.gql('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2031, amount: "40000") { id } }', { p: programme.id }, admin)).data.createIncentiveBudget.id;
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/IncentiveBudget/${budget}`);
    await page.fill('input[name="amount"]', '50000');
    await page.click('button[type="submit"]');
    await page.waitForURL(/#\/IncentiveBudget(\?|$)/);
    await page.goto(`${c.base}/admin/#/IncentiveBudget/${budget}/show`);
    const change = await page.waitForSelector('[data-testid="history-line"][data-action="UPDATE"] [data-testid="history-sentence"]');
    expect(await change.textContent()).toBe('admin 将 预算 由 ¥40,000.00 改为 ¥50,000.00');
    expect(await page.textContent('[data-testid="history-line"][data-action="CREATE"] [data-testid="history-sentence"]')).toBe(`admin 创建了年度预算 ${programme.name} 2031`);
    await page.click('[data-testid="history-line"][data-action="CREATE"] [data-testid="history-details-toggle"]');
    const row = async (field: string) => page.$$eval(`[data-testid="history-details"] tr[data-field="${field}"] td`, (tds) => tds.map((td) => td.textContent));
    await page.waitForSelector('[data-testid="history-details"]');
    expect(await row('programmeId')).toEqual(['奖励项目', '—', programme.name]);
    expect(await row('amountFen')).toEqual(['预算', '—', '¥40,000.00']);
    const history = (await page.textContent('[data-testid="history"]')) ?? '';
    expect(history).not.toContain('4000000');
    expect(history).not.toContain('（分）');
    await shot(page, 'history-budget');
  });

  it('shows a server-side field error next to the field (a credit code already in use)', async () => {
    const uscc = '91350582MA2XY1234' + (await import('../../api/src/common/uscc')).usccCheckChar('91350582MA2XY1234');
    await c.t.gql('mutation($c: String!) { createPropertyCompany(name: "已有物业", uscc: $c) { id } }', { c: uscc }, admin);
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/PropertyCompany/create`);
    await page.fill('input[name="name"]', '新物业');
    await page.fill('input[name="uscc"]', uscc);
    await page.click('button[type="submit"]');
    const helper = page.locator('input[name="uscc"]').locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]').locator('.MuiFormHelperText-root');
    await helper
      .filter({ hasText: '该值已被使用' })
      .waitFor({ timeout: 10_000 })
      .catch(async () => {
        await shot(page, 'company-errors-failed');
      });
    expect(await helper.textContent()).toMatch(/该值已被使用/);
    // and the client-side check for a wrong check character, before anything is sent
    await page.fill('input[name="uscc"]', uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'));
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=统一社会信用代码无效');
    await shot(page, 'company-errors');
  });

  it('previews an xlsx roster with a bad row, shows the row rejected with its reason, and writes nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('名单');
    ws.addRow(['姓名', '职务', '组内职务', '顺序']);
    ws.addRow(['王泽永', '宝盖镇基层治理服务中心主任', '主 任', 1]);
    ws.addRow(['新来的同志', '小区服务岗工作人员', '成员', '']);
    ws.addRow(['某顾问', '', '顾问', '']);
    const file = path.join(SHOTS, 'roster-with-bad-row.xlsx');
    await book.xlsx.writeFile(file);
    const count = async () => (await c.t.gql('{ _allMembershipsMeta { count } _allAuditEventsMeta { count } }', {}, admin)).data;
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    const before = await count(); // after signing in: the sign-in itself is an audit event
    const office = (await c.t.gql('{ allWorkingGroups(filter: { q: "办公室" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
    await page.goto(`${c.base}/admin/#/WorkingGroup/${office}/show`);
    await page.waitForSelector('[data-testid="roster"] [data-testid="seat"]');
    await page.setInputFiles('[data-testid="roster-import-file"]', file);
    await page.waitForSelector('[data-testid="roster-import-row-4"]');
    expect(await page.getAttribute('[data-testid="roster-import-row-2"]', 'data-status')).toBe('UNCHANGED');
    expect(await page.getAttribute('[data-testid="roster-import-row-3"]', 'data-status')).toBe('ADD');
    expect(await page.getAttribute('[data-testid="roster-import-row-4"]', 'data-status')).toBe('REJECT');
    expect(await page.textContent('[data-testid="roster-import-row-4"]')).toContain('组内职务无法识别');
    expect(await page.isDisabled('[data-testid="roster-import-confirm"]')).toBe(true);
    await shot(page, 'roster-import-rejected');
    expect(await count()).toEqual(before);
  });

  it('exports a list to xlsx that opens with Chinese headers and names', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    const qingyang = (await c.t.gql('{ allWorkingGroups(filter: { q: "青阳街道住宅小区" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
    await page.goto(`${c.base}/admin/#/Membership?filter=${encodeURIComponent(JSON.stringify({ groupId: qingyang }))}`);
    await page.waitForSelector('text=陈荣松');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出 Excel")')]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^专班成员-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['工作专班', '姓名', '组内职务', '顺序', '职务', '兼']));
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(42);
    const nameCol = headers.indexOf('姓名') + 1;
    const roleCol = headers.indexOf('组内职务') + 1;
    const chen = rows.find((r) => r[nameCol] === '陈荣松') as unknown[];
    expect(chen[roleCol]).toBe('组长');
  });

  it('sends a visitor without a valid session to the login page', async () => {
    await page.goto(`${c.base}/admin/#/WorkingGroup`);
    await page.waitForSelector('input[name="username"]');
    // a stored session whose token the server no longer accepts (expired, or the user deactivated)
    await page.evaluate(() => {
      localStorage.setItem('wydj.token', 'not-a-valid-token');
      localStorage.setItem('wydj.user', JSON.stringify({ id: '1', username: 'admin', displayName: 'x', role: 'ADMIN', unitId: null, expiresAt: '2999-01-01T00:00:00Z' }));
    });
    // a real reload (a hash change would leave the login form of before on screen), then the app's own verdict
    await page.reload();
    await page.waitForFunction(() => localStorage.getItem('wydj.token') === null);
    await page.waitForSelector('input[name="username"]');
    expect(await page.evaluate(() => localStorage.getItem('wydj.token'))).toBeNull();
  });

  it('switches to English: labels and roles follow', async () => {
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await openRoster();
    await page.click('header button:has-text("中文")');
    await page.click('li:has-text("English")');
    await page.waitForSelector('[data-testid="role-LEADER"]:has-text("Leader")');
    expect(await page.textContent('[data-testid="role-DEPUTY"]')).toContain('Deputy');
    expect(await page.textContent('body')).toContain('Working groups');
    await shot(page, 'roster-english');
  });

  it('shows UNIT_STAFF no roster editing, and the server refuses the mutation if forced', async () => {
    // a unit of 宝盖镇, whose roster this is: staff of another street would not see it at all (scope, issue 14)
    const units = await c.t.gql('{ allUnits(filter: { q: "基层治理服务中心" }) { id } }', {}, admin);
    const staff = await c.t.userWithRole(Role.UNIT_STAFF, units.data.allUnits[0].id);
    const username = (await c.t.gql('query($id: ID!) { User(id: $id) { username } }', { id: staff.id }, admin)).data.User.username;
    await signIn(page, c.base, username, 'password-123');
    await openRoster();
    expect(await page.$$('[data-testid="roster"] button[aria-label="delete"]')).toHaveLength(0);
    expect(await page.$$('text=添加成员')).toHaveLength(0);
    expect(await page.$$('a[aria-label="编辑"], button:has-text("编辑")')).toHaveLength(0);
    await shot(page, 'roster-unit-staff');
    const seatId = (await c.t.gql('query($g: ID!) { allMemberships(filter: { groupId: $g }, perPage: 1) { id } }', { g: groupId }, admin)).data.allMemberships[0].id;
    const forced: { errors: Array<{ extensions: { code: string } }> } = await page.evaluate(async (id) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('wydj.token')}` },
        body: JSON.stringify({ query: `mutation { deleteMembership(id: "${id}") { id } }` }),
      });
      return res.json();
    }, seatId);
    expect(forced.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
