import { dbKind } from '../../db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

/*
 * 物业服务覆盖 (issue 15; 000 附件 四(一), 001 四(四)1, 003 5): how a compound is served and since when;
 * periods never overlap; the period serving today is the compound's mode; the coverage indicator (无物业清零)
 * counts compounds served on the day. Fixed dates, both databases.
 */
describe(`property-service coverage (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let community: string;
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const compound = async () =>
    (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: community, n: `覆盖小区${++n}` })).createCompound.id as string;
  const period = (c: string, mode: string, since: string | null, until: string | null = null) =>
    t.gql(
      'mutation($c: ID!, $m: ManagementMode!, $s: LocalDate, $u: LocalDate) { createServiceCoverage(compoundId: $c, mode: $m, since: $s, until: $u) { id } }',
      { c, m: mode, s: since, u: until },
      admin,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const street = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    community = (await ok('mutation($p: ID!) { createJurisdiction(name: "覆盖测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
  });
  afterAll(() => t.close());

  it('records how a compound is served over time, refuses overlaps naming the period met, and keeps the compound’s mode to today’s period', async () => {
    const c = await compound();
    expect((await period(c, 'NONE', '2020-01-01', '2024-12-31')).errors).toBeUndefined();
    const fallback = await period(c, 'COMMUNITY_FALLBACK', '2025-01-01');
    expect(fallback.errors).toBeUndefined();
    expect((await ok('query($c: ID!) { Compound(id: $c) { managementMode } }', { c })).Compound.managementMode).toBe('COMMUNITY_FALLBACK');
    const clash = await period(c, 'SELF_MANAGED', '2024-06-01', '2024-08-31');
    expect(refusal(clash)).toEqual(['BAD_USER_INPUT', 'since', 'OVERLAP']);
    expect(refusal(await period(c, 'PROFESSIONAL', '2030-01-01'))).toEqual(['BAD_USER_INPUT', 'propertyCompanyId', 'REQUIRED']);
    expect(refusal(await period(c, 'SELF_MANAGED', '2031-02-01', '2031-01-01'))).toEqual(['BAD_USER_INPUT', 'until', 'END_BEFORE_START']);
    const on = async (d: string) => (await ok('query($c: ID!, $d: LocalDate) { Compound(id: $c) { managementModeOn(asOf: $d) } }', { c, d })).Compound.managementModeOn;
    expect([await on('2019-12-31'), await on('2024-12-31'), await on('2025-01-01')]).toEqual(['NONE', 'NONE', 'COMMUNITY_FALLBACK']);
  });

  it('counts the compounds served on the day for the coverage indicator (无物业清零)', async () => {
    const fresh = (
      await ok('mutation($p: ID!) { createJurisdiction(name: "覆盖率社区", level: COMMUNITY, parentId: $p) { id } }', {
        p: (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id,
      })
    ).createJurisdiction.id;
    const make = async () =>
      (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: fresh, n: `覆盖率小区${++n}` })).createCompound.id as string;
    const [a, b, c, d] = [await make(), await make(), await make(), await make()];
    await period(a, 'SELF_MANAGED', '2024-01-01');
    await period(b, 'NONE', null, '2025-03-31');
    await period(b, 'COMMUNITY_FALLBACK', '2025-04-01');
    await period(c, 'NONE', '2023-01-01');
    void d; // no period recorded: its management mode (无物业) counts
    const rate = (
      await ok('mutation($s: ID!) { createIndicator(name: "物业服务覆盖率", unit: PERCENT, comparator: GTE, target: 100, scopeId: $s, computed: PROPERTY_SERVICE_COVERAGE) { id } }', { s: fresh })
    ).createIndicator.id;
    const at = async (day: string) => (await ok('query($i: ID!, $d: LocalDate) { Indicator(id: $i) { actual(asOf: $d) } }', { i: rate, d: day })).Indicator.actual;
    expect(await at('2023-06-01')).toBe(0);
    expect(await at('2024-06-01')).toBe(25);
    expect(await at('2025-04-01')).toBe(50);
  });
});
