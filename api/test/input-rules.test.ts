import fc from 'fast-check';
import { addDays, chinaDayStart, dateProblem, todayInChina } from '../src/common/dates';
import { amountProblem, fenToYuan, yuanToFen } from '../src/common/money';
import { Role } from '../src/common/roles';
import { loadConfig } from '../src/config/env';
import { Assignment } from '../src/modules/task/assignment.entity';
import { checkReportDate } from '../src/modules/task/progress.rules';
import { dbKind } from './db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from './harness';

const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;
const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), reasonOf(r)];
const TODAY = todayInChina();
const overlaps = (a: Period, b: Period) => a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
interface Period {
  from: string;
  to: string | null;
}
/** A day from 2020-01-01 to 2025-12-31, as YYYY-MM-DD. */
const day = fc.integer({ min: 0, max: 2191 }).map((n) => addDays('2020-01-01', n));
const period = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 400 }), { nil: null })).map(([from, len]): Period => ({ from, to: len === null ? null : addDays(from, len) }));

describe('the rules themselves (no database)', () => {
  it('reads back every amount it writes, and refuses commas, spaces and zero', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999_999_99 }), (fen) => yuanToFen(fenToYuan(fen), 'amount') === fen));
    const withSeparator = fc.tuple(fc.stringMatching(/^[1-9]\d{0,6}$/), fc.constantFrom(',', '，', ' ', '\u00a0'), fc.stringMatching(/^\d{1,3}$/)).map(([a, s, b]) => `${a}${s}${b}`);
    fc.assert(fc.property(withSeparator, (v) => amountProblem(v)?.reason === 'NOT_AN_AMOUNT'));
    fc.assert(fc.property(fc.constantFrom('0', '0.0', '0.00', '000', ' 0 '), (v) => amountProblem(v)?.reason === 'ZERO_AMOUNT'));
  });

  it('accepts real days from 2000 to 2100 only', () => {
    const inRange = fc.integer({ min: 0, max: 36889 }).map((n) => addDays('2000-01-01', n));
    fc.assert(fc.property(inRange, (d) => dateProblem(d) === null));
    const outside = fc.oneof(fc.integer({ min: 0, max: 1999 }), fc.integer({ min: 2101, max: 9999 })).map((y) => `${String(y).padStart(4, '0')}-06-15`);
    fc.assert(fc.property(outside, (d) => dateProblem(d)?.reason === 'DATE_OUT_OF_RANGE'));
    const impossible = fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom('02-30', '02-31', '04-31', '13-01', '00-10', '06-00', '06-32')).map(([y, md]) => `${y}-${md}`);
    fc.assert(fc.property(impossible, (d) => dateProblem(d)?.reason === 'NOT_A_DATE'));
    expect(dateProblem('2025-02-28', { past: true, today: '2025-02-27' })?.reason).toBe('FUTURE_DATE');
  });

  it("dates a progress report from the assignment's first day, at most N days back unless an ADMIN corrects", () => {
    const actor = (role: Role) => ({ user: { id: 1, username: 'u', role, unitId: null, jurisdictionId: null }, requestId: 'r' });
    const scenario = fc.record({
      created: fc.integer({ min: 0, max: 800 }),
      back: fc.integer({ min: -5, max: 900 }),
      limit: fc.integer({ min: 0, max: 400 }),
      role: fc.constantFrom(...Object.values(Role)),
    });
    fc.assert(
      fc.property(scenario, ({ created, back, limit, role }) => {
        const today = '2026-06-30';
        const assignment = Object.assign(new Assignment(), { createdAt: chinaDayStart(addDays(today, -created)) });
        const expected = back < 0 ? 'FUTURE_DATE' : back > created ? 'BEFORE_ASSIGNMENT' : back > limit && role !== Role.ADMIN ? 'BACKDATED' : null;
        try {
          const backdating = checkReportDate(addDays(today, -back), assignment, actor(role), limit, today);
          return expected === null && (backdating !== null) === back > limit;
        } catch (e) {
          return (e as { extensions: { field: string; reason: string } }).extensions.reason === expected && (e as { extensions: { field: string } }).extensions.field === 'reportDate';
        }
      }),
    );
  });

  it('reads PROGRESS_BACKDATE_DAYS: 31 by default, an integer from 0 to 3650', () => {
    expect(loadConfig({}).progressBackdateDays).toBe(31);
    expect(loadConfig({ PROGRESS_BACKDATE_DAYS: '0' }).progressBackdateDays).toBe(0);
    for (const bad of ['-1', '3651', '7.5', 'month']) expect(() => loadConfig({ PROGRESS_BACKDATE_DAYS: bad })).toThrow(/PROGRESS_BACKDATE_DAYS/);
  });
});

