import { todayInChina } from '../../src/common/dates';
import { usccCheckChar } from '../../src/common/uscc';
import type { RetryingClient, WriteSpec } from './client';

/** A signed-in user the workload writes as. */
export interface Writer {
  id: number;
  token: string;
}

/** What the workload needs from the seeded database: who writes, and the records writes attach to. */
export interface Fixture {
  admin: Writer;
  /** PARTY_OFFICE: submits payouts. */
  maker: Writer;
  /** PARTY_OFFICE: approves and pays them (maker-checker). */
  checker: Writer;
  groupId: string;
  assignmentIds: string[];
  programmeId: string;
  communityId: string;
  companyId: string;
}

type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

/** Signs in, creates the office's two signers and the records the writes need (before the clock starts). */
export async function prepare(gql: Gql, adminPassword: string, run: string): Promise<Fixture> {
  const signIn = async (username: string, password: string): Promise<Writer> => {
    const r = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword user { id } } }', { u: username, p: password });
    let token: string = r.login.token;
    if (r.login.mustChangePassword) {
      token = (await gql('mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { token } }', { c: password, n: `${password}-own` }, token)).changePassword.token;
    }
    return { id: Number(r.login.user.id), token };
  };
  const admin = await signIn('admin', adminPassword);
  const signer = async (name: string) => {
    await gql('mutation($u: String!, $p: String!) { createUser(username: $u, displayName: $u, password: $p, role: PARTY_OFFICE) { id } }', { u: name, p: 'crash-test-pass-1' }, admin.token);
    return signIn(name, 'crash-test-pass-1');
  };
  const maker = await signer(`maker${run}`);
  const checker = await signer(`checker${run}`);
  const groupId = (await gql('{ allWorkingGroups(perPage: 1) { id } }', {}, admin.token)).allWorkingGroups[0].id;
  const assignmentIds = (await gql('{ allAssignments(perPage: 100) { id } }', {}, admin.token)).allAssignments.map((a: { id: string }) => a.id);
  const programmeId = (await gql('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }', {}, admin.token)).allIncentiveProgrammes[0].id;
  const communityId = (await gql('{ allJurisdictions(filter: { level: COMMUNITY }, perPage: 1) { id } }', {}, admin.token)).allJurisdictions[0].id;
  const code = `91350582MA${run}`; // run is 7 digits: 17 characters, the check character follows
  const companyId = (await gql('mutation($n: String!, $u: String!) { createPropertyCompany(name: $n, uscc: $u) { id } }', { n: `崩溃测试物业${run}`, u: `${code}${usccCheckChar(code)}` }, admin.token))
    .createPropertyCompany.id;
  await gql('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2024, amount: "100000000") { id } }', { p: programmeId }, admin.token);
  return { admin, maker, checker, groupId, assignmentIds, programmeId, communityId, companyId };
}

const count = (sql: string, params: unknown[], expect = 1) => ({ sql: `SELECT COUNT(*) AS n FROM ${sql}`, params, expect });

/**
 * One of ~20 simultaneous clients: roster edits (a person, their seat, their phone), progress reports
 * and award cases through to paid payouts, each write sent with its own key until answered. A chain
 * whose write went unanswered starts over, since the next step depends on the answer.
 */
