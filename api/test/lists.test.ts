import { dbKind } from './db';
import { codeOf, startTestApp, type TestApp } from './harness';

/** The list shape react-admin's GraphQL providers use: page is 0-based, filters by field, ids, q. */
describe(`react-admin list operations (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let qingyang: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    qingyang = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
  });
  afterAll(() => t.close());

  it('pages, sorts and counts with a filter', async () => {
    const q = `query($f: UnitFilter, $p: Int, $n: Int) {
      allUnits(page: $p, perPage: $n, sortField: "name", sortOrder: "ASC", filter: $f) { id name kind }
      _allUnitsMeta(filter: $f) { count }
    }`;
    const f = { jurisdictionId: qingyang };
    const first = await t.gql(q, { f, p: 0, n: 5 }, admin);
    const second = await t.gql(q, { f, p: 1, n: 5 }, admin);
    expect(first.data._allUnitsMeta.count).toBe(12);
    expect(first.data.allUnits).toHaveLength(5);
    const names = [...first.data.allUnits, ...second.data.allUnits].map((u: { name: string }) => u.name);
    expect(new Set(names).size).toBe(10);
    expect([...names].sort()).toEqual(names.slice().sort());
  });

  it('filters by enum, by ids and by text (aliases included)', async () => {
    const stations = await t.gql('query($j: ID!) { allUnits(filter: { jurisdictionId: $j, kind: STATION }) { name aliases } }', { j: qingyang }, admin);
    expect(stations.data.allUnits.map((u: { name: string }) => u.name).sort()).toEqual(['综合执法队', '青阳市管所', '青阳派出所'].sort());
    const byAlias = await t.gql('{ allUnits(filter: { q: "市场监督管理所" }) { name } }', {}, admin);
    expect(byAlias.data.allUnits).toEqual([{ name: '青阳市管所' }]);
    const ids = stations.data.allUnits.length;
    const some = await t.gql('{ allUnits(perPage: 3) { id } }', {}, admin);
    const many = await t.gql('query($ids: [ID!]) { allUnits(filter: { ids: $ids }) { id } }', { ids: some.data.allUnits.map((u: { id: string }) => u.id) }, admin);
    expect(many.data.allUnits).toHaveLength(3);
    expect(ids).toBe(3);
  });

  it("lists a group's roster by role and an as-of date, and members by person name", async () => {
    const g = (await t.gql('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
    const deputies = await t.gql('query($g: ID!) { allMemberships(filter: { groupId: $g, role: DEPUTY, asOf: "2024-01-01" }) { sortOrder person { name } } }', { g }, admin);
    expect(deputies.data.allMemberships.map((m: { sortOrder: number }) => m.sortOrder)).toEqual([1, 2, 3, 4, 5, 6]);
    const before = await t.gql('query($g: ID!) { _allMembershipsMeta(filter: { groupId: $g, asOf: "2023-10-31" }) { count } }', { g }, admin);
    expect(before.data._allMembershipsMeta.count).toBe(0);
    const byName = await t.gql('{ allMemberships(filter: { q: "王泽永" }) { group { name } role } }', {}, admin);
    expect(byName.data.allMemberships).toHaveLength(2);
  });

  it('ignores text search on a type without searchable columns instead of failing', async () => {
    const all = await t.gql('{ _allPostHoldingsMeta { count } }', {}, admin);
    const searched = await t.gql('{ allPostHoldings(perPage: 2, filter: { q: "任何" }) { id } _allPostHoldingsMeta(filter: { q: "任何" }) { count } }', {}, admin);
    expect(searched.errors).toBeUndefined();
    expect(searched.data._allPostHoldingsMeta.count).toBe(all.data._allPostHoldingsMeta.count);
    const badIds = await t.gql('{ allAuditEvents(filter: { ids: ["abc"] }) { id } }', {}, admin);
    expect(codeOf(badIds)).toBe('BAD_USER_INPUT');
  });

  it('returns null for a missing id and NOT_FOUND when updating one', async () => {
    expect((await t.gql('{ Person(id: "999999") { id } }', {}, admin)).data.Person).toBeNull();
    expect(codeOf(await t.gql('mutation { updatePerson(id: "999999", name: "x") { id } }', {}, admin))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('{ Person(id: "abc") { id } }', {}, admin))).toBe('BAD_USER_INPUT');
  });
});
