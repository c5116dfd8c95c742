import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../src/common/roles';
import { AuthService } from '../src/modules/auth/auth.service';
import { parseArgs, ResetRefused, resetAdminPassword } from '../src/scripts/reset-password';
import { dbKind } from './db';
import { ADMIN_PASSWORD, codeOf, type GqlResponse, startTestApp, type TestApp, USER_PASSWORD } from './harness';

const run = promisify(execFile);
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { token mustChangePassword } }';
const RESET = 'mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { id username mustChangePassword passwordResetByName passwordResetAt } } }';
const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;

/** Issue 17 item 6: an ADMIN resets a password to a temporary one; a forgotten admin password is reset from the command line; ADMIN_PASSWORD later says it is ignored. */
describe(`password resets (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const login = async (u: string, p: string) => (await ok(LOGIN, { u, p }, '')).login as { token: string; mustChangePassword: boolean };
  const userNamed = async (username: string) => (await ok('query($q: String) { allUsers(filter: { q: $q }) { id username mustChangePassword passwordResetByName } }', { q: username })).allUsers[0];

  it('gives another user a temporary password, shown once, that must be replaced before anything else', async () => {
    const { id, token } = await t.userWithRole(Role.PARTY_OFFICE);
    const name = (await ok('{ me { username } }', {}, token)).me.username;
    const { resetUserPassword: reset } = await ok(RESET, { id });
    expect(reset.temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(reset.user).toMatchObject({ id, username: name, mustChangePassword: true, passwordResetByName: 'admin', passwordResetAt: expect.any(String) });
    // the user's sessions ended, the old password is gone
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { u: name, p: USER_PASSWORD }))).toBe('UNAUTHENTICATED');
    // signed in with the temporary one: only me and changePassword, every other operation refused with a reason
    const temporary = await login(name, reset.temporaryPassword);
    expect(temporary.mustChangePassword).toBe(true);
    for (const q of ['{ allPeople(perPage: 1) { id } }', 'mutation { createPerson(name: "不该建") { id } }']) {
      const res = await t.gql(q, {}, temporary.token);
      expect([codeOf(res), reasonOf(res)]).toEqual(['FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED']);
    }
    const changed = (await ok(CHANGE, { c: reset.temporaryPassword, n: 'my-own-again-1' }, temporary.token)).changePassword;
    expect(changed.mustChangePassword).toBe(false);
    expect((await ok('{ allPeople(perPage: 1) { id } }', {}, changed.token)).allPeople).toHaveLength(1);
    // a second reset makes a different password
    const again = (await ok(RESET, { id })).resetUserPassword.temporaryPassword;
    expect(again).not.toBe(reset.temporaryPassword);
    expect(codeOf(await t.gql(LOGIN, { u: name, p: reset.temporaryPassword }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an admin’s own password (changed, not reset), other roles, and users of another office', async () => {
    const me = (await ok('{ me { id } }')).me.id;
    const own = await t.gql(RESET, { id: me }, admin);
    expect([codeOf(own), reasonOf(own), own.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'OWN_PASSWORD', 'id']);
    expect((await login('admin', ADMIN_PASSWORD)).mustChangePassword).toBe(false);

    const target = await t.userWithRole(Role.AUDITOR);
    const office = await t.userWithRole(Role.PARTY_OFFICE);
    const byOffice = await t.gql(RESET, { id: target.id }, office.token);
    expect([codeOf(byOffice), reasonOf(byOffice)]).toEqual(['FORBIDDEN', 'ROLE']);

    // an office's ADMIN resets within its office only
    const jurisdiction = async (name: string) =>
      (await ok('query($q: String) { allJurisdictions(filter: { q: $q }) { id name } }', { q: name })).allJurisdictions.find((j: { name: string }) => j.name === name).id;
    const [qingyang, baogai] = [await jurisdiction('青阳街道'), await jurisdiction('宝盖镇')];
    const qyAdmin = await t.createUser({ username: 'qy_reset_admin', role: Role.ADMIN, jurisdictionId: qingyang });
    const bgUser = await t.createUser({ username: 'bg_reset_user', role: Role.AUDITOR, jurisdictionId: baogai });
    const qyUser = await t.createUser({ username: 'qy_reset_user', role: Role.AUDITOR, jurisdictionId: qingyang });
    const elsewhere = await t.gql(RESET, { id: bgUser.id }, qyAdmin.token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(elsewhere));
    expect(await userNamed('bg_reset_user')).toMatchObject({ mustChangePassword: false });
    expect((await ok(RESET, { id: qyUser.id }, qyAdmin.token)).resetUserPassword.user).toMatchObject({ mustChangePassword: true, passwordResetByName: 'qy_reset_admin' });
    expect(codeOf(await t.gql(RESET, { id: '999999' }, admin))).toBe('NOT_FOUND');
  });

  it('resets a forgotten admin password from the command line: a printed or a given temporary password, changed at the next sign-in', async () => {
    const { services, ds } = t.app;
    await t.createUser({ username: 'second_admin', role: Role.ADMIN });
    const made = await resetAdminPassword(ds, services, { username: 'second_admin' });
    expect(made).toMatchObject({ username: 'second_admin', generated: true, active: true, temporaryPassword: expect.stringMatching(/^[A-HJ-NP-Za-km-z2-9]{12}$/) });
    expect((await login('second_admin', made.temporaryPassword)).mustChangePassword).toBe(true);
    expect(await userNamed('second_admin')).toMatchObject({ mustChangePassword: true, passwordResetByName: 'system' });
    const event = (await ok('{ allAuditEvents(perPage: 1, filter: { action: "PASSWORD_RESET" }) { actorName after } }')).allAuditEvents[0];
    expect(event).toMatchObject({ actorName: 'system', after: { passwordSetBy: 'system', user: 'second_admin' } });
    expect(JSON.stringify(event)).not.toContain(made.temporaryPassword);

    const given = await resetAdminPassword(ds, services, { username: 'second_admin', password: 'given-on-the-console-1' });
    expect(given).toMatchObject({ generated: false, temporaryPassword: 'given-on-the-console-1' });
    expect((await login('second_admin', 'given-on-the-console-1')).mustChangePassword).toBe(true);

    // only an ADMIN account, and a name that exists; the refusal names the ADMIN accounts
    const staff = await t.userWithRole(Role.AUDITOR);
    const staffName = (await ok('{ me { username } }', {}, staff.token)).me.username;
    await expect(resetAdminPassword(ds, services, { username: staffName })).rejects.toThrow(new RegExp(`"${staffName}" is not an ADMIN. ADMIN accounts: admin, .*second_admin`));
    await expect(resetAdminPassword(ds, services, { username: 'nobody-here' })).rejects.toThrow(ResetRefused);
    expect((await ok('{ me { username } }', {}, staff.token)).me.username).toBe(staffName);
  });

  it('reads its arguments: --user, --password or RESET_PASSWORD, nothing else', () => {
    expect(parseArgs([], {}, 'admin')).toEqual({ username: 'admin', password: undefined });
    expect(parseArgs(['--user', 'root2'], { RESET_PASSWORD: 'from-the-env-1' }, 'admin')).toEqual({ username: 'root2', password: 'from-the-env-1' });
    expect(parseArgs(['--user=root2', '--password=from-the-arg-1'], { RESET_PASSWORD: 'from-the-env-1' }, 'admin')).toEqual({ username: 'root2', password: 'from-the-arg-1' });
    expect(() => parseArgs(['--password', 'short'], {}, 'admin')).toThrow(/at least 8/);
    expect(() => parseArgs(['--usr', 'x'], {}, 'admin')).toThrow(/Usage: npm run admin:reset-password/);
    expect(() => parseArgs(['--user'], {}, 'admin')).toThrow(ResetRefused);
  });

  it('runs as npm run admin:reset-password on the configured database and prints the temporary password', async () => {
    const db = t.config.database;
    const url = db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url;
    const { stdout } = await run(
      process.execPath,
      [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.resolve(__dirname, '../src/scripts/reset-password.ts'), '--user', 'second_admin'],
      {
        env: { ...process.env, DATABASE_URL: url, JWT_SECRET: t.config.jwtSecret, RESET_PASSWORD: '' },
        cwd: path.resolve(__dirname, '../..'),
      },
    );
    const printed = /The password of "second_admin" is now: (\S+)/.exec(stdout)?.[1];
    expect(printed).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect((await login('second_admin', printed!)).mustChangePassword).toBe(true);
    const refused = await run(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.resolve(__dirname, '../src/scripts/reset-password.ts'), '--user', 'nobody-here'], {
      env: { ...process.env, DATABASE_URL: url, JWT_SECRET: t.config.jwtSecret },
      cwd: path.resolve(__dirname, '../..'),
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('No user "nobody-here". ADMIN accounts: admin') });
  }, 120_000);

  it('says at start-up that ADMIN_PASSWORD is ignored once users exist, and how to reset a password', async () => {
    const { services, ds } = t.app;
    const lines: string[] = [];
    // the test app's configuration has ADMIN_PASSWORD, as a .env kept from the first start would
    await services.auth.ensureAdmin((line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^ADMIN_PASSWORD is ignored: .*users exist already.*npm run admin:reset-password$/)]);
    expect((await login('admin', ADMIN_PASSWORD)).mustChangePassword).toBe(false);
    // without it, a later start says nothing
    const quiet: string[] = [];
    const withoutPassword = new AuthService(ds, services.tx, services.audit, { ...t.config, adminPassword: undefined }, services.limits);
    await withoutPassword.ensureAdmin((line) => quiet.push(line));
    expect(quiet).toEqual([]);
  });
});
