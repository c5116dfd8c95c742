import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { type GqlResponse, startTestApp, type TestApp } from './harness';

const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.code;
const fieldOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.field;

describe(`star ratings and the red/black list (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let schemeId: string;
  let schemeArea: string | null = null;
  let periodId: string;
  let criteria: Record<string, string>;
  let companies = 0;

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const { allRatingSchemes } = await ok('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { id jurisdictionId criteria { id code weight } } }');
    schemeId = allRatingSchemes[0].id;
    schemeArea = allRatingSchemes[0].jurisdictionId;
    criteria = Object.fromEntries(allRatingSchemes[0].criteria.map((c: { code: string; id: string }) => [c.code, c.id]));
    const { createRatingPeriod } = await ok('mutation($s: ID!) { createRatingPeriod(schemeId: $s, code: "2025Q1", startDate: "2025-01-01", endDate: "2025-03-31") { id } }', { s: schemeId });
    periodId = createRatingPeriod.id;
  });
  afterAll(() => t.close());

  async function company(): Promise<string> {
    companies++;
    const code = `91350582MA2RT${String(companies).padStart(4, '0')}`;
    // registered in the scheme's area: its periods rate only companies there (issue 14)
    return (await ok(`mutation($j: ID) { createPropertyCompany(name: "评星物业${companies}", uscc: "${code}${usccCheckChar(code)}", jurisdictionId: $j) { id } }`, { j: schemeArea }))
      .createPropertyCompany.id;
  }

  /** Rates a new company with scores by criterion code; returns the computed result. */
  async function rateCompany(scores: Record<string, number>, extra: Record<string, unknown> = {}) {
    const list = Object.entries(scores).map(([code, score]) => ({ criterionId: criteria[code], score, evidence: `${code} 记录` }));
    const res = await t.gql(
      `mutation($p: ID!, $c: ID!, $s: [ScoreInput!], $d: Float, $n: Boolean, $nn: String) {
        createRating(periodId: $p, propertyCompanyId: $c, scores: $s, dissatisfactionRate: $d, onNegativeList: $n, negativeListNote: $nn) {
          id subjectName result { complete missing total stars listStatus reasons } scores { score evidence } } }`,
      { p: periodId, c: await company(), s: list, d: extra.dissatisfaction ?? null, n: extra.negative ?? false, nn: extra.note ?? null },
      admin,
    );
    return res;
  }
  const all = (v: number) => ({ SATISFACTION: v, PARTY_EVALUATION: v, COMPLIANCE: v, CIVILISED_CITY: v, SANITATION: v, HOTLINE_12345: v });

  it('seeds the company scheme from 001 + 002 with weights adding up to 100, and says which thresholds are defaults', async () => {
    const { RatingScheme } = await ok(
      'query($id: ID!) { RatingScheme(id: $id) { periodKind star5Min redMinStars blackMaxStars blackDissatisfactionOver blackOnNegativeList notes criteria { name weight sourceClause { number } } } }',
      { id: schemeId },
    );
    expect(RatingScheme).toMatchObject({ periodKind: 'QUARTER', star5Min: 90, redMinStars: 5, blackMaxStars: 1, blackDissatisfactionOver: 50, blackOnNegativeList: true });
    expect(RatingScheme.criteria.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBe(100);
    expect(RatingScheme.criteria.map((c: { name: string }) => c.name)).toEqual([
      '业主满意度评价',
      '街道（乡镇）、社区（小区）党组织评价',
      '物业服务企业遵守制度',
      '文明城市创建',
      '环境卫生整治',
      '12345 便民服务热线',
    ]);
    expect(RatingScheme.notes).toMatch(/默认值/);
    const { allRatingSchemes } = await ok('{ allRatingSchemes(filter: { subjectKind: PARTY_BRANCH }) { periodKind redMinStars criteria { name weight } } }');
    expect(allRatingSchemes[0]).toMatchObject({ periodKind: 'HALF_YEAR', redMinStars: null, criteria: [{ name: '有机制', weight: 25 }, { name: '有队伍' }, { name: '有活动' }, { name: '有阵地' }] });
  });

  it('computes total, stars and list status from scores and weights (hand-computed)', async () => {
    // 95×0.40 + 90×0.20 + (88 + 92 + 85 + 96)×0.10 = 38 + 18 + 36.1 = 92.10 → 5★ → red
    const red = await rateCompany({ SATISFACTION: 95, PARTY_EVALUATION: 90, COMPLIANCE: 88, CIVILISED_CITY: 92, SANITATION: 85, HOTLINE_12345: 96 });
    expect(red.data.createRating.result).toEqual({ complete: true, missing: [], total: 92.1, stars: 5, listStatus: 'RED', reasons: ['5星（总分92.10）'] });
    // 22.2 + 12 + 5 + 4 + 4.5 + 5.225 = 52.925 → 52.93 → 1★ → black
    const black = await rateCompany({ SATISFACTION: 55.5, PARTY_EVALUATION: 60, COMPLIANCE: 50, CIVILISED_CITY: 40, SANITATION: 45, HOTLINE_12345: 52.25 });
    expect(black.data.createRating.result).toEqual({ complete: true, missing: [], total: 52.93, stars: 1, listStatus: 'BLACK', reasons: ['1星（总分52.93）'] });
    // exactly on a threshold counts: 90.00 → 5★; 89.99 → 4★
    expect((await rateCompany(all(90))).data.createRating.result).toMatchObject({ total: 90, stars: 5, listStatus: 'RED' });
    expect((await rateCompany({ ...all(90), HOTLINE_12345: 89.9 })).data.createRating.result).toMatchObject({ total: 89.99, stars: 4, listStatus: 'NONE' });
    expect((await rateCompany(all(75))).data.createRating.result).toMatchObject({ total: 75, stars: 3, listStatus: 'NONE', reasons: [] });
  });

  it('puts a company on the black list for dissatisfaction over 50% or a negative-list entry, whatever its stars', async () => {
    const unhappy = await rateCompany(all(85), { dissatisfaction: 62.5 });
    expect(unhappy.data.createRating.result).toMatchObject({ stars: 4, listStatus: 'BLACK', reasons: ['业主不满意率62.50%，超过50.00%'] });
    const exactlyHalf = await rateCompany(all(85), { dissatisfaction: 50 });
    expect(exactlyHalf.data.createRating.result.listStatus).toBe('NONE');
    const negative = await rateCompany(all(95), { negative: true, note: '未按规定公示公共收益' });
    expect(negative.data.createRating.result).toMatchObject({ stars: 5, listStatus: 'BLACK', reasons: ['列入负面清单：未按规定公示公共收益'] });
  });

  it('leaves the result open until every criterion is scored, and never takes a typed total', async () => {
    const partial = await rateCompany({ SATISFACTION: 80 });
    expect(partial.data.createRating.result).toEqual({
      complete: false,
      missing: ['街道（乡镇）、社区（小区）党组织评价', '物业服务企业遵守制度', '文明城市创建', '环境卫生整治', '12345 便民服务热线'],
      total: null,
      stars: null,
      listStatus: null,
      reasons: [],
    });
    const id = partial.data.createRating.id;
    const rest = Object.entries(all(80))
      .filter(([c]) => c !== 'SATISFACTION')
      .map(([code, score]) => ({ criterionId: criteria[code], score }));
    const done = await ok('mutation($id: ID!, $s: [ScoreInput!]) { updateRating(id: $id, scores: $s) { result { complete total stars } scores { score } } }', { id, s: rest });
    expect(done.updateRating.result).toEqual({ complete: true, total: 80, stars: 4 });
    expect(done.updateRating.scores).toHaveLength(6);
    const typed = await t.gql('mutation($id: ID!) { updateRating(id: $id, total: 99) { id } }', { id }, admin);
    expect(typed.errors?.[0].message).toMatch(/total/);
  });

  it('refuses scores out of range, a foreign criterion, a wrong subject and a second rating of the same company', async () => {
    const over = await rateCompany({ ...all(80), SANITATION: 100.5 });
    expect([codeOf(over), fieldOf(over)]).toEqual(['BAD_USER_INPUT', 'scores.4.score']);
    const negative = await rateCompany({ ...all(80), SATISFACTION: -1 });
    expect([codeOf(negative), fieldOf(negative)]).toEqual(['BAD_USER_INPUT', 'scores.0.score']);
    const { allRatingSchemes } = await ok('{ allRatingSchemes(filter: { subjectKind: PARTY_BRANCH }) { criteria { id } } }');
    const c = await company();
    const foreign = await t.gql(
      'mutation($p: ID!, $c: ID!, $k: ID!) { createRating(periodId: $p, propertyCompanyId: $c, scores: [{ criterionId: $k, score: 10 }]) { id } }',
      { p: periodId, c, k: allRatingSchemes[0].criteria[0].id },
      admin,
    );
    expect([codeOf(foreign), fieldOf(foreign)]).toEqual(['BAD_USER_INPUT', 'scores.0.criterionId']);
    const noSubject = await t.gql('mutation($p: ID!) { createRating(periodId: $p, subjectName: "张三") { id } }', { p: periodId }, admin);
    expect([codeOf(noSubject), fieldOf(noSubject)]).toEqual(['BAD_USER_INPUT', 'propertyCompanyId']);
    expect((await ok('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c) { id } }', { p: periodId, c })).createRating.id).toBeTruthy();
    const twice = await t.gql('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c) { id } }', { p: periodId, c }, admin);
    expect(codeOf(twice)).toBe('CONFLICT');
  });

  it('refuses a scheme whose weights do not add up to 100 or whose thresholds fall', async () => {
    const weights = await t.gql(
      'mutation { createRatingScheme(name: "坏方案", subjectKind: SECURITY_GUARD, periodKind: QUARTER, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90, criteria: [{ code: "A", name: "甲", weight: 60 }, { code: "B", name: "乙", weight: 30 }]) { id } }',
      {},
      admin,
    );
    expect([codeOf(weights), fieldOf(weights)]).toEqual(['BAD_USER_INPUT', 'criteria']);
    const falling = await t.gql(
      'mutation { createRatingScheme(name: "坏方案", subjectKind: SECURITY_GUARD, periodKind: QUARTER, star2Min: 60, star3Min: 50, star4Min: 80, star5Min: 90, criteria: [{ code: "A", name: "甲", weight: 100 }]) { id } }',
      {},
      admin,
    );
    expect([codeOf(falling), fieldOf(falling)]).toEqual(['BAD_USER_INPUT', 'star3Min']);
    expect((await ok('{ _allRatingSchemesMeta(filter: { q: "坏方案" }) { count } }'))._allRatingSchemesMeta.count).toBe(0);
  });
});
