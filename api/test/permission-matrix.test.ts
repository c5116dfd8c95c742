import { decodeJwt, SignJWT } from 'jose';
import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { type CallerGroup, moduleExpectations } from './module-expectations';
import { ADMIN_PASSWORD, codeOf, startTestApp, type TestApp } from './harness';
import { type Answer, type Endpoint, operationFor, refusedElsewhere, rootFields, send, snapshot, summary, verdictOf } from './permission-matrix.cells';

/*
 * Who may call which root field, for every root field of both printed schemas (issue 12 item 9).
 * A field added to a schema and not to MATRIX fails the first test, so nobody forgets to decide.
 * Each cell is one request with a minimal valid operation (dummy arguments, see permission-matrix.cells.ts):
 * "allowed" means not refused for who the caller is (it may still be BAD_USER_INPUT, NOT_FOUND or
 * CONFLICT for the dummy arguments); "denied" means UNAUTHENTICATED, FORBIDDEN or HTTP 401.
 */

type AdminCaller = 'anonymous' | 'ADMIN' | 'PARTY_OFFICE' | 'UNIT_STAFF' | 'AUDITOR' | 'passwordSetByAdmin' | 'expiredToken' | 'tokenWithoutExp' | 'partnerKey';
type PartnerCaller = 'anonymous' | 'partnerKey' | 'revokedKey' | 'adminToken';
const ADMIN_CALLERS: readonly AdminCaller[] = ['anonymous', 'ADMIN', 'PARTY_OFFICE', 'UNIT_STAFF', 'AUDITOR', 'passwordSetByAdmin', 'expiredToken', 'tokenWithoutExp', 'partnerKey'];
const PARTNER_CALLERS: readonly PartnerCaller[] = ['anonymous', 'partnerKey', 'revokedKey', 'adminToken'];

/** Signing in is open to anyone, whatever stale or foreign credentials they also send. */
const EVERYONE = ADMIN_CALLERS;
/** A valid token of any role: an expired token, one without `exp` or a partner key is nobody. */
const SIGNED_IN: readonly AdminCaller[] = ['ADMIN', 'PARTY_OFFICE', 'UNIT_STAFF', 'AUDITOR'];
/**
 * Also a signer whose password an ADMIN has just set (the take-over of issue 12 item 5): until they
 * choose their own, the token opens their own account and nothing else.
 */
const OWN_ACCOUNT: readonly AdminCaller[] = [...SIGNED_IN, 'passwordSetByAdmin'];
/** The office edits documents, organisations, rosters, tasks, indicators, incentives and ratings. */
const EDITORS: readonly AdminCaller[] = ['ADMIN', 'PARTY_OFFICE'];
/** Unit staff report on tasks (their own unit's only: see the last test) as the office may, and record the facts of their own community's compounds (api/test/scope.test.ts). */
const REPORTERS: readonly AdminCaller[] = ['ADMIN', 'PARTY_OFFICE', 'UNIT_STAFF'];
/** Signing payments: an ADMIN runs the system but does not sign them (maker-checker in the office). */
const SIGNERS: readonly AdminCaller[] = ['PARTY_OFFICE'];
const ADMIN: readonly AdminCaller[] = ['ADMIN'];
const AUDIT_READERS: readonly AdminCaller[] = ['ADMIN', 'PARTY_OFFICE', 'AUDITOR'];
const KEY_READERS: readonly AdminCaller[] = ['ADMIN', 'AUDITOR'];
const PARTNER: readonly PartnerCaller[] = ['partnerKey'];

