import { dbKind } from '../../db';
import { startTestApp, type TestApp } from '../../harness';

/*
 * The targets of 004 二(十) (每个小区策划开展至少1个微实事, year end) and 003 §2 (十件实事 问题销号), computed
 * from the practical matters as of a day (issue 16, item 6). A street made for the test holds three
 * compounds, so the seeded 微实事 target asked for that street counts only them.
 */
describe(`indicators from practical matters (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let street: string;
  const compounds: string[] = [];

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const matter = async (compound: number, kind: string, category: string, openedOn: string) =>
    (
      await ok(
        'mutation($c: ID!, $k: PracticalMatterKind!, $g: PracticalMatterCategory!, $d: LocalDate!) { createPracticalMatter(compoundId: $c, kind: $k, category: $g, title: "实事", openedOn: $d) { id } }',
        {
          c: compounds[compound],
          k: kind,
          g: category,
          d: openedOn,
        },
      )
    ).createPracticalMatter.id as string;
  const move = (id: string, to: string, date: string, extra = '') => ok(`mutation { advancePracticalMatter(id: "${id}", to: ${to}, date: "${date}"${extra}) { id } }`);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const { allJurisdictions } = await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id parentId } }');
    street = (await ok('mutation($p: ID!) { createJurisdiction(name: "实事指标街道", level: TOWNSHIP, parentId: $p) { id } }', { p: allJurisdictions[0].parentId })).createJurisdiction.id;
    const community = (await ok('mutation($p: ID!) { createJurisdiction(name: "实事指标社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
    for (const n of ['一', '二', '三']) {
      compounds.push(
        (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: community, n: `实事指标${n}号小区` })).createCompound.id,
      );
    }
  });
  afterAll(() => t.close());

  it('counts the compounds with a 微实事 opened in the target’s year by the day (the seeded 004 二(十) target)', async () => {
    const { allIndicators } = await ok('{ allIndicators(filter: { q: "微实事" }) { id computed perCompound deadline } }');
    expect(allIndicators).toHaveLength(1);
    expect(allIndicators[0]).toMatchObject({ computed: 'MICRO_PROJECTS', perCompound: true, deadline: '2024-12-31' });
    const detail = async (asOf: string) =>
      (
        await ok('query($id: ID!, $d: LocalDate, $j: ID) { Indicator(id: $id) { actualDetail(asOf: $d, jurisdictionId: $j) { value source compoundsMeeting compounds } } }', {
          id: allIndicators[0].id,
          d: asOf,
          j: street,
        })
      ).Indicator.actualDetail;

    await matter(0, 'MICRO_PROJECT', 'LIGHTING', '2024-11-20');
    await matter(0, 'MICRO_PROJECT', 'ROAD', '2024-12-01');
    await matter(1, 'MICRO_PROJECT', 'GREENERY', '2024-12-20');
    // a ten-matters item is not a 微实事, and one opened the year before is not this year's
    await matter(2, 'TEN_MATTERS', 'SECURITY', '2024-11-01');
    await matter(2, 'MICRO_PROJECT', 'DRAINAGE', '2023-10-01');

    expect(await detail('2024-11-30')).toEqual({ value: 1, source: 'COMPUTED', compoundsMeeting: 1, compounds: 3 });
    expect(await detail('2024-12-31')).toEqual({ value: 2, source: 'COMPUTED', compoundsMeeting: 2, compounds: 3 });
    const status = async (asOf: string) => (await ok('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { status(asOf: $d) } }', { id: allIndicators[0].id, d: asOf })).Indicator.status;
    // in its own scope (青阳街道, no 微实事 there): missed after its deadline
    expect(await status('2025-01-02')).toBe('MISSED');
  });

  it('gives the share of ten-matters problems closed (销号) on the day, a reopened one open again', async () => {
    const { createIndicator } = await ok(
      'mutation($s: ID!) { createIndicator(name: "十件实事销号率", unit: PERCENT, comparator: GTE, target: 100, scopeId: $s, deadline: "2026-12-31", computed: TEN_MATTERS_CLOSURE_RATE) { id } }',
      { s: street },
    );
    const rate = async (asOf: string) => (await ok('query($id: ID!, $d: LocalDate) { Indicator(id: $id) { actual(asOf: $d) } }', { id: createIndicator.id, d: asOf })).Indicator.actual;
    const [a, b] = [await matter(0, 'TEN_MATTERS', 'EBIKE', '2025-03-01'), await matter(1, 'TEN_MATTERS', 'PARKING', '2025-03-01')];
    // with the SECURITY item of the first test: three listed
    await move(a, 'CLOSED', '2025-04-01', ', evidence: "新建充电棚投入使用"');
    expect(await rate('2025-03-31')).toBe(0);
    expect(await rate('2025-04-01')).toBe(33.33);
    await move(b, 'IN_PROGRESS', '2025-04-02');
    await move(b, 'CLOSED', '2025-05-01', ', evidence: "划线停车位"');
    expect(await rate('2025-05-01')).toBe(66.67);
    await move(b, 'IN_PROGRESS', '2025-05-10', ', reason: "业主反映仍乱停"');
    expect(await rate('2025-05-10')).toBe(33.33);
    // as of a day before the reopening, it was closed
    expect(await rate('2025-05-09')).toBe(66.67);
  });
});
