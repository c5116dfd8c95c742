/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Role } from '../../api/src/common/roles';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../../api/test/harness';
import { browserAvailable, type Console, shot, signIn, startConsole } from './browser';

const run = browserAvailable() ? describe : describe.skip;

/** The helper text under a field of the change-password form. */
const helperOf = (page: Page, name: string) => page.locator(`[data-testid="change-password"] .MuiFormControl-root:has(input[name="${name}"]) .MuiFormHelperText-root`);

/** Issue 17 item 6: one's own password from the user menu; an ADMIN's reset to a temporary password that must be replaced at sign-in. */
run('passwords in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterEach(() => page?.close());

  const fillChange = async (current: string, next: string, confirm = next) => {
    await page.fill('[data-testid="change-password"] input[name="current"]', current);
    await page.fill('[data-testid="change-password"] input[name="next"]', next);
    await page.fill('[data-testid="change-password"] input[name="confirm"]', confirm);
    await page.click('[data-testid="change-password-submit"]');
  };

  it('changes one’s own password from the user menu, each mistake said in Chinese under its field', async () => {
    await c.t.createUser({ username: 'pw_self', displayName: '自助改密', role: Role.PARTY_OFFICE });
    await signIn(page, c.base, 'pw_self', USER_PASSWORD);
    await page.click('button[aria-label="个人信息"]');
    await page.click('[data-testid="menu-change-password"]');
    await page.waitForSelector('[data-testid="change-password"]');
    expect(await page.textContent('[data-testid="change-password"]')).toContain('当前密码');

    // checked in the page: too short, the repeat differs
    await fillChange(USER_PASSWORD, 'short');
    await helperOf(page, 'next').filter({ hasText: '新密码至少 8 个字符' }).waitFor();
    await fillChange(USER_PASSWORD, 'my-new-secret-1', 'my-new-secret-2');
    await helperOf(page, 'confirm').filter({ hasText: '两次输入的新密码不一致' }).waitFor();
    // refused by the API, each under its field: the wrong current password, the same one again
    await fillChange('not-my-password', 'my-new-secret-1');
    await helperOf(page, 'current').filter({ hasText: '当前密码不正确' }).waitFor();
    await fillChange(USER_PASSWORD, USER_PASSWORD);
    await helperOf(page, 'next').filter({ hasText: '新密码不能与当前密码相同' }).waitFor();
    expect(await page.textContent('[data-testid="change-password"]')).not.toMatch(/[A-Za-z]{4,} (password|current)/);
    await shot(page, 'password-change-errors');

    await fillChange(USER_PASSWORD, 'my-new-secret-1');
    await page.waitForSelector('text=密码已修改，其他登录已失效');
    // still signed in (the answer is a new session), and the new password is the one that works
    await page.goto(`${c.base}/admin/#/Person`);
    await page.waitForSelector('.RaList-main tbody tr');
    expect((await c.t.gql('mutation { login(username: "pw_self", password: "my-new-secret-1") { mustChangePassword } }')).data.login).toEqual({ mustChangePassword: false });
    expect((await c.t.gql(`mutation { login(username: "pw_self", password: "${USER_PASSWORD}") { token } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resets a user’s password to a temporary one shown once; the user must choose their own before anything else', async () => {
    const { id } = await c.t.createUser({ username: 'pw_forgot', displayName: '忘记密码', role: Role.PARTY_OFFICE });
    await signIn(page, c.base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${c.base}/admin/#/User/${id}`);
    await page.click('[data-testid="reset-password"]');
    expect(await page.textContent('[role="dialog"]')).toContain('将为 忘记密码（pw_forgot） 生成一个临时密码');
    await page.click('[role="dialog"] [data-testid="reset-password-confirm"]');
    await page.waitForSelector('[data-testid="temporary-password-dialog"]');
    const temporary = await page.inputValue('[data-testid="temporary-password"]');
    expect(temporary).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(await page.textContent('[data-testid="temporary-password-dialog"]')).toContain('临时密码只显示这一次');
    await shot(page, 'password-reset-temporary');
    await page.click('[data-testid="temporary-password-close"]');
    await page.waitForSelector('[data-testid="temporary-password-dialog"]', { state: 'detached' });
    // the user's row says the password is waiting for its owner, and who set it
    await page.goto(`${c.base}/admin/#/User?filter=${encodeURIComponent(JSON.stringify({ q: 'pw_forgot' }))}`);
    const row = page.locator('.RaDatagrid-row', { has: page.locator('.column-username', { hasText: 'pw_forgot' }) });
    await row.locator('.column-passwordResetByName', { hasText: 'admin' }).waitFor();
    // no reset of one's own password: that is changed from the user menu
    const me = (await c.t.gql('{ me { id } }', {}, admin)).data.me.id;
    await page.goto(`${c.base}/admin/#/User/${me}`);
    await page.waitForSelector('.RaEdit-main form');
    expect(await page.$('[data-testid="reset-password"]')).toBeNull();

    // the user signs in with the temporary password: the change form instead of every page
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(`${c.base}/admin/#/login`);
    await page.fill('input[name="username"]', 'pw_forgot');
    await page.fill('input[name="password"]', temporary);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="change-password"]');
    expect(await page.textContent('[data-testid="change-password"]')).toContain('您当前的密码由他人（管理员）设置');
    await page.goto(`${c.base}/admin/#/Person`);
    await page.waitForSelector('[data-testid="change-password"]');
    expect(await page.$('.RaList-main')).toBeNull();
    await shot(page, 'password-change-required');
    await fillChange(temporary, 'chosen-by-me-1');
    await page.waitForSelector('[data-testid="change-password"]', { state: 'detached' });
    await page.goto(`${c.base}/admin/#/Person`);
    await page.waitForSelector('.RaList-main tbody tr');
    expect((await c.t.gql('mutation { login(username: "pw_forgot", password: "chosen-by-me-1") { mustChangePassword } }')).data.login).toEqual({ mustChangePassword: false });
  });
});