/** THE table: root field → the callers allowed; every other caller is denied (one type a line: Prettier leaves it as it is). */
// prettier-ignore
const MATRIX: { admin: Record<string, readonly AdminCaller[]>; partner: Record<string, readonly PartnerCaller[]> } = {
  admin: {
    login: EVERYONE,
    me: OWN_ACCOUNT,
    changePassword: OWN_ACCOUNT,
    // Users: only ADMIN lists, reads or manages them; everyone else sees only `me`.
    User: ADMIN, allUsers: ADMIN, _allUsersMeta: ADMIN, createUser: ADMIN, updateUser: ADMIN, deleteUser: ADMIN, resetUserPassword: ADMIN,
    // Documents and organisations: everyone reads, the office edits.
    PolicyDocument: SIGNED_IN, allPolicyDocuments: SIGNED_IN, _allPolicyDocumentsMeta: SIGNED_IN, createPolicyDocument: EDITORS, updatePolicyDocument: EDITORS, deletePolicyDocument: EDITORS,
    Clause: SIGNED_IN, allClauses: SIGNED_IN, _allClausesMeta: SIGNED_IN, createClause: EDITORS, updateClause: EDITORS, deleteClause: EDITORS,
    DocumentCitation: SIGNED_IN, allDocumentCitations: SIGNED_IN, _allDocumentCitationsMeta: SIGNED_IN, createDocumentCitation: EDITORS, updateDocumentCitation: EDITORS, deleteDocumentCitation: EDITORS,
    Jurisdiction: SIGNED_IN, allJurisdictions: SIGNED_IN, _allJurisdictionsMeta: SIGNED_IN, createJurisdiction: ADMIN, updateJurisdiction: ADMIN, deleteJurisdiction: ADMIN,
    Unit: SIGNED_IN, allUnits: SIGNED_IN, _allUnitsMeta: SIGNED_IN, createUnit: EDITORS, updateUnit: EDITORS, deleteUnit: EDITORS,
    PropertyCompany: SIGNED_IN, allPropertyCompanies: SIGNED_IN, _allPropertyCompaniesMeta: SIGNED_IN, createPropertyCompany: EDITORS, updatePropertyCompany: EDITORS, deletePropertyCompany: EDITORS,
    Compound: SIGNED_IN, allCompounds: SIGNED_IN, _allCompoundsMeta: SIGNED_IN, createCompound: EDITORS, updateCompound: EDITORS, deleteCompound: EDITORS,
    OwnersCommittee: SIGNED_IN, allOwnersCommittees: SIGNED_IN, _allOwnersCommitteesMeta: SIGNED_IN, createOwnersCommittee: REPORTERS, updateOwnersCommittee: REPORTERS, deleteOwnersCommittee: EDITORS,
    PartyOrganization: SIGNED_IN, allPartyOrganizations: SIGNED_IN, _allPartyOrganizationsMeta: SIGNED_IN, createPartyOrganization: REPORTERS, updatePartyOrganization: REPORTERS, deletePartyOrganization: EDITORS,
    // Rosters.
    Person: SIGNED_IN, allPeople: SIGNED_IN, _allPeopleMeta: SIGNED_IN, createPerson: EDITORS, updatePerson: EDITORS, deletePerson: EDITORS,
    Post: SIGNED_IN, allPosts: SIGNED_IN, _allPostsMeta: SIGNED_IN, createPost: EDITORS, updatePost: EDITORS, deletePost: EDITORS,
    PostHolding: SIGNED_IN, allPostHoldings: SIGNED_IN, _allPostHoldingsMeta: SIGNED_IN, createPostHolding: EDITORS, updatePostHolding: EDITORS, deletePostHolding: EDITORS,
    WorkingGroup: SIGNED_IN, allWorkingGroups: SIGNED_IN, _allWorkingGroupsMeta: SIGNED_IN, createWorkingGroup: EDITORS, updateWorkingGroup: EDITORS, deleteWorkingGroup: EDITORS,
    Membership: SIGNED_IN, allMemberships: SIGNED_IN, _allMembershipsMeta: SIGNED_IN, createMembership: EDITORS, updateMembership: EDITORS, deleteMembership: EDITORS,
    successionPreview: SIGNED_IN, recordSuccession: EDITORS, reorderMemberships: EDITORS, rosterImportPreview: SIGNED_IN, importRoster: EDITORS,
    // Tasks: read by all, corrected by the issuing office; progress reported by the office and by unit staff.
    Plan: SIGNED_IN, allPlans: SIGNED_IN, _allPlansMeta: SIGNED_IN, createPlan: EDITORS, updatePlan: EDITORS, deletePlan: EDITORS,
    KeyWork: SIGNED_IN, allKeyWorks: SIGNED_IN, _allKeyWorksMeta: SIGNED_IN, createKeyWork: EDITORS, updateKeyWork: EDITORS, deleteKeyWork: EDITORS,
    Target: SIGNED_IN, allTargets: SIGNED_IN, _allTargetsMeta: SIGNED_IN, createTarget: EDITORS, updateTarget: EDITORS, deleteTarget: EDITORS,
    TaskItem: SIGNED_IN, allTaskItems: SIGNED_IN, _allTaskItemsMeta: SIGNED_IN, createTaskItem: EDITORS, updateTaskItem: EDITORS, deleteTaskItem: EDITORS,
    Milestone: SIGNED_IN, allMilestones: SIGNED_IN, _allMilestonesMeta: SIGNED_IN, createMilestone: EDITORS, updateMilestone: EDITORS, deleteMilestone: EDITORS,
    Assignment: SIGNED_IN, allAssignments: SIGNED_IN, _allAssignmentsMeta: SIGNED_IN, createAssignment: EDITORS, updateAssignment: EDITORS, deleteAssignment: EDITORS,
    ProgressReport: SIGNED_IN, allProgressReports: SIGNED_IN, _allProgressReportsMeta: SIGNED_IN, reportProgress: REPORTERS,
    DutyReport: SIGNED_IN, allDutyReports: SIGNED_IN, _allDutyReportsMeta: SIGNED_IN, reportDuty: REPORTERS, dutyOccurrences: SIGNED_IN, dutyOccurrencePage: SIGNED_IN,
    // 督办: the unit acknowledges its assignment; the office sends 催办 notices
    acknowledgeAssignment: REPORTERS, Urging: SIGNED_IN, allUrgings: SIGNED_IN, _allUrgingsMeta: SIGNED_IN, urgeAssignment: EDITORS,
    taskRollup: SIGNED_IN, deadlinePage: SIGNED_IN, unitProgressPage: SIGNED_IN, taskBulletin: SIGNED_IN, taskListImportPreview: SIGNED_IN, importTaskList: EDITORS,
    // Indicators.
    Indicator: SIGNED_IN, allIndicators: SIGNED_IN, _allIndicatorsMeta: SIGNED_IN, createIndicator: EDITORS, updateIndicator: EDITORS, deleteIndicator: EDITORS,
    IndicatorMeasurement: SIGNED_IN, allIndicatorMeasurements: SIGNED_IN, _allIndicatorMeasurementsMeta: SIGNED_IN, createIndicatorMeasurement: REPORTERS, updateIndicatorMeasurement: REPORTERS, deleteIndicatorMeasurement: EDITORS,
    // Incentives: the office prepares; only PARTY_OFFICE approves, rejects and pays.
    IncentiveProgramme: SIGNED_IN, allIncentiveProgrammes: SIGNED_IN, _allIncentiveProgrammesMeta: SIGNED_IN, createIncentiveProgramme: EDITORS, updateIncentiveProgramme: EDITORS, deleteIncentiveProgramme: EDITORS,
    IncentiveRule: SIGNED_IN, allIncentiveRules: SIGNED_IN, _allIncentiveRulesMeta: SIGNED_IN, createIncentiveRule: EDITORS, updateIncentiveRule: EDITORS, deleteIncentiveRule: EDITORS,
    IncentiveBudget: SIGNED_IN, allIncentiveBudgets: SIGNED_IN, _allIncentiveBudgetsMeta: SIGNED_IN, createIncentiveBudget: EDITORS, updateIncentiveBudget: EDITORS, deleteIncentiveBudget: EDITORS,
    AwardCase: SIGNED_IN, allAwardCases: SIGNED_IN, _allAwardCasesMeta: SIGNED_IN, createAwardCase: EDITORS, updateAwardCase: EDITORS, advanceAwardCase: EDITORS,
    Payout: SIGNED_IN, allPayouts: SIGNED_IN, _allPayoutsMeta: SIGNED_IN, generateAwardPayouts: EDITORS, updatePayout: EDITORS, submitPayout: EDITORS,
    advancePayout: EDITORS, cancelPayout: EDITORS, reopenPayout: EDITORS, approvePayout: SIGNERS, rejectPayout: SIGNERS, markPayoutPaid: SIGNERS,
    incentiveTotals: SIGNED_IN,
    // Ratings and their publication.
    RatingScheme: SIGNED_IN, allRatingSchemes: SIGNED_IN, _allRatingSchemesMeta: SIGNED_IN, createRatingScheme: EDITORS, updateRatingScheme: EDITORS, deleteRatingScheme: EDITORS,
    RatingPeriod: SIGNED_IN, allRatingPeriods: SIGNED_IN, _allRatingPeriodsMeta: SIGNED_IN, createRatingPeriod: EDITORS, updateRatingPeriod: EDITORS, deleteRatingPeriod: EDITORS,
    Rating: SIGNED_IN, allRatings: SIGNED_IN, _allRatingsMeta: SIGNED_IN, createRating: EDITORS, updateRating: EDITORS, deleteRating: EDITORS,
    ratingImportPreview: SIGNED_IN, importRatings: EDITORS,
    RatingPublication: SIGNED_IN, allRatingPublications: SIGNED_IN, _allRatingPublicationsMeta: SIGNED_IN, ratingPublicationPreview: SIGNED_IN, publishRatingPeriod: EDITORS,
    PublishedEntry: SIGNED_IN, allPublishedEntries: SIGNED_IN, _allPublishedEntriesMeta: SIGNED_IN,
    Rectification: SIGNED_IN, allRectifications: SIGNED_IN, _allRectificationsMeta: SIGNED_IN, advanceRectification: EDITORS,
    // Data sharing: ADMIN issues and revokes keys, AUDITOR reads them; the office reads the access log.
    PartnerKey: KEY_READERS, allPartnerKeys: KEY_READERS, _allPartnerKeysMeta: KEY_READERS, issuePartnerKey: ADMIN, revokePartnerKey: ADMIN,
    PartnerAccess: AUDIT_READERS, allPartnerAccesses: AUDIT_READERS, _allPartnerAccessesMeta: AUDIT_READERS,
    // The audit trail: not for unit staff; nobody changes it.
    AuditEvent: AUDIT_READERS, allAuditEvents: AUDIT_READERS, _allAuditEventsMeta: AUDIT_READERS,
  },
  partner: {
    areas: PARTNER, companies: PARTNER, companyStanding: PARTNER, editions: PARTNER, redBlackList: PARTNER,
  },
};