describe(`input rules (${dbKind()})`, () => {
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
  const audits = async () => (await ok('{ _allAuditEventsMeta { count } }'))._allAuditEventsMeta.count as number;
  const first = async (list: string, filter = '') => (await ok(`{ ${list}(perPage: 1${filter ? `, filter: ${filter}` : ''}) { id } }`))[list][0].id as string;

  it('refuses every amount input written with a comma, a space or as zero, naming it, and changes nothing', async () => {
    const programme = await first('allIncentiveProgrammes');
    const inputs: Array<[string, string, (a: string) => Record<string, unknown>]> = [
      ['mutation($a: String!, $p: ID!) { createIncentiveBudget(programmeId: $p, year: 2040, amount: $a) { id } }', 'amount', (a) => ({ a, p: programme })],
      ['mutation($a: String!) { updateIncentiveBudget(id: "1", amount: $a) { id } }', 'amount', (a) => ({ a })],
      ['mutation($a: String!) { updatePayout(id: "1", amount: $a) { id } }', 'amount', (a) => ({ a })],
      [
        'mutation($a: String!, $p: ID!) { createIncentiveRule(programmeId: $p, name: "r", validFrom: "2040-01-01", lines: [{ recipientRole: COMMUNITY, amount: $a }]) { id } }',
        'lines.0.amount',
        (a) => ({ a, p: programme }),
      ],
      ['mutation($a: String!) { updateIncentiveRule(id: "1", lines: [{ recipientRole: COMMUNITY }, { recipientRole: PROPERTY_COMPANY, amount: $a }]) { id } }', 'lines.1.amount', (a) => ({ a })],
    ];
    const before = await audits();
    const amounts = fc.sample(
      fc.tuple(fc.stringMatching(/^[1-9]\d{0,5}$/), fc.constantFrom(',', ' ', '，'), fc.stringMatching(/^\d{1,3}$/)).map(([a, s, b]) => `${a}${s}${b}`),
      { numRuns: 10, seed: 7 },
    );
    for (const [query, field, vars] of inputs) {
      for (const a of ['30000,50', '1,5', ...amounts.slice(0, 4)]) expect([a, ...refusal(await t.gql(query, vars(a), admin))]).toEqual([a, 'BAD_USER_INPUT', field, 'NOT_AN_AMOUNT']);
      for (const a of ['0', '0.00']) expect([a, ...refusal(await t.gql(query, vars(a), admin))]).toEqual([a, 'BAD_USER_INPUT', field, 'ZERO_AMOUNT']);
    }
    expect(await audits()).toBe(before);
    const budget = await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2040, amount: "30000.5") { amountFen amount } }', { p: programme });
    expect(budget.createIncentiveBudget).toEqual({ amountFen: 3_000_050, amount: '30000.50' });
  });

  it('refuses every past-date input before 2000, in year 0000, impossible or in the future, naming it', async () => {
    const pastInputs: Array<[string, string]> = [
      ['mutation($d: LocalDate!) { reportProgress(assignmentId: "1", reportDate: $d, status: DONE, note: "x") { id } }', 'reportDate'],
      ['mutation($d: LocalDate!) { markPayoutPaid(id: "1", paymentReference: "R-1", paidOn: $d) { id } }', 'paidOn'],
      ['mutation($d: LocalDate!) { advanceAwardCase(id: "1", to: INSPECTED, date: $d) { id } }', 'date'],
      ['mutation($d: LocalDate!) { createAwardCase(programmeId: "1", compoundId: "1", appliedOn: $d) { id } }', 'appliedOn'],
      ['mutation($d: LocalDate!) { recordSuccession(input: { postId: "1", successorId: "1", date: $d }) { date } }', 'date'],
      ['query($d: LocalDate!) { successionPreview(input: { postId: "1", successorId: "1", date: $d }) { date } }', 'date'],
      ['mutation($d: LocalDate!) { createIndicatorMeasurement(indicatorId: "1", jurisdictionId: "1", value: 1, measuredOn: $d) { id } }', 'measuredOn'],
      ['mutation($d: LocalDate!) { updateIndicatorMeasurement(id: "1", measuredOn: $d) { id } }', 'measuredOn'],
      ['mutation($d: LocalDate!) { createOwnersCommittee(compoundId: "1", kind: ELECTED, formedOn: $d) { id } }', 'formedOn'],
      ['mutation($d: LocalDate!) { createOwnersCommittee(compoundId: "1", kind: ELECTED, formedOn: "2024-01-01", dissolvedOn: $d) { id } }', 'dissolvedOn'],
      ['mutation($d: LocalDate!) { createPartyOrganization(compoundId: "1", form: JOINT, formalMemberCount: 1, name: "支部", formedOn: $d) { id } }', 'formedOn'],
      ['mutation($d: LocalDate!) { publishRatingPeriod(periodId: "1", publishedOn: $d) { id } }', 'publishedOn'],
      ['mutation($d: LocalDate!) { advanceRectification(id: "1", to: INTERVIEWED, date: $d) { id } }', 'date'],
      ['mutation($d: LocalDate!) { createPolicyDocument(title: "t", issuer: "i", issueDate: $d) { id } }', 'issueDate'],
    ];
    const office = (await t.userWithRole(Role.PARTY_OFFICE)).token; // signs payments, which an ADMIN may not
    const before = await audits();
    const generated = fc.sample(
      fc.oneof(
        fc.integer({ min: 0, max: 1999 }).map((y) => [`${String(y).padStart(4, '0')}-01-01`, 'DATE_OUT_OF_RANGE']),
        fc.integer({ min: 2000, max: 2099 }).map((y) => [`${y}-02-30`, 'NOT_A_DATE']),
        fc.integer({ min: 1, max: 3000 }).map((n) => [addDays(TODAY, n), 'FUTURE_DATE']),
      ),
      { numRuns: pastInputs.length, seed: 3 },
    );
    for (const [i, [query, field]] of pastInputs.entries()) {
      const cases = [['1900-01-01', 'DATE_OUT_OF_RANGE'], ['0000-01-01', 'DATE_OUT_OF_RANGE'], ['2025-02-30', 'NOT_A_DATE'], [addDays(TODAY, 1), 'FUTURE_DATE'], generated[i]];
      for (const [d, reason] of cases) expect([field, d, ...refusal(await t.gql(query, { d }, office))]).toEqual([field, d, 'BAD_USER_INPUT', field, reason]);
    }
    expect(await audits()).toBe(before);
  });

  it('bounds every other date input to 2000-01-01 … 2100-12-31, naming it', async () => {
    const inputs: Array<[string, string]> = [
      ['mutation($d: LocalDate) { createMembership(groupId: "1", personId: "1", role: MEMBER, validFrom: $d) { id } }', 'validFrom'],
      ['mutation($d: LocalDate!) { createIncentiveRule(programmeId: "1", name: "r", validFrom: $d, lines: []) { id } }', 'validFrom'],
      ['mutation($d: LocalDate!) { createRatingPeriod(schemeId: "1", code: "X", startDate: "2030-01-01", endDate: $d) { id } }', 'endDate'],
      ['query($d: LocalDate) { allAuditEvents(filter: { from: $d }) { id } }', 'filter.from'],
      ['query($d: LocalDate!) { taskRollup(asOf: $d, by: UNIT) { totalCount } }', 'asOf'],
    ];
    for (const [query, field] of inputs) {
      for (const d of ['1999-12-31', '2101-01-01', '0000-01-01']) expect([d, ...refusal(await t.gql(query, { d }, admin))]).toEqual([d, 'BAD_USER_INPUT', field, 'DATE_OUT_OF_RANGE']);
    }
    expect((await t.gql('{ deadlinePage(asOf: "2100-12-31", state: OVERDUE) { totalCount } }', {}, admin)).errors).toBeUndefined();
  });

  it('dates a report no earlier than its assignment, and more than 31 days back only as an audited ADMIN correction', async () => {
    const unitId = await first('allUnits', '{ q: "党建办" }');
    const assignment = await first('allAssignments', `{ unitId: "${unitId}" }`);
    const staff = (await t.userWithRole(Role.UNIT_STAFF, unitId)).token;
    const office = (await t.userWithRole(Role.PARTY_OFFICE)).token;
    const report = (d: string, token: string) =>
      t.gql('mutation($a: ID!, $d: LocalDate!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: "进展") { id } }', { a: assignment, d }, token);
    const reports = async () => (await ok('{ _allProgressReportsMeta { count } }'))._allProgressReportsMeta.count as number;
    const before = await reports();
    // seeded today: nothing can be reported for yesterday, by anyone
    for (const token of [staff, admin]) expect(refusal(await report(addDays(TODAY, -1), token))).toEqual(['BAD_USER_INPUT', 'reportDate', 'BEFORE_ASSIGNMENT']);
    await t.app.ds.getRepository(Assignment).update({ id: Number(assignment) }, { createdAt: chinaDayStart(addDays(TODAY, -400)) });
    const late = await report(addDays(TODAY, -32), staff);
    expect(refusal(late)).toEqual(['BAD_USER_INPUT', 'reportDate', 'BACKDATED']);
    expect(late.errors?.[0].extensions).toMatchObject({ limitDays: 31, earliest: addDays(TODAY, -31) });
    expect(refusal(await report(addDays(TODAY, -100), office))).toEqual(['BAD_USER_INPUT', 'reportDate', 'BACKDATED']);
    expect(refusal(await report(addDays(TODAY, -401), admin))).toEqual(['BAD_USER_INPUT', 'reportDate', 'BEFORE_ASSIGNMENT']);
    expect(await reports()).toBe(before);

    const recent = await report(addDays(TODAY, -31), staff);
    const corrected = await report(addDays(TODAY, -100), admin);
    expect([recent.errors, corrected.errors]).toEqual([undefined, undefined]);
    const event = async (id: string) => (await ok('query($id: ID!) { allAuditEvents(filter: { entityType: "ProgressReport", entityId: $id }) { action after } }', { id })).allAuditEvents[0];
    expect((await event(recent.data.reportProgress.id)).action).toBe('CREATE');
    expect(await event(corrected.data.reportProgress.id)).toMatchObject({ action: 'PROGRESS_BACKDATED', after: { reportDate: addDays(TODAY, -100), backdated: { days: 100, limitDays: 31 } } });
  });

  it('bounds search texts and id lists of every list, naming filter.q / filter.ids', async () => {
    const lists = ['allPeople', 'allClauses', 'allMemberships', 'allAwardCases', 'allPayouts', 'allProgressReports', 'allAuditEvents'];
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    for (const list of lists) {
      if (list !== 'allAuditEvents') {
        expect((await t.gql(`query($q: String) { ${list}(filter: { q: $q }) { id } }`, { q: '物'.repeat(100) }, admin)).errors).toBeUndefined();
        for (const q of ['物'.repeat(101), 'x'.repeat(50_000)])
          expect([list, ...refusal(await t.gql(`query($q: String) { ${list}(filter: { q: $q }) { id } }`, { q }, admin))]).toEqual([list, 'BAD_USER_INPUT', 'filter.q', 'TOO_LONG']);
      }
      expect((await t.gql(`query($ids: [ID!]) { ${list}(filter: { ids: $ids }) { id } }`, { ids: ids(1000) }, admin)).errors).toBeUndefined();
      for (const n of [1001, 5000])
        expect([list, ...refusal(await t.gql(`query($ids: [ID!]) { _${list}Meta(filter: { ids: $ids }) { count } }`, { ids: ids(n) }, admin))]).toEqual([
          list,
          'BAD_USER_INPUT',
          'filter.ids',
          'TOO_MANY',
        ]);
    }
    const statuses = Array.from({ length: 1001 }, () => 'DRAFT');
    expect(refusal(await t.gql('query($s: [PayoutStatus!]) { allPayouts(filter: { status: $s }) { id } }', { s: statuses }, admin))).toEqual(['BAD_USER_INPUT', 'filter.status', 'TOO_MANY']);
    // the service refuses what the request limits might not (100,000 ids was a SQLite server error)
    await expect(Promise.resolve().then(() => t.app.services.person.list({ filter: { ids: ids(100_000) } }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.ids' } });
  });

  describe('dated periods', () => {
    let groupId: string;
    let communityId: string;
    let n = 0;
    beforeAll(async () => {
      groupId = (await ok('mutation { createWorkingGroup(name: "期间测试专班", kind: GROUP) { id } }')).createWorkingGroup.id;
      communityId = await first('allJurisdictions', '{ q: "阳光社区" }');
    });
    const person = async () => (await ok('mutation($n: String!) { createPerson(name: $n) { id } }', { n: `人员${++n}` })).createPerson.id as string;
    /** A new post held by a new person since 2023-01-01, with the seat (副组长) that follows it. */
    const heldPost = async () => {
      const post = (await ok('mutation($t: String!) { createPost(title: $t) { id } }', { t: `职务${++n}` })).createPost.id as string;
      const holder = await person();
      await ok('mutation($p: ID!, $h: ID!) { createPostHolding(postId: $p, personId: $h, validFrom: "2023-01-01") { id } }', { p: post, h: holder });
      await ok('mutation($g: ID!, $h: ID!, $p: ID!) { createMembership(groupId: $g, personId: $h, postId: $p, role: DEPUTY, validFrom: "2023-01-01") { id } }', { g: groupId, h: holder, p: post });
      return { post, holder };
    };
    const succeed = (post: string, successor: string, date: string) =>
      ok('mutation($i: SuccessionInput!) { recordSuccession(input: $i) { date until } }', { i: { postId: post, successorId: successor, date } });
    const holdings = async (post: string) =>
      (await ok('query($p: ID!) { Post(id: $p) { holdings { personId validFrom validTo } } }', { p: post })).Post.holdings as Array<{ personId: string; validFrom: string; validTo: string | null }>;
    const seatHolders = async (post: string, asOf: string) =>
      (
        (await ok('query($g: ID!, $d: LocalDate) { allMemberships(filter: { groupId: $g, asOf: $d }) { personId postId } }', { g: groupId, d: asOf })).allMemberships as Array<{
          personId: string;
          postId: string;
        }>
      )
        .filter((m) => m.postId === post)
        .map((m) => m.personId);

    it('ends a succession recorded late the day before the later one (post → A on 2024-03-01, then → B on 2023-12-01)', async () => {
      const { post, holder } = await heldPost();
      const [a, b] = [await person(), await person()];
      expect((await succeed(post, a, '2024-03-01')).recordSuccession).toEqual({ date: '2024-03-01', until: null });
      expect((await succeed(post, b, '2023-12-01')).recordSuccession).toEqual({ date: '2023-12-01', until: '2024-02-29' });
      expect(await holdings(post)).toEqual([
        { personId: holder, validFrom: '2023-01-01', validTo: '2023-11-30' },
        { personId: b, validFrom: '2023-12-01', validTo: '2024-02-29' },
        { personId: a, validFrom: '2024-03-01', validTo: null },
      ]);
      for (const [d, who] of [
        ['2023-11-30', holder],
        ['2023-12-01', b],
        ['2024-02-29', b],
        ['2024-03-01', a],
        ['2026-01-01', a],
      ])
        expect([d, await seatHolders(post, d)]).toEqual([d, [who]]);
    });

    it('keeps one holder per day whatever order successions are recorded in (generated)', async () => {
      const orders = fc.sample(fc.uniqueArray(fc.integer({ min: 1, max: 900 }), { minLength: 2, maxLength: 4 }), { numRuns: 6, seed: 11 });
      for (const offsets of orders) {
        const { post, holder } = await heldPost();
        const recorded: Array<[string, string]> = [];
        for (const offset of offsets) {
          const date = addDays('2023-01-01', offset);
          const successor = await person();
          await succeed(post, successor, date);
          recorded.push([date, successor]);
        }
        // the model: on any day, the successor of the latest succession dated on or before it (else the first holder)
        const byDate = [...recorded].sort(([x], [y]) => x.localeCompare(y));
        const holderOn = (d: string) => [...byDate].reverse().find(([date]) => date <= d)?.[1] ?? holder;
        const spans = (await holdings(post)).sort((x, y) => x.validFrom.localeCompare(y.validFrom));
        for (let i = 1; i < spans.length; i++) expect([offsets, spans[i - 1].validTo]).toEqual([offsets, addDays(spans[i].validFrom, -1)]);
        for (const d of byDate.flatMap(([date]) => [addDays(date, -1), date])) expect([offsets, d, await seatHolders(post, d)]).toEqual([offsets, d, [holderOn(d)]]);
      }
    });

    it('refuses an overlapping period of every dated record, with reason OVERLAP, exactly when the periods overlap (generated)', async () => {
      const programme = (await ok('mutation { createIncentiveProgramme(name: "期间测试项目", trigger: OWNERS_COMMITTEE_FORMED) { id } }')).createIncentiveProgramme.id;
      const compound = (await ok('mutation($c: ID!) { createCompound(name: "期间测试小区", communityId: $c, managementMode: NONE) { id } }', { c: communityId })).createCompound.id;
      const post = (await ok('mutation { createPost(title: "期间测试职务") { id } }')).createPost.id;
      const someone = await person();
      const kinds: Array<{ type: string; create: string; field: string; vars: Record<string, unknown>; from: string; to: string }> = [
        {
          type: 'PostHolding',
          create: 'createPostHolding(postId: $a, personId: $b, validFrom: $from, validTo: $to)',
          field: 'validFrom',
          vars: { a: post, b: someone },
          from: 'validFrom',
          to: 'validTo',
        },
        {
          type: 'Membership',
          create: 'createMembership(groupId: $a, personId: $b, role: MEMBER, validFrom: $from, validTo: $to)',
          field: 'personId',
          vars: { a: groupId, b: someone },
          from: 'validFrom',
          to: 'validTo',
        },
        {
          type: 'IncentiveRule',
          create: 'createIncentiveRule(programmeId: $a, name: $b, validFrom: $from, validTo: $to, lines: [{ recipientRole: COMMUNITY }])',
          field: 'validFrom',
          vars: { a: programme, b: '规则' },
          from: 'validFrom',
          to: 'validTo',
        },
        {
          type: 'OwnersCommittee',
          create: 'createOwnersCommittee(compoundId: $a, kind: ELECTED, formedOn: $from, dissolvedOn: $to, memberCount: $b)',
          field: 'formedOn',
          vars: { a: compound, b: 5 },
          from: 'formedOn',
          to: 'dissolvedOn',
        },
        {
          type: 'PartyOrganization',
          create: 'createPartyOrganization(compoundId: $a, form: JOINT, formalMemberCount: 1, name: $b, formedOn: $from, dissolvedOn: $to)',
          field: 'formedOn',
          vars: { a: compound, b: '联合支部' },
          from: 'formedOn',
          to: 'dissolvedOn',
        },
      ];
      const pairs = fc.sample(fc.tuple(period, period), { numRuns: 8, seed: 5 });
      for (const kind of kinds) {
        const types = `$a: ID!, $b: ${kind.type === 'OwnersCommittee' ? 'Int' : kind.type === 'IncentiveRule' || kind.type === 'PartyOrganization' ? 'String!' : 'ID!'}, $from: LocalDate!, $to: LocalDate`;
        const make = (p: Period) => t.gql(`mutation(${types}) { ${kind.create} { id } }`, { ...kind.vars, from: p.from, to: p.to }, admin);
        const remove = (r: GqlResponse) => ok(`mutation($id: ID!) { delete${kind.type}(id: $id) { id } }`, { id: (Object.values(r.data)[0] as { id: string }).id });
        const outcomes = new Set<boolean>();
        for (const [p1, p2] of pairs) {
          const one = await make(p1);
          expect(one.errors).toBeUndefined();
          const two = await make(p2);
          outcomes.add(overlaps(p1, p2));
          if (overlaps(p1, p2)) expect([kind.type, p1, p2, ...refusal(two)]).toEqual([kind.type, p1, p2, 'BAD_USER_INPUT', kind.field, 'OVERLAP']);
          else expect([kind.type, p1, p2, two.errors]).toEqual([kind.type, p1, p2, undefined]);
          await remove(one);
          if (!two.errors) await remove(two);
        }
        expect(outcomes).toEqual(new Set([true, false])); // both answers were put to the test
        const backwards = await make({ from: '2024-05-01', to: '2024-04-30' });
        expect([kind.type, ...refusal(backwards)]).toEqual([kind.type, 'BAD_USER_INPUT', kind.to, 'END_BEFORE_START']);
      }
    });
  });
});
