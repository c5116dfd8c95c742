import type { AppError } from '../../../src/common/errors';
import { SYSTEM_ACTOR } from '../../../src/common/context';
import { AuditEvent } from '../../../src/modules/audit/audit-event.entity';
import { RatingPeriod } from '../../../src/modules/rating/rating.entities';
import { calendarPeriodOf, periodProblem } from '../../../src/modules/rating/rating-periods';
import { dbKind } from '../../db';
import { type GqlResponse, startTestApp, type TestApp } from '../../harness';

/** 考核周期: a period is one whole calendar period of its scheme's kind, coded by it, and no two periods of a scheme overlap. */
describe(`rating periods (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let quarterly: string;
  let halfYearly: string;

  const PERIOD = 'id schemeId code startDate endDate';
  const refusal = (r: GqlResponse) => {
    const e = r.errors?.[0]?.extensions;
    return [e?.code, e?.field, e?.reason];
  };
  const create = (schemeId: string, code: string, startDate: string, endDate: string) =>
    t.gql(
      `mutation($s: ID!, $c: String!, $a: LocalDate!, $b: LocalDate!) { createRatingPeriod(schemeId: $s, code: $c, startDate: $a, endDate: $b) { ${PERIOD} } }`,
      { s: schemeId, c: code, a: startDate, b: endDate },
      admin,
    );
  const update = (id: string, args: Record<string, string>) =>
    t.gql(
      `mutation($id: ID!, $c: String, $a: LocalDate, $b: LocalDate) { updateRatingPeriod(id: $id, code: $c, startDate: $a, endDate: $b) { ${PERIOD} } }`,
      { id, c: args.code, a: args.startDate, b: args.endDate },
      admin,
    );
  const ok = async (res: Promise<GqlResponse> | GqlResponse) => {
    const r = await res;
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return Object.values(r.data as object)[0];
  };
  /** What a refusal must leave as it was: every period, and the audit trail's length. */
  const written = async () => ({
    periods: (await t.app.ds.getRepository(RatingPeriod).find({ order: { id: 'ASC' } })).map((p) => `${p.id} ${p.schemeId} ${p.code} ${p.startDate}..${p.endDate}`),
    audits: await t.app.ds.getRepository(AuditEvent).count(),
  });
  const scheme = async (name: string, periodKind: string) =>
    (
      await ok(
        t.gql(
          `mutation { createRatingScheme(name: "${name}", subjectKind: SECURITY_GUARD, periodKind: ${periodKind}, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90, criteria: [{ code: "A", name: "甲", weight: 100 }]) { id } }`,
          {},
          admin,
        ),
      )
    ).id as string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    quarterly = await scheme('周期测试·季度', 'QUARTER');
    halfYearly = await scheme('周期测试·半年', 'HALF_YEAR');
  });
  afterAll(() => t.close());

  it('knows each kind’s calendar periods (the rule the console prefills with)', () => {
    expect(calendarPeriodOf('QUARTER', '2025-05-17')).toEqual({ code: '2025Q2', startDate: '2025-04-01', endDate: '2025-06-30' });
    expect(calendarPeriodOf('QUARTER', '2024-02-29')).toEqual({ code: '2024Q1', startDate: '2024-01-01', endDate: '2024-03-31' });
    expect(calendarPeriodOf('HALF_YEAR', '2025-07-01')).toEqual({ code: '2025H2', startDate: '2025-07-01', endDate: '2025-12-31' });
    expect(periodProblem('QUARTER', { code: ' 2025q4 ', startDate: '2025-10-01', endDate: '2025-12-31' })).toBeNull();
    expect(periodProblem('HALF_YEAR', { code: '2025H1', startDate: '2025-01-01', endDate: '2025-06-30' })).toBeNull();
  });

  it('accepts a calendar quarter on a QUARTER scheme and a calendar half on a HALF_YEAR scheme, writing the code as the rule spells it', async () => {
    expect(await ok(create(quarterly, '2025Q1', '2025-01-01', '2025-03-31'))).toMatchObject({ code: '2025Q1', startDate: '2025-01-01', endDate: '2025-03-31' });
    expect(await ok(create(halfYearly, '2025h2', '2025-07-01', '2025-12-31'))).toMatchObject({ code: '2025H2', startDate: '2025-07-01', endDate: '2025-12-31' });
  });

  it('refuses 2025-01-01..2025-04-15 on a QUARTER scheme, saying what a quarter is, and writes nothing', async () => {
    const before = await written();
    const res = await create(quarterly, '2025Q2', '2025-01-01', '2025-04-15');
    expect(refusal(res)).toEqual(['BAD_USER_INPUT', 'endDate', 'PERIOD_NOT_CALENDAR']);
    expect(res.errors![0].message).toBe('A QUARTER period runs from the first day of a calendar quarter to its last: 2025-01-01..2025-03-31, not 2025-01-01..2025-04-15');
    expect(res.errors![0].extensions).toMatchObject({ kind: 'QUARTER', expectedCode: '2025Q1', expectedStart: '2025-01-01', expectedEnd: '2025-03-31' });
    const late = await create(quarterly, '2025Q2', '2025-04-15', '2025-07-14');
    expect(refusal(late)).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_NOT_CALENDAR']);
    expect(late.errors![0].message).toContain('2025-04-15 is not the first day of a quarter');
    expect(await written()).toEqual(before);
  });

  it('refuses a whole-year period beside 2025Q1 on a QUARTER scheme', async () => {
    const before = await written();
    expect(before.periods.some((p) => p.endsWith(` ${quarterly} 2025Q1 2025-01-01..2025-03-31`))).toBe(true);
    for (const code of ['2025', '2025Q1']) expect(refusal(await create(quarterly, code, '2025-01-01', '2025-12-31'))).toEqual(['BAD_USER_INPUT', 'endDate', 'PERIOD_NOT_CALENDAR']);
    expect(await written()).toEqual(before);
  });

  it('refuses a quarter on a HALF_YEAR scheme', async () => {
    const before = await written();
    const first = await create(halfYearly, '2025Q1', '2025-01-01', '2025-03-31');
    expect(refusal(first)).toEqual(['BAD_USER_INPUT', 'endDate', 'PERIOD_NOT_CALENDAR']);
    expect(first.errors![0].message).toBe('A HALF_YEAR period runs from the first day of a calendar half-year to its last: 2025-01-01..2025-06-30, not 2025-01-01..2025-03-31');
    expect(refusal(await create(halfYearly, '2025Q2', '2025-04-01', '2025-06-30'))).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_NOT_CALENDAR']);
    expect(await written()).toEqual(before);
  });

  it('refuses a code that is not the code of the dates', async () => {
    const before = await written();
    for (const code of ['2025Q3', '2025H1', '二季度']) {
      const res = await create(quarterly, code, '2025-04-01', '2025-06-30');
      expect([code, ...refusal(res)]).toEqual([code, 'BAD_USER_INPUT', 'code', 'PERIOD_CODE_MISMATCH']);
      expect(res.errors![0].message).toBe(`The QUARTER period 2025-04-01..2025-06-30 is coded 2025Q2, not ${code}`);
    }
    expect(await written()).toEqual(before);
  });

  it('refuses a period that overlaps another of the scheme, naming it by code and dates', async () => {
    const before = await written();
    const again = await create(quarterly, '2025Q1', '2025-01-01', '2025-03-31');
    expect(refusal(again)).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_OVERLAP']);
    expect(again.errors![0].message).toBe('The period overlaps 2025Q1 (2025-01-01..2025-03-31) of the same scheme: periods of one scheme never overlap');
    expect(again.errors![0].extensions).toMatchObject({ overlapCode: '2025Q1', overlapFrom: '2025-01-01', overlapTo: '2025-03-31' });
    // a period written before the rule (dates that are no quarter) still blocks the days it holds
    const legacy = await t.app.ds.getRepository(RatingPeriod).save({ schemeId: Number(quarterly), code: '2024Q1', startDate: '2024-01-01', endDate: '2024-04-15' });
    const next = await create(quarterly, '2024Q2', '2024-04-01', '2024-06-30');
    expect(refusal(next)).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_OVERLAP']);
    expect(next.errors![0].message).toContain('overlaps 2024Q1 (2024-01-01..2024-04-15)');
    expect(next.errors![0].extensions).toMatchObject({ overlapId: String(legacy.id), overlapCode: '2024Q1' });
    // the same period of another scheme is no overlap
    expect(await ok(create(await scheme('周期测试·另一季度', 'QUARTER'), '2025Q1', '2025-01-01', '2025-03-31'))).toMatchObject({ code: '2025Q1' });
    await t.app.ds.getRepository(RatingPeriod).delete({ id: legacy.id });
    expect((await written()).periods).toEqual([...before.periods, expect.stringMatching(/ 2025Q1 2025-01-01\.\.2025-03-31$/)]);
  });

  it('gives one of two simultaneous writers of the same quarter the period and the other PERIOD_OVERLAP', async () => {
    const results = await Promise.all([1, 2].map(() => create(quarterly, '2026Q1', '2026-01-01', '2026-03-31')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(refusal)).toEqual([['BAD_USER_INPUT', 'startDate', 'PERIOD_OVERLAP']]);
  });

  it('checks an update the same way, and writes nothing when it refuses', async () => {
    const q2 = await ok(create(quarterly, '2025Q2', '2025-04-01', '2025-06-30'));
    const before = await written();
    expect(refusal(await update(q2.id, { endDate: '2025-07-15' }))).toEqual(['BAD_USER_INPUT', 'endDate', 'PERIOD_NOT_CALENDAR']);
    expect(refusal(await update(q2.id, { startDate: '2025-04-02' }))).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_NOT_CALENDAR']);
    expect(refusal(await update(q2.id, { startDate: '2025-01-01', endDate: '2025-06-30' }))).toEqual(['BAD_USER_INPUT', 'endDate', 'PERIOD_NOT_CALENDAR']);
    expect(refusal(await update(q2.id, { code: '2025Q3' }))).toEqual(['BAD_USER_INPUT', 'code', 'PERIOD_CODE_MISMATCH']);
    expect(refusal(await update(q2.id, { startDate: '2025-07-01', endDate: '2025-09-30' }))).toEqual(['BAD_USER_INPUT', 'code', 'PERIOD_CODE_MISMATCH']);
    const onto = await update(q2.id, { code: '2025Q1', startDate: '2025-01-01', endDate: '2025-03-31' });
    expect(refusal(onto)).toEqual(['BAD_USER_INPUT', 'startDate', 'PERIOD_OVERLAP']);
    expect(onto.errors![0].message).toContain('overlaps 2025Q1 (2025-01-01..2025-03-31)');
    // moving the period to another scheme (no mutation offers it; the service still checks it)
    const moved = await t.app.services.ratingPeriod.update(Number(q2.id), { schemeId: Number(halfYearly) }, SYSTEM_ACTOR).catch((e: AppError) => e);
    expect([(moved as AppError).extensions?.field, (moved as AppError).extensions?.reason]).toEqual(['startDate', 'PERIOD_NOT_CALENDAR']);
    expect(await written()).toEqual(before);
    expect(await ok(update(q2.id, { code: '2025Q3', startDate: '2025-07-01', endDate: '2025-09-30' }))).toMatchObject({ code: '2025Q3', startDate: '2025-07-01', endDate: '2025-09-30' });
  });

  it('refuses to change the period kind of a scheme whose periods do not fit the new kind, naming one', async () => {
    const before = await written();
    const res = await t.gql('mutation($id: ID!) { updateRatingScheme(id: $id, periodKind: HALF_YEAR) { id periodKind } }', { id: quarterly }, admin);
    expect(refusal(res)).toEqual(['BAD_USER_INPUT', 'periodKind', 'PERIOD_KIND_IN_USE']);
    expect(res.errors![0].extensions).toMatchObject({ kind: 'HALF_YEAR', periodCode: '2025Q1', periodStart: '2025-01-01', periodEnd: '2025-03-31' });
    expect(res.errors![0].message).toContain('2025Q1 (2025-01-01..2025-03-31) is not a HALF_YEAR period');
    expect(await written()).toEqual(before);
    const empty = await scheme('周期测试·未用', 'QUARTER');
    expect(await ok(t.gql('mutation($id: ID!) { updateRatingScheme(id: $id, periodKind: HALF_YEAR) { periodKind } }', { id: empty }, admin))).toEqual({ periodKind: 'HALF_YEAR' });
  });
});
