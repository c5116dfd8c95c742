import request from 'supertest';
import { SignJWT } from 'jose';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, startTestApp, type TestApp } from './harness';

describe(`sign-in and roles (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const auditCount = async () => (await t.gql('{ _allAuditEventsMeta { count } }', {}, admin)).data._allAuditEventsMeta.count;

  it('serves /health without signing in', async () => {
    const res = await request(t.app.express).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.config.database.kind });
  });

  it('lets anonymous callers read nothing', async () => {
    const res = await t.gql('{ allPeople { name } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('refuses an anonymous mutation with UNAUTHENTICATED and writes nothing', async () => {
    const before = await auditCount();
    const res = await t.gql('mutation { createPerson(name: "匿名") { id } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ allPeople(filter: { q: "匿名" }) { id } }', {}, admin)).data.allPeople).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await t.gql('mutation { login(username: "admin", password: "nope-nope") { token } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toBe('Wrong username or password');
    const unknown = await t.gql('mutation { login(username: "ghost", password: "nope-nope") { token } }');
    expect(unknown.errors?.[0].message).toBe('Wrong username or password');
  });

  it('refuses an expired token and says the session expired', async () => {
    const key = new TextEncoder().encode(t.config.jwtSecret);
    const old = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key);
    const res = await t.gql('{ me { username } }', {}, old);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/expired/);
  });

  it('refuses a token signed with another key', async () => {
    const forged = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-of-thirty-two-characters'));
    expect(codeOf(await t.gql('{ me { username } }', {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('stops a deactivated user at once, even with a valid token', async () => {
    const { token, id } = await t.userWithRole(Role.AUDITOR);
    expect((await t.gql('{ me { role } }', {}, token)).data.me.role).toBe('AUDITOR');
    await t.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { active } }', { id }, admin);
    expect(codeOf(await t.gql('{ me { role } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('forbids UNIT_STAFF from changing a roster, and changes nothing', async () => {
    const { token } = await t.userWithRole(Role.UNIT_STAFF);
    const seat = (await t.gql('{ allMemberships(perPage: 1) { id sortOrder } }', {}, token)).data.allMemberships[0];
    const before = await auditCount();
    const res = await t.gql('mutation($id: ID!) { updateMembership(id: $id, sortOrder: 99) { id } }', { id: seat.id }, token);
    expect(codeOf(res)).toBe('FORBIDDEN');
    const del = await t.gql('mutation($id: ID!) { deleteMembership(id: $id) { id } }', { id: seat.id }, token);
    expect(codeOf(del)).toBe('FORBIDDEN');
    const after = await t.gql('query($id: ID!) { Membership(id: $id) { sortOrder } }', { id: seat.id }, admin);
    expect(after.data.Membership.sortOrder).toBe(seat.sortOrder);
    expect(await auditCount()).toBe(before);
  });

  it('lets AUDITOR read everything, audit trail included, and change nothing', async () => {
    const { token } = await t.userWithRole(Role.AUDITOR);
    expect((await t.gql('{ allAuditEvents(perPage: 1) { action } }', {}, token)).errors).toBeUndefined();
    expect(codeOf(await t.gql('mutation { createPerson(name: "审计员") { id } }', {}, token))).toBe('FORBIDDEN');
  });

  it('lets only ADMIN manage users; PARTY_OFFICE edits rosters', async () => {
    const office = await t.userWithRole(Role.PARTY_OFFICE);
    const res = await t.gql('mutation { createUser(username: "x1", displayName: "x", password: "password-123", role: ADMIN) { id } }', {}, office.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect((await t.gql('mutation { createPerson(name: "党建办新人") { name } }', {}, office.token)).data.createPerson.name).toBe('党建办新人');
  });

  it('requires a unit for UNIT_STAFF users', async () => {
    const res = await t.gql('mutation { createUser(username: "staff9", displayName: "s", password: "password-123", role: UNIT_STAFF) { id } }', {}, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('unitId');
  });

  it('never exposes password hashes, in the schema or the audit trail', async () => {
    const typeRes = await t.gql('{ __type(name: "User") { fields { name } } }', {}, admin);
    expect(typeRes.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('passwordHash');
    const events = await t.gql('{ allAuditEvents(filter: { entityType: "User" }, perPage: 100) { before after } }', {}, admin);
    expect(JSON.stringify(events.data.allAuditEvents)).not.toMatch(/passwordHash|scrypt\$/);
  });
});
