import request from 'supertest';
import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { createDataSource } from '../src/config/data-source';
import { AuditImmutable1764460800000 } from '../src/migrations/1764460800000-AuditImmutable';
import { dbKind, freshDatabase } from './db';
import { CountingLogger, startTestApp, type TestApp } from './harness';
import { moduleExpectations } from './module-expectations';

interface Event {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string;
  requestId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe(`audit trail (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const covered = new Set<string>();
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const count = async (): Promise<number> => (await t.gql('{ _allAuditEventsMeta { count } }', {}, admin)).data._allAuditEventsMeta.count;
  const newest = async (): Promise<Event> => (await t.gql('{ allAuditEvents(perPage: 1) { id action entityType entityId actorName requestId before after } }', {}, admin)).data.allAuditEvents[0];

  /**
   * Runs one mutation and checks it left exactly one audit event (or `events`, for a mutation that
   * creates several records, one event each); returns the data and the newest event.
   */
  async function once(name: string, query: string, variables: Record<string, unknown> = {}, opts: { token?: string; events?: number } = {}): Promise<{ data: any; event: Event }> {
    const before = await count();
    const res = await t.gql(query, variables, opts.token ?? admin);
    expect(res.errors).toBeUndefined();
    expect(await count()).toBe(before + (opts.events ?? 1));
    covered.add(name);
    return { data: res.data[name], event: await newest() };
  }

  /** create, update, delete of one type: three events with the right before / after. */
  async function crud(type: string, createArgs: string, updateArgs: string, changed: string): Promise<void> {
    const created = await once(`create${type}`, `mutation { create${type}(${createArgs}) { id } }`);
    expect(created.event).toMatchObject({ action: 'CREATE', entityType: type, entityId: created.data.id, actorName: 'admin', before: null });
    expect(created.event.after).toMatchObject({ id: Number(created.data.id) });
    const updated = await once(`update${type}`, `mutation($id: ID!) { update${type}(id: $id, ${updateArgs}) { id } }`, { id: created.data.id });
    expect(updated.event).toMatchObject({ action: 'UPDATE', entityType: type, entityId: created.data.id });
    expect(updated.event.before?.[changed]).not.toEqual(updated.event.after?.[changed]);
    const deleted = await once(`delete${type}`, `mutation($id: ID!) { delete${type}(id: $id) { id } }`, { id: created.data.id });
    expect(deleted.event).toMatchObject({ action: 'DELETE', entityType: type, entityId: created.data.id, after: null });
    expect(deleted.event.before).toMatchObject({ id: Number(created.data.id) });
  }

  it('writes exactly one audit event, with before and after, for every mutation in the schema', async () => {
    const ids = async (q: string) => (await t.gql(q, {}, admin)).data;
    const {
      allPolicyDocuments: [doc],
    } = await ids('{ allPolicyDocuments(perPage: 1) { id } }');
    const {
      allJurisdictions: [community],
    } = await ids('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }');
    const {
      allPeople: [person],
    } = await ids('{ allPeople(perPage: 1) { id } }');
    const {
      allPosts: [post],
    } = await ids('{ allPosts(perPage: 1) { id } }');
    const {
      allWorkingGroups: [group],
    } = await ids('{ allWorkingGroups(perPage: 1) { id } }');
    const code = `91350582MA2AUD${'001'}`;
    const uscc = `${code}${usccCheckChar(code)}`;

    await crud('PolicyDocument', 'issuer: "测试机关", title: "测试文件"', 'title: "测试文件（修订）"', 'title');
    await crud('Clause', `documentId: "${doc.id}", number: "测试", text: "条款"`, 'text: "条款（修订）"', 'text');
    await crud('DocumentCitation', `citingDocumentId: "${doc.id}", citedTitle: "某文件"`, 'citedDocNumber: "某〔2024〕1号"', 'citedDocNumber');
    await crud('Jurisdiction', 'name: "测试市", level: CITY', 'code: "999999"', 'code');
    await crud('Unit', `name: "测试办", kind: OFFICE, jurisdictionId: "${community.id}"`, 'aliases: ["测试"]', 'aliases');
    await crud('PropertyCompany', `name: "测试物业", uscc: "${uscc}"`, 'address: "青阳"', 'address');
    await crud('Compound', `name: "测试小区", communityId: "${community.id}", managementMode: NONE`, 'managementMode: SELF_MANAGED', 'managementMode');
    await crud('Person', 'name: "测试人"', 'note: "备注"', 'note');
    await crud('Post', 'title: "测试职务"', 'title: "测试职务二"', 'title');
    const { createPerson: holder } = (await t.gql('mutation { createPerson(name: "任职者") { id } }', {}, admin)).data;
    await crud('PostHolding', `postId: "${post.id}", personId: "${holder.id}", validFrom: "2030-01-01"`, 'validTo: "2030-12-31"', 'validTo');
    await crud('WorkingGroup', 'name: "测试专班", kind: GROUP', 'duties: "职责"', 'duties');
    await crud('Membership', `groupId: "${group.id}", personId: "${person.id}", role: MEMBER, validFrom: "2030-01-01"`, 'sortOrder: 50', 'sortOrder');
    const { createCompound: compound } = (await t.gql(`mutation { createCompound(name: "审计小区", communityId: "${community.id}", managementMode: NONE) { id } }`, {}, admin)).data;
    await crud('OwnersCommittee', `compoundId: "${compound.id}", kind: ELECTED, formedOn: "2024-11-01"`, 'memberCount: 7', 'memberCount');
    await crud('PartyOrganization', `compoundId: "${compound.id}", form: FUNCTIONAL, formalMemberCount: 2, name: "审计小区党支部", formedOn: "2024-11-01"`, 'form: CONCURRENT', 'form');
    await crud('Indicator', `name: "测试指标", unit: COUNT, comparator: GTE, target: 5, scopeId: "${community.id}"`, 'target: 6', 'target');
    const {
      allIndicators: [indicator],
    } = await ids('{ allIndicators(perPage: 1, filter: { q: "业委会组建率" }) { id } }');
    await crud('IndicatorMeasurement', `indicatorId: "${indicator.id}", jurisdictionId: "${community.id}", measuredOn: "2024-11-01", value: 10`, 'value: 20', 'value');
    // a task list corrected by its office: every level, each change one event
    const {
      allJurisdictions: [qingyang],
    } = await ids('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }');
    const {
      allUnits: [streetUnit],
    } = await ids(`{ allUnits(perPage: 1, filter: { jurisdictionId: "${qingyang.id}" }) { id } }`);
    await crud('Plan', `documentId: "${doc.id}", name: "审计计划", jurisdictionId: "${qingyang.id}", year: 2025`, 'name: "审计计划（修订）"', 'name');
    const { createPlan: plan } = (await t.gql(`mutation { createPlan(documentId: "${doc.id}", name: "审计用计划", jurisdictionId: "${qingyang.id}", year: 2025) { id } }`, {}, admin)).data;
    await crud('KeyWork', `planId: "${plan.id}", number: "九", title: "审计重点工作"`, 'title: "审计重点工作二"', 'title');
    const { createKeyWork: keyWork } = (await t.gql(`mutation { createKeyWork(planId: "${plan.id}", number: "一", title: "审计用重点工作") { id } }`, {}, admin)).data;
    await crud('Target', `keyWorkId: "${keyWork.id}", number: "九", title: "审计目标"`, 'title: "审计目标二"', 'title');
    await crud('TaskItem', `keyWorkId: "${keyWork.id}", content: "审计任务", deadlineText: "11月15日前完成"`, 'deadlineText: "2025年12月底前"', 'dueDate');
    const { createTaskItem: task } = (await t.gql(`mutation { createTaskItem(keyWorkId: "${keyWork.id}", content: "审计用任务", deadlineText: "年底前") { id } }`, {}, admin)).data;
    await crud('Milestone', `taskItemId: "${task.id}", text: "摸底排查", deadlineText: "10月底前"`, 'deadlineText: "11月15日前完成"', 'dueDate');
    await crud('Assignment', `taskItemId: "${task.id}", unitId: "${streetUnit.id}", isLead: true`, 'isLead: false', 'isLead');
    // a recurring duty: each holding reported is one event
    const { createTaskItem: meeting } = (await t.gql(`mutation { createTaskItem(keyWorkId: "${keyWork.id}", content: "每季度召开联席会议", deadlineText: "每季度") { id } }`, {}, admin)).data;
    const { createAssignment: meetingUnit } = (await t.gql(`mutation { createAssignment(taskItemId: "${meeting.id}", unitId: "${streetUnit.id}") { id } }`, {}, admin)).data;
    const duty = await once('reportDuty', `mutation { reportDuty(assignmentId: "${meetingUnit.id}", heldOn: "${todayInChina()}", note: "召开联席会议", attendance: 9) { id periodKey } }`);
    expect(duty.event).toMatchObject({ action: 'CREATE', entityType: 'DutyReport', after: { attendance: 9, periodKey: duty.data.periodKey } });
    // 督办: the unit's receipt, and the office's 催办 on something overdue
    const ack = await once('acknowledgeAssignment', `mutation { acknowledgeAssignment(id: "${meetingUnit.id}") { id acknowledgedAt } }`);
    expect(ack.event).toMatchObject({ action: 'ACKNOWLEDGE', entityType: 'Assignment', entityId: meetingUnit.id, before: { acknowledgedAt: null } });
    const { createTaskItem: lateTask } = (await t.gql(`mutation { createTaskItem(keyWorkId: "${keyWork.id}", content: "逾期事项", deadlineText: "2025年1月31日") { id } }`, {}, admin)).data;
    const { createAssignment: lateUnit } = (await t.gql(`mutation { createAssignment(taskItemId: "${lateTask.id}", unitId: "${streetUnit.id}") { id } }`, {}, admin)).data;
    const urged = await once('urgeAssignment', `mutation { urgeAssignment(assignmentId: "${lateUnit.id}", message: "请尽快办结") { id } }`);
    expect(urged.event).toMatchObject({ action: 'CREATE', entityType: 'Urging', after: { message: '请尽快办结' } });
    await crud('User', 'username: "audited", displayName: "被审计", password: "password-123", role: AUDITOR', 'displayName: "改名"', 'displayName');

    const login = await once('login', 'mutation { login(username: "admin", password: "admin-pass-123") { token } }');
    expect(login.event).toMatchObject({ action: 'LOGIN', entityType: 'User' });
    await t.gql('mutation { createUser(username: "chooser", displayName: "自选密码", password: "set-by-admin-1", role: AUDITOR) { id } }', {}, admin);
    const firstSession = (await t.gql('mutation { login(username: "chooser", password: "set-by-admin-1") { token } }')).data.login.token;
    const chosen = await once('changePassword', 'mutation { changePassword(current: "set-by-admin-1", next: "chosen-by-me-2") { token } }', {}, { token: firstSession });
    expect(chosen.event).toMatchObject({ action: 'PASSWORD_CHANGE', entityType: 'User', actorName: 'chooser', before: { mustChangePassword: true }, after: { mustChangePassword: false } });
    expect(JSON.stringify(chosen.event)).not.toMatch(/set-by-admin-1|chosen-by-me-2|scrypt/);
    const { createUser: forgetful } = (await t.gql('mutation { createUser(username: "forgetful", displayName: "忘了密码", password: "set-by-admin-1", role: AUDITOR) { id } }', {}, admin)).data;
    const reset = await once('resetUserPassword', `mutation { resetUserPassword(id: "${forgetful.id}") { temporaryPassword user { id } } }`);
    expect(reset.event).toMatchObject({
      action: 'PASSWORD_RESET',
      entityType: 'User',
      entityId: forgetful.id,
      actorName: 'admin',
      after: { passwordSetBy: 'admin', user: 'forgetful', mustChangePassword: true },
    });
    expect(JSON.stringify(reset.event)).not.toContain(reset.data.temporaryPassword);

    const {
      allPosts: [mayor],
    } = await ids('{ allPosts(filter: { q: "宝盖镇党委副书记、镇长" }) { id } }');
    const { createPerson: successor } = (await t.gql('mutation { createPerson(name: "继任者") { id } }', {}, admin)).data;
    const succession = await once('recordSuccession', `mutation { recordSuccession(input: { postId: "${mayor.id}", successorId: "${successor.id}", date: "2025-01-01" }) { date } }`);
    expect(succession.event).toMatchObject({ action: 'SUCCESSION', entityType: 'Post', entityId: mayor.id });

    const { WorkingGroup: wg } = await ids(`{ WorkingGroup(id: "${group.id}") { id members(asOf: "2030-06-01") { id role } } }`);
    const members = wg.members.filter((m: { role: string }) => m.role === wg.members[0].role).map((m: { id: string }) => m.id);
    const reorder = await once('reorderMemberships', 'mutation($g: ID!, $r: GroupRole!, $ids: [ID!]!) { reorderMemberships(groupId: $g, role: $r, membershipIds: $ids) { id } }', {
      g: group.id,
      r: wg.members[0].role,
      ids: [...members].reverse(),
    });
    expect(reorder.event).toMatchObject({ action: 'REORDER', entityType: 'WorkingGroup' });

    const imported = await once('importRoster', 'mutation($g: ID!) { importRoster(groupId: $g, rows: [{ line: 2, name: "导入成员", role: "成员" }]) { added } }', { g: group.id });
    expect(imported.event).toMatchObject({ action: 'IMPORT', entityType: 'WorkingGroup', entityId: group.id });

    const {
      allAssignments: [assignment],
    } = await ids('{ allAssignments(perPage: 1) { id } }');
    const report = await once('reportProgress', 'mutation($a: ID!, $d: LocalDate!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: "进展") { id } }', {
      a: assignment.id,
      d: todayInChina(),
    });
    expect(report.event).toMatchObject({ action: 'CREATE', entityType: 'ProgressReport', entityId: report.data.id, before: null });

    const {
      allJurisdictions: [street],
    } = await ids('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }');
    const taskList = await once(
      'importTaskList',
      'mutation($d: ID!, $j: ID!) { importTaskList(documentId: $d, jurisdictionId: $j, name: "审计任务清单", rows: [{ line: 2, cells: ["一、测试", "(一)测试目标", "测试内容", "党建办", "长期坚持"] }]) { planId } }',
      { d: doc.id, j: street.id },
    );
    expect(taskList.event).toMatchObject({ action: 'IMPORT', entityType: 'Plan', entityId: taskList.data.planId });

    await incentives(community.id);

    await crud(
      'RatingScheme',
      'name: "测试评星", subjectKind: SECURITY_GUARD, periodKind: QUARTER, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90, criteria: [{ code: "A", name: "甲", weight: 100 }]',
      'star5Min: 95',
      'star5Min',
    );
    const {
      allRatingSchemes: [scheme],
    } = await ids('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { id jurisdictionId } }');
    await crud('RatingPeriod', `schemeId: "${scheme.id}", code: "2030Q1", startDate: "2030-01-01", endDate: "2030-03-31"`, 'code: "2030Q3", startDate: "2030-07-01", endDate: "2030-09-30"', 'endDate');
    const { createRatingPeriod: period } = (await t.gql(`mutation { createRatingPeriod(schemeId: "${scheme.id}", code: "2030Q2", startDate: "2030-04-01", endDate: "2030-06-30") { id } }`, {}, admin))
      .data;
    const ratedCode = '91350582MA2AUD003';
    // registered in the scheme's area: its periods rate only companies there
    const { createPropertyCompany: rated } = (
      await t.gql(`mutation($j: ID) { createPropertyCompany(name: "评星审计物业", uscc: "${ratedCode}${usccCheckChar(ratedCode)}", jurisdictionId: $j) { id } }`, { j: scheme.jurisdictionId }, admin)
    ).data;
    await crud('Rating', `periodId: "${period.id}", propertyCompanyId: "${rated.id}"`, 'dissatisfactionRate: 20', 'dissatisfactionRate');

    // publishing (one event for the edition, one for the rectification it opens), a rectification step, partner keys
    const {
      allRatingSchemes: [withCriteria],
    } = await ids('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { id criteria { id } } }');
    const { createRatingPeriod: toPublish } = (
      await t.gql(`mutation { createRatingPeriod(schemeId: "${scheme.id}", code: "2025Q4", startDate: "2025-10-01", endDate: "2025-12-31") { id } }`, {}, admin)
    ).data;
    const scores = withCriteria.criteria.map((c: { id: string }) => ({ criterionId: c.id, score: 80 }));
    await t.gql(
      'mutation($p: ID!, $c: ID!, $s: [ScoreInput!]) { createRating(periodId: $p, propertyCompanyId: $c, scores: $s, dissatisfactionRate: 60) { id } }',
      { p: toPublish.id, c: rated.id, s: scores },
      admin,
    );
    const published = await once('publishRatingPeriod', `mutation { publishRatingPeriod(periodId: "${toPublish.id}", publishedOn: "2026-01-10") { id } }`, {}, { events: 2 });
    expect(published.event).toMatchObject({ action: 'PUBLISH', entityType: 'RatingPublication', after: { revision: 1, blackCount: 1 } });
    const {
      allRectifications: [rect],
    } = await ids('{ allRectifications { id } }');
    const step = await once('advanceRectification', `mutation { advanceRectification(id: "${rect.id}", to: INTERVIEWED, date: "2026-01-15") { id } }`);
    expect(step.event).toMatchObject({ action: 'RECTIFICATION_INTERVIEWED', before: { status: 'REQUIRED' }, after: { status: 'INTERVIEWED', interviewedOn: '2026-01-15' } });
    const importedRatings = await once(
      'importRatings',
      `mutation { importRatings(periodId: "${period.id}", rows: [{ line: 2, uscc: "${ratedCode}${usccCheckChar(ratedCode)}", scores: [{ criterion: "SATISFACTION", score: "88" }] }]) { added } }`,
    );
    expect(importedRatings.event).toMatchObject({ action: 'IMPORT_RATINGS', entityType: 'RatingPeriod', entityId: period.id, after: { added: 1 } });
    const issued = await once('issuePartnerKey', 'mutation { issuePartnerKey(name: "审计伙伴") { key { id } secret } }');
    expect(issued.event).toMatchObject({ action: 'ISSUE_KEY', entityType: 'PartnerKey', after: { name: '审计伙伴' } });
    expect(JSON.stringify(issued.event)).not.toContain(issued.data.secret);
    expect(issued.event.after).not.toHaveProperty('secretHash');
    const revoked = await once('revokePartnerKey', `mutation { revokePartnerKey(id: "${issued.data.key.id}", reason: "测试") { id } }`);
    expect(revoked.event).toMatchObject({ action: 'REVOKE_KEY', after: { revokeReason: '测试' } });

    // the modules' own parts (api/test/modules/<module>/expectations.ts)
    const postFile = async (path: string, body: Buffer) => {
      const res = await request(t.app.express).post(path).set('authorization', `Bearer ${admin}`).set('content-type', 'application/octet-stream').send(body);
      return { status: res.status, body: res.body };
    };
    for (const m of moduleExpectations()) await m.audit?.({ once, gql: (q, v = {}) => t.gql(q, v, admin), post: postFile });

    const schema = await t.gql('{ __schema { mutationType { fields { name } } } }', {}, admin);
    const all: string[] = schema.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(all.filter((m) => !covered.has(m))).toEqual([]);
  });

  /** Programmes, rules, budgets, award cases and every payout transition. */
  async function incentives(communityId: string): Promise<void> {
    const maker = await t.userWithRole(Role.PARTY_OFFICE);
    const checker = await t.userWithRole(Role.PARTY_OFFICE);
    await crud('IncentiveProgramme', 'name: "测试奖励", trigger: DEMONSTRATION_SITE_ACCEPTED', 'description: "说明"', 'description');
    const { createIncentiveProgramme: programme } = (await t.gql('mutation { createIncentiveProgramme(name: "审计奖励", trigger: DEMONSTRATION_SITE_ACCEPTED) { id } }', {}, admin)).data;
    await crud('IncentiveRule', `programmeId: "${programme.id}", name: "测试规则", validFrom: "2040-01-01", lines: [{ recipientRole: COMMUNITY, amount: "100" }]`, 'validTo: "2040-12-31"', 'validTo');
    await crud('IncentiveBudget', `programmeId: "${programme.id}", year: 2041, amount: "100"`, 'amount: "200"', 'amountFen');
    await t.gql(
      `mutation { createIncentiveRule(programmeId: "${programme.id}", name: "审计规则", validFrom: "2024-01-01", lines: [{ recipientRole: COMMUNITY, amount: "100" }, { recipientRole: PROPERTY_COMPANY, amount: "300" }]) { id } }`,
      {},
      admin,
    );
    await t.gql(`mutation { createIncentiveBudget(programmeId: "${programme.id}", year: 2024, amount: "1000") { id } }`, {}, admin);
    const code = '91350582MA2AUD002';
    const { createPropertyCompany: company } = (await t.gql(`mutation { createPropertyCompany(name: "审计物业", uscc: "${code}${usccCheckChar(code)}") { id } }`, {}, admin)).data;
    const { createCompound: site } = (
      await t.gql(`mutation { createCompound(name: "审计示范点", communityId: "${communityId}", propertyCompanyId: "${company.id}", managementMode: PROFESSIONAL) { id } }`, {}, admin)
    ).data;
    const opened = await once('createAwardCase', `mutation { createAwardCase(programmeId: "${programme.id}", compoundId: "${site.id}", appliedOn: "2024-05-01") { id } }`);
    expect(opened.event).toMatchObject({ action: 'CREATE', entityType: 'AwardCase', before: null });
    const caseId = opened.data.id;
    const updated = await once('updateAwardCase', `mutation { updateAwardCase(id: "${caseId}", note: "备注") { id } }`);
    expect(updated.event.after?.note).toBe('备注');
    for (const [to, date] of [
      ['INSPECTED', '2024-05-10'],
      ['SUPERIOR_ACCEPTED', '2024-05-20'],
      ['STREET_ACCEPTED', '2024-06-01'],
    ]) {
      const step = await once('advanceAwardCase', `mutation { advanceAwardCase(id: "${caseId}", to: ${to}, date: "${date}") { id } }`);
      expect(step.event).toMatchObject({ action: `CASE_${to}`, entityType: 'AwardCase', entityId: caseId });
      expect(step.event.after?.status).toBe(to);
    }
    const generated = await once('generateAwardPayouts', `mutation { generateAwardPayouts(caseId: "${caseId}") { id recipientRole } }`);
    expect(generated.event).toMatchObject({ action: 'GENERATE_PAYOUTS', entityType: 'AwardCase', entityId: caseId, before: null });
    const [toCommunity, toCompany] = generated.data;
    expect(generated.event.after?.payouts).toMatchObject([
      { id: Number(toCommunity.id), recipientRole: 'COMMUNITY', amountFen: 10_000, status: 'DRAFT' },
      { id: Number(toCompany.id), recipientRole: 'PROPERTY_COMPANY', amountFen: 30_000, status: 'DRAFT' },
    ]);
    const p = (id: string, mutation: string, args = '') => `mutation { ${mutation}(id: "${id}"${args}) { id status } }`;
    const step = async (name: string, query: string, token: string, action: string, status: string) => {
      const r = await once(name, query, {}, { token });
      expect(r.event).toMatchObject({ action, entityType: 'Payout' });
      expect([r.event.after?.status, r.event.before?.status === status]).toEqual([status, false]);
    };
    await once('updatePayout', p(toCommunity.id, 'updatePayout', ', amount: "99.50"'), {}, { token: maker.token });
    await step('submitPayout', p(toCommunity.id, 'submitPayout'), maker.token, 'SUBMIT', 'SUBMITTED');
    await step('rejectPayout', p(toCommunity.id, 'rejectPayout', ', reason: "核对"'), checker.token, 'REJECT', 'REJECTED');
    await step('reopenPayout', p(toCommunity.id, 'reopenPayout'), maker.token, 'REOPEN', 'DRAFT');
    await step('submitPayout', p(toCommunity.id, 'submitPayout'), maker.token, 'SUBMIT', 'SUBMITTED');
    await step('approvePayout', p(toCommunity.id, 'approvePayout'), checker.token, 'APPROVE', 'APPROVED');
    await step(
      'markPayoutPaid',
      p(toCommunity.id, 'markPayoutPaid', `, paymentReference: "AUD-1", paidOn: "${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}"`),
      checker.token,
      'PAY',
      'PAID',
    );
    // the workflow's generic move writes the same events as the named ones
    await step('advancePayout', p(toCompany.id, 'advancePayout', ', to: SUBMITTED'), maker.token, 'SUBMIT', 'SUBMITTED');
    await step('advancePayout', p(toCompany.id, 'advancePayout', ', to: DRAFT'), maker.token, 'REOPEN', 'DRAFT');
    await step('cancelPayout', p(toCompany.id, 'cancelPayout', ', reason: "撤销"'), maker.token, 'CANCEL', 'CANCELLED');
  }

  it('offers no mutation that could change or delete audit events', async () => {
    // (a compound's public-revenue audit, RevenueAudit, is a record like any other: its changes are audited)
    const schema = await t.gql('{ __schema { mutationType { fields { name } } } }', {}, admin);
    expect(schema.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /auditEvent/i.test(n))).toEqual([]);
  });

  it('records the request id and filters by actor, entity and date', async () => {
    const res = await request(t.app.express)
      .post('/graphql')
      .set('authorization', `Bearer ${admin}`)
      .set('x-request-id', 'req-test-42')
      .send({ query: 'mutation { createPerson(name: "请求编号") { id } }' });
    expect(res.headers['x-request-id']).toBe('req-test-42');
    const id = res.body.data.createPerson.id;
    const found = await t.gql('query($id: ID!) { allAuditEvents(filter: { entityType: "Person", entityId: $id, actorName: "admin" }) { requestId action } }', { id }, admin);
    expect(found.data.allAuditEvents).toEqual([{ requestId: 'req-test-42', action: 'CREATE' }]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const todays = await t.gql('query($d: LocalDate!) { _allAuditEventsMeta(filter: { from: $d, to: $d }) { count } }', { d: today }, admin);
    expect(todays.data._allAuditEventsMeta.count).toBeGreaterThan(0);
    const none = await t.gql('{ _allAuditEventsMeta(filter: { to: "2000-01-01" }) { count } }', {}, admin);
    expect(none.data._allAuditEventsMeta.count).toBe(0);
  });
});

describe(`audit rows in the database (${dbKind()})`, () => {
  it('refuses a raw UPDATE and DELETE on audit_event, and allows them again once the migration is reverted', async () => {
    const { db, drop } = await freshDatabase();
    const ds = await createDataSource(db, new CountingLogger()); // silent: the refused statements are expected
    try {
      await ds.initialize();
      await ds.runMigrations();
      await ds.query("INSERT INTO audit_event (actorName, action, entityType, entityId, afterJson) VALUES ('admin', 'CREATE', 'Person', '1', '{}')");
      const rows = async () => ds.query('SELECT actorName, action FROM audit_event');
      await expect(ds.query("UPDATE audit_event SET actorName = 'someone else'")).rejects.toThrow(/append-only/);
      await expect(ds.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
      expect(await rows()).toEqual([{ actorName: 'admin', action: 'CREATE' }]);

      const qr = ds.createQueryRunner();
      await new AuditImmutable1764460800000().down(qr);
      await qr.release();
      await ds.query("UPDATE audit_event SET actorName = 'someone else'");
      expect(await rows()).toEqual([{ actorName: 'someone else', action: 'CREATE' }]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await drop();
    }
  });
});