export async function runWorker(client: RetryingClient, fx: Fixture, run: string, n: number, stopAt: number): Promise<void> {
  let seq = 0;
  const marker = () => `crash-${run}-${n}-${++seq}`;
  const today = todayInChina();
  const as = (w: Writer) => ({ token: w.token, actorId: w.id });

  const roster = chain(async function* () {
    const name = marker();
    const person = yield {
      kind: 'createPerson',
      ...as(fx.admin),
      query: 'mutation($n: String!) { createPerson(name: $n) { id } }',
      variables: { n: name },
      field: 'createPerson',
      check: count('person WHERE name = ?', [name]),
    };
    const personId = person.id as string;
    yield {
      kind: 'createMembership',
      ...as(fx.admin),
      query: 'mutation($g: ID!, $p: ID!, $d: LocalDate!) { createMembership(groupId: $g, personId: $p, role: MEMBER, validFrom: $d) { id } }',
      variables: { g: fx.groupId, p: personId, d: today },
      field: 'createMembership',
      check: count('membership WHERE personId = ? AND groupId = ?', [personId, fx.groupId]),
    };
    yield {
      kind: 'updatePerson',
      ...as(fx.admin),
      query: 'mutation($id: ID!, $p: String!) { updatePerson(id: $id, phone: $p) { id } }',
      variables: { id: personId, p: `0595-${seq}` },
      field: 'updatePerson',
      check: count(`audit_event WHERE entityType = 'Person' AND entityId = ? AND action = 'UPDATE'`, [personId]),
    };
  });

  const payouts = chain(async function* () {
    const name = marker();
    const compound = yield {
      kind: 'createCompound',
      ...as(fx.admin),
      query: 'mutation($n: String!, $c: ID!, $p: ID!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }',
      variables: { n: name, c: fx.communityId, p: fx.companyId },
      field: 'createCompound',
      check: count('compound WHERE name = ?', [name]),
    };
    const awardCase = yield {
      kind: 'createAwardCase',
      ...as(fx.admin),
      query: 'mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: 2024) { id } }',
      variables: { p: fx.programmeId, c: compound.id },
      field: 'createAwardCase',
      check: count('award_case WHERE compoundId = ?', [compound.id]),
    };
    const caseId = awardCase.id as string;
    for (const [to, d] of [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ]) {
      yield {
        kind: 'advanceAwardCase',
        ...as(fx.admin),
        query: 'mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }',
        variables: { id: caseId, to, d },
        field: 'advanceAwardCase',
        check: count('award_case_step WHERE caseId = ? AND toStatus = ?', [caseId, to]),
      };
    }
    const made = yield {
      kind: 'generateAwardPayouts',
      ...as(fx.admin),
      query: 'mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id } }',
      variables: { c: caseId },
      field: 'generateAwardPayouts',
      check: count('payout WHERE caseId = ?', [caseId], 2),
    };
    for (const { id } of made as Array<{ id: string }>) {
      const step = (kind: string, who: Writer, to: string, query: string, extra: Record<string, unknown> = {}): WriteSpec => ({
        kind,
        ...as(who),
        query,
        variables: { id, ...extra },
        field: kind,
        check: count('payout_transition WHERE payoutId = ? AND toStatus = ?', [id, to]),
      });
      yield step('submitPayout', fx.maker, 'SUBMITTED', 'mutation($id: ID!) { submitPayout(id: $id) { id } }');
      yield step('approvePayout', fx.checker, 'APPROVED', 'mutation($id: ID!) { approvePayout(id: $id) { id } }');
      yield step('markPayoutPaid', fx.checker, 'PAID', 'mutation($id: ID!, $r: String!, $d: LocalDate!) { markPayoutPaid(id: $id, paymentReference: $r, paidOn: $d) { id } }', {
        r: `PZ-${marker()}`,
        d: today,
      });
    }
  });

  const progress = async () => {
    const note = marker();
    const assignmentId = fx.assignmentIds[Math.floor(Math.random() * fx.assignmentIds.length)];
    await client.write({
      kind: 'reportProgress',
      ...as(fx.admin),
      query: 'mutation($a: ID!, $d: LocalDate!, $n: String!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: $n) { id } }',
      variables: { a: assignmentId, d: today, n: note },
      field: 'reportProgress',
      check: count('progress_report WHERE note = ?', [note]),
    });
  };

  while (Date.now() < stopAt) {
    const r = Math.random();
    if (r < 0.35) await roster(client);
    else if (r < 0.6) await progress();
    else await payouts(client);
  }
}

/**
 * A sequence of dependent writes as a generator: each `yield` sends one write and resumes with its
 * answer. Each call advances one step; an unanswered write ends the sequence and the next call starts
 * a fresh one.
 */
function chain(make: () => AsyncGenerator<WriteSpec, void, any>): (client: RetryingClient) => Promise<void> {
  let current: AsyncGenerator<WriteSpec, void, any> | null = null;
  let answer: unknown;
  return async (client) => {
    current ??= make();
    const next = await current.next(answer);
    if (next.done) {
      current = null;
      answer = undefined;
      return;
    }
    const outcome = await client.write(next.value);
    if (outcome.acknowledged) answer = outcome.data;
    else {
      current = null;
      answer = undefined;
    }
  };
}
