import { SignJWT } from 'jose';
import { Role } from '../src/common/roles';
import { todayInChina } from '../src/common/dates';
import { usccCheckChar } from '../src/common/uscc';
import { User } from '../src/modules/auth/user.entity';
import { dbKind } from './db';
import { ADMIN_PASSWORD, codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp, USER_PASSWORD } from './harness';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword user { id } } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { token mustChangePassword } }';
const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;
const DAY = 86_400_000;

describe(`identity: passwords set by others, sessions (${dbKind()})`, () => {
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
  const login = async (u: string, p: string) => (await ok(LOGIN, { u, p }, '')).login as { token: string; mustChangePassword: boolean; user: { id: string } };
  const newestEvent = async (action: string) =>
    (await ok('query($a: String) { allAuditEvents(perPage: 1, filter: { action: $a }) { action actorName entityId before after } }', { a: action })).allAuditEvents[0];

  it('makes a user whose password the admin set choose a new one before doing anything else', async () => {
    const { createUser } = await ok(
      'mutation { createUser(username: "newcomer", displayName: "新同事", password: "given-by-admin", role: PARTY_OFFICE) { id mustChangePassword passwordResetByName } }',
    );
    expect(createUser).toMatchObject({ mustChangePassword: true, passwordResetByName: 'admin' });
    const first = await login('newcomer', 'given-by-admin');
    expect(first.mustChangePassword).toBe(true);
    expect((await ok('{ me { username mustChangePassword } }', {}, first.token)).me).toEqual({ username: 'newcomer', mustChangePassword: true });
    for (const q of ['{ allPeople(perPage: 1) { id } }', 'mutation { createPerson(name: "不该建") { id } }', '{ me { id } allUnits(perPage: 1) { id } }']) {
      const res = await t.gql(q, {}, first.token);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(reasonOf(res)).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await ok('{ allPeople(filter: { q: "不该建" }) { id } }')).allPeople).toEqual([]);

    expect(fieldOf(await t.gql(CHANGE, { c: 'not-the-one', n: 'my-own-choice-1' }, first.token))).toBe('current');
    expect(fieldOf(await t.gql(CHANGE, { c: 'given-by-admin', n: 'given-by-admin' }, first.token))).toBe('next');
    expect(fieldOf(await t.gql(CHANGE, { c: 'given-by-admin', n: 'short' }, first.token))).toBe('next');
    const changed = (await ok(CHANGE, { c: 'given-by-admin', n: 'my-own-choice-1' }, first.token)).changePassword;
    expect(changed.mustChangePassword).toBe(false);
    expect((await ok('{ allPeople(perPage: 1) { id } }', {}, changed.token)).allPeople).toHaveLength(1);
    // the restricted session ended with the change; the new password works and opens everything
    expect(codeOf(await t.gql('{ me { id } }', {}, first.token))).toBe('UNAUTHENTICATED');
    expect((await login('newcomer', 'my-own-choice-1')).mustChangePassword).toBe(false);
    expect(codeOf(await t.gql('mutation { login(username: "newcomer", password: "given-by-admin") { token } }'))).toBe('UNAUTHENTICATED');
  });

  it('records who reset whose password, and ends the user’s sessions', async () => {
    const { id, token } = await t.userWithRole(Role.AUDITOR);
    const name = (await ok('{ me { username } }', {}, token)).me.username;
    await ok('mutation($id: ID!) { updateUser(id: $id, password: "reset-by-admin-1") { id } }', { id });
    const event = await newestEvent('PASSWORD_RESET');
    expect(event).toMatchObject({ action: 'PASSWORD_RESET', actorName: 'admin', entityId: id, after: { passwordSetBy: 'admin', user: name, mustChangePassword: true, passwordResetByName: 'admin' } });
    expect(event.after.sessionVersion).toBe(event.before.sessionVersion + 1);
    expect(event.before.mustChangePassword).toBe(false);
    expect(JSON.stringify(event)).not.toMatch(/passwordHash|scrypt|reset-by-admin-1/);
    const ended = await t.gql('{ me { id } }', {}, token);
    expect(codeOf(ended)).toBe('UNAUTHENTICATED');
    expect(ended.errors?.[0].message).toMatch(/session has ended/);
    expect((await login(name, 'reset-by-admin-1')).mustChangePassword).toBe(true);
  });

  it('ends a user’s sessions on a role change and on deactivation, and only then', async () => {
    const { id, token } = await t.userWithRole(Role.AUDITOR);
    await ok('mutation($id: ID!) { updateUser(id: $id, displayName: "改了名字") { id } }', { id });
    expect((await ok('{ me { displayName } }', {}, token)).me.displayName).toBe('改了名字');
    await ok('mutation($id: ID!) { updateUser(id: $id, role: PARTY_OFFICE) { id } }', { id });
    expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');

    const other = await t.userWithRole(Role.AUDITOR);
    await ok('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id: other.id });
    await ok('mutation($id: ID!) { updateUser(id: $id, active: true) { id } }', { id: other.id });
    // reactivated, but the token from before the deactivation stays ended
    expect(codeOf(await t.gql('{ me { id } }', {}, other.token))).toBe('UNAUTHENTICATED');
    expect((await login((await ok('query($id: ID!) { User(id: $id) { username } }', { id: other.id })).User.username, USER_PASSWORD)).token).toEqual(expect.any(String));
  });

  it('refuses tokens without exp or sub, or with another session version, and accepts a well-formed one', async () => {
    const key = new TextEncoder().encode(t.config.jwtSecret);
    const me = await login('admin', ADMIN_PASSWORD);
    const sv = (await t.app.ds.getRepository(User).findOneByOrFail({ id: Number(me.user.id) })).sessionVersion;
    const base = () => new SignJWT({ role: 'ADMIN', sv }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
    const forever = await base().setSubject(me.user.id).sign(key);
    const nobody = await base().setExpirationTime('1h').sign(key);
    const stale = await new SignJWT({ role: 'ADMIN', sv: sv - 1 }).setProtectedHeader({ alg: 'HS256' }).setSubject(me.user.id).setExpirationTime('1h').sign(key);
    const unversioned = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject(me.user.id).setExpirationTime('1h').sign(key);
    for (const token of [forever, nobody, stale, unversioned]) expect(codeOf(await t.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
    const wellFormed = await base().setSubject(me.user.id).setExpirationTime('1h').sign(key);
    expect((await ok('{ me { username } }', {}, wellFormed)).me.username).toBe('admin');
  });

  describe('payouts signed after a password reset', () => {
    const PAYOUT =
      'id status signaturesAfterPasswordReset { toStatus actorName signerPasswordSetBy signerPasswordSetAt } transitions { toStatus actorName signedInAt signedInFrom signerIp signerPasswordSetBy signerPasswordSetAt }';

    /** A case accepted by both, with its payouts generated by `maker`; returns the company's payout id. */
    async function payoutFrom(maker: string): Promise<string> {
      const {
        allIncentiveProgrammes: [programme],
      } = await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }');
      const {
        allJurisdictions: [community],
      } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }');
      const code = '91350582MA2AWD077';
      const { createPropertyCompany: company } = await ok(`mutation { createPropertyCompany(name: "身份测试物业", uscc: "${code}${usccCheckChar(code)}") { id } }`);
      const { createCompound: site } = await ok(
        `mutation { createCompound(name: "身份测试小区", communityId: "${community.id}", propertyCompanyId: "${company.id}", managementMode: PROFESSIONAL) { id } }`,
      );
      const { createAwardCase: c } = await ok(`mutation { createAwardCase(programmeId: "${programme.id}", compoundId: "${site.id}", appliedOn: "2024-05-06", year: 2024) { id } }`);
      for (const [to, d] of [
        ['INSPECTED', '2024-06-01'],
        ['SUPERIOR_ACCEPTED', '2024-06-20'],
        ['STREET_ACCEPTED', '2024-07-01'],
      ]) {
        await ok(`mutation { advanceAwardCase(id: "${c.id}", to: ${to}, date: "${d}") { id } }`);
      }
      await ok(`mutation { createIncentiveBudget(programmeId: "${programme.id}", year: 2024, amount: "1000000") { id } }`);
      const { generateAwardPayouts } = await ok(`mutation { generateAwardPayouts(caseId: "${c.id}") { id recipientRole } }`, {}, maker);
      return generateAwardPayouts.find((p: { recipientRole: string }) => p.recipientRole === 'PROPERTY_COMPANY').id;
    }

    it('shows who set the signer’s password and when, with the signing session, on the payout and in the approval queue', async () => {
      const maker = await t.createUser({ username: 'maker_long_ago', role: Role.PARTY_OFFICE });
      const checker = await t.createUser({ username: 'checker_reset', role: Role.PARTY_OFFICE });
      // The maker's account was set up by the admin more than 30 days ago (the database stands in for the calendar).
      await t.app.ds.getRepository(User).update({ id: Number(maker.id) }, { passwordResetAt: new Date(Date.now() - 31 * DAY) });
      const id = await payoutFrom(maker.token);
      await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id }, maker.token);

      // The admin resets the checker's password, signs in as the checker, picks a password and approves.
      const resetAt = Date.now();
      await ok('mutation($id: ID!) { updateUser(id: $id, password: "taken-over-1") { id } }', { id: checker.id });
      const restricted = await login('checker_reset', 'taken-over-1');
      expect(codeOf(await t.gql('mutation($id: ID!) { approvePayout(id: $id) { id } }', { id }, restricted.token))).toBe('FORBIDDEN');
      const takenOver = (await ok(CHANGE, { c: 'taken-over-1', n: 'admin-knows-this-1' }, restricted.token)).changePassword.token;
      await ok('mutation($id: ID!) { approvePayout(id: $id) { id } }', { id }, takenOver);

      const { Payout: payout } = await ok(`query($id: ID!) { Payout(id: $id) { ${PAYOUT} } }`, { id });
      const [submitted, approved] = payout.transitions.slice(1);
      expect(submitted).toMatchObject({ toStatus: 'SUBMITTED', actorName: 'maker_long_ago', signerPasswordSetBy: null, signerPasswordSetAt: null, signerIp: expect.any(String) });
      expect(approved).toMatchObject({ toStatus: 'APPROVED', actorName: 'checker_reset', signerPasswordSetBy: 'admin', signerIp: expect.any(String), signedInFrom: expect.any(String) });
      expect(Math.abs(Date.parse(approved.signerPasswordSetAt) - resetAt)).toBeLessThan(5000);
      expect(Date.parse(approved.signedInAt)).toBeGreaterThanOrEqual(Date.parse(approved.signerPasswordSetAt) - 1000);
      expect(payout.signaturesAfterPasswordReset).toEqual([{ toStatus: 'APPROVED', actorName: 'checker_reset', signerPasswordSetBy: 'admin', signerPasswordSetAt: approved.signerPasswordSetAt }]);

      // Paying it (same signer) says so too; the queue's list query carries the field for every payout.
      await ok('mutation($id: ID!, $on: LocalDate!) { markPayoutPaid(id: $id, paymentReference: "PZ-ID-1", paidOn: $on) { id } }', { id, on: todayInChina() }, takenOver);
      const { allPayouts } = await ok('query($id: ID!) { allPayouts(filter: { ids: [$id] }) { signaturesAfterPasswordReset { toStatus signerPasswordSetBy } } }', { id });
      expect(allPayouts[0].signaturesAfterPasswordReset).toEqual([
        { toStatus: 'APPROVED', signerPasswordSetBy: 'admin' },
        { toStatus: 'PAID', signerPasswordSetBy: 'admin' },
      ]);
    });
  });
});
