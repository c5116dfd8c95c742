import { dbKind } from '../../db';
import { codeOf, fieldOf, startTestApp, type TestApp } from '../../harness';

/*
 * Indicators computed from the compound ledger (issue 15, item 2), per jurisdiction and as of a day:
 * committee coverage and 自治组织覆盖, the party share of new committees, party-organisation coverage,
 * the three-star share of compound party branches from published ratings, 示范点 from accepted award
 * cases, per-compound (每个小区) targets counted compound by compound, and the status of a standing
 * target (no deadline) below target. Everything is placed in a community made for the test under
 * 青阳街道, and asked with `jurisdictionId` of that community, so nothing else in the database counts.
 */
describe(`indicators from the ledger (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let street: string;
  let community: string;
  let sites = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const compound = async () =>
    (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: community, n: `指标小区${++sites}` })).createCompound.id as string;
  const indicator = async (o: { computed?: string; unit?: string; target: number; deadline?: string | null; perCompound?: boolean; doc?: string }) =>
    (
      await ok(
        'mutation($s: ID!, $u: IndicatorUnit!, $t: Float!, $d: LocalDate, $c: ComputedMeasure, $p: Boolean, $doc: ID) { createIndicator(name: "测试指标", unit: $u, comparator: GTE, target: $t, scopeId: $s, deadline: $d, computed: $c, perCompound: $p, sourceDocumentId: $doc) { id } }',
        { s: street, u: o.unit ?? 'PERCENT', t: o.target, d: o.deadline ?? null, c: o.computed ?? null, p: o.perCompound ?? false, doc: o.doc ?? null },
      )
    ).createIndicator.id as string;
  const actual = async (id: string, asOf: string) =>
    (
      await ok('query($id: ID!, $d: LocalDate, $j: ID) { Indicator(id: $id) { actualDetail(asOf: $d, jurisdictionId: $j) { value source compoundsMeeting compounds } } }', {
        id,
        d: asOf,
        j: community,
      })
    ).Indicator.actualDetail;
  const committee = (compoundId: string, kind: string, formedOn: string, extra = '') =>
    ok(`mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ${kind}, formedOn: "${formedOn}"${extra}) { id } }`, { c: compoundId });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    street = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }')).allJurisdictions[0].id;
    community = (await ok('mutation($p: ID!) { createJurisdiction(name: "指标测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
  });
  afterAll(() => t.close());

  it('counts committees (elected) and self-governance (elected or provisional) compound by compound, as of the day', async () => {
    const rate = await indicator({ computed: 'OWNERS_COMMITTEE_RATE', target: 60, deadline: '2030-12-31' });
    const cover = await indicator({ computed: 'SELF_GOVERNANCE_COVERAGE', target: 100, deadline: '2030-12-31' });
    const [a, b, c, d] = [await compound(), await compound(), await compound(), await compound()];
    await committee(a, 'ELECTED', '2024-03-01');
    await committee(b, 'PROVISIONAL', '2024-06-01');
    await committee(c, 'ELECTED', '2020-01-01', ', dissolvedOn: "2024-01-31"');
    expect(await actual(rate, '2024-05-01')).toMatchObject({ value: 25, source: 'COMPUTED' });
    expect(await actual(cover, '2024-05-01')).toMatchObject({ value: 25 });
    expect(await actual(cover, '2024-06-01')).toMatchObject({ value: 50 });
    expect(await actual(rate, '2024-01-15')).toMatchObject({ value: 25 }); // c still served, a not yet formed
    expect(await actual(cover, '2023-12-31')).toMatchObject({ value: 25 });
    await committee(d, 'ELECTED', '2024-07-01');
    expect(await actual(rate, '2024-07-01')).toMatchObject({ value: 50 });
    expect(await actual(cover, '2024-07-01')).toMatchObject({ value: 75 });
  });

  it('is AT_RISK, never ON_TRACK, for a standing target (no deadline) below target today; MET once met', async () => {
    const cover = await indicator({ computed: 'SELF_GOVERNANCE_COVERAGE', target: 60, deadline: null });
    const status = async (d: string) =>
      (await ok('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { status(asOf: $d) actual(asOf: $d, jurisdictionId: null) } }', { id: cover, d })).Indicator.status;
    // in the whole street (its scope) some compounds have no committee: far below 60
    expect(await status('2024-05-01')).toBe('AT_RISK');
    const low = await indicator({ computed: 'SELF_GOVERNANCE_COVERAGE', target: 0, deadline: null });
    expect((await ok('query($id: ID!) { Indicator(id: $id) { status(asOf: "2024-05-01") } }', { id: low })).Indicator.status).toBe('MET');
    const far = await indicator({ computed: 'SELF_GOVERNANCE_COVERAGE', target: 100, deadline: '2030-12-31' });
    expect((await ok('query($id: ID!) { Indicator(id: $id) { status(asOf: "2024-05-01") } }', { id: far })).Indicator.status).toBe('ON_TRACK');
  });

  it('takes the party share of new committees member by member, from committees formed since the document', async () => {
    const doc = (await ok('mutation { createPolicyDocument(title: "指标测试文件", issuer: "青阳街道党工委", docNumber: "测〔2024〕1号", issueDate: "2024-06-01") { id } }')).createPolicyDocument.id;
    const share = await indicator({ computed: 'NEW_COMMITTEE_PARTY_SHARE', target: 50, deadline: '2030-12-31', doc });
    const x = await compound();
    const y = await compound();
    const old = await compound();
    await committee(x, 'ELECTED', '2024-08-01', ', memberCount: 7, partyMemberCount: 3');
    await committee(y, 'ELECTED', '2024-09-01', ', memberCount: 5, partyMemberCount: 4');
    await committee(old, 'ELECTED', '2023-01-01', ', memberCount: 9, partyMemberCount: 0');
    // (3 + 4) / (7 + 5) = 58.33 %, the 2023 committee is not new; not (42.86 + 80) / 2
    expect(await actual(share, '2024-10-01')).toMatchObject({ value: 58.33 });
    expect(await actual(share, '2024-08-15')).toMatchObject({ value: 42.86 });
  });

  it('takes the three-star share of serving compound party organisations from the latest published party-branch rating', async () => {
    const share = await indicator({ computed: 'THREE_STAR_BRANCH_SHARE', target: 40, deadline: '2030-12-31' });
    const org = async (name: string) =>
      (
        await ok('mutation($c: ID!, $n: String!) { createPartyOrganization(compoundId: $c, form: JOINT, formalMemberCount: 2, name: $n, formedOn: "2024-01-01") { id } }', {
          c: await compound(),
          n: name,
        })
      ).createPartyOrganization.id;
    const [p1, p2, p3] = [await org('一支部'), await org('二支部'), await org('三支部')];
    await org('四支部'); // never rated
    const { createRatingScheme } = await ok(
      'mutation($j: ID) { createRatingScheme(name: "测试党支部星级", jurisdictionId: $j, subjectKind: PARTY_BRANCH, periodKind: HALF_YEAR, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90, criteria: [{ code: "ALL", name: "综合", weight: 100 }]) { id criteria { id } } }',
      { j: street },
    );
    const criterion = createRatingScheme.criteria[0].id;
    const period = async (code: string, a: string, b: string) =>
      (
        await ok('mutation($s: ID!, $c: String!, $a: LocalDate!, $b: LocalDate!) { createRatingPeriod(schemeId: $s, code: $c, startDate: $a, endDate: $b) { id } }', {
          s: createRatingScheme.id,
          c: code,
          a,
          b,
        })
      ).createRatingPeriod.id;
    const rate = (p: string, o: string, score: number) =>
      ok('mutation($p: ID!, $o: ID!, $s: [ScoreInput!]) { createRating(periodId: $p, partyOrganizationId: $o, scores: $s) { id } }', { p, o, s: [{ criterionId: criterion, score }] });
    const h1 = await period('2024H1', '2024-01-01', '2024-06-30');
    await rate(h1, p1, 75); // 3 stars
    await rate(h1, p2, 95); // 5 stars
    await rate(h1, p3, 65); // 2 stars; p4 never rated
    expect(await actual(share, '2024-07-09')).toMatchObject({ value: 0 }); // rated, not yet published
    await ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2024-07-10") { id } }', { p: h1 });
    expect(await actual(share, '2024-07-10')).toMatchObject({ value: 50 }); // 2 of 4
    const h2 = await period('2024H2', '2024-07-01', '2024-12-31');
    await rate(h2, p1, 60); // dropped to 2 stars in the later period
    await ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2025-01-10") { id } }', { p: h2 });
    expect(await actual(share, '2024-12-31')).toMatchObject({ value: 50 });
    expect(await actual(share, '2025-01-10')).toMatchObject({ value: 25 }); // p1's latest is 2 stars; p2 keeps its H1 5 stars
  });

  it('counts demonstration sites from award cases the street accepted, by the day of acceptance', async () => {
    const sitesIndicator = await indicator({ computed: 'DEMONSTRATION_SITES', unit: 'COUNT', target: 2, deadline: '2030-12-31' });
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const open = async () =>
      (await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: 2024) { id } }', { p: programme, c: await compound() })).createAwardCase
        .id;
    const advance = (id: string, to: string, d: string) => ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id, to, d });
    const accepted = await open();
    for (const [to, d] of [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ])
      await advance(accepted, to, d);
    const halfway = await open();
    await advance(halfway, 'INSPECTED', '2024-06-01');
    expect(await actual(sitesIndicator, '2024-06-30')).toMatchObject({ value: 0 });
    expect(await actual(sitesIndicator, '2024-07-01')).toMatchObject({ value: 1, source: 'COMPUTED' });
  });

  it('counts a 每个小区 target compound by compound: met only when every compound meets it', async () => {
    const each = await indicator({ perCompound: true, unit: 'COUNT', target: 1, deadline: '2030-12-31' });
    const measure = (compoundId: string | null, value: number, on: string, jurisdictionId?: string) =>
      t.gql(
        'mutation($i: ID!, $c: ID, $j: ID, $d: LocalDate!, $v: Float!) { createIndicatorMeasurement(indicatorId: $i, compoundId: $c, jurisdictionId: $j, measuredOn: $d, value: $v) { id jurisdictionId } }',
        { i: each, c: compoundId, j: jurisdictionId ?? null, d: on, v: value },
        admin,
      );
    const compounds = (await ok('query($c: ID!) { allCompounds(filter: { communityId: $c }, perPage: 1000) { id } }', { c: community })).allCompounds.map((x: { id: string }) => x.id);
    // a street total of 50 would "meet" a target of 1: refused, it has to name the compound
    const total = await measure(null, 50, '2024-10-01', street);
    expect([codeOf(total), fieldOf(total), total.errors?.[0]?.extensions?.reason]).toEqual(['BAD_USER_INPUT', 'compoundId', 'REQUIRED']);
    const [first, second, ...rest] = compounds;
    const made = await measure(first, 2, '2024-10-01');
    expect(made.data.createIndicatorMeasurement.jurisdictionId).toBe(community);
    await measure(second, 0, '2024-10-01');
    expect(await actual(each, '2024-10-01')).toEqual({ value: 1, source: 'COMPUTED', compoundsMeeting: 1, compounds: compounds.length });
    const status = async (d: string) => (await ok('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { status(asOf: $d) } }', { id: each, d })).Indicator.status;
    // status is the indicator's, in its scope (the street, where the other compounds have none)
    expect(await status('2024-10-01')).toBe('ON_TRACK');
    for (const c of [second, ...rest]) await measure(c, 1, '2024-11-01');
    expect(await actual(each, '2024-11-01')).toMatchObject({ value: compounds.length, compoundsMeeting: compounds.length });
    expect(await actual(each, '2024-10-15')).toMatchObject({ value: 1 });
    expect(await status('2024-11-01')).toBe('MET');
    // a compound elsewhere in the street (the indicator's scope) without one: no longer met there
    const other = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const elsewhere = (await ok('mutation($c: ID!) { createCompound(name: "未达标小区", communityId: $c, managementMode: NONE) { id } }', { c: other })).createCompound.id;
    expect(await status('2024-11-01')).toBe('ON_TRACK');
    expect(await actual(each, '2024-11-01')).toMatchObject({ compoundsMeeting: compounds.length, compounds: compounds.length });
    await measure(elsewhere, 3, '2024-11-01');
    expect(await status('2024-11-01')).toBe('MET');

    // an indicator measured by jurisdiction does not take a compound
    const plain = await indicator({ unit: 'COUNT', target: 1, deadline: '2030-12-31' });
    const wrong = await t.gql('mutation($i: ID!, $c: ID!) { createIndicatorMeasurement(indicatorId: $i, compoundId: $c, measuredOn: "2024-10-01", value: 1) { id } }', { i: plain, c: first }, admin);
    expect([codeOf(wrong), fieldOf(wrong), wrong.errors?.[0]?.extensions?.reason]).toEqual(['BAD_USER_INPUT', 'compoundId', 'NOT_PER_COMPOUND']);
    const none = await t.gql('mutation($i: ID!) { createIndicatorMeasurement(indicatorId: $i, measuredOn: "2024-10-01", value: 1) { id } }', { i: plain }, admin);
    expect([codeOf(none), fieldOf(none)]).toEqual(['BAD_USER_INPUT', 'jurisdictionId']);
  });

  it('takes the 三有 companies’ party coverage company by company, and flags compounds without a party organisation as coverage counts them', async () => {
    const coverage = await indicator({ computed: 'THREE_HAVE_COMPANY_COVERAGE', target: 100, deadline: '2030-12-31' });
    const at = async (d: string) => (await ok('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { actual(asOf: $d) } }', { id: coverage, d })).Indicator.actual as number | null;
    const base = '91350582MA2TH';
    const company = async (k: number) => {
      const code = `${base}${String(k).padStart(3, '0')}1`;
      const { usccCheckChar } = await import('../../../src/common/uscc');
      return (
        await ok('mutation($n: String!, $u: String!, $j: ID) { createPropertyCompany(name: $n, uscc: $u, jurisdictionId: $j) { id } }', {
          n: `三有测试物业${k}`,
          u: `${code}${usccCheckChar(code)}`,
          j: street,
        })
      ).createPropertyCompany.id as string;
    };
    const [a, b, c] = [await company(1), await company(2), await company(3)];
    for (const x of [a, b]) await ok('mutation($c: ID!, $j: ID) { createThreeHaveDesignation(propertyCompanyId: $c, jurisdictionId: $j, designatedOn: "2025-01-01") { id } }', { c: x, j: street });
    await ok('mutation($c: ID!, $j: ID) { createThreeHaveDesignation(propertyCompanyId: $c, jurisdictionId: $j, designatedOn: "2025-09-01") { id } }', { c, j: street });
    await ok('mutation($c: ID!) { createPartyOrganization(propertyCompanyId: $c, form: SINGLE, name: "某物业党支部", formedOn: "2025-03-01", formalMemberCount: 5, secretaryName: "书记甲") { id } }', {
      c: a,
    });
    // the street's 三有 companies: a and b from 2025-01-01 (a's branch from 2025-03-01), c from 2025-09-01
    expect(await at('2024-12-31')).toBeNull();
    expect(await at('2025-02-01')).toBe(0);
    expect(await at('2025-06-01')).toBe(50);
    expect(await at('2025-10-01')).toBe(33.33);

    const [p, q] = [await compound(), await compound()];
    await ok('mutation($c: ID!) { createPartyOrganization(compoundId: $c, form: JOINT, name: "联合党支部", formedOn: "2025-05-01", formalMemberCount: 2) { id } }', { c: p });
    const flagged = async (d: string) =>
      (await ok('query($c: ID!, $d: LocalDate) { allCompounds(filter: { communityId: $c, flags: [NO_PARTY_ORGANIZATION], asOf: $d }, perPage: 1000) { id } }', { c: community, d })).allCompounds.map(
        (x: { id: string }) => x.id,
      );
    expect(await flagged('2025-04-30')).toEqual(expect.arrayContaining([p, q]));
    expect(await flagged('2025-05-01')).toEqual(expect.arrayContaining([q]));
    expect(await flagged('2025-05-01')).not.toContain(p);
    // the flag and the coverage indicator count the same compounds
    const rate = await indicator({ computed: 'PARTY_ORGANIZATION_RATE', target: 100, deadline: '2030-12-31' });
    const all = (await ok('query($c: ID!) { _allCompoundsMeta(filter: { communityId: $c }) { count } }', { c: community }))._allCompoundsMeta.count;
    const rateOn = (await actual(rate, '2025-05-01')).value;
    expect(rateOn).toBe(Math.round(((all - (await flagged('2025-05-01')).length) / all) * 10000) / 100);
  });

  it('marks the seeded targets the ledger answers as computed, and 每个小区 微实事 as per compound', async () => {
    const all = (await ok('{ allIndicators(perPage: 100) { name computed perCompound } }')).allIndicators as Array<{ name: string; computed: string | null; perCompound: boolean }>;
    const of = (name: string) => all.filter((i) => i.name === name);
    expect(of('小区业主自治组织覆盖').map((i) => i.computed)).toEqual(['SELF_GOVERNANCE_COVERAGE']);
    expect(of('达到三星级及以上评价标准的小区党组织比率').map((i) => i.computed)).toEqual(['THREE_STAR_BRANCH_SHARE', 'THREE_STAR_BRANCH_SHARE']);
    expect(of('“红色物业”示范点或先锋岗').map((i) => i.computed)).toEqual(['DEMONSTRATION_SITES']);
    expect(of('“三有”物业服务企业党组织覆盖率').map((i) => i.computed)).toEqual(['THREE_HAVE_COMPANY_COVERAGE']);
    expect(of('每个小区“微实事”项目').map((i) => i.perCompound)).toEqual([true]);
  });
});