/** The groups by name, for the rows modules bring (api/test/modules/<module>/expectations.ts). */
const GROUPS: Record<CallerGroup, readonly AdminCaller[]> = { EVERYONE, SIGNED_IN, OWN_ACCOUNT, EDITORS, REPORTERS, SIGNERS, ADMIN, AUDIT_READERS, KEY_READERS };
for (const m of moduleExpectations()) {
  for (const [field, group] of Object.entries(m.permissions ?? {})) {
    if (field in MATRIX.admin) throw new Error(`permission matrix: ${field} of module ${m.module} is already in the table`);
    MATRIX.admin[field] = GROUPS[group];
  }
}

interface Cell {
  endpoint: Endpoint;
  field: string;
  caller: string;
  expected: 'allowed' | 'denied';
  query: string;
  headers: Record<string, string>;
}

describe('permission matrix: the table', () => {
  it('lists every root field of both printed schemas, and no field they lack', () => {
    for (const endpoint of ['admin', 'partner'] as const) {
      const inSchema = rootFields(endpoint)
        .map((f) => f.name)
        .sort();
      const inTable = Object.keys(MATRIX[endpoint]).sort();
      expect({ endpoint, notInTable: inSchema.filter((n) => !inTable.includes(n)) }).toEqual({ endpoint, notInTable: [] });
      expect({ endpoint, notInSchema: inTable.filter((n) => !inSchema.includes(n)) }).toEqual({ endpoint, notInSchema: [] });
    }
  });
});

