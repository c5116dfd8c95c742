import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseOutage } from '../src/common/format-error';
import { ADMIN_LIMITS, PARTNER_LIMITS } from '../src/common/query-limits';
import { RequestScope } from '../src/common/request-scope';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { ADMIN_PASSWORD, codeOf, startTestApp, type TestApp } from './harness';

/** `{ a { b { a { b … id } } } }`: a cycle through two relations, `levels` deep. */
const cycle = (root: string, pair: [string, string], levels: number, leaf = 'id') => {
  let inner = leaf;
  for (let i = 0; i < levels; i++) inner = `${pair[i % 2]} { ${inner} }`;
  return `{ ${root} { ${inner} } }`;
};

/** Lines the request log wrote, parsed. */
class LogLines extends Writable {
  lines: Array<Record<string, any>> = [];
  raw = '';
  _write(chunk: Buffer, _enc: string, done: () => void) {
    this.raw += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe(`query limits, isolation, request log (${dbKind()})`, () => {
  let t: TestApp;
  let staff: string;
  let key: string;
  const log = new LogLines();
  beforeAll(async () => {
    t = await startTestApp({ requestLog: pino({ level: 'info', base: undefined }, log) });
    staff = (await t.userWithRole(Role.UNIT_STAFF)).token;
    const issued = await t.gql('mutation { issuePartnerKey(name: "limits") { secret } }', {}, await t.adminToken());
    key = issued.data.issuePartnerKey.secret;
  });
  afterAll(() => t.close());

  /** Sends a refused request and checks it was refused by `limit` before any SQL ran. */
  async function refusedBeforeSql(send: () => Promise<{ errors?: any[]; status?: number }>, limit: string) {
    t.sql.reset();
    const started = process.hrtime.bigint();
    const res = await send();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT', limit });
    expect(t.sql.count).toBe(0);
    // A sanity bound, not a speed goal (api/bench/hostile.bench.ts measures): executing these took minutes.
    expect(ms).toBeLessThan(2000);
    return ms;
  }

  it('refuses the 25-level payout cycle that took the server down, before any SQL', async () => {
    const q = cycle('Payout(id: 7)', ['case', 'payouts'], 25);
    await refusedBeforeSql(() => t.gql(q, {}, staff), 'depth');
  });

  it('refuses every cycle deeper than the depth limit, whichever relation it runs through', async () => {
    const pairs: Array<[string, [string, string]]> = [
      ['allTaskItems(perPage: 1)', ['assignments', 'taskItem']],
      ['allClauses(perPage: 1)', ['document', 'clauses']],
      ['allJurisdictions(perPage: 1)', ['children', 'parent']],
      ['allAwardCases(perPage: 1)', ['payouts', 'case']],
    ];
    for (const [root, pair] of pairs) {
      await refusedBeforeSql(() => t.gql(cycle(root, pair, ADMIN_LIMITS.depth), {}, staff), 'depth');
    }
  });

  it('refuses fan-out cycles within the depth limit by their cost', async () => {
    await refusedBeforeSql(() => t.gql(cycle('allTaskItems(perPage: 60)', ['assignments', 'taskItem'], 5), {}, staff), 'cost');
    await refusedBeforeSql(() => t.gql('{ allClauses(perPage: 1000) { text document { clauses { text document { clauses { text } } } } } }', {}, staff), 'cost');
    // Page sizes in variables count the same as inline ones.
    await refusedBeforeSql(() => t.gql('query($n: Int) { allClauses(perPage: $n) { document { clauses { document { clauses { id } } } } } }', { n: 1000 }, staff), 'cost');
  });

  it('keeps a document’s cost per variables: the same text is answered, refused and answered again as its page size says', async () => {
    // the cost is kept per parsed document and variables (query-limits.ts): a kept small cost never lets a large page through
    const q = 'query($n: Int) { allClauses(perPage: $n) { document { clauses { document { clauses { id } } } } } }';
    for (const n of [1, 1000, 1, 1000, 2]) {
      const res = await t.gql(q, { n }, staff);
      if (n === 1000) expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'cost' });
      else expect([n, res.errors]).toEqual([n, undefined]);
    }
  });

  it('refuses alias floods on both endpoints', async () => {
    const admin = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: allAssignments(perPage: 1000) { id }`).join(' ')} }`;
    t.sql.reset();
    const res = await t.gql(admin, {}, staff);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT');
    expect(t.sql.count).toBe(0);
    const partner = `{ ${Array.from({ length: 500 }, (_, i) => `s${i}: companyStanding(uscc: "91350500MA2Y000000") { asOf }`).join(' ')} }`;
    t.sql.reset();
    const p = await t.partner(partner, {}, key);
    expect(p.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT');
    expect(t.sql.count).toBe(0);
    // Within the token limit, the alias limit is what refuses.
    const few = `{ ${Array.from({ length: ADMIN_LIMITS.aliases + 1 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    await refusedBeforeSql(() => t.gql(few, {}, staff), 'aliases');
    const fewPartner = `{ ${Array.from({ length: PARTNER_LIMITS.aliases + 1 }, (_, i) => `a${i}: areas(first: 1) { totalCount }`).join(' ')} }`;
    await refusedBeforeSql(() => t.partner(fewPartner, {}, key), 'aliases');
  });

  it('refuses directive floods', async () => {
    const q = `{ me @include(if: true) ${'@skip(if: false) '.repeat(ADMIN_LIMITS.directives)} { id } }`;
    await refusedBeforeSql(() => t.gql(q, {}, staff), 'directives');
  });

  it('stops reading an oversized anonymous document at the token limit', async () => {
    const vars = Array.from({ length: 100_000 }, (_, i) => `$v${i}: Int`).join(', ');
    const big = await request(t.app.express)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `query(${vars}) { __typename }` });
    // Anonymous bodies are small: this one is refused by size before it is parsed at all.
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const repeated = `{ ${'__typename '.repeat(150_000)} }`;
    const signedIn = await t.gql(repeated, {}, staff);
    expect(signedIn.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'tokens', max: ADMIN_LIMITS.tokens });
    // Anonymous documents small enough for their body limit still stop at the token limit.
    await refusedBeforeSql(() => t.gql(`{ ${'a '.repeat(ADMIN_LIMITS.tokens)} }`, {}, undefined), 'tokens');
    await refusedBeforeSql(() => t.partner(`{ ${'__typename '.repeat(PARTNER_LIMITS.tokens)} }`, {}, key), 'tokens');
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql('{ allUserz { id } }', {}, staff);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
    const partner = await t.partner('{ redBlackLis { totalCount } }', {}, key);
    expect(JSON.stringify(partner.errors)).not.toMatch(/Did you mean/);
    const anonymous = await t.gql('mutation { logn(username: "a", password: "b") { token } }');
    expect(JSON.stringify(anonymous.errors)).not.toMatch(/Did you mean|login/);
  });

  it('answers unreadable bodies with JSON errors, not HTML pages', async () => {
    for (const path of ['/graphql', '/partner/graphql']) {
      const bad = await request(t.app.express).post(path).set('content-type', 'application/json').send('{"query": ');
      expect(bad.status).toBe(400);
      expect(bad.type).toBe('application/json');
      expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      const huge = await request(t.app.express)
        .post(path)
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${staff}`)
        .send({ query: '{ __typename }', pad: 'x'.repeat(3_000_000) });
      expect(huge.status).toBe(413);
      expect(huge.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('writes one log line per request: id, user, operation, outcome, cost, statements; never secrets', async () => {
    log.lines = [];
    log.raw = '';
    await request(t.app.express)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'req-log-1')
      .send({ query: 'mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin', p: ADMIN_PASSWORD } });
    await request(t.app.express)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'req-log-2')
      .set('authorization', `Bearer ${staff}`)
      .send({ query: 'query Mine { me { id } allUnits(perPage: 5) { id name } }' });
    await request(t.app.express)
      .post('/partner/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'req-log-3')
      .set('x-api-key', key)
      .send({ query: 'query Areas { areas(first: 2) { totalCount } }' });
    const [signIn, mine, areas] = ['req-log-1', 'req-log-2', 'req-log-3'].map((id) => log.lines.find((l) => l.requestId === id)!);
    expect(signIn).toMatchObject({ operation: 'SignIn', outcome: 'OK', req: { method: 'POST', path: '/graphql' }, res: { status: 200 } });
    expect(mine).toMatchObject({ operation: 'Mine', outcome: 'OK' });
    expect(mine.userId).toEqual(expect.any(Number));
    expect(mine.statements).toBeGreaterThan(0);
    expect(mine.cost).toBeGreaterThan(0);
    expect(mine.responseTime).toEqual(expect.any(Number));
    expect(areas).toMatchObject({ operation: 'Areas', outcome: 'OK' });
    expect(areas.partnerKeyId).toEqual(expect.any(Number));
    expect(log.raw).not.toContain(ADMIN_PASSWORD);
    expect(log.raw).not.toContain(staff);
    expect(log.raw).not.toContain(key);
    expect(log.raw).not.toMatch(/authorization|x-api-key/i);
  });

  it('writes nothing for a request below the log level, and a refused one at warn', async () => {
    const quiet = new LogLines();
    const w = await startTestApp({ requestLog: pino({ level: 'warn', base: undefined }, quiet) });
    try {
      const issued = await w.gql<{ issuePartnerKey: { secret: string } }>('mutation { issuePartnerKey(name: "日志伙伴") { secret } }', {}, await w.adminToken());
      quiet.lines = [];
      const ok = await request(w.app.express).post('/partner/graphql').set('content-type', 'application/json').set('x-api-key', issued.data!.issuePartnerKey.secret).send({ query: '{ __typename }' });
      const refused = await request(w.app.express).post('/partner/graphql').set('content-type', 'application/json').set('x-request-id', 'req-log-quiet').send({ query: '{ __typename }' });
      expect([ok.status, refused.status]).toEqual([200, 401]);
      expect(quiet.lines.map((l) => [l.level, l.requestId, l.res?.status, l.msg])).toEqual([[40, 'req-log-quiet', 401, 'request']]);
      expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await w.close();
    }
  });

  it('stops a request that needs more statements than its budget, naming the limit', async () => {
    const small = await startTestApp({ seed: true, config: { requestBudget: { statements: 15 } } });
    try {
      const token = await small.adminToken();
      const lists = [
        'allPlans',
        'allUnits',
        'allPeople',
        'allPosts',
        'allClauses',
        'allPolicyDocuments',
        'allJurisdictions',
        'allCompounds',
        'allWorkingGroups',
        'allMemberships',
        'allTaskItems',
        'allAssignments',
        'allKeyWorks',
        'allTargets',
        'allIndicators',
        'allPropertyCompanies',
      ];
      const res = await small.gql(`{ ${lists.map((l) => `${l}(perPage: 2) { id }`).join(' ')} }`, {}, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STATEMENT_BUDGET', limit: 15 });
      expect((await small.gql('{ me { id } }', {}, token)).errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

describe(`the brake on refused requests (${dbKind()})`, () => {
  it('turns an address that keeps sending refused requests away before reading its body, others carry on', async () => {
    const t = await startTestApp({ seed: false, config: { trustProxy: true, rateLimits: { refusedIp: { points: 3, seconds: 60 } } } });
    try {
      const deep = cycle('Payout(id: 7)', ['case', 'payouts'], 25);
      const from = (ip: string, query: string) => request(t.app.express).post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', ip).send({ query });
      for (let i = 0; i < 3; i++) expect((await from('10.9.0.1', deep)).status).toBe(400);
      const turnedAway = await from('10.9.0.1', deep);
      expect(turnedAway.status).toBe(429);
      expect(turnedAway.headers['retry-after']).toMatch(/^\d+$/);
      expect(turnedAway.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REFUSALS' });
      const partner = await request(t.app.express)
        .post('/partner/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', '10.9.0.1')
        .send({ query: '{ areas(first: 1) { totalCount } }' });
      expect(partner.status).toBe(429);
      // Another address is served; answered requests (200) do not count.
      for (let i = 0; i < 5; i++) expect((await from('10.9.0.2', '{ __typename }')).status).toBe(200);
      expect((await from('10.9.0.2', deep)).status).toBe(400);
    } finally {
      await t.close();
    }
  });
});

(dbKind() === 'mysql' ? describe : describe.skip)('a full connection queue (mysql)', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, never 500, and serves again after', async () => {
    const t = await startTestApp({ seed: false });
    try {
      const token = await t.adminToken();
      // The same pool, made tiny: one connection and one waiting request.
      const pool = (t.app.ds.driver as unknown as { pool: { config: { connectionLimit: number; queueLimit: number } } }).pool;
      pool.config.connectionLimit = 1;
      pool.config.queueLimit = 1;
      const q = '{ allJurisdictions(perPage: 50) { id name } allUnits(perPage: 50) { id } allPeople(perPage: 50) { id } }';
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => request(t.app.express).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send({ query: q })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      const busy = answers.filter((a) => a.status === 503);
      expect(busy.length).toBeGreaterThan(0);
      for (const a of busy) {
        expect(a.headers['retry-after']).toMatch(/^\d+$/);
        expect(a.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
      pool.config.connectionLimit = 10;
      pool.config.queueLimit = 200;
      expect((await t.gql(q, {}, token)).errors).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('one request shares the pool (RequestScope)', () => {
  it('lets at most `concurrency` statements of one request run at once, in arrival order', async () => {
    const scope = new RequestScope('r', { statements: 100, concurrency: 2, timeMs: 60_000 });
    const order: number[] = [];
    await scope.acquire();
    await scope.acquire();
    const third = scope.acquire().then(() => order.push(3));
    const fourth = scope.acquire().then(() => order.push(4));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    scope.release();
    await third;
    expect(order).toEqual([3]);
    scope.release();
    await fourth;
    expect(order).toEqual([3, 4]);
    expect(scope.statements).toBe(4);
  });

  it('refuses statements past the budget of statements or time', async () => {
    const scope = new RequestScope('r', { statements: 1, concurrency: 1, timeMs: 60_000 });
    await scope.acquire();
    scope.release();
    await expect(scope.acquire()).rejects.toMatchObject({ extensions: { reason: 'STATEMENT_BUDGET' } });
    const late = new RequestScope('r', { statements: 10, concurrency: 1, timeMs: 0 });
    await new Promise((r) => setTimeout(r, 5));
    await expect(late.acquire()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIME_BUDGET' } });
  });
});

describe('database outages are SERVICE_UNAVAILABLE', () => {
  it('recognises a refused MySQL connection and a full connection queue from the real drivers', async () => {
    const down = new DataSource({ type: 'mysql', url: 'mysql://root@127.0.0.1:1/none', connectTimeout: 2000 });
    const err = await down.initialize().then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseOutage(err)).toMatch(/database is unavailable/);
    const mysql = await import('mysql2/promise');
    const pool = mysql.createPool({ uri: 'mysql://root@127.0.0.1:1/none', connectionLimit: 1, queueLimit: 1, connectTimeout: 1000 });
    const results = await Promise.allSettled([pool.query('SELECT 1'), pool.query('SELECT 1'), pool.query('SELECT 1')]);
    const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => databaseOutage(r.reason));
    expect(reasons).toContain('The server is busy: every database connection is in use; try again in a few seconds');
    await pool.end();
    expect(databaseOutage(new Error('Duplicate entry'))).toBeUndefined();
  });
});
