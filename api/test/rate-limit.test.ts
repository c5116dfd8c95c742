import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { Role } from '../src/common/roles';
import { DEFAULT_RATE_LIMITS } from '../src/common/rate-limit';
import { type AppConfig, ConfigError, loadConfig } from '../src/config/env';
import { dbKind } from './db';
import { ADMIN_PASSWORD, startTestApp, type TestApp, USER_PASSWORD } from './harness';

const REDIS_URL = 'redis://127.0.0.1:6379';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword } }';
const AREAS = '{ areas(first: 1) { totalCount } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One raw request, so status and headers can be checked; `from` is the client address (X-Forwarded-For, trusted in these apps). */
async function post(t: TestApp, path: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const req = request(t.app.express).post(path).set('content-type', 'application/json');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  const res = await req.send({ query, variables });
  const error = res.body.errors?.[0];
  return {
    status: res.status,
    retryAfter: res.headers['retry-after'] as string | undefined,
    body: res.body,
    code: error?.extensions?.code,
    reason: error?.extensions?.reason,
    extensions: error?.extensions,
  };
}
const login = (t: TestApp, u: string, p: string, from = '198.51.100.1') => post(t, '/graphql', LOGIN, { u, p }, { 'x-forwarded-for': from });

/** An app whose limits are these (short windows), trusting X-Forwarded-For so tests can speak from several addresses. */
const appWith = (rateLimits: AppConfig['rateLimits'], extra: Partial<AppConfig> = {}) => startTestApp({ seed: false, config: { trustProxy: true, rateLimits, ...extra } });

describe('rate-limit configuration', () => {
  it('reads RATE_LIMIT_* as count/window and leaves the others at the production defaults', () => {
    const config = loadConfig({ RATE_LIMIT_LOGIN_USER: '3/30m', RATE_LIMIT_PARTNER_IP: '100/1h', RATE_LIMIT_USER: '50/90s', RATE_LIMIT_PREFIX: 'office-a' });
    expect(config.rateLimits).toEqual({ loginUser: { points: 3, seconds: 1800 }, partnerIp: { points: 100, seconds: 3600 }, user: { points: 50, seconds: 90 } });
    expect(config.rateLimitPrefix).toBe('office-a');
    expect(loadConfig({}).rateLimits).toEqual({});
    expect(DEFAULT_RATE_LIMITS).toEqual({
      loginUser: { points: 5, seconds: 900 },
      loginIp: { points: 20, seconds: 900 },
      partnerKey: { points: 600, seconds: 60 },
      partnerIp: { points: 30, seconds: 60 },
      user: { points: 300, seconds: 60 },
      refusedIp: { points: 60, seconds: 60 },
    });
  });

  it.each(['5', '5/0m', '0/1m', '5/15', 'five/1m', '5/1d'])('refuses RATE_LIMIT_LOGIN_IP=%s naming the variable', (raw) => {
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_IP: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_IP: raw })).toThrow(/RATE_LIMIT_LOGIN_IP/);
  });
});