describe(`permission matrix: every root field × every caller (${dbKind()})`, () => {
  let t: TestApp;
  const headers: { admin: Record<string, Record<string, string>>; partner: Record<string, Record<string, string>> } = { admin: {}, partner: {} };
  let staffOfOtherUnit: string;
  let overrides: Record<string, Record<string, string>>;
  const tally = { cells: 0, unexpectedAllows: [] as string[], unexpectedDenies: [] as string[], unclear: [] as string[] };

  beforeAll(async () => {
    // The matrix sends a few hundred requests per caller within seconds: it checks who may call what,
    // not how often (the hostile-request suite covers the limits).
    const plenty = { points: 100_000, seconds: 60 };
    t = await startTestApp({ config: { rateLimits: { user: plenty, partnerKey: plenty, partnerIp: plenty } } });
    const admin = await t.adminToken();
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    // Unit staff belong to the unit of assignment 1, which the dummy ID "1" reports on.
    const first = await t.gql('{ Assignment(id: "1") { unit { id } } allUnits(perPage: 2) { id } }', {}, admin);
    const ownUnit: string = first.data.Assignment.unit.id;
    const otherUnit: string = first.data.allUnits.map((u: { id: string }) => u.id).find((id: string) => id !== ownUnit);
    const [office, staff, auditor, other, target] = [
      await t.userWithRole(Role.PARTY_OFFICE),
      await t.userWithRole(Role.UNIT_STAFF, ownUnit),
      await t.userWithRole(Role.AUDITOR),
      await t.userWithRole(Role.UNIT_STAFF, otherUnit),
      await t.userWithRole(Role.AUDITOR),
    ];
    staffOfOtherUnit = other.token;
    const created = await t.gql('mutation { createUser(username: "matrix-signer", displayName: "矩阵", password: "set-by-admin-123", role: PARTY_OFFICE) { id } }', {}, admin);
    expect(codeOf(created)).toBeUndefined();
    const signerWithAdminsPassword = await t.login('matrix-signer', 'set-by-admin-123');
    const issue = async (name: string) => (await t.gql(`mutation { issuePartnerKey(name: "${name}") { key { id } secret } }`, {}, admin)).data.issuePartnerKey;
    const key = await issue('矩阵测试');
    const revoked = await issue('矩阵测试（已吊销）');
    expect(codeOf(await t.gql(`mutation { revokePartnerKey(id: "${revoked.key.id}", reason: "测试") { id } }`, {}, admin))).toBeUndefined();
    // Forged from the admin's own token, so the only thing wrong with each is its expiry.
    const secret = new TextEncoder().encode(t.config.jwtSecret);
    const { exp, ...claims } = decodeJwt(admin);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const withoutExp = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    // The control: forged the same way with a valid expiry, the token works.
    const control = await new SignJWT({ ...claims, exp }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    expect((await t.gql('{ me { username } }', {}, control)).data?.me).toEqual({ username: 'admin' });

    headers.admin = {
      anonymous: {},
      ADMIN: bearer(admin),
      PARTY_OFFICE: bearer(office.token),
      UNIT_STAFF: bearer(staff.token),
      AUDITOR: bearer(auditor.token),
      passwordSetByAdmin: bearer(signerWithAdminsPassword),
      expiredToken: bearer(expired),
      tokenWithoutExp: bearer(withoutExp),
      // A partner trying its key on the admin endpoint, as a key and as a token.
      partnerKey: { 'x-api-key': key.secret, ...bearer(key.secret) },
    };
    headers.partner = { anonymous: {}, partnerKey: { 'x-api-key': key.secret }, revokedKey: { 'x-api-key': revoked.secret }, adminToken: bearer(admin) };
    // A task list of the matrix's own, one record per delete: deleting plan 1 ("1") would take the seeded
    // task list, and assignment 1 that the unit-staff case below reports on, with it.
    const make = async (mutation: string) => {
      const res = await t.gql(`mutation { ${mutation} { id } }`, {}, admin);
      expect([mutation, res.errors]).toEqual([mutation, undefined]);
      return `"${(Object.values(res.data)[0] as { id: string }).id}"`;
    };
    const [doc, street] = [(await t.gql('{ allPolicyDocuments(perPage: 1) { id } }', {}, admin)).data.allPolicyDocuments[0].id, first.data.Assignment.unit.id];
    const streetOf = (await t.gql(`{ Unit(id: "${street}") { jurisdictionId } }`, {}, admin)).data.Unit.jurisdictionId;
    const plan = await make(`createPlan(documentId: "${doc}", name: "矩阵计划", jurisdictionId: "${streetOf}", year: 2025)`);
    const spare = await make(`createPlan(documentId: "${doc}", name: "矩阵计划（删）", jurisdictionId: "${streetOf}", year: 2025)`);
    const keyWork = await make(`createKeyWork(planId: ${plan}, number: "一", title: "矩阵重点工作")`);
    const spareKeyWork = await make(`createKeyWork(planId: ${plan}, number: "二", title: "矩阵重点工作（删）")`);
    const taskTarget = await make(`createTarget(keyWorkId: ${keyWork}, number: "一", title: "矩阵目标")`);
    const task = await make(`createTaskItem(keyWorkId: ${keyWork}, content: "矩阵任务", deadlineText: "年底前")`);
    const spareTask = await make(`createTaskItem(keyWorkId: ${keyWork}, content: "矩阵任务（删）", deadlineText: "年底前")`);
    const milestone = await make(`createMilestone(taskItemId: ${task}, text: "矩阵节点", deadlineText: "10月底前")`);
    const assignment = await make(`createAssignment(taskItemId: ${task}, unitId: "${street}")`);
    overrides = {
      deletePlan: { id: spare },
      deleteKeyWork: { id: spareKeyWork },
      deleteTarget: { id: taskTarget },
      deleteTaskItem: { id: spareTask },
      deleteMilestone: { id: milestone },
      deleteAssignment: { id: assignment },
      // Real credentials: a wrong password is refused for the password, which says nothing about access.
      login: { username: '"admin"', password: JSON.stringify(ADMIN_PASSWORD) },
      // Not the signed-in admin itself, nor the key the partner columns use.
      updateUser: { id: `"${target.id}"` },
      resetUserPassword: { id: `"${target.id}"` },
      deleteUser: { id: `"${target.id}"` },
      revokePartnerKey: { id: `"${revoked.key.id}"` },
      // A date the progress rules accept, so the unit check is what decides.
      reportProgress: { reportDate: `"${todayInChina()}"` },
    };
  });
  afterAll(async () => {
    const line = `permission matrix (${dbKind()}): ${tally.cells} cells checked, ${tally.unexpectedAllows.length} unexpected allows, ${tally.unexpectedDenies.length} unexpected denies, ${tally.unclear.length} unclear`;
    process.stdout.write(`${line}\n`);
    await t?.close();
  });

  /** Runs cells, `parallel` at a time (only where order cannot matter), and files each outcome in the tally. */
  async function run(cells: Cell[], judge: (c: Cell, a: Answer) => 'allowed' | 'denied' | 'unclear', parallel = 1): Promise<void> {
    const queue = [...cells];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const answer = await send(t.app, c.endpoint, c.query, c.headers);
        const got = judge(c, answer);
        tally.cells++;
        const where = `${c.endpoint} ${c.field} × ${c.caller}: ${summary(answer)}`;
        if (got === 'unclear') tally.unclear.push(where);
        else if (got !== c.expected) (got === 'allowed' ? tally.unexpectedAllows : tally.unexpectedDenies).push(where);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  it('gives each caller exactly the root fields the table allows, and refused calls change nothing', async () => {
    const cells: Cell[] = [];
    for (const endpoint of ['admin', 'partner'] as const) {
      const callers: readonly string[] = endpoint === 'admin' ? ADMIN_CALLERS : PARTNER_CALLERS;
      for (const f of rootFields(endpoint)) {
        const allowed: readonly string[] = MATRIX[endpoint][f.name] ?? [];
        const query = operationFor(f, overrides[f.name]);
        for (const caller of callers) {
          cells.push({ endpoint, field: f.name, caller, expected: allowed.includes(caller) ? 'allowed' : 'denied', query, headers: headers[endpoint][caller] });
        }
      }
    }
    // Refused cells first, between two snapshots of everything stored; they and the allowed reads
    // run four at a time, the allowed writes one by one.
    const judge = (c: Cell, a: Answer) => verdictOf(a, c.field);
    const before = await snapshot(t.app.ds);
    await run(
      cells.filter((c) => c.expected === 'denied'),
      judge,
      4,
    );
    const changedByRefusals = changedTables(before, await snapshot(t.app.ds));
    const allowed = cells.filter((c) => c.expected === 'allowed');
    await run(
      allowed.filter((c) => c.query.startsWith('query')),
      judge,
      4,
    );
    await run(
      allowed.filter((c) => c.query.startsWith('mutation')),
      judge,
    );
    const { unclear, unexpectedAllows, unexpectedDenies } = tally;
    expect({ unexpectedAllows, unexpectedDenies, unclear, changedByRefusals }).toEqual({ unexpectedAllows: [], unexpectedDenies: [], unclear: [], changedByRefusals: [] });
  }, 300_000);

  const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys(b).filter((table) => a[table] !== b[table]);

  it('refuses every admin field on the partner endpoint and every partner field on the admin endpoint', async () => {
    const crossed: Cell[] = [
      ...rootFields('admin').map((f) => ({
        endpoint: 'partner' as const,
        field: f.name,
        caller: 'partnerKey',
        expected: 'denied' as const,
        query: operationFor(f, overrides[f.name]),
        headers: headers.partner.partnerKey,
      })),
      ...rootFields('partner').map((f) => ({ endpoint: 'admin' as const, field: f.name, caller: 'ADMIN', expected: 'denied' as const, query: operationFor(f), headers: headers.admin.ADMIN })),
    ];
    const before = await snapshot(t.app.ds);
    const allowsBefore = tally.unexpectedAllows.length;
    await run(crossed, (_c, a) => (refusedElsewhere(a) ? 'denied' : 'allowed'), 4);
    expect({ unexpectedAllows: tally.unexpectedAllows.slice(allowsBefore), changed: changedTables(before, await snapshot(t.app.ds)) }).toEqual({ unexpectedAllows: [], changed: [] });
  }, 120_000);

  it("refuses unit staff a progress report on another unit's assignment, and takes one on their own", async () => {
    const report = rootFields('admin').find((f) => f.name === 'reportProgress')!;
    const query = operationFor(report, { ...overrides.reportProgress, assignmentId: '"1"', note: '"矩阵：本单位报告"' });
    const count = async () => (await t.gql('{ _allProgressReportsMeta(filter: { assignmentId: "1" }) { count } }', {}, headers.admin.ADMIN.authorization.slice(7))).data._allProgressReportsMeta.count;
    const reports = await count();
    const before = await snapshot(t.app.ds);
    const misses = () => [tally.unexpectedAllows.length, tally.unexpectedDenies.length, tally.unclear.length];
    const missesBefore = misses();
    await run([{ endpoint: 'admin', field: 'reportProgress', caller: 'UNIT_STAFF of another unit', expected: 'denied', query, headers: { authorization: `Bearer ${staffOfOtherUnit}` } }], (c, a) =>
      verdictOf(a, c.field),
    );
    expect(changedTables(before, await snapshot(t.app.ds))).toEqual([]);
    await run([{ endpoint: 'admin', field: 'reportProgress', caller: 'UNIT_STAFF of its unit', expected: 'allowed', query, headers: headers.admin.UNIT_STAFF }], (c, a) => verdictOf(a, c.field));
    expect(misses()).toEqual(missesBefore);
    expect(await count()).toBe(reports + 1);
  });
});
