import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * Issue 18, M1: a payout submitted by one member of the paying office and approved by another, with the
 * benchmark's own documents (api/bench/operations/M1-*.graphql), each in at most the statements the
 * ceiling below allows, counted by the app's own statement counter (START TRANSACTION and COMMIT
 * included, as MariaDB's counters count them). Not timed. Everything the rules ask of a move is still
 * written: the conditional UPDATE, the signed step, the audit event, a notification to each checker.
 * The count does not grow with the number of checkers told.
 */
const doc = (name: string) => fs.readFileSync(path.join(__dirname, '../bench/operations', `${name}.graphql`), 'utf8');

/**
 * The hand-written baseline (api/bench/baseline/payout.ts) makes each move in 11 statements on MariaDB;
 * the issue allows two more, and the app holds at 12. SQLite has no INSERT … RETURNING, so TypeORM reads
 * each inserted row's generated columns back (the step's time, the audit event's, the notifications'):
 * three more statements for a submission, two for an approval.
 */
const CEILING = dbKind() === 'mysql' ? { submit: 12, approve: 12 } : { submit: 15, approve: 14 };

describe(`statements of a payout submitted and approved (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let office: string;
  let community: string;
  let company: string;
  let programme: string;
  let sites = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const { allJurisdictions } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id parentId } }');
    community = allJurisdictions[0].id;
    office = allJurisdictions[0].parentId;
    const code = '91350582MA2AWD002';
    company = (await ok(`mutation { createPropertyCompany(name: "计数物业有限公司", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    programme = (await ok('mutation($j: ID) { createIncentiveProgramme(name: "计数奖励", trigger: DEMONSTRATION_SITE_ACCEPTED, jurisdictionId: $j) { id } }', { j: office })).createIncentiveProgramme
      .id;
    await ok(
      'mutation($p: ID!) { createIncentiveRule(programmeId: $p, name: "计数标准", validFrom: "2024-01-01", lines: [{ recipientRole: PROPERTY_COMPANY, amount: "300" }, { recipientRole: COMMUNITY, amount: "200" }]) { id } }',
      {
        p: programme,
      },
    );
    await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2024, amount: "1000000") { id } }', { p: programme });
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** A member of the office (not the root's: the scope rule applies to every read and write). */
  const member = (username: string) => t.createUser({ username, role: Role.PARTY_OFFICE, jurisdictionId: office });

  /** A draft payout of a site accepted by both, in the office's programme. */
  async function draft(): Promise<string> {
    sites++;
    const { createCompound } = await ok('mutation($c: ID!, $p: ID!, $n: String!) { createCompound(name: $n, communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', {
      c: community,
      p: company,
      n: `计数小区${sites}`,
    });
    const { createAwardCase } = await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: 2024) { id } }', {
      p: programme,
      c: createCompound.id,
    });
    for (const [to, d] of [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ]) {
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: createAwardCase.id, to, d });
    }
    const { generateAwardPayouts } = await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id status } }', { c: createAwardCase.id });
    return generateAwardPayouts[0].id;
  }

  /** Statements of one request, and its answer. */
  async function count(name: string, id: string, token: string): Promise<{ n: number; answer: { id: string; status: string } }> {
    t.sql.reset();
    const res = await t.gql(doc(name), { id }, token);
    expect(res.errors).toBeUndefined();
    return { n: t.sql.count, answer: Object.values(res.data as Record<string, { id: string; status: string }>)[0] };
  }

  const eventsOf = async (id: string) =>
    (await ok('query($id: ID!) { allAuditEvents(filter: { entityType: "Payout", entityId: $id }) { action } }', { id })).allAuditEvents.map((e: { action: string }) => e.action);

  it('submits and approves within the ceiling, writing the step, the audit event and the notifications', async () => {
    const maker = await member('count-maker');
    const checker = await member('count-checker');
    const id = await draft();
    const submitted = await count('M1-submit-payout', id, maker.token);
    expect(submitted.answer).toMatchObject({ id, status: 'SUBMITTED' });
    const approved = await count('M1-approve-payout', id, checker.token);
    expect(approved.answer).toMatchObject({ id, status: 'APPROVED' });
    expect(submitted.n).toBeLessThanOrEqual(CEILING.submit);
    expect(approved.n).toBeLessThanOrEqual(CEILING.approve);

    const { Payout } = await ok('query($id: ID!) { Payout(id: $id) { status version submittedById approvedById transitions { fromStatus toStatus actorId } } }', { id });
    expect(Payout).toMatchObject({ status: 'APPROVED', version: 3, submittedById: maker.id, approvedById: checker.id });
    expect(Payout.transitions.map((s: { toStatus: string }) => s.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED']);
    expect(await eventsOf(id)).toEqual(expect.arrayContaining(['SUBMIT', 'APPROVE']));
    const told = await t.gql('{ myNotifications { kind entityId } }', {}, checker.token);
    expect(told.data.myNotifications).toEqual([{ kind: 'PAYOUT_SUBMITTED', entityId: id }]);
  });

  it('tells three checkers in as many statements as one', async () => {
    const maker = await member('count-maker-3');
    const others = [await member('count-checker-3a'), await member('count-checker-3b')];
    const id = await draft();
    const submitted = await count('M1-submit-payout', id, maker.token);
    expect(submitted.n).toBeLessThanOrEqual(CEILING.submit);
    for (const o of others) {
      const told = await t.gql('{ myNotifications { kind entityId } }', {}, o.token);
      expect(told.data.myNotifications).toEqual([{ kind: 'PAYOUT_SUBMITTED', entityId: id }]);
    }
    const approved = await count('M1-approve-payout', id, others[0].token);
    expect(approved.n).toBeLessThanOrEqual(CEILING.approve);
  });
});
