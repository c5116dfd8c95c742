import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/**
 * Migration 1764633600000-WorkflowSteps moves the per-stage columns of award cases and payouts into
 * their step logs. Done for real on a database with data: the API's answer before, after the
 * migration is undone (columns back, filled from the steps) and after it runs again must be the same;
 * a stage column without a step of its own gets one (signed 'system'), and payout transitions get
 * their day (the voucher's day for PAID).
 */
const TODAY = todayInChina();
const CASE = 'id status appliedOn inspectedOn superiorAcceptedOn streetAcceptedOn rejectedOn steps { fromStatus toStatus stepDate actorName }';
const PAYOUT = 'id status submittedById submittedAt approvedById approvedAt paidById paidOn paymentReference transitions { toStatus stepDate actorName }';

describe(`workflow steps migration (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const lastMigration = async () => ((await t.app.ds.query('SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1')) as Array<{ name: string }>)[0].name;

  it('keeps every stage through down and up, backfills a stage that had no step, and dates payout transitions', async () => {
    const maker = await t.userWithRole(Role.PARTY_OFFICE);
    const checker = await t.userWithRole(Role.PARTY_OFFICE);
    const { allIncentiveProgrammes } = await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }');
    const { allJurisdictions } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }');
    const code = '91350582MA2MXG001';
    const { createPropertyCompany: company } = await ok(`mutation { createPropertyCompany(name: "迁移物业", uscc: "${code}${usccCheckChar(code)}") { id } }`);
    await ok(`mutation { createIncentiveBudget(programmeId: "${allIncentiveProgrammes[0].id}", year: 2024, amount: "100000") { id } }`).catch(() => undefined);
    const site = async (name: string) =>
      (await ok(`mutation { createCompound(name: "${name}", communityId: "${allJurisdictions[0].id}", propertyCompanyId: "${company.id}", managementMode: PROFESSIONAL) { id } }`)).createCompound.id;
    const open = async (name: string, steps: Array<[string, string, string?]>) => {
      const id = (
        await ok(`mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: 2024) { id } }`, {
          p: allIncentiveProgrammes[0].id,
          c: await site(name),
        })
      ).createAwardCase.id;
      for (const [to, d, r] of steps)
        await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!, $r: String) { advanceAwardCase(id: $id, to: $to, date: $d, reason: $r) { id } }', { id, to, d, r: r ?? null });
      return id as string;
    };
    const accepted = await open('迁移示范点甲', [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ]);
    const reapplied = await open('迁移示范点乙', [
      ['INSPECTED', '2024-06-02'],
      ['REJECTED', '2024-06-03', '材料不全'],
      ['APPLIED', '2024-06-10'],
      ['INSPECTED', '2024-06-12'],
    ]);
    const payouts = (await ok(`mutation { generateAwardPayouts(caseId: "${accepted}") { id } }`, {}, maker.token)).generateAwardPayouts as Array<{ id: string }>;
    const [paid, submitted] = payouts.map((p) => p.id);
    await ok(`mutation { submitPayout(id: "${paid}") { id } }`, {}, maker.token);
    await ok(`mutation { approvePayout(id: "${paid}") { id } }`, {}, checker.token);
    await ok(`mutation { markPayoutPaid(id: "${paid}", paymentReference: "MIG-1", paidOn: "${TODAY}") { id } }`, {}, checker.token);
    await ok(`mutation { submitPayout(id: "${submitted}") { id } }`, {}, maker.token);

    const read = async () => ({
      cases: await Promise.all([accepted, reapplied].map(async (id) => (await ok(`{ AwardCase(id: "${id}") { ${CASE} } }`)).AwardCase)),
      payouts: await Promise.all([paid, submitted].map(async (id) => (await ok(`{ Payout(id: "${id}") { ${PAYOUT} } }`)).Payout)),
    });
    const before = await read();
    expect(before.cases[0]).toMatchObject({ appliedOn: '2024-05-06', inspectedOn: '2024-06-01', superiorAcceptedOn: '2024-06-20', streetAcceptedOn: '2024-07-01', rejectedOn: null });
    // re-applying cleared the earlier inspection and the rejection; the application day is the latest
    expect(before.cases[1]).toMatchObject({ status: 'INSPECTED', appliedOn: '2024-06-10', inspectedOn: '2024-06-12', rejectedOn: null });
    expect(before.payouts[0]).toMatchObject({ status: 'PAID', submittedById: maker.id, approvedById: checker.id, paidById: checker.id, paidOn: TODAY, paymentReference: 'MIG-1' });
    expect(before.payouts[1]).toMatchObject({ status: 'SUBMITTED', submittedById: maker.id, approvedById: null });

    // down: the columns come back, filled from the steps
    while ((await lastMigration()) !== 'WorkflowSteps1764633600000') await t.app.ds.undoLastMigration();
    await t.app.ds.undoLastMigration();
    const [c] = await t.app.ds.query(`SELECT appliedOn, inspectedOn, streetAcceptedOn FROM award_case WHERE id = ?`, [Number(accepted)]);
    expect([c.appliedOn, c.inspectedOn, c.streetAcceptedOn].map((d: unknown) => (d instanceof Date ? todayInChina(d) : String(d).slice(0, 10)))).toEqual(['2024-05-06', '2024-06-01', '2024-07-01']);
    const [p] = await t.app.ds.query(`SELECT submittedById, approvedById, paidById FROM payout WHERE id = ?`, [Number(paid)]);
    expect([p.submittedById, p.approvedById, p.paidById].map(Number)).toEqual([Number(maker.id), Number(checker.id), Number(checker.id)]);

    // a stage column that has no step of its own (as if written by hand before steps were kept)
    await t.app.ds.query(`DELETE FROM award_case_step WHERE caseId = ? AND toStatus = 'SUPERIOR_ACCEPTED'`, [Number(accepted)]);

    // up again
    await t.app.ds.runMigrations({ transaction: 'each' });
    expect(await lastMigration()).not.toBe('IdempotencyKeys1764547200000');
    const after = await read();
    const backfilled = after.cases[0].steps.find((s: { toStatus: string }) => s.toStatus === 'SUPERIOR_ACCEPTED');
    expect(backfilled).toMatchObject({ stepDate: '2024-06-20', actorName: 'system' });
    expect(after.cases[0].superiorAcceptedOn).toBe('2024-06-20');
    // everything else reads as before
    const withoutSteps = (r: typeof before) => ({ cases: r.cases.map(({ steps: _s, ...rest }: Record<string, unknown>) => rest), payouts: r.payouts });
    expect(withoutSteps(after)).toEqual(withoutSteps(before));
    // payout transitions are dated: the voucher's day for PAID, the day recorded for the others
    expect(after.payouts[0].transitions.map((s: { toStatus: string; stepDate: string }) => [s.toStatus, s.stepDate])).toEqual([
      ['DRAFT', TODAY],
      ['SUBMITTED', TODAY],
      ['APPROVED', TODAY],
      ['PAID', TODAY],
    ]);
  });
});
