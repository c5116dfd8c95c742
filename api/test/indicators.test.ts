import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

describe(`policy indicators (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let rate: { id: string; target: number; deadline: string };
  let communities: string[];
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const ind = (await t.gql('{ allIndicators(perPage: 100) { id name target deadline computed printed scope { name } sourceClause { number } } }', {}, admin)).data.allIndicators;
    rate = ind.find((i: { computed: string; deadline: string; scope: { name: string } }) => i.computed === 'OWNERS_COMMITTEE_RATE' && i.scope.name === '青阳街道');
    const street = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id children { id } } }', {}, admin)).data.allJurisdictions[0];
    communities = street.children.map((c: { id: string }) => c.id);
  });
  afterAll(() => t.close());

  it('seeds every numeric target of the documents, each citing its clause', async () => {
    const all = (await t.gql('{ allIndicators(perPage: 100) { name unit comparator target deadline deadlineText sourceClause { number } sourceDocument { docNumber } } }', {}, admin)).data
      .allIndicators;
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.every((i: { sourceDocument: unknown }) => i.sourceDocument !== null)).toBe(true);
    expect(rate).toMatchObject({ target: 60, deadline: '2024-12-31', sourceClause: { number: '二(二)' } });
    const quanzhou = all.filter((i: { target: number; deadline: string }) => i.deadline === '2025-05-31' && i.target === 80);
    expect(quanzhou).toHaveLength(1);
  });

  it("computes the committee rate from compounds and changes when a compound gains an owners' committee", async () => {
    const make = async (name: string, community: string) =>
      (await t.gql('mutation($n: String!, $c: ID!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { n: name, c: community }, admin)).data.createCompound.id;
    const a = await make('甲小区', communities[0]);
    await make('乙小区', communities[1]);
    await make('丙小区', communities[2]);
    await make('丁小区', communities[3]);
    const actual = async (d: string) => (await t.gql('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { actual(asOf: $d) status(asOf: $d) } }', { id: rate.id, d }, admin)).data.Indicator;
    expect(await actual('2024-11-20')).toEqual({ actual: 0, status: 'ON_TRACK' });
    const created = await t.gql(
      'mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2024-11-25", memberCount: 7, partyMemberCount: 3) { id partyShare belowPartyShare } }',
      { c: a },
      admin,
    );
    expect(created.data.createOwnersCommittee).toMatchObject({ partyShare: 42.86, belowPartyShare: true });
    expect(await actual('2024-11-24')).toEqual({ actual: 0, status: 'ON_TRACK' });
    expect(await actual('2024-12-05')).toEqual({ actual: 25, status: 'AT_RISK' });
    expect(await actual('2025-01-01')).toEqual({ actual: 25, status: 'MISSED' });
    for (const c of (await t.gql('{ allCompounds(perPage: 10) { id name } }', {}, admin)).data.allCompounds.filter((x: { name: string }) => x.name !== '甲小区')) {
      await t.gql('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2024-12-01") { id } }', { c: c.id }, admin);
    }
    expect(await actual('2024-12-05')).toEqual({ actual: 100, status: 'MET' });
  });

  it('refuses a percentage of 120 and a committee with more party members than members, naming the field, writing nothing', async () => {
    const count = async () => (await t.gql('{ i: _allIndicatorsMeta { count } m: _allIndicatorMeasurementsMeta { count } a: _allAuditEventsMeta { count } }', {}, admin)).data;
    const before = await count();
    const street = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    const bad = await t.gql('mutation($s: ID!) { createIndicator(name: "某比率", unit: PERCENT, comparator: GTE, target: 120, scopeId: $s) { id } }', { s: street }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bad)).toBe('target');
    const typed = (await t.gql('{ allIndicators(perPage: 100) { id computed unit } }', {}, admin)).data.allIndicators.find(
      (i: { computed: null; unit: string }) => !i.computed && i.unit === 'PERCENT',
    );
    const m = await t.gql(
      'mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2024-11-30", value: 120) { id } }',
      { i: typed.id, j: street },
      admin,
    );
    expect(fieldOf(m)).toBe('value');
    const unknown = await t.gql('mutation { createIndicatorMeasurement(indicatorId: "999999", jurisdictionId: "1", measuredOn: "2024-11-30", value: 10) { id } }', {}, admin);
    expect(fieldOf(unknown)).toBe('indicatorId');
    const comp = (await t.gql('{ allCompounds(perPage: 1) { id } }', {}, admin)).data.allCompounds[0].id;
    const oc = await t.gql('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: PROVISIONAL, formedOn: "2024-11-01", memberCount: 5, partyMemberCount: 6) { id } }', { c: comp }, admin);
    expect(fieldOf(oc)).toBe('partyMemberCount');
    expect(await count()).toEqual(before);
  });

  it('uses the latest typed measurement where nothing can be computed', async () => {
    const street = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    // 004 二(六) 保安人员培训 (25% by the end of 2024): no record computes it, so it is typed
    const training = (await t.gql('{ allIndicators(filter: { q: "保安人员培训" }, perPage: 10) { id deadline computed } }', {}, admin)).data.allIndicators.find(
      (i: { deadline: string }) => i.deadline === '2024-12-31',
    );
    expect(training.computed).toBeNull();
    await t.gql('mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2024-11-30", value: 9) { id } }', { i: training.id, j: street }, admin);
    await t.gql('mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2024-12-20", value: 26.5) { id } }', { i: training.id, j: street }, admin);
    const at = async (d: string) => (await t.gql('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { actual(asOf: $d) status(asOf: $d) } }', { id: training.id, d }, admin)).data.Indicator;
    expect(await at('2024-11-29')).toEqual({ actual: null, status: 'AT_RISK' });
    expect(await at('2024-12-01')).toEqual({ actual: 9, status: 'AT_RISK' });
    expect(await at('2024-12-21')).toEqual({ actual: 26.5, status: 'MET' });
  });

  it('answers actual and status for all 37 indicators with a fixed number of statements, not one per indicator', async () => {
    t.sql.reset();
    const res = await t.gql('{ allIndicators(perPage: 100) { id actual status } }', {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.allIndicators).toHaveLength(37);
    // user, page, then once for the batch: the jurisdiction tree, the measurements typed by jurisdiction,
    // compounds, and what the computed measures read (party organisations, committees, documents,
    // published party-branch stars, accepted award cases, the complaints' grouped counts, practical
    // matters and their steps). No seeded target is typed compound by compound any more (the 微实事 one
    // is computed), so that read is not made.
    expect(t.sql.count).toBeLessThanOrEqual(13);
    expect(t.sql.statements.filter((q) => /FROM [`"]?indicator_measurement/.test(q))).toHaveLength(1);
  });
});