describe(`sign-in limits (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let clerk: { id: string };
  beforeAll(async () => {
    t = await appWith({ loginUser: { points: 3, seconds: 2 }, loginIp: { points: 8, seconds: 60 } });
    admin = await t.adminToken();
    clerk = await t.createUser({ username: 'clerk', role: Role.AUDITOR });
  });
  afterAll(() => t.close());

  const failures = async () =>
    (await t.gql('{ allAuditEvents(filter: { action: "LOGIN_FAILED" }, sortField: "id", sortOrder: "ASC") { actorId actorName entityType entityId after } }', {}, admin)).data.allAuditEvents as Array<
      Record<string, any>
    >;

  it('locks an account after 3 wrong passwords, refuses the right one until the window passes, and audits each failure with the address', async () => {
    const before = (await failures()).length;
    for (let i = 0; i < 3; i++) {
      const wrong = await login(t, 'clerk', `wrong-${i}-password`, '198.51.100.7');
      expect(wrong.code).toBe('UNAUTHENTICATED');
    }
    const locked = await login(t, 'clerk', USER_PASSWORD, '198.51.100.8');
    expect(locked.status).toBe(429);
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_LOCKED' });
    expect(locked.extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(locked.extensions.retryAfter).toBeLessThanOrEqual(2);
    expect(locked.retryAfter).toBe(String(locked.extensions.retryAfter));
    expect(locked.extensions.http).toBeUndefined();
    expect(locked.body.data).toBeNull();
    // Another spelling of the name is the same account.
    expect((await login(t, ' CLERK ', USER_PASSWORD)).reason).toBe('LOGIN_LOCKED');

    const rows = (await failures()).slice(before);
    expect(rows).toHaveLength(3); // the refusals while locked write nothing
    for (const row of rows) {
      expect(row).toMatchObject({ actorId: null, actorName: 'anonymous', entityType: 'User', entityId: clerk.id, after: { username: 'clerk', ip: '198.51.100.7' } });
    }

    await sleep(2100);
    const open = await login(t, 'clerk', USER_PASSWORD);
    expect(open.body.errors).toBeUndefined();
    expect(open.body.data.login.token).toEqual(expect.any(String));
  });

  it('clears an account’s failures when it signs in', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await login(t, 'clerk', 'not-the-password')).code).toBe('UNAUTHENTICATED');
      expect((await login(t, 'clerk', USER_PASSWORD)).body.data.login).toBeTruthy();
    }
    await sleep(2100); // leave no count behind for the next test
  });

  it('records a failure for an unknown user with entityId "-"', async () => {
    const before = (await failures()).length;
    expect((await login(t, 'nobody-here', 'whatever-123', '198.51.100.9')).code).toBe('UNAUTHENTICATED');
    expect((await failures()).slice(before)).toEqual([expect.objectContaining({ entityType: 'User', entityId: '-', after: { username: 'nobody-here', ip: '198.51.100.9' } })]);
  });

  it('limits failures per address across accounts, leaving other addresses alone', async () => {
    for (let i = 0; i < 8; i++) expect((await login(t, `guess${i}`, 'password-guess', '203.0.113.5')).code).toBe('UNAUTHENTICATED');
    const refused = await login(t, 'clerk', USER_PASSWORD, '203.0.113.5');
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await login(t, 'clerk', USER_PASSWORD, '203.0.113.6')).body.data.login).toBeTruthy();
  });
});

describe(`request limits (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let key: string;
  beforeAll(async () => {
    t = await appWith({ user: { points: 20, seconds: 60 }, partnerKey: { points: 3, seconds: 60 }, partnerIp: { points: 3, seconds: 60 } });
    admin = await t.adminToken();
    key = (await t.gql('mutation { issuePartnerKey(name: "限流测试") { secret } }', {}, admin)).data.issuePartnerKey.secret;
  });
  afterAll(() => t.close());

  const accessRows = async () =>
    (await t.gql('{ allPartnerAccesses(perPage: 500, sortField: "id", sortOrder: "ASC") { keyId outcome } }', {}, admin)).data.allPartnerAccesses as Array<{ keyId: string | null; outcome: string }>;
  const partner = (apiKey: string, from: string) => post(t, '/partner/graphql', AREAS, {}, { 'x-api-key': apiKey, 'x-forwarded-for': from });

  it('limits requests per partner key with 429 and Retry-After, logging only the first refusal', async () => {
    const before = (await accessRows()).length;
    for (let i = 0; i < 3; i++) expect((await partner(key, '192.0.2.10')).status).toBe(200);
    const refusals = [];
    for (let i = 0; i < 4; i++) refusals.push(await partner(key, `192.0.2.${20 + i}`));
    for (const r of refusals) {
      expect(r).toMatchObject({ status: 429, code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS' });
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(60);
    }
    expect((await accessRows()).slice(before).map((r) => r.outcome)).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  });

  it('limits requests without a valid key per address, and stops logging each of them', async () => {
    const before = (await accessRows()).length;
    const madeUp = `wyk_deadbeef_${'A'.repeat(43)}`;
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await partner(i % 2 ? madeUp : 'not-a-key', '192.0.2.99'));
    expect(answers.slice(0, 3).map((a) => [a.status, a.code])).toEqual(Array(3).fill([401, 'UNAUTHENTICATED']));
    for (const a of answers.slice(3)) expect(a).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(answers[3].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    // 20 refused requests: 3 logged as refused, one as rate-limited, then none.
    expect((await accessRows()).slice(before).map((r) => r.outcome)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    // Another address is not held back by this one.
    expect((await partner(madeUp, '192.0.2.100')).status).toBe(401);
  });

  it('limits GraphQL requests per signed-in user, not per everybody', async () => {
    const { token } = await t.createUser({ username: 'busy', role: Role.AUDITOR }); // its changePassword was the first request
    const answers = [];
    for (let i = 0; i < 22; i++) answers.push(await post(t, '/graphql', '{ me { username } }', {}, { authorization: `Bearer ${token}` }));
    expect(answers.slice(0, 19).every((a) => a.status === 200 && a.body.data.me.username === 'busy')).toBe(true);
    for (const a of answers.slice(19)) {
      expect(a).toMatchObject({ status: 429, code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS' });
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect((await t.gql('{ me { username } }', {}, admin)).data.me.username).toBe('admin');
  });
});

describe(`limits shared through Redis (${dbKind()})`, () => {
  const prefix = `wydj-test:${randomUUID()}`;
  let a: TestApp;
  let b: TestApp;
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  beforeAll(async () => {
    const shared = { redisUrl: REDIS_URL, rateLimitPrefix: prefix };
    a = await appWith({ loginUser: { points: 3, seconds: 60 } }, shared);
    b = await appWith({ loginUser: { points: 3, seconds: 60 } }, shared);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await a.close();
    await b.close();
  });

  it('counts failures of one account on two API processes together', async () => {
    expect((await login(a, 'admin', 'wrong-password-1')).code).toBe('UNAUTHENTICATED');
    expect((await login(b, 'admin', 'wrong-password-2')).code).toBe('UNAUTHENTICATED');
    expect((await login(a, 'admin', 'wrong-password-3')).code).toBe('UNAUTHENTICATED');
    for (const app of [a, b]) {
      const locked = await login(app, 'admin', ADMIN_PASSWORD);
      expect(locked).toMatchObject({ status: 429, code: 'RATE_LIMITED', reason: 'LOGIN_LOCKED' });
      expect(Number(locked.retryAfter)).toBeGreaterThan(50);
    }
    expect(await redis.exists(`${prefix}:loginUser:admin`)).toBe(1);
  });
});
