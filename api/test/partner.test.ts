import { buildSchema, isEnumType, isObjectType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { PublishedEntry } from '../src/modules/publication/publication.entities';
import { Rating, RatingScore } from '../src/modules/rating/rating.entities';
import { subjectKey } from '../src/modules/rating/rating-calculator';
import { PropertyCompany } from '../src/modules/organization/property-company.entity';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';
import { all, ratingFixture, type RatingFixture } from './rating-fixtures';

describe(`partner API: keys, errors, access log, statements per page (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let f: RatingFixture;
  let key: string;
  let keyId: string;
  let black: { id: string; uscc: string };

  const STANDING = 'query Standing($u: String!) { companyStanding(uscc: $u) { barredFromBidding company { name } } }';

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    f = await ratingFixture(t, admin, 'PTN01');
    const issued = await f.ok('mutation { issuePartnerKey(name: "信用平台（测试）", note: "数据共享协议 2025-01") { key { id prefix active } secret } }');
    key = issued.issuePartnerKey.secret;
    keyId = issued.issuePartnerKey.key.id;
    const period = await f.period('2025Q3', '2025-07-01', '2025-09-30');
    black = await f.company('黑名单物业');
    await f.rate(period, black.id, all(50));
    const red = await f.company('红名单物业');
    await f.rate(period, red.id, all(95));
    await f.ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2025-10-08") { id } }', { p: period });
  });
  afterAll(() => t.close());

  it('shows the key once and stores only its hash', async () => {
    expect(key).toMatch(/^wyk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const rows = await t.app.ds.query('SELECT * FROM partner_key');
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows[0].secretHash).toMatch(/^[0-9a-f]{64}$/);
    const { allPartnerKeys } = await f.ok('{ allPartnerKeys { name prefix active issuedByName } }');
    expect(allPartnerKeys).toEqual([{ name: '信用平台（测试）', prefix: key.slice(0, 12), active: true, issuedByName: 'admin' }]);
    const listed = await t.gql('{ __type(name: "PartnerKey") { fields { name } } }', {}, admin);
    expect(listed.data.__type.fields.map((x: { name: string }) => x.name)).not.toContain('secretHash');
  });

  it('lets only an ADMIN issue or revoke keys, and ADMIN or AUDITOR list them', async () => {
    const office = await t.userWithRole(Role.PARTY_OFFICE);
    expect(codeOf(await t.gql('mutation { issuePartnerKey(name: "x") { secret } }', {}, office.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ allPartnerKeys { id } }', {}, office.token))).toBe('FORBIDDEN');
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect((await t.gql('{ allPartnerKeys { id } }', {}, auditor.token)).data.allPartnerKeys).toHaveLength(1);
    expect(codeOf(await t.gql(`mutation { revokePartnerKey(id: "${keyId}", reason: "x") { id } }`, {}, auditor.token))).toBe('FORBIDDEN');
    const blank = await t.gql('mutation { issuePartnerKey(name: "  ") { secret } }', {}, admin);
    expect([codeOf(blank), fieldOf(blank)]).toEqual(['BAD_USER_INPUT', 'name']);
  });

  it('reads the published list and a standing with a key, and refuses requests without one', async () => {
    const ok = await t.partner(STANDING, { u: black.uscc }, key);
    expect(ok.status).toBe(200);
    expect(ok.data.companyStanding).toEqual({ barredFromBidding: true, company: { name: '黑名单物业' } });
    const none = await t.partner(STANDING, { u: black.uscc });
    expect([none.status, codeOf(none)]).toEqual([401, 'UNAUTHENTICATED']);
    const wrong = await t.partner(STANDING, { u: black.uscc }, `wyk_00000000_${'A'.repeat(43)}`);
    expect([wrong.status, codeOf(wrong)]).toEqual([401, 'UNAUTHENTICATED']);
    const adminToken = await t.partner(STANDING, { u: black.uscc }, admin);
    expect([adminToken.status, codeOf(adminToken)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('has no admin field and no mutation: asking for one is an error', async () => {
    const adminQuery = await t.partner('{ allRatings { id subjectName } }', {}, key);
    expect(codeOf(adminQuery)).toBe('GRAPHQL_VALIDATION_FAILED');
    const adminField = await t.partner('query($u: String!) { companyStanding(uscc: $u) { company { address } } }', { u: black.uscc }, key);
    expect(codeOf(adminField)).toBe('GRAPHQL_VALIDATION_FAILED');
    const mutation = await t.partner('mutation { publishRatingPeriod(periodId: "1") { id } }', {}, key);
    expect([codeOf(mutation), mutation.errors?.[0].message]).toEqual(['GRAPHQL_VALIDATION_FAILED', 'This API has no mutation operations']);
    expect(mutation.data).toBeUndefined();
    const partnerSdl = fs.readFileSync(path.resolve(__dirname, '../../schema/partner.graphql'), 'utf8');
    expect(partnerSdl).not.toMatch(/^type Mutation/m);
  });

  it('answers BAD_USER_INPUT for first over 100, a bad credit code, a bad cursor or id, and a future asOf', async () => {
    const big = await t.partner('{ redBlackList(period: "2025Q3", first: 500) { totalCount } }', {}, key);
    expect([codeOf(big), fieldOf(big)]).toEqual(['BAD_USER_INPUT', 'first']);
    const zero = await t.partner('{ editions(first: 0) { totalCount } }', {}, key);
    expect(codeOf(zero)).toBe('BAD_USER_INPUT');
    const bad = black.uscc.slice(0, 17) + (black.uscc[17] === '0' ? '1' : '0');
    const uscc = await t.partner(STANDING, { u: bad }, key);
    expect([codeOf(uscc), fieldOf(uscc)]).toEqual(['BAD_USER_INPUT', 'uscc']);
    const short = await t.partner(STANDING, { u: '91350582' }, key);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    const cursor = await t.partner('{ redBlackList(period: "2025Q3", after: "not-a-cursor") { totalCount } }', {}, key);
    expect([codeOf(cursor), fieldOf(cursor)]).toEqual(['BAD_USER_INPUT', 'after']);
    const area = await t.partner('{ companies(area: "QWxsOjE") { totalCount } }', {}, key);
    expect([codeOf(area), fieldOf(area)]).toEqual(['BAD_USER_INPUT', 'area']);
    const future = await t.partner('query($u: String!) { companyStanding(uscc: $u, asOf: "2999-01-01") { asOf } }', { u: black.uscc }, key);
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', 'asOf']);
  });

  it('answers null for a valid credit code nobody registered', async () => {
    const base = '91350582MA2NOBODY'.replace(/[IOSVZ]/g, 'X');
    const res = await t.partner(STANDING, { u: base + usccCheckChar(base) }, key);
    expect(res.errors).toBeUndefined();
    expect(res.data.companyStanding).toBeNull();
  });

  it('lists companies by area and pages with opaque cursors', async () => {
    const street = (await f.ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }')).allJurisdictions[0].id;
    const community = (await f.ok('mutation($p: ID!) { createJurisdiction(name: "合作测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
    for (const c of [black, await f.company('区内物业甲'), await f.company('区内物业乙')]) {
      await f.ok('mutation($c: ID!, $p: ID!, $n: String!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', {
        c: community,
        p: c.id,
        n: `小区${c.uscc.slice(-4)}`,
      });
    }
    const areas = await t.partner('{ areas(first: 100) { edges { node { id name level } } } }', {}, key);
    const top = areas.data.areas.edges.map((e: { node: { name: string } }) => e.node);
    expect(top.length).toBeGreaterThan(0);
    const findArea = async (name: string, parents: Array<{ id: string }>): Promise<string> => {
      for (const p of parents) {
        const res = await t.partner('query($p: ID) { areas(parent: $p, first: 100) { edges { node { id name } } } }', { p: p.id }, key);
        const nodes = res.data.areas.edges.map((e: { node: { id: string; name: string } }) => e.node);
        const hit = nodes.find((n: { name: string }) => n.name === name);
        if (hit) return hit.id;
        const deeper = await findArea(name, nodes).catch(() => '');
        if (deeper) return deeper;
      }
      throw new Error(`no area ${name}`);
    };
    const streetArea = await findArea('青阳街道', top);
    const q =
      'query($a: ID!, $after: String) { companies(area: $a, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { uscc standing { barredFromBidding } } } } }';
    const first = await t.partner(q, { a: streetArea }, key);
    expect(first.data.companies.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.data.companies.edges).toHaveLength(2);
    expect(first.data.companies.pageInfo.hasNextPage).toBe(true);
    const second = await t.partner(q, { a: streetArea, after: first.data.companies.pageInfo.endCursor }, key);
    const seen = [...first.data.companies.edges, ...second.data.companies.edges].map((e: { node: { uscc: string } }) => e.node.uscc);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...first.data.companies.edges, ...second.data.companies.edges].find((e: { node: { uscc: string } }) => e.node.uscc === black.uscc)?.node.standing.barredFromBidding).toBe(true);
  });

  it('records every partner request in the access log: key, queries, companies, outcome', async () => {
    const before = (await f.ok('{ _allPartnerAccessesMeta { count } }'))._allPartnerAccessesMeta.count;
    await t.partner(STANDING, { u: black.uscc }, key);
    await t.partner('{ redBlackList(period: "2025Q3") { edges { node { company { uscc } } } } }', {}, key);
    await t.partner('{ redBlackList(period: "2025Q3", first: 500) { totalCount } }', {}, key);
    await t.partner(STANDING, { u: black.uscc }, 'wyk_nope');
    await t.partner('query Hidden($u: String!) { ...F } fragment F on Query { companyStanding(uscc: $u) { asOf } }', { u: black.uscc }, key);
    const { allPartnerAccesses } = await f.ok('query($n: Int!) { allPartnerAccesses(perPage: $n) { keyId operationName queries companies outcome requestId createdAt } }', { n: 5 });
    expect((await f.ok('{ _allPartnerAccessesMeta { count } }'))._allPartnerAccessesMeta.count).toBe(before + 5);
    expect(allPartnerAccesses.map((a: Record<string, unknown>) => [a.keyId, a.operationName, a.queries, a.outcome])).toEqual([
      [keyId, 'Hidden', 'companyStanding', 'OK'],
      [null, 'Standing', 'companyStanding', 'UNAUTHENTICATED'],
      [keyId, null, 'redBlackList', 'BAD_USER_INPUT'],
      [keyId, null, 'redBlackList', 'OK'],
      [keyId, 'Standing', 'companyStanding', 'OK'],
    ]);
    expect(allPartnerAccesses[4].companies).toEqual([black.uscc]);
    expect(allPartnerAccesses[3].companies).toHaveLength(2);
    expect(allPartnerAccesses[3].companies).toContain(black.uscc);
    const byCompany = await f.ok('query($u: String!, $k: ID!) { _allPartnerAccessesMeta(filter: { uscc: $u, keyId: $k }) { count } }', { u: black.uscc, k: keyId });
    expect(byCompany._allPartnerAccessesMeta.count).toBeGreaterThanOrEqual(2);
    const office = await t.userWithRole(Role.PARTY_OFFICE);
    expect((await t.gql('{ _allPartnerAccessesMeta { count } }', {}, office.token)).data._allPartnerAccessesMeta.count).toBeGreaterThan(0);
  });

  it('refuses a revoked key with UNAUTHENTICATED, and logs the attempt under the key', async () => {
    const res = await f.ok('mutation($id: ID!) { revokePartnerKey(id: $id, reason: "协议到期") { active revokeReason revokedByName } }', { id: keyId });
    expect(res.revokePartnerKey).toEqual({ active: false, revokeReason: '协议到期', revokedByName: 'admin' });
    const refused = await t.partner(STANDING, { u: black.uscc }, key);
    expect([refused.status, codeOf(refused)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(refused.errors?.[0].message).toMatch(/revoked/);
    const { allPartnerAccesses } = await f.ok('{ allPartnerAccesses(perPage: 1) { keyId outcome } }');
    expect(allPartnerAccesses[0]).toEqual({ keyId, outcome: 'UNAUTHENTICATED' });
    const twice = await t.gql('mutation($id: ID!) { revokePartnerKey(id: $id, reason: "again") { id } }', { id: keyId }, admin);
    expect([codeOf(twice), twice.errors?.[0].extensions?.reason]).toEqual(['CONFLICT', 'ALREADY_REVOKED']);
  });
});

describe(`partner API: statements for a list page with stars history (${dbKind()})`, () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.adminToken();
    const f = await ratingFixture(t, admin, 'PTN02');
    key = (await f.ok('mutation { issuePartnerKey(name: "压测") { secret } }')).issuePartnerKey.secret;
    // 120 companies rated in three quarters; rows written directly (the rating service is tested elsewhere), then published through the API
    const ds = t.app.ds;
    const companies: PropertyCompany[] = [];
    for (let i = 0; i < 120; i++) {
      const base = `91350582PTN02${String(i).padStart(4, '0')}`;
      companies.push(ds.getRepository(PropertyCompany).create({ name: `历史物业${i}`, uscc: base + usccCheckChar(base) }));
    }
    await ds.getRepository(PropertyCompany).save(companies, { chunk: 40 });
    const quarters: Array<[string, string, string, string]> = [
      ['2024Q4', '2024-10-01', '2024-12-31', '2025-01-10'],
      ['2025Q1', '2025-01-01', '2025-03-31', '2025-04-10'],
      ['2025Q2', '2025-04-01', '2025-06-30', '2025-07-10'],
    ];
    for (const [qi, [code, start, end, on]] of quarters.entries()) {
      const period = await f.period(code, start, end);
      const ratings = await ds.getRepository(Rating).save(
        companies.map((c) => ds.getRepository(Rating).create({ periodId: Number(period), propertyCompanyId: c.id, subjectKey: subjectKey.company(c.id), subjectName: c.name })),
        { chunk: 40 },
      );
      const scores = ratings.flatMap((r, i) => Object.values(f.criteria).map((criterionId) => ({ ratingId: r.id, criterionId: Number(criterionId), score: 40 + ((i * 7 + qi * 13) % 60) })));
      for (let i = 0; i < scores.length; i += 200) await ds.getRepository(RatingScore).insert(scores.slice(i, i + 200));
      await f.ok('mutation($p: ID!, $d: LocalDate!) { publishRatingPeriod(periodId: $p, publishedOn: $d) { id } }', { p: period, d: on });
    }
    expect(await ds.getRepository(PublishedEntry).count()).toBe(360);
  }, 180_000);
  afterAll(() => t.close());

  const PAGE = `query($n: Int!) { redBlackList(period: "2025Q2", status: [RED, BLACK, NONE], first: $n) {
    totalCount edition { revision }
    edges { cursor node { rank stars listStatus company { uscc name starsHistory { stars listStatus period { code } edition { revision publishedOn } } } } } } }`;

  it('costs the same number of SQL statements for pages of 10, 50 and 100', async () => {
    const counts: number[] = [];
    for (const n of [10, 50, 100]) {
      t.sql.reset();
      const res = await t.partner(PAGE, { n }, key);
      expect(res.errors).toBeUndefined();
      expect(res.data.redBlackList.totalCount).toBe(120);
      expect(res.data.redBlackList.edges).toHaveLength(n);
      for (const e of res.data.redBlackList.edges) expect(e.node.company.starsHistory.map((h: { period: { code: string } }) => h.period.code)).toEqual(['2025Q2', '2025Q1', '2024Q4']);
      counts.push(t.sql.count);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBe(counts[2]);
    expect(counts[0]).toBeLessThanOrEqual(10);
  });
});

describe('partner schema file', () => {
  const sdl = fs.readFileSync(path.resolve(__dirname, '../../schema/partner.graphql'), 'utf8');
  const schema = buildSchema(sdl);

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && type.name !== 'Query') missing.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('dates every deprecation (@deprecated(reason: "… since YYYY-MM-DD …"))', () => {
    const reasons = [...sdl.matchAll(/@deprecated(?:\(reason: "([^"]*)"\))?/g)].map((m) => m[1] ?? '');
    expect(reasons.filter((r) => !/\d{4}-\d{2}-\d{2}/.test(r))).toEqual([]);
  });

  it('carries no personal data and nothing of the admin schema', () => {
    for (const name of ['Person', 'User', 'Membership', 'PostHolding', 'Rating', 'RatingScore', 'PartnerKey', 'PartnerAccess', 'AuditEvent', 'PropertyCompany']) {
      expect(schema.getType(name)).toBeUndefined();
    }
    expect(sdl).not.toMatch(/phone|mobile|address|idCard|evidence|actorName|publishedByName/i);
    expect(schema.getMutationType()).toBeUndefined();
  });
});
