import { Role } from '../../../src/common/roles';
import { dbKind } from '../../db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

/*
 * 物业服务考评 (issue 15; 001 四(四)4–5, 000 附件 一(一)–(二), 004 二(五)): over 50% owners' dissatisfaction an
 * interview is due; not rectified after it, the owners' meeting starts replacing the company, convened by
 * the committee or, where there is none, the community; a failing evaluation bars the company from new
 * projects until a later passing one. Fixed dates, both databases.
 */
describe(`service evaluations (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let community: string;
  let unit: string;
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const company = async () => {
    const { usccCheckChar } = await import('../../../src/common/uscc');
    const code = `91350582MA2EW${String(++n).padStart(3, '0')}1`;
    return (await ok('mutation($n: String!, $u: String!) { createPropertyCompany(name: $n, uscc: $u) { id } }', { n: `考评物业${n}`, u: `${code}${usccCheckChar(code)}` })).createPropertyCompany
      .id as string;
  };
  const compound = async (companyId: string) =>
    (
      await ok('mutation($c: ID!, $n: String!, $p: ID) { createCompound(name: $n, communityId: $c, managementMode: PROFESSIONAL, propertyCompanyId: $p) { id } }', {
        c: community,
        n: `考评小区${++n}`,
        p: companyId,
      })
    ).createCompound.id as string;
  const evaluate = (compoundId: string, o: { year?: number; half?: number; on?: string; rate: number; result?: string }, token = admin) =>
    t.gql(
      'mutation($c: ID!, $u: ID!, $y: Int!, $h: Int!, $d: LocalDate!, $r: Float!, $res: EvaluationResult!) { createServiceEvaluation(compoundId: $c, responsibleUnitId: $u, year: $y, half: $h, evaluatedOn: $d, dissatisfactionRate: $r, result: $res, satisfactionScore: 60, complianceScore: 70, civilisedCityScore: 80, sanitationScore: 65, hotlineScore: 75) { id status interviewDue propertyCompanyId communityId } }',
      { c: compoundId, u: unit, y: o.year ?? 2025, h: o.half ?? 1, d: o.on ?? '2025-06-20', r: o.rate, res: o.result ?? 'PASS' },
      token,
    );
  const advance = (id: string, to: string, date: string, extra: { followUp?: string; reason?: string } = {}, token = admin) =>
    t.gql(
      'mutation($id: ID!, $to: EvaluationStatus!, $d: LocalDate!, $f: String, $r: String) { advanceServiceEvaluation(id: $id, to: $to, date: $d, followUp: $f, reason: $r) { id status convenor } }',
      { id, to, d: date, f: extra.followUp, r: extra.reason },
      token,
    );
  const flagged = async (d: string) =>
    (await ok('query($c: ID!, $d: LocalDate) { allCompounds(filter: { communityId: $c, flags: [INTERVIEW_DUE], asOf: $d }, perPage: 1000) { id } }', { c: community, d })).allCompounds.map(
      (x: { id: string }) => x.id,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const street = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    community = (await ok('mutation($p: ID!) { createJurisdiction(name: "考评测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
    unit = (await ok('{ allUnits(filter: { q: "基层治理服务中心" }) { id } }')).allUnits[0].id;
  });
  afterAll(() => t.close());

  it('makes an interview due at 55% dissatisfaction and not at 50%, from the day of the evaluation until the interview', async () => {
    const co = await company();
    const [a, b] = [await compound(co), await compound(co)];
    const high = (await evaluate(a, { rate: 55 })).data.createServiceEvaluation;
    const even = (await evaluate(b, { rate: 50 })).data.createServiceEvaluation;
    expect(high).toMatchObject({ status: 'RECORDED', interviewDue: true, propertyCompanyId: co, communityId: community });
    expect(even).toMatchObject({ status: 'RECORDED', interviewDue: false });
    expect(await flagged('2025-06-19')).not.toContain(a);
    expect(await flagged('2025-06-20')).toContain(a);
    expect(await flagged('2025-06-20')).not.toContain(b);
    // an interview says what was said; without it, the field is named
    expect(refusal(await advance(high.id, 'INTERVIEWED', '2025-07-01'))[1]).toBe('followUp');
    expect((await advance(high.id, 'INTERVIEWED', '2025-07-01', { followUp: '约谈物业项目经理，限期整改' })).data.advanceServiceEvaluation.status).toBe('INTERVIEWED');
    expect(await flagged('2025-06-30')).toContain(a);
    expect(await flagged('2025-07-01')).not.toContain(a);
    expect((await ok('query($id: ID!) { ServiceEvaluation(id: $id) { interviewDue interviewedOn followUp steps { toStatus stepDate actorName } } }', { id: high.id })).ServiceEvaluation).toMatchObject(
      {
        interviewDue: false,
        interviewedOn: '2025-07-01',
        followUp: '约谈物业项目经理，限期整改',
      },
    );
  });

  it('starts replacing the company when not rectified, convened by the committee in office or else by the community', async () => {
    const co = await company();
    const [withCommittee, without] = [await compound(co), await compound(co)];
    await ok('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2023-01-01", termEndsOn: "2027-12-31") { id } }', { c: withCommittee });
    await ok('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: PROVISIONAL, formedOn: "2024-01-01") { id } }', { c: without });
    for (const [compoundId, convenor] of [
      [withCommittee, 'COMMITTEE'],
      [without, 'COMMUNITY'],
    ]) {
      const e = (await evaluate(compoundId, { rate: 62, result: 'FAIL' })).data.createServiceEvaluation;
      await advance(e.id, 'INTERVIEWED', '2025-07-01', { followUp: '约谈' });
      // not rectified needs to say how it fell short
      expect(refusal(await advance(e.id, 'REPLACEMENT_STARTED', '2025-08-01'))[2]).toBe('REASON_REQUIRED');
      const started = (await advance(e.id, 'REPLACEMENT_STARTED', '2025-08-01', { reason: '约谈后仍整改不到位' })).data.advanceServiceEvaluation;
      expect(started).toMatchObject({ status: 'REPLACEMENT_STARTED', convenor });
      expect((await advance(e.id, 'REPLACED', '2025-09-15')).data.advanceServiceEvaluation.status).toBe('REPLACED');
      // once followed up, what was evaluated is fixed
      const late = await t.gql('mutation($id: ID!) { updateServiceEvaluation(id: $id, dissatisfactionRate: 40) { id } }', { id: e.id }, admin);
      expect(refusal(late)).toEqual(['CONFLICT', 'dissatisfactionRate', 'FROZEN']);
    }
    // a move out of order and a step dated before the previous one are refused
    const e = (await evaluate(await compound(co), { rate: 70 })).data.createServiceEvaluation;
    expect(refusal(await advance(e.id, 'RECTIFIED', '2025-07-01', { followUp: 'x' }))[2]).toBe('INVALID_TRANSITION');
    expect(refusal(await advance(e.id, 'INTERVIEWED', '2025-06-01', { followUp: 'x' }))[2]).toBe('BEFORE_PREVIOUS');
  });

  it('bars a company from new projects while its latest evaluation at a compound is failing, and lifts the bar with a later pass', async () => {
    const co = await company();
    const [a, b] = [await compound(co), await compound(co)];
    await evaluate(a, { year: 2024, half: 2, on: '2024-12-10', rate: 20, result: 'PASS' });
    await evaluate(b, { year: 2025, half: 1, on: '2025-06-10', rate: 30, result: 'FAIL' });
    await evaluate(b, { year: 2025, half: 2, on: '2025-12-05', rate: 25, result: 'PASS' });
    const barred = async (d: string) => (await ok('query($c: ID!, $d: LocalDate) { PropertyCompany(id: $c) { barredFromNewProjects(asOf: $d) } }', { c: co, d })).PropertyCompany.barredFromNewProjects;
    expect(await barred('2025-06-09')).toBe(false);
    expect(await barred('2025-06-10')).toBe(true);
    expect(await barred('2025-12-04')).toBe(true);
    expect(await barred('2025-12-05')).toBe(false);
  });

  it('refuses bad input field by field, and lets only the responsible unit’s staff follow up', async () => {
    const co = await company();
    const c = await compound(co);
    expect(refusal(await evaluate(c, { rate: 120 })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'dissatisfactionRate']);
    expect(refusal(await evaluate(c, { year: 2025, half: 2, on: '2025-06-30', rate: 10 }))).toEqual(['BAD_USER_INPUT', 'evaluatedOn', 'OUTSIDE_PERIOD']);
    expect(refusal(await evaluate(c, { on: '2099-06-30', year: 2099, rate: 10 }))).toEqual(['BAD_USER_INPUT', 'evaluatedOn', 'FUTURE_DATE']);
    const e = (await evaluate(c, { rate: 51 })).data.createServiceEvaluation;
    expect(refusal(await evaluate(c, { rate: 20 }))[2]).toBe('DUPLICATE');
    const { allUnits } = await ok('query($u: ID!) { u: Unit(id: $u) { jurisdictionId } }', { u: unit }).then((r) =>
      ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }, perPage: 100) { id } }', { j: r.u.jurisdictionId }),
    );
    const other = (allUnits as Array<{ id: string }>).find((u) => u.id !== unit)!;
    const stranger = await t.userWithRole(Role.UNIT_STAFF, other.id);
    const own = await t.userWithRole(Role.UNIT_STAFF, unit);
    expect(codeOf(await advance(e.id, 'INTERVIEWED', '2025-07-01', { followUp: '约谈' }, stranger.token))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect((await advance(e.id, 'INTERVIEWED', '2025-07-01', { followUp: '约谈' }, own.token)).errors).toBeUndefined();
  });
});
