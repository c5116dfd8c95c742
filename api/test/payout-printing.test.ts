import request from 'supertest';
import { fenInCapitals } from '../src/common/money';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { type GqlResponse, startTestApp, type TestApp } from './harness';

const PAYOUT = 'id status amountFen recipientName submittedOn approvedOn paidOn';
const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.code;
const fieldOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.field;
const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;

/**
 * 审批日期 and 付款日期 (issue 17 item 7): an approval is dated the day it was decided (not before the
 * submission, not in the future), a payment on or after that day; the 审批单 and the 名册 print with
 * the session's authorisation and the scope rule. Dates are fixed: the submission is backdated in the
 * step table, as a payout submitted last December would be.
 */
describe(`payout approval dates and printing (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let maker: { token: string; id: string };
  let checker: { token: string; id: string };
  let programmeId: string;
  let communityId: string;
  let companyId: string;
  let uscc: string;
  let sites = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    maker = await t.createUser({ username: 'print-maker', displayName: '王经办', role: Role.PARTY_OFFICE });
    checker = await t.createUser({ username: 'print-checker', displayName: '李审核', role: Role.PARTY_OFFICE });
    programmeId = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    communityId = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2PRT001';
    uscc = `${code}${usccCheckChar(code)}`;
    companyId = (await ok(`mutation($u: String!) { createPropertyCompany(name: "审批单物业有限公司", uscc: $u) { id } }`, { u: uscc })).createPropertyCompany.id;
    await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2025, amount: "1000000") { id } }', { p: programmeId });
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** An accepted site's company payout, submitted by the maker on `submittedOn`. */
  async function submitted(submittedOn: string): Promise<string> {
    sites++;
    const compound = (
      await ok('mutation($c: ID!, $p: ID!, $n: String!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', {
        c: communityId,
        p: companyId,
        n: `审批单小区${sites}`,
      })
    ).createCompound.id;
    const caseId = (await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2025-05-06", year: 2025) { id } }', { p: programmeId, c: compound }))
      .createAwardCase.id;
    for (const [to, d] of [
      ['INSPECTED', '2025-06-01'],
      ['SUPERIOR_ACCEPTED', '2025-06-20'],
      ['STREET_ACCEPTED', '2025-07-01'],
    ]) {
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: caseId, to, d });
    }
    const [company] = (await ok(`mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientRole } }`, { c: caseId }, maker.token)).generateAwardPayouts;
    await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id: company.id }, maker.token);
    // the submission was made on that day (the engine dates it today): the step says so
    await t.app.ds.query(`UPDATE payout_transition SET stepDate = '${submittedOn}' WHERE payoutId = ${Number(company.id)} AND toStatus = 'SUBMITTED'`);
    await t.app.ds.query(`UPDATE payout_transition SET stepDate = '${submittedOn}' WHERE payoutId = ${Number(company.id)} AND fromStatus IS NULL`);
    return company.id;
  }

  const approve = (id: string, decidedOn?: string) =>
    t.gql(`mutation($id: ID!, $on: LocalDate) { approvePayout(id: $id, decidedOn: $on) { ${PAYOUT} } }`, { id, on: decidedOn ?? null }, checker.token);
  const pay = (id: string, paidOn: string, ref: string) =>
    t.gql(`mutation($id: ID!, $on: LocalDate!, $r: String!) { markPayoutPaid(id: $id, paidOn: $on, paymentReference: $r) { ${PAYOUT} } }`, { id, on: paidOn, r: ref }, checker.token);
  const print = (path: string, token?: string) => {
    const r = request(t.app.express).get(path);
    return token ? r.set('authorization', `Bearer ${token}`) : r;
  };

  it('dates an approval on the day it was decided: not before the submission, not in the future', async () => {
    const id = await submitted('2025-12-20');
    const early = await approve(id, '2025-12-19');
    expect([codeOf(early), fieldOf(early), reasonOf(early)]).toEqual(['BAD_USER_INPUT', 'decidedOn', 'BEFORE_PREVIOUS']);
    const future = await approve(id, '2099-01-01');
    expect([codeOf(future), fieldOf(future), reasonOf(future)]).toEqual(['BAD_USER_INPUT', 'decidedOn', 'FUTURE_DATE']);
    expect((await ok(`query($id: ID!) { Payout(id: $id) { status } }`, { id })).Payout.status).toBe('SUBMITTED');
    const done = await approve(id, '2025-12-22');
    expect(done.errors).toBeUndefined();
    expect(done.data.approvePayout).toMatchObject({ status: 'APPROVED', submittedOn: '2025-12-20', approvedOn: '2025-12-22' });
  });

  it('records a payment made last year on or after its approval’s day, and refuses one before it', async () => {
    const id = await submitted('2025-12-20');
    expect((await approve(id, '2025-12-22')).errors).toBeUndefined();
    const before = await pay(id, '2025-12-21', 'PZ-2025-1221');
    expect([codeOf(before), fieldOf(before), reasonOf(before)]).toEqual(['BAD_USER_INPUT', 'paidOn', 'BEFORE_PREVIOUS']);
    const sameDay = await pay(id, '2025-12-22', 'PZ-2025-1222');
    expect(sameDay.errors).toBeUndefined();
    expect(sameDay.data.markPayoutPaid).toMatchObject({ status: 'PAID', approvedOn: '2025-12-22', paidOn: '2025-12-22' });
  });

  it('dates an approval that names no day on the day it is recorded', async () => {
    const id = await submitted('2025-12-20');
    const done = await approve(id);
    expect(done.errors).toBeUndefined();
    const { today } = (await ok(`query($id: ID!) { Payout(id: $id) { transitions { toStatus stepDate at } } }`, { id })).Payout.transitions
      .filter((s: { toStatus: string }) => s.toStatus === 'APPROVED')
      .map((s: { stepDate: string }) => ({ today: s.stepDate }))[0];
    expect(done.data.approvePayout.approvedOn).toBe(today);
    expect(today > '2025-12-20').toBe(true);
  });

  it('prints the 审批单 with the case, the payee and its code, the amount in figures and capitals, the budget line, maker and checker with their days', async () => {
    const id = await submitted('2025-12-20');
    await approve(id, '2025-12-23');
    await pay(id, '2025-12-30', 'PZ-2025-1230');
    const res = await print(`/print/payout/${id}`, admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.text;
    for (const s of [
      '奖励发放审批单',
      '审批单物业有限公司',
      uscc,
      `审批单小区${sites}`,
      '阳光社区',
      '￥30,000.00 元',
      '人民币叁万元整',
      '2025 年度预算',
      '1,000,000.00 元',
      '2025-12-30',
      'PZ-2025-1230',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/data-role="maker">王经办（print-maker）\u30002025-12-20/);
    expect(text).toMatch(/data-role="checker">李审核（print-checker）\u30002025-12-23/);
    expect(text).not.toMatch(/<script/i);
  });

  it('refuses the 审批单 without a session, and answers NOT_FOUND out of scope and for an unknown payout', async () => {
    const id = await submitted('2025-12-20');
    expect((await print(`/print/payout/${id}`)).status).toBe(401);
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    const other = await t.createUser({ username: 'print-baogai', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    // the payout is 青阳's: to 宝盖镇 it is not there, in GraphQL as on paper
    expect((await ok(`query($id: ID!) { Payout(id: $id) { id } }`, { id }, other.token)).Payout).toBeNull();
    const out = await print(`/print/payout/${id}`, other.token);
    expect(out.status).toBe(404);
    expect(out.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(out.text).not.toContain('审批单物业有限公司');
    expect((await print('/print/payout/99999999', admin)).status).toBe(404);
    expect((await print('/print/payout/abc', admin)).status).toBe(400);
  });

  it('gives the finance sheet what it books: paid payouts with the payee’s credit code and local dates', async () => {
    const { allPayouts } = await ok(
      '{ allPayouts(filter: { status: [PAID], paidFrom: "2025-12-01", paidTo: "2025-12-31" }, perPage: 100) { paidOn amountFen paymentReference recipientCompany { uscc } } }',
    );
    expect(allPayouts.length).toBeGreaterThanOrEqual(2);
    for (const p of allPayouts) {
      expect(p.paidOn).toMatch(/^2025-12-\d\d$/);
      expect(p.recipientCompany.uscc).toBe(uscc);
    }
  });

  it('prints a working group’s roster as of a day, role by role, and keeps it in scope', async () => {
    const group = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇" }, perPage: 1) { id name } }')).allWorkingGroups[0];
    const { WorkingGroup } = await ok('query($id: ID!) { WorkingGroup(id: $id) { members(asOf: "2024-01-01") { role person { name } post { title } } } }', { id: group.id });
    expect(WorkingGroup.members.length).toBeGreaterThan(3);
    const res = await print(`/print/roster/${group.id}?asOf=2024-01-01`, admin);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`${group.name}名单`);
    expect(res.text).toContain('截至 2024-01-01');
    expect(res.text).toContain('组长');
    for (const m of WorkingGroup.members) expect(res.text).toContain(m.person.name);
    // the seats print in roster order: the leader first
    const leader = WorkingGroup.members.find((m: { role: string }) => m.role === 'LEADER');
    const member = WorkingGroup.members.find((m: { role: string }) => m.role === 'MEMBER');
    expect(res.text.indexOf(leader.person.name)).toBeLessThan(res.text.indexOf(member.person.name));
    expect((await print(`/print/roster/${group.id}?asOf=2024-02-30`, admin)).status).toBe(400);
    expect((await print(`/print/roster/${group.id}`)).status).toBe(401);
    const qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }')).allJurisdictions[0].id;
    const other = await t.createUser({ username: 'print-qingyang', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    expect((await print(`/print/roster/${group.id}`, other.token)).status).toBe(404);
  });
});

describe('大写金额 (fenInCapitals)', () => {
  it('writes amounts as vouchers do: 整 after 元 or 角, one 零 for a run of zeros, none after 分', () => {
    const cases: Array<[number, string]> = [
      [3_000_000, '叁万元整'],
      [2_000_000, '贰万元整'],
      [1_005_005, '壹万零伍拾元零伍分'],
      [10_000_000, '壹拾万元整'],
      [100_001, '壹仟元零壹分'],
      [1_000_100, '壹万零壹元整'],
      [10_010_000_000, '壹亿零壹拾万元整'],
      [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
      [1_010, '壹拾元壹角整'],
      [50, '伍角整'],
      [5, '伍分'],
      [0, '零元整'],
    ];
    for (const [fen, words] of cases) expect([fen, fenInCapitals(fen)]).toEqual([fen, words]);
    expect(() => fenInCapitals(-1)).toThrow(RangeError);
  });
});
