import { Role } from '../../../src/common/roles';
import { disclosureDueOn, disclosureStatus, latestDueQuarter } from '../../../src/modules/public-revenue/public-revenue.rules';
import { dbKind } from '../../db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

/*
 * 公共收益 (issue 15; 001 三(三)1, 000 附件 三(一), 002 三.3): a quarter is disclosed by the end of the
 * first month of the next quarter, late after that, overdue when not disclosed by then; the yearly audit
 * names its auditor and outcome. Fixed dates, both databases; the compound flag and the indicator say
 * what the rule functions say.
 */
describe(`public revenue (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let community: string;
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const compound = async (c = community) =>
    (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c, n: `收益小区${++n}` })).createCompound.id as string;
  const disclose = (compoundId: string, year: number, quarter: number, disclosedOn: string, token = admin) =>
    t.gql(
      'mutation($c: ID!, $y: Int!, $q: Int!, $d: LocalDate!) { createRevenueDisclosure(compoundId: $c, year: $y, quarter: $q, disclosedOn: $d, evidence: "小区公示栏") { id dueOn status(asOf: "2026-01-01") communityId } }',
      { c: compoundId, y: year, q: quarter, d: disclosedOn },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const street = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }')).allJurisdictions[0].id;
    community = (await ok('mutation($p: ID!) { createJurisdiction(name: "收益测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
  });
  afterAll(() => t.close());

  it('dues Q1 2025 on 2025-04-30 and Q4 on 31 January of the next year; late from the day after', () => {
    expect(disclosureDueOn(2025, 1)).toBe('2025-04-30');
    expect(disclosureDueOn(2025, 2)).toBe('2025-07-31');
    expect(disclosureDueOn(2025, 3)).toBe('2025-10-31');
    expect(disclosureDueOn(2024, 4)).toBe('2025-01-31');
    expect(disclosureStatus(2025, 1, null, '2025-04-30')).toBe('NOT_DUE');
    expect(disclosureStatus(2025, 1, null, '2025-05-01')).toBe('OVERDUE');
    expect(disclosureStatus(2025, 1, '2025-04-30', '2025-05-01')).toBe('ON_TIME');
    expect(disclosureStatus(2025, 1, '2025-05-03', '2025-06-01')).toBe('LATE');
    expect(disclosureStatus(2025, 1, '2025-05-03', '2025-05-02')).toBe('OVERDUE');
    expect(latestDueQuarter('2025-05-01')).toEqual({ year: 2025, quarter: 1 });
    expect(latestDueQuarter('2025-04-30')).toEqual({ year: 2024, quarter: 4 });
    expect(latestDueQuarter('2025-02-01')).toEqual({ year: 2024, quarter: 4 });
    expect(latestDueQuarter('2025-01-31')).toEqual({ year: 2024, quarter: 3 });
    expect(latestDueQuarter('2026-01-01')).toEqual({ year: 2025, quarter: 3 });
  });

  it('records a disclosure with its due day and status, the community taken from the compound', async () => {
    const c = await compound();
    const on = (await disclose(c, 2025, 1, '2025-04-30')).data.createRevenueDisclosure;
    expect(on).toMatchObject({ dueOn: '2025-04-30', status: 'ON_TIME', communityId: community });
    const late = (await disclose(c, 2025, 2, '2025-08-01')).data.createRevenueDisclosure;
    expect(late).toMatchObject({ dueOn: '2025-07-31', status: 'LATE' });
    const quarters = (await ok('query($c: ID!) { Compound(id: $c) { disclosureQuarters(asOf: "2025-11-01", quarters: 4) { year quarter dueOn status disclosure { disclosedOn } } } }', { c })).Compound
      .disclosureQuarters;
    expect(quarters.map((q: { year: number; quarter: number; status: string }) => `${q.year}Q${q.quarter}:${q.status}`)).toEqual(['2025Q3:OVERDUE', '2025Q2:LATE', '2025Q1:ON_TIME', '2024Q4:OVERDUE']);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const c = await compound();
    const count = async () => (await ok('{ _allRevenueDisclosuresMeta { count } }'))._allRevenueDisclosuresMeta.count;
    const before = await count();
    expect(refusal(await disclose(c, 2025, 1, '2025-03-30'))).toEqual(['BAD_USER_INPUT', 'disclosedOn', 'BEFORE_QUARTER_END']);
    expect(refusal(await disclose(c, 2025, 5, '2025-04-10'))).toEqual(['BAD_USER_INPUT', 'quarter', expect.any(String)]);
    expect(refusal(await disclose(c, 2099, 1, '2099-04-10'))).toEqual(['BAD_USER_INPUT', 'disclosedOn', 'FUTURE_DATE']);
    const blank = await t.gql('mutation($c: ID!) { createRevenueDisclosure(compoundId: $c, year: 2025, quarter: 1, disclosedOn: "2025-04-10", evidence: "  ") { id } }', { c }, admin);
    expect(refusal(blank).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'evidence']);
    await disclose(c, 2025, 1, '2025-04-10');
    const twice = await disclose(c, 2025, 1, '2025-04-12');
    expect(refusal(twice)).toEqual(['CONFLICT', expect.any(String), 'DUPLICATE']);
    expect(await count()).toBe(before + 1);
    const audit = await t.gql('mutation($c: ID!) { createRevenueAudit(compoundId: $c, year: 2025, auditor: "审计所", auditedOn: "2024-12-31", outcome: NO_ISSUES) { id } }', { c }, admin);
    expect(refusal(audit)).toEqual(['BAD_USER_INPUT', 'auditedOn', 'BEFORE_AUDITED_YEAR']);
  });

  it('records the yearly audit with its auditor and outcome, one per year', async () => {
    const c = await compound();
    const made = await ok(
      'mutation($c: ID!) { createRevenueAudit(compoundId: $c, year: 2024, auditor: "泉州某会计师事务所", auditedOn: "2025-03-15", outcome: ISSUES_FOUND, findings: "停车收益未入账") { id year auditor outcome } }',
      { c },
    );
    expect(made.createRevenueAudit).toMatchObject({ year: 2024, auditor: '泉州某会计师事务所', outcome: 'ISSUES_FOUND' });
    const again = await t.gql('mutation($c: ID!) { createRevenueAudit(compoundId: $c, year: 2024, auditor: "另一所", auditedOn: "2025-04-01", outcome: NO_ISSUES) { id } }', { c }, admin);
    expect(refusal(again)[2]).toBe('DUPLICATE');
    expect((await ok('query($c: ID!) { Compound(id: $c) { revenueAudits { year outcome } } }', { c })).Compound.revenueAudits).toEqual([{ year: 2024, outcome: 'ISSUES_FOUND' }]);
  });

  it('lets a community’s staff record their own compounds’ disclosures, not another community’s', async () => {
    const yangguang = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } allUnits(filter: { q: "阳光社区" }) { id } }')) as {
      allJurisdictions: Array<{ id: string }>;
      allUnits: Array<{ id: string }>;
    };
    const staff = await t.userWithRole(Role.UNIT_STAFF, yangguang.allUnits[0].id);
    const mine = await compound(yangguang.allJurisdictions[0].id);
    const theirs = await compound();
    expect((await disclose(mine, 2025, 1, '2025-04-20', staff.token)).errors).toBeUndefined();
    // another community's compound is, to them, no compound at all
    expect(refusal(await disclose(theirs, 2025, 1, '2025-04-20', staff.token))).toEqual(['BAD_USER_INPUT', 'compoundId', 'UNKNOWN_REFERENCE']);
  });

  it('flags the compounds whose latest due quarter is not disclosed, as the rule says, and rates the area', async () => {
    const fresh = (
      await ok(
        'mutation { createJurisdiction(name: "收益标记社区", level: COMMUNITY, parentId: "' + (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id + '") { id } }',
      )
    ).createJurisdiction.id;
    const [a, b, c, d] = [await compound(fresh), await compound(fresh), await compound(fresh), await compound(fresh)];
    const made: Record<string, Array<[number, number, string]>> = {
      [a]: [
        [2025, 1, '2025-04-20'],
        [2025, 2, '2025-07-30'],
      ],
      [b]: [[2025, 1, '2025-05-10']],
      [c]: [[2024, 4, '2025-01-20']],
      [d]: [],
    };
    for (const [id, rows] of Object.entries(made)) for (const [y, q, on] of rows) expect((await disclose(id, y, q, on)).errors).toBeUndefined();
    const rate = (
      await ok('query($s: ID!) { createIndicator(name: "公共收益公示率", unit: PERCENT, comparator: GTE, target: 100, scopeId: $s, computed: DISCLOSURE_RATE) { id } }'.replace('query', 'mutation'), {
        s: fresh,
      })
    ).createIndicator.id;
    for (const day of ['2025-02-01', '2025-04-30', '2025-05-01', '2025-05-10', '2025-07-31', '2025-08-01']) {
      const { year, quarter } = latestDueQuarter(day);
      const want = Object.entries(made)
        .filter(([, rows]) => !rows.some(([y, q, on]) => y === year && q === quarter && on <= day))
        .map(([id]) => id)
        .sort();
      const flagged = (await ok('query($c: ID!, $d: LocalDate) { allCompounds(filter: { communityId: $c, flags: [DISCLOSURE_OVERDUE], asOf: $d }) { id } }', { c: fresh, d: day })).allCompounds
        .map((x: { id: string }) => x.id)
        .sort();
      expect({ day, flagged }).toEqual({ day, flagged: want });
      const actual = (await ok('query($i: ID!, $d: LocalDate) { Indicator(id: $i) { actual(asOf: $d) } }', { i: rate, d: day })).Indicator.actual;
      expect({ day, actual }).toEqual({ day, actual: Math.round(((4 - want.length) / 4) * 10000) / 100 });
    }
  });
});
