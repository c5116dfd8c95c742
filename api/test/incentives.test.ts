import { randomUUID } from 'node:crypto';
import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { type GqlResponse, startTestApp, type TestApp } from './harness';

const PAYOUT = 'id status amountFen amount recipientRole recipientName version ruleVersion submittedById paymentReference paidOn';
const TODAY = todayInChina();
const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.code;
const fieldOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.field;
const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;

describe(`incentive awards and payouts (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let maker: { token: string; id: string };
  let checker: { token: string; id: string };
  let programmeId: string;
  let communityId: string;
  let companyId: string;
  let sites = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    maker = await t.userWithRole(Role.PARTY_OFFICE);
    checker = await t.userWithRole(Role.PARTY_OFFICE);
    const p = await t.gql('{ allIncentivePrograms: allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }', {}, admin);
    programmeId = p.data.allIncentivePrograms[0].id;
    const j = await t.gql('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }', {}, admin);
    communityId = j.data.allJurisdictions[0].id;
    const code = '91350582MA2AWD001';
    const c = await t.gql(`mutation { createPropertyCompany(name: "示范物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`, {}, admin);
    companyId = c.data.createPropertyCompany.id;
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const auditCount = async () => (await ok('{ _allAuditEventsMeta { count } }'))._allAuditEventsMeta.count as number;

  /** A new compound served by the company, with a case in the 000 programme (or another). */
  async function openCase(year = 2024, programme = programmeId, community = communityId): Promise<string> {
    sites++;
    const { createCompound } = await ok(`mutation($c: ID!, $p: ID!, $n: String!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }`, {
      c: community,
      p: companyId,
      n: `示范小区${sites}`,
    });
    const { createAwardCase } = await ok('mutation($p: ID!, $c: ID!, $y: Int) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: $y) { id status } }', {
      p: programme,
      c: createCompound.id,
      y: year,
    });
    expect(createAwardCase.status).toBe('APPLIED');
    return createAwardCase.id;
  }

  const advance = (id: string, to: string, date: string, token = admin, reason?: string) =>
    t.gql('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!, $r: String) { advanceAwardCase(id: $id, to: $to, date: $d, reason: $r) { id status } }', { id, to, d: date, r: reason }, token);

  async function acceptedCase(year = 2024, programme = programmeId, community = communityId): Promise<string> {
    const id = await openCase(year, programme, community);
    for (const [to, d] of [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ]) {
      const r = await advance(id, to, d);
      expect(r.errors).toBeUndefined();
    }
    return id;
  }

  const generate = (caseId: string) => t.gql(`mutation($c: ID!) { generateAwardPayouts(caseId: $c) { ${PAYOUT} } }`, { c: caseId }, maker.token);
  const payoutsOf = async (caseId: string) => (await ok(`query($c: ID!) { allPayouts(filter: { caseId: $c }) { ${PAYOUT} } }`, { c: caseId })).allPayouts;
  const submit = (id: string, token = maker.token) => t.gql(`mutation($id: ID!) { submitPayout(id: $id) { ${PAYOUT} } }`, { id }, token);
  const approve = (id: string, token = checker.token, key?: string) => t.gql(`mutation($id: ID!, $k: String) { approvePayout(id: $id, idempotencyKey: $k) { ${PAYOUT} } }`, { id, k: key }, token);
  const pay = (id: string, ref: string, key?: string, token = checker.token) =>
    t.gql(
      `mutation($id: ID!, $ref: String!, $k: String, $on: LocalDate!) { markPayoutPaid(id: $id, paymentReference: $ref, paidOn: $on, idempotencyKey: $k) { ${PAYOUT} } }`,
      { id, ref, k: key, on: TODAY },
      token,
    );
  const setBudget = async (year: number, amount: string, programme = programmeId) => {
    const found = (await ok('query($p: ID!, $y: Int!) { allIncentiveBudgets(filter: { programmeId: $p, year: $y }) { id } }', { p: programme, y: year })).allIncentiveBudgets;
    if (found.length) return ok('mutation($id: ID!, $a: String!) { updateIncentiveBudget(id: $id, amount: $a) { id amountFen } }', { id: found[0].id, a: amount });
    return ok('mutation($p: ID!, $y: Int!, $a: String!) { createIncentiveBudget(programmeId: $p, year: $y, amount: $a) { id amountFen } }', { p: programme, y: year, a: amount });
  };

  it('seeds 000’s rule as 30,000 / 20,000 yuan and 004’s 以奖代补 with no amount, each citing its clause', async () => {
    const { allIncentiveRules } = await ok('{ allIncentiveRules { name validFrom sourceClause { number } programme { trigger } lines { recipientRole amountFen amount printedAmount note } } }');
    const byTrigger = Object.fromEntries(allIncentiveRules.map((r: { programme: { trigger: string } }) => [r.programme.trigger, r]));
    expect(byTrigger.DEMONSTRATION_SITE_ACCEPTED).toMatchObject({
      validFrom: '2024-04-26',
      sourceClause: { number: '三(四)' },
      lines: [
        { recipientRole: 'PROPERTY_COMPANY', amountFen: 3_000_000, amount: '30000.00', printedAmount: '3万元' },
        { recipientRole: 'COMMUNITY', amountFen: 2_000_000, amount: '20000.00', printedAmount: '2万元' },
      ],
    });
    expect(byTrigger.OWNERS_COMMITTEE_FORMED).toMatchObject({ sourceClause: { number: '二(二)' }, lines: [{ recipientRole: 'COMMUNITY', amountFen: null, note: '文件未规定金额' }] });
  });

  it('generates exactly two payouts for a site accepted by both, and none for one accepted only by the superior department', async () => {
    const accepted = await acceptedCase();
    const res = await generate(accepted);
    expect(res.errors).toBeUndefined();
    const made = res.data.generateAwardPayouts.map((p: { recipientRole: string; amountFen: number; recipientName: string; status: string }) => [
      p.recipientRole,
      p.amountFen,
      p.recipientName,
      p.status,
    ]);
    expect(made).toEqual([
      ['PROPERTY_COMPANY', 3_000_000, '示范物业有限公司', 'DRAFT'],
      ['COMMUNITY', 2_000_000, '阳光社区', 'DRAFT'],
    ]);
    const again = await generate(accepted);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await payoutsOf(accepted)).toHaveLength(2);

    const half = await openCase();
    await advance(half, 'INSPECTED', '2024-06-01');
    expect((await advance(half, 'SUPERIOR_ACCEPTED', '2024-06-20')).data.advanceAwardCase.status).toBe('SUPERIOR_ACCEPTED');
    const refused = await generate(half);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(fieldOf(refused)).toBe('caseId');
    expect(reasonOf(refused)).toBe('NOT_ACCEPTED');
    expect(reasonOf(again)).toBe('ALREADY_AWARDED');
    expect(await payoutsOf(half)).toEqual([]);
  });

  it('moves a case only along its transition table, dated and signed', async () => {
    const id = await openCase();
    expect(codeOf(await advance(id, 'STREET_ACCEPTED', '2024-06-01'))).toBe('CONFLICT');
    expect(codeOf(await advance(id, 'SUPERIOR_ACCEPTED', '2024-06-01'))).toBe('CONFLICT');
    expect(fieldOf(await advance(id, 'INSPECTED', '2024-05-01'))).toBe('date'); // before the application
    expect(fieldOf(await advance(id, 'INSPECTED', '2999-01-01'))).toBe('date'); // in the future
    expect(fieldOf(await advance(id, 'REJECTED', '2024-06-01'))).toBe('reason');
    expect((await advance(id, 'REJECTED', '2024-06-01', maker.token, '台账不全')).data.advanceAwardCase.status).toBe('REJECTED');
    expect((await advance(id, 'APPLIED', '2024-06-15', maker.token)).data.advanceAwardCase.status).toBe('APPLIED');
    const { AwardCase } = await ok('query($id: ID!) { AwardCase(id: $id) { status steps { fromStatus toStatus stepDate actorName reason } nextStatuses } }', { id });
    expect(AwardCase.steps.map((s: { toStatus: string }) => s.toStatus)).toEqual(['APPLIED', 'REJECTED', 'APPLIED']);
    expect(AwardCase.steps[1]).toMatchObject({ fromStatus: 'APPLIED', stepDate: '2024-06-01', reason: '台账不全' });
    expect(AwardCase.steps[2].actorName).toMatch(/^party_office/);
    expect(AwardCase.nextStatuses).toEqual(['INSPECTED', 'REJECTED']);
  });

  it('refuses a second case for the same site and programme', async () => {
    const id = await openCase();
    const { AwardCase } = await ok('query($id: ID!) { AwardCase(id: $id) { compoundId } }', { id });
    const before = await auditCount();
    const second = await t.gql('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-09-01") { id } }', { p: programmeId, c: AwardCase.compoundId }, admin);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(fieldOf(second)).toBe('compoundId');
    expect(second.errors?.[0].message).toMatch(/one site earns one award/);
    expect(reasonOf(second)).toBe('ALREADY_AWARDED');
    expect(await auditCount()).toBe(before);
    expect((await ok('query($c: ID!) { _allAwardCasesMeta(filter: { compoundId: $c }) { count } }', { c: AwardCase.compoundId }))._allAwardCasesMeta.count).toBe(1);
  });

  it('refuses approval by the submitter, and approval or payment by anyone but the party-building office', async () => {
    await setBudget(2024, '1000000');
    const [company] = await payoutsOf(await acceptedCase().then(async (id) => (await generate(id), id)));
    expect((await submit(company.id)).data.submitPayout.submittedById).toBe(maker.id);
    const auditor = await t.userWithRole(Role.AUDITOR);
    const before = await auditCount();
    const own = await approve(company.id, maker.token);
    expect(codeOf(own)).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/another member of the office/);
    expect(reasonOf(own)).toBe('MAKER_CHECKER');
    expect(codeOf(await approve(company.id, admin))).toBe('FORBIDDEN');
    expect(codeOf(await approve(company.id, auditor.token))).toBe('FORBIDDEN');
    expect(await auditCount()).toBe(before);
    const mine = await ok(`query($id: ID!) { Payout(id: $id) { status nextStatuses } }`, { id: company.id }, maker.token);
    expect(mine.Payout).toEqual({ status: 'SUBMITTED', nextStatuses: ['DRAFT'] });
    const theirs = await ok(`query($id: ID!) { Payout(id: $id) { nextStatuses } }`, { id: company.id }, checker.token);
    expect(theirs.Payout.nextStatuses).toEqual(['APPROVED', 'REJECTED', 'DRAFT']);
    // 待我审批 (the home page's figure): the checker's queue holds it, the maker's does not
    const awaiting = async (userId: string) =>
      ((await ok('query($u: ID!) { allPayouts(filter: { status: [SUBMITTED], notSubmittedById: $u }, perPage: 100) { id } }', { u: userId })).allPayouts as Array<{ id: string }>).map((p) => p.id);
    expect(await awaiting(checker.id)).toContain(company.id);
    expect(await awaiting(maker.id)).not.toContain(company.id);
    expect((await approve(company.id)).data.approvePayout.status).toBe('APPROVED');
    expect(codeOf(await pay(company.id, 'PZ-ADMIN-1', undefined, admin))).toBe('FORBIDDEN');
  });

  it('turns bad amounts, unknown recipients and missing payment references into field errors that write nothing', async () => {
    const caseId = await acceptedCase();
    const [company, community] = (await generate(caseId)).data.generateAwardPayouts;
    const before = await auditCount();
    const edit = (vars: Record<string, unknown>) =>
      t.gql('mutation($id: ID!, $a: String, $c: ID, $j: ID) { updatePayout(id: $id, amount: $a, recipientCompanyId: $c, recipientJurisdictionId: $j) { id } }', vars, maker.token);
    for (const [vars, field] of [
      [{ id: company.id, a: '-100' }, 'amount'],
      [{ id: company.id, a: '100.005' }, 'amount'],
      [{ id: company.id, a: '三万' }, 'amount'],
      [{ id: company.id, c: '999999' }, 'recipientCompanyId'],
      [{ id: community.id, j: '999999' }, 'recipientJurisdictionId'],
      [{ id: community.id, c: companyId }, 'recipientCompanyId'],
    ] as const) {
      const res = await edit(vars);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
    const badRule = await t.gql(
      'mutation($p: ID!) { createIncentiveRule(programmeId: $p, name: "负数", validFrom: "2030-01-01", lines: [{ recipientRole: COMMUNITY, amount: "-1" }]) { id } }',
      { p: programmeId },
      admin,
    );
    expect([codeOf(badRule), fieldOf(badRule)]).toEqual(['BAD_USER_INPUT', 'lines.0.amount']);
    const badBudget = await t.gql('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2031, amount: "0.001") { id } }', { p: programmeId }, admin);
    expect([codeOf(badBudget), fieldOf(badBudget)]).toEqual(['BAD_USER_INPUT', 'amount']);

    await setBudget(2024, '1000000');
    await submit(company.id);
    await approve(company.id);
    for (const ref of ['', '   ']) {
      const res = await pay(company.id, ref);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'paymentReference']);
    }
    const omitted = await t.gql('mutation($id: ID!) { markPayoutPaid(id: $id, paidOn: "2024-08-01") { id } }', { id: company.id }, checker.token);
    expect(omitted.errors?.[0].message).toMatch(/paymentReference/);
    const auditAfter = await auditCount();
    expect(auditAfter).toBe(before + 3); // budget set, submit, approve: nothing from the refused calls
    const { Payout } = await ok(`query($id: ID!) { Payout(id: $id) { ${PAYOUT} } }`, { id: company.id });
    expect(Payout).toMatchObject({ status: 'APPROVED', amountFen: 3_000_000, recipientName: '示范物业有限公司', paymentReference: null });
    expect((await ok(`query($id: ID!) { Payout(id: $id) { amountFen } }`, { id: community.id })).Payout.amountFen).toBe(2_000_000);
  });

  it('freezes amount and recipient once submitted', async () => {
    const caseId = await acceptedCase();
    const [company] = (await generate(caseId)).data.generateAwardPayouts;
    const edited = await t.gql('mutation($id: ID!) { updatePayout(id: $id, amount: "29999.99") { amountFen amount } }', { id: company.id }, maker.token);
    expect(edited.data.updatePayout).toEqual({ amountFen: 2_999_999, amount: '29999.99' });
    await submit(company.id);
    const frozen = await t.gql('mutation($id: ID!) { updatePayout(id: $id, amount: "1") { id } }', { id: company.id }, maker.token);
    expect(codeOf(frozen)).toBe('CONFLICT');
    expect(frozen.errors?.[0].message).toMatch(/frozen once submitted/);
    expect(reasonOf(frozen)).toBe('FROZEN');
  });

  it('refuses an approval past the year’s budget, and one with no budget set', async () => {
    const year = 2026;
    const caseId = await acceptedCase(year);
    const [company, community] = (await generate(caseId)).data.generateAwardPayouts;
    await submit(company.id);
    await submit(community.id);
    const none = await approve(company.id);
    expect(codeOf(none)).toBe('CONFLICT');
    expect(none.errors?.[0].extensions?.reason).toBe('NO_BUDGET');
    await setBudget(year, '40000');
    expect((await approve(company.id)).data.approvePayout.status).toBe('APPROVED');
    const over = await approve(community.id);
    expect(codeOf(over)).toBe('CONFLICT');
    expect(over.errors?.[0].extensions).toMatchObject({ reason: 'OVER_BUDGET', availableFen: 1_000_000 });
    expect(over.errors?.[0].message).toMatch(/exceed the 2026 budget/);
    const lower = await t.gql('mutation($p: ID!) { allIncentiveBudgets(filter: { programmeId: $p, year: 2026 }) { id } }'.replace('mutation', 'query'), { p: programmeId }, admin);
    const cut = await t.gql('mutation($id: ID!) { updateIncentiveBudget(id: $id, amount: "29999") { id } }', { id: lower.data.allIncentiveBudgets[0].id }, admin);
    expect([codeOf(cut), fieldOf(cut)]).toEqual(['BAD_USER_INPUT', 'amount']);
    await setBudget(year, '50000');
    expect((await approve(community.id)).data.approvePayout.status).toBe('APPROVED');
    const { allIncentiveBudgets } = await ok('query($p: ID!) { allIncentiveBudgets(filter: { programmeId: $p, year: 2026 }) { amountFen committedFen paidFen availableFen available } }', {
      p: programmeId,
    });
    expect(allIncentiveBudgets[0]).toEqual({ amountFen: 5_000_000, committedFen: 5_000_000, paidFen: 0, availableFen: 0, available: '0.00' });
  });

  it('replays a mark-paid with the same idempotency key instead of paying twice', async () => {
    await setBudget(2024, '1000000');
    const caseId = await acceptedCase();
    const [company] = (await generate(caseId)).data.generateAwardPayouts;
    await submit(company.id);
    await approve(company.id);
    const key = randomUUID();
    const first = await pay(company.id, 'PZ-2024-0801', key);
    expect(first.data.markPayoutPaid).toMatchObject({ status: 'PAID', paymentReference: 'PZ-2024-0801', paidOn: TODAY });
    const events = await auditCount();
    const again = await pay(company.id, 'PZ-2024-0801', key);
    expect(again.errors).toBeUndefined();
    expect(again.data.markPayoutPaid).toEqual(first.data.markPayoutPaid);
    expect(await auditCount()).toBe(events);
    const reused = await pay(company.id, 'PZ-OTHER', key);
    expect([codeOf(reused), fieldOf(reused), reasonOf(reused)]).toEqual(['CONFLICT', 'idempotencyKey', 'KEY_REUSED']);
    const fresh = await pay(company.id, 'PZ-2024-0801', randomUUID());
    expect(codeOf(fresh)).toBe('CONFLICT'); // a new key is a new request: the payout is already paid
    const { Payout } = await ok('query($id: ID!) { Payout(id: $id) { transitions { toStatus } } }', { id: company.id });
    expect(Payout.transitions.map((x: { toStatus: string }) => x.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID']);
  });

  it('refuses a payment reference already used on another payout', async () => {
    await setBudget(2024, '1000000');
    const [a, b] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    for (const p of [a, b]) {
      await submit(p.id);
      await approve(p.id);
    }
    expect((await pay(a.id, 'PZ-DUP')).data.markPayoutPaid.status).toBe('PAID');
    const dup = await pay(b.id, 'PZ-DUP');
    expect([codeOf(dup), fieldOf(dup), reasonOf(dup)]).toEqual(['CONFLICT', 'paymentReference', 'REFERENCE_USED']);
  });

  it('keeps a voucher unique in the paying office’s books: refused on another programme of the same office, accepted in another office’s', async () => {
    const office = async (name: string) => (await ok('query($q: String!) { allJurisdictions(filter: { q: $q }) { id } }', { q: name })).allJurisdictions[0].id as string;
    const { IncentiveProgramme: seeded } = await ok('query($id: ID!) { IncentiveProgramme(id: $id) { jurisdictionId } }', { id: programmeId });
    /** A programme of the office paying 100 yuan to the company for an accepted site, with its 2024 budget. */
    const programmeOf = async (jurisdictionId: string, name: string) => {
      const { createIncentiveProgramme: p } = await ok('mutation($j: ID, $n: String!) { createIncentiveProgramme(name: $n, trigger: DEMONSTRATION_SITE_ACCEPTED, jurisdictionId: $j) { id } }', {
        j: jurisdictionId,
        n: name,
      });
      await ok('mutation($p: ID!) { createIncentiveRule(programmeId: $p, name: "奖励标准", validFrom: "2024-01-01", lines: [{ recipientRole: PROPERTY_COMPANY, amount: "100" }]) { id } }', {
        p: p.id,
      });
      await setBudget(2024, '10000', p.id);
      return p.id as string;
    };
    const paidIn = async (programme: string, community: string, reference: string) => {
      const [payout] = (await generate(await acceptedCase(2024, programme, community))).data.generateAwardPayouts;
      expect((await submit(payout.id)).errors).toBeUndefined();
      expect((await approve(payout.id)).errors).toBeUndefined();
      return pay(payout.id, reference);
    };
    await setBudget(2024, '1000000');
    const [first] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    await submit(first.id);
    await approve(first.id);
    expect((await pay(first.id, '记-2024-0042')).data.markPayoutPaid.status).toBe('PAID');

    const sameOffice = await paidIn(await programmeOf(seeded.jurisdictionId, '同一街道的另一奖励'), communityId, '记-2024-0042');
    expect([codeOf(sameOffice), fieldOf(sameOffice), reasonOf(sameOffice)]).toEqual(['CONFLICT', 'paymentReference', 'REFERENCE_USED']);
    const otherOffice = await paidIn(await programmeOf(await office('宝盖镇'), '宝盖镇示范小区奖励'), await office('龙穴社区'), '记-2024-0042');
    expect(otherOffice.errors).toBeUndefined();
    expect(otherOffice.data.markPayoutPaid).toMatchObject({ status: 'PAID', paymentReference: '记-2024-0042' });
  });

  it('lets exactly one of 50 simultaneous approvals succeed, and pays once for 50 simultaneous mark-paid calls', async () => {
    await setBudget(2024, '1000000');
    const [company] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    await submit(company.id);
    const approvals = await Promise.all(Array.from({ length: 50 }, () => approve(company.id)));
    const outcome = (rs: GqlResponse[]) => rs.map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
    expect(outcome(approvals)).toEqual(['OK', ...Array(49).fill('CONFLICT')].sort());

    const payments = await Promise.all(Array.from({ length: 50 }, (_, i) => pay(company.id, `PZ-RACE-${i}`, randomUUID())));
    expect(outcome(payments)).toEqual(['OK', ...Array(49).fill('CONFLICT')].sort());
    const key = randomUUID();
    const [other] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    await submit(other.id);
    await approve(other.id);
    const replays = await Promise.all(Array.from({ length: 50 }, () => pay(other.id, 'PZ-SAME-KEY', key)));
    expect(replays.filter((r) => r.errors)).toEqual([]);
    expect(new Set(replays.map((r) => JSON.stringify(r.data.markPayoutPaid))).size).toBe(1);

    for (const id of [company.id, other.id]) {
      const { Payout } = await ok('query($id: ID!) { Payout(id: $id) { status version transitions { toStatus } } }', { id });
      expect(Payout.transitions.filter((x: { toStatus: string }) => x.toStatus === 'PAID')).toHaveLength(1);
      expect(Payout.transitions.filter((x: { toStatus: string }) => x.toStatus === 'APPROVED')).toHaveLength(1);
      const pays = await ok('query($id: ID!) { _allAuditEventsMeta(filter: { entityType: "Payout", entityId: $id, action: "PAY" }) { count } }', { id });
      expect(pays._allAuditEventsMeta.count).toBe(1);
    }
  });

  it('records every transition as an audit event with before and after', async () => {
    await setBudget(2024, '1000000');
    const [company, community] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    await submit(company.id);
    await t.gql('mutation($id: ID!) { rejectPayout(id: $id, reason: "金额待核") { id } }', { id: company.id }, checker.token);
    await t.gql('mutation($id: ID!) { reopenPayout(id: $id) { id } }', { id: company.id }, maker.token);
    await submit(company.id);
    await approve(company.id);
    await pay(company.id, 'PZ-AUDIT-1');
    await t.gql('mutation($id: ID!) { cancelPayout(id: $id, reason: "重复申报") { id } }', { id: community.id }, maker.token);
    for (const [id, expected] of [
      [company.id, ['SUBMIT', 'REJECT', 'REOPEN', 'SUBMIT', 'APPROVE', 'PAY']],
      [community.id, ['CANCEL']],
    ] as const) {
      const { allAuditEvents } = await ok('query($id: ID!) { allAuditEvents(sortField: "id", sortOrder: "ASC", filter: { entityType: "Payout", entityId: $id }) { action actorName before after } }', {
        id,
      });
      expect(allAuditEvents.map((e: { action: string }) => e.action)).toEqual(expected);
      for (const e of allAuditEvents) {
        expect(e.before.status).not.toEqual(e.after.status);
        expect(e.after.version).toBe(e.before.version + 1);
      }
    }
    const { allAuditEvents: rejected } = await ok('query($id: ID!) { allAuditEvents(filter: { entityType: "Payout", entityId: $id, action: "REJECT" }) { after } }', { id: company.id });
    expect(rejected[0].after).toMatchObject({ status: 'REJECTED', reason: '金额待核' });
  });

  it('leaves approved payouts unchanged when their rule is edited afterwards', async () => {
    await setBudget(2024, '1000000');
    const [company] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    await submit(company.id);
    const approved = (await approve(company.id)).data.approvePayout;
    const { allIncentiveRules } = await ok('query($p: ID!) { allIncentiveRules(filter: { programmeId: $p }) { id version } }', { p: programmeId });
    const rule = allIncentiveRules[0];
    const edited = await ok(
      'mutation($id: ID!) { updateIncentiveRule(id: $id, lines: [{ recipientRole: PROPERTY_COMPANY, amount: "40000", printedAmount: "4万元" }, { recipientRole: COMMUNITY, amount: "25000" }]) { version lines { recipientRole amountFen } } }',
      { id: rule.id },
    );
    expect(edited.updateIncentiveRule).toEqual({
      version: rule.version + 1,
      lines: [
        { recipientRole: 'PROPERTY_COMPANY', amountFen: 4_000_000 },
        { recipientRole: 'COMMUNITY', amountFen: 2_500_000 },
      ],
    });
    const { Payout } = await ok(`query($id: ID!) { Payout(id: $id) { ${PAYOUT} } }`, { id: company.id });
    expect(Payout).toEqual(approved);
    // a site accepted after the edit gets the new amounts
    const [later] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    expect([later.amountFen, later.ruleVersion]).toEqual([4_000_000, rule.version + 1]);
    await ok(
      'mutation($id: ID!) { updateIncentiveRule(id: $id, lines: [{ recipientRole: PROPERTY_COMPANY, amount: "30000", printedAmount: "3万元" }, { recipientRole: COMMUNITY, amount: "20000", printedAmount: "2万元" }]) { id } }',
      { id: rule.id },
    );
  });

  it('keeps one rule in force per date and refuses a payout from a rule that names no amount', async () => {
    const overlap = await t.gql(
      'mutation($p: ID!) { createIncentiveRule(programmeId: $p, name: "重叠", validFrom: "2025-01-01", lines: [{ recipientRole: COMMUNITY, amount: "1" }]) { id } }',
      { p: programmeId },
      admin,
    );
    expect([codeOf(overlap), fieldOf(overlap)]).toEqual(['BAD_USER_INPUT', 'validFrom']);
    const { allIncentiveProgrammes } = await ok('{ allIncentiveProgrammes(filter: { trigger: OWNERS_COMMITTEE_FORMED }) { id } }');
    const { createCompound } = await ok('mutation($c: ID!) { createCompound(name: "业委会新组建小区", communityId: $c, managementMode: SELF_MANAGED) { id } }', { c: communityId });
    const { createAwardCase } = await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-11-20") { id propertyCompanyId } }', {
      p: allIncentiveProgrammes[0].id,
      c: createCompound.id,
    });
    for (const [to, d] of [
      ['INSPECTED', '2024-11-25'],
      ['SUPERIOR_ACCEPTED', '2024-12-01'],
      ['STREET_ACCEPTED', '2024-12-10'],
    ])
      await advance(createAwardCase.id, to, d);
    const refused = await generate(createAwardCase.id);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toMatch(/names no amount/);
    expect(reasonOf(refused)).toBe('NO_AMOUNT');
    expect(await payoutsOf(createAwardCase.id)).toEqual([]);
  });

  it('totals committed and paid amounts by year, programme, recipient and community', async () => {
    const totals = async (by: string) =>
      (await ok('query($by: IncentiveTotalsBy!) { incentiveTotals(by: $by, filter: { year: 2026 }) { key label committedFen paidFen committed payoutCount } }', { by })).incentiveTotals;
    // 2026 holds the budget test's two approved payouts only
    expect(await totals('YEAR')).toEqual([{ key: '2026', label: '2026', committedFen: 5_000_000, paidFen: 0, committed: '50000.00', payoutCount: 2 }]);
    expect((await totals('PROGRAMME')).map((r: { label: string; committedFen: number }) => [r.label, r.committedFen])).toEqual([['“党建+物业”小区示范点奖励', 5_000_000]]);
    expect((await totals('RECIPIENT')).map((r: { label: string; committedFen: number }) => [r.label, r.committedFen])).toEqual(
      [
        ['示范物业有限公司', 3_000_000],
        ['阳光社区', 2_000_000],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect((await totals('COMMUNITY')).map((r: { label: string; committedFen: number }) => [r.label, r.committedFen])).toEqual([['阳光社区', 5_000_000]]);
  });

  it('keeps unit staff out of payouts', async () => {
    const { allUnits } = await ok('{ allUnits(perPage: 1) { id } }');
    const staff = await t.userWithRole(Role.UNIT_STAFF, allUnits[0].id);
    const [company] = (await generate(await acceptedCase())).data.generateAwardPayouts;
    expect(codeOf(await submit(company.id, staff.token))).toBe('FORBIDDEN');
    expect(codeOf(await generate(await openCase()).then(() => t.gql('mutation { createIncentiveBudget(programmeId: "1", year: 2040, amount: "1") { id } }', {}, staff.token)))).toBe('FORBIDDEN');
  });
});
