import { dbKind } from '../../db';
import { codeOf, fieldOf, startTestApp, type TestApp } from '../../harness';

const DETAIL = 'value source rollsUp measuredOn rolledUp rolledUpOldestOn reported below belowLevel communitiesReported communities';

/** 指标汇总: typed figures of communities add up to their street, streets to their county and city; shares are never averaged. */
describe(`indicator roll-up (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  /** Jurisdiction ids by name, and the children of each. */
  const id: Record<string, string> = {};
  const children: Record<string, string[]> = {};

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, admin);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const indicator = async (name: string, unit: 'COUNT' | 'PERCENT', scope: string, target = 5) =>
    (
      await gql('mutation($n: String!, $u: IndicatorUnit!, $s: ID!, $t: Float!) { createIndicator(name: $n, unit: $u, comparator: GTE, target: $t, scopeId: $s) { id } }', {
        n: name,
        u: unit,
        s: id[scope],
        t: target,
      })
    ).createIndicator.id as string;
  const measure = (indicatorId: string, place: string, value: number, on = '2025-03-01') =>
    gql('mutation($i: ID!, $j: ID!, $d: LocalDate!, $v: Float!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: $d, value: $v) { id } }', {
      i: indicatorId,
      j: id[place] ?? place,
      d: on,
      v: value,
    });
  /** The actual of an indicator in a place (its scope when none is named) as of a date. */
  const actual = async (indicatorId: string, place?: string, asOf = '2025-06-01') =>
    (
      await gql(`query($id: ID!, $d: LocalDate, $j: ID) { Indicator(id: $id) { actual(asOf: $d, jurisdictionId: $j) status(asOf: $d) actualDetail(asOf: $d, jurisdictionId: $j) { ${DETAIL} } } }`, {
        id: indicatorId,
        d: asOf,
        j: place ? id[place] : null,
      })
    ).Indicator;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const all = (await gql('{ allJurisdictions(perPage: 500) { id name children { id } } }')).allJurisdictions as Array<{ id: string; name: string; children: Array<{ id: string }> }>;
    for (const j of all) {
      id[j.name] = j.id;
      children[j.name] = j.children.map((c) => c.id);
    }
  });
  afterAll(() => t.close());

  it('adds 阳光社区 = 2 and 莲屿社区 = 1 up to 青阳街道 = 3, saying it was rolled up and how many communities reported', async () => {
    const ind = await indicator('示范点（汇总测试）', 'COUNT', '青阳街道', 3);
    await measure(ind, '阳光社区', 2);
    await measure(ind, '莲屿社区', 1);
    const street = await actual(ind);
    expect(street.actual).toBe(3);
    expect(street.status).toBe('MET');
    expect(street.actualDetail).toEqual({
      value: 3,
      source: 'ROLLED_UP',
      rollsUp: true,
      measuredOn: null,
      rolledUp: 3,
      rolledUpOldestOn: '2025-03-01',
      reported: 2,
      below: children['青阳街道'].length,
      belowLevel: 'COMMUNITY',
      communitiesReported: 2,
      communities: children['青阳街道'].length,
    });
    // A community's own figure is measured; one with nothing typed has none.
    expect((await actual(ind, '阳光社区')).actualDetail).toMatchObject({ value: 2, source: 'MEASURED', measuredOn: '2025-03-01', rolledUp: null, reported: 0, below: 0 });
    expect((await actual(ind, '青华社区')).actualDetail).toMatchObject({ value: null, source: 'NONE' });
    // Each community counts with its latest figure on or before the date, not its history.
    await measure(ind, '阳光社区', 4, '2025-05-01');
    expect((await actual(ind, undefined, '2025-04-01')).actual).toBe(3);
    expect((await actual(ind)).actualDetail).toMatchObject({ value: 5, rolledUpOldestOn: '2025-03-01', reported: 2 });
    expect((await actual(ind, undefined, '2025-02-01')).actualDetail).toMatchObject({ value: null, source: 'NONE', rolledUp: null, reported: 0, communitiesReported: 0 });
  });

  it('adds streets up to their county and counties to the city, a street that typed its own figure counting with it', async () => {
    const ind = await indicator('新增智能设施（汇总测试）', 'COUNT', '泉州市', 10);
    await measure(ind, '阳光社区', 2);
    await measure(ind, '莲屿社区', 1);
    expect((await actual(ind, '晋江市')).actualDetail).toMatchObject({
      value: 3,
      source: 'ROLLED_UP',
      reported: 1,
      below: 1,
      belowLevel: 'TOWNSHIP',
      communitiesReported: 2,
      communities: children['青阳街道'].length,
    });
    // 宝盖镇 typed 4 for itself: its villages' figures (here 龙穴社区's 10) stay out of the city's sum.
    await measure(ind, '宝盖镇', 4);
    await measure(ind, '龙穴社区', 10);
    const communities = children['青阳街道'].length + children['宝盖镇'].length;
    expect((await actual(ind)).actualDetail).toMatchObject({
      value: 7,
      source: 'ROLLED_UP',
      reported: 2,
      below: children['泉州市'].length,
      belowLevel: 'COUNTY',
      communitiesReported: 2 + children['宝盖镇'].length,
      communities,
    });
    expect((await actual(ind, '石狮市')).actualDetail).toMatchObject({ value: 4, source: 'ROLLED_UP', communitiesReported: children['宝盖镇'].length });
    expect((await actual(ind, '宝盖镇')).actualDetail).toMatchObject({ value: 4, source: 'MEASURED', rolledUp: 10, reported: 1 });
  });

  it('lets the figure typed for a jurisdiction win over the sum below it, and still gives the sum', async () => {
    const ind = await indicator('安全生产标准化（汇总测试）', 'COUNT', '青阳街道', 20);
    await measure(ind, '阳光社区', 2);
    await measure(ind, '莲屿社区', 1);
    // Own figure dated earlier than the communities': it still wins (the street answers for its whole area).
    await measure(ind, '青阳街道', 12, '2025-01-15');
    const street = await actual(ind);
    expect(street.actual).toBe(12);
    expect(street.actualDetail).toMatchObject({ value: 12, source: 'MEASURED', measuredOn: '2025-01-15', rolledUp: 3, reported: 2, communitiesReported: 2 });
    // The county above counts the street's own figure, covering all of its communities.
    expect((await actual(ind, '晋江市')).actualDetail).toMatchObject({ value: 12, source: 'ROLLED_UP', rolledUpOldestOn: '2025-01-15', communitiesReported: children['青阳街道'].length });
  });

  it('never averages a share typed by hand: the street has none until it types its own', async () => {
    const ind = await indicator('公示率（汇总测试）', 'PERCENT', '青阳街道', 90);
    await measure(ind, '阳光社区', 80);
    await measure(ind, '莲屿社区', 40);
    const street = await actual(ind);
    expect(street).toMatchObject({ actual: null, status: 'AT_RISK' });
    expect(street.actualDetail).toEqual({
      value: null,
      source: 'NONE',
      rollsUp: false,
      measuredOn: null,
      rolledUp: null,
      rolledUpOldestOn: null,
      reported: null,
      below: null,
      belowLevel: null,
      communitiesReported: null,
      communities: null,
    });
    expect((await actual(ind, '阳光社区')).actualDetail).toMatchObject({ value: 80, source: 'MEASURED', rollsUp: false });
    await measure(ind, '青阳街道', 95, '2025-04-01');
    expect(await actual(ind)).toMatchObject({ actual: 95, status: 'MET', actualDetail: { source: 'MEASURED', rolledUp: null } });
  });

  it('says a computed rate is computed, and refuses a jurisdiction id that is not one, naming it', async () => {
    const rates = (await gql('{ allIndicators(perPage: 200) { id computed actual actualDetail { value source rollsUp } } }')).allIndicators as Array<{
      computed: string | null;
      actual: number | null;
      actualDetail: { value: number | null; source: string; rollsUp: boolean };
    }>;
    for (const r of rates.filter((x) => x.computed)) {
      expect(r.actualDetail).toEqual({ value: r.actual, source: r.actual === null ? 'NONE' : 'COMPUTED', rollsUp: false });
    }
    const bad = await t.gql('{ allIndicators(perPage: 1) { actualDetail(jurisdictionId: "abc") { value } } }', {}, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldOf(bad)).toBe('jurisdictionId');
  });

  it('answers every indicator at every level with the same statements however many indicators, places and measurements', async () => {
    const Q = `query($j: ID) { allIndicators(perPage: 200) { id actual status actualDetail { ${DETAIL} } here: actualDetail(jurisdictionId: $j) { value source reported } } }`;
    const statements = async () => {
      t.sql.reset();
      const res = await t.gql(Q, { j: id['晋江市'] }, admin);
      expect(res.errors).toBeUndefined();
      return { all: t.sql.count, measurements: t.sql.statements.filter((q) => /FROM [`"]?indicator_measurement/.test(q)).length, rows: res.data.allIndicators.length };
    };
    const before = await statements();
    // More indicators, measured in every community of both streets, some several times.
    for (let k = 0; k < 3; k++) {
      const ind = await indicator(`批量指标${k}（汇总测试）`, k === 2 ? 'PERCENT' : 'COUNT', '泉州市', 10);
      for (const c of [...children['青阳街道'], ...children['宝盖镇']]) {
        await measure(ind, c, k + 1, '2025-02-01');
        await measure(ind, c, k + 2, '2025-03-01');
      }
    }
    const after = await statements();
    expect(after.rows).toBe(before.rows + 3);
    expect(after.all).toBe(before.all);
    // user, page, then per place asked (each indicator's scope, and 晋江市): the tree, the latest
    // measurements typed by jurisdiction, and for the computed rates compounds, party organisations,
    // committees, documents, complaints, practical matters. (The seeded 每个小区 target is computed
    // from the 微实事 now: no indicator here is typed compound by compound, so that read is not made.)
    expect(after.all).toBeLessThanOrEqual(2 + 2 * 9);
    expect(after.measurements).toBe(2);
    const ind = (await gql('{ allIndicators(filter: { q: "批量指标0" }) { actualDetail { value communitiesReported communities } } }')).allIndicators[0];
    const n = children['青阳街道'].length + children['宝盖镇'].length;
    expect(ind.actualDetail).toEqual({ value: 2 * n, communitiesReported: n, communities: n });
  });
});
