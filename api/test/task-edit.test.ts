import { Assignment } from '../src/modules/task/assignment.entity';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from './harness';

/*
 * 任务清单 as living records (issue 16): the office that issued a plan corrects every level of it —
 * a deadline typed as printed and read by the one grammar in the plan's year, the lead unit, a
 * milestone — each change audited; what has progress reported beneath it is archived, not deleted;
 * another office and the units read it and change nothing.
 */
describe(`task lists as living records (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let doc: string;
  let qingyang: string;
  let baogai: string;
  const units: Record<string, string> = {};
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const TASK = 'id deadlineKind deadlineText dueDate recurrenceUnit recurrenceTimes ongoingFrom';

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    const js = (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions as Array<{ id: string; name: string }>;
    qingyang = js.find((j) => j.name === '青阳街道')!.id;
    baogai = js.find((j) => j.name === '宝盖镇')!.id;
    for (const u of (await ok('{ allUnits(perPage: 1000) { id name jurisdiction { name } } }')).allUnits as Array<{ id: string; name: string; jurisdiction: { name: string } }>) {
      units[`${u.jurisdiction.name}/${u.name}`] = u.id;
    }
  });
  afterAll(() => t.close());

  /** A plan of 青阳街道 for 2025 with one key work and one task due 年底前, led by 党建办 with 社区发展办. */
  async function plan(year: number | null = 2025) {
    const p = (
      await ok('mutation($d: ID!, $j: ID!, $n: String!, $y: Int) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: $y) { id year archivedOn } }', {
        d: doc,
        j: qingyang,
        n: `修订计划${++n}`,
        y: year,
      })
    ).createPlan;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "建立完善长效工作机制") { id } }', { p: p.id })).createKeyWork;
    const task = (await ok(`mutation($k: ID!) { createTaskItem(keyWorkId: $k, content: "建立联席会议制度", deadlineText: "年底前") { ${TASK} } }`, { k: kw.id })).createTaskItem;
    const lead = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u, isLead: true) { id isLead sortOrder } }', { t: task.id, u: units['青阳街道/党建办'] }))
      .createAssignment;
    const co = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id isLead sortOrder } }', { t: task.id, u: units['青阳街道/社区发展办'] })).createAssignment;
    return { plan: p, keyWork: kw, task, lead, co };
  }
  const updateTask = (id: string, args: string, token = admin) => t.gql(`mutation($id: ID!) { updateTaskItem(id: $id, ${args}) { ${TASK} } }`, { id }, token);
  const taskOf = async (id: string) => (await ok(`query($id: ID!) { TaskItem(id: $id) { ${TASK} assignments { unitId isLead } milestones { deadlineText dueDate } } }`, { id })).TaskItem;

  it('reads a typed deadline in the plan’s year, and corrects it as printed', async () => {
    const { task } = await plan();
    expect(task).toMatchObject({ deadlineKind: 'DUE', deadlineText: '年底前', dueDate: '2025-12-31' });
    const fixed = (await updateTask(task.id, 'deadlineText: "2025年3月底前"')).data!.updateTaskItem;
    expect(fixed).toMatchObject({ deadlineKind: 'DUE', deadlineText: '2025年3月底前', dueDate: '2025-03-31' });
    const monthly = (await updateTask(task.id, 'deadlineText: "每月不少于2次"')).data!.updateTaskItem;
    expect(monthly).toMatchObject({ deadlineKind: 'RECURRING', dueDate: null, recurrenceUnit: 'MONTH', recurrenceTimes: 2 });
    const since = (await updateTask(task.id, 'deadlineText: "自2025年起"')).data!.updateTaskItem;
    expect(since).toMatchObject({ deadlineKind: 'ONGOING', dueDate: null, recurrenceUnit: null, ongoingFrom: '2025-01-01' });
    // the audit event says what changed, as printed and as read
    const event = (await ok('{ allAuditEvents(perPage: 1) { action entityType before after } }')).allAuditEvents[0];
    expect(event).toMatchObject({
      action: 'UPDATE',
      entityType: 'TaskItem',
      before: { deadlineText: '每月不少于2次', deadlineKind: 'RECURRING' },
      after: { deadlineText: '自2025年起', ongoingFrom: '2025-01-01' },
    });
  });

  it('refuses a deadline it cannot read on the field, by code, changing nothing', async () => {
    const { task, keyWork } = await plan();
    for (const [text, reason] of [
      ['尽快', 'UNKNOWN_DEADLINE'],
      ['2025年2月30日', 'BAD_DATE'],
      ['每月15日前', 'UNKNOWN_DEADLINE'],
    ]) {
      expect(refusal(await updateTask(task.id, `deadlineText: "${text}"`))).toEqual(['BAD_USER_INPUT', 'deadlineText', reason]);
    }
    expect(await taskOf(task.id)).toMatchObject({ deadlineText: '年底前', dueDate: '2025-12-31' });
    // a plan without a year reads no year-less deadline
    const bare = (await ok('mutation($d: ID!, $j: ID!) { createPlan(documentId: $d, jurisdictionId: $j, name: "无年度计划") { id } }', { d: doc, j: qingyang })).createPlan;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "某项工作") { id } }', { p: bare.id })).createKeyWork;
    const refused = await t.gql('mutation($k: ID!) { createTaskItem(keyWorkId: $k, content: "某任务", deadlineText: "12月15日前完成") { id } }', { k: kw.id }, admin);
    expect(refusal(refused)).toEqual(['BAD_USER_INPUT', 'deadlineText', 'YEAR_REQUIRED']);
    expect((await ok('query($k: ID!) { _allTaskItemsMeta(filter: { keyWorkId: $k }) { count } }', { k: kw.id }))._allTaskItemsMeta.count).toBe(0);
    void keyWork;
  });

  it('reads the year-less deadlines again when the plan’s year changes, and refuses to drop a year they need', async () => {
    const { plan: p, task } = await plan(2024);
    await ok('mutation($t: ID!) { createMilestone(taskItemId: $t, text: "开展党员摸底排查", deadlineText: "11月15日前完成") { id } }', { t: task.id });
    const explicit = (
      await ok('mutation($k: ID!) { createTaskItem(keyWorkId: $k, content: "另一项", deadlineText: "2025年6月30日") { id } }', {
        k: (await taskOf(task.id)) && (await ok('query($p: ID!) { Plan(id: $p) { keyWorks { id } } }', { p: p.id })).Plan.keyWorks[0].id,
      })
    ).createTaskItem;
    expect(await taskOf(task.id)).toMatchObject({ dueDate: '2024-12-31', milestones: [{ deadlineText: '11月15日前完成', dueDate: '2024-11-15' }] });
    await ok('mutation($p: ID!) { updatePlan(id: $p, year: 2025) { id } }', { p: p.id });
    expect(await taskOf(task.id)).toMatchObject({ dueDate: '2025-12-31', milestones: [{ dueDate: '2025-11-15' }] });
    expect(await taskOf(explicit.id)).toMatchObject({ dueDate: '2025-06-30' });
    const dropped = await t.gql('mutation($p: ID!) { updatePlan(id: $p, year: null) { id } }', { p: p.id }, admin);
    expect(refusal(dropped)).toEqual(['BAD_USER_INPUT', 'year', 'YEAR_REQUIRED']);
    expect((await ok('query($p: ID!) { Plan(id: $p) { year } }', { p: p.id })).Plan.year).toBe(2025);
  });

  it('corrects the lead unit, and keeps assignments to the plan’s office and its communities', async () => {
    const { task, lead, co } = await plan();
    expect([lead.sortOrder, co.sortOrder]).toEqual([1, 2]);
    await ok('mutation($a: ID!) { updateAssignment(id: $a, isLead: false) { id } }', { a: lead.id });
    await ok('mutation($a: ID!) { updateAssignment(id: $a, isLead: true) { id } }', { a: co.id });
    expect((await taskOf(task.id)).assignments).toEqual([
      { unitId: units['青阳街道/党建办'], isLead: false },
      { unitId: units['青阳街道/社区发展办'], isLead: true },
    ]);
    const community = Object.entries(units).find(([k]) => k.startsWith('阳光社区/'))![1];
    expect((await t.gql('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id } }', { t: task.id, u: community }, admin)).errors).toBeUndefined();
    const elsewhere = Object.entries(units).find(([k]) => k.startsWith('宝盖镇/'))![1];
    expect(refusal(await t.gql('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id } }', { t: task.id, u: elsewhere }, admin))).toEqual([
      'BAD_USER_INPUT',
      'unitId',
      'BELONGS_ELSEWHERE',
    ]);
    expect(codeOf(await t.gql('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id } }', { t: task.id, u: units['青阳街道/党建办'] }, admin))).toBe('CONFLICT');
  });

  it('keeps what has progress reported beneath it: the plan is archived, and counts no longer from that day', async () => {
    const { plan: p, keyWork, task, lead, co } = await plan();
    // the assignment is taken to exist since 2025 (a report is never dated before its assignment)
    await t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2025-01-01T00:00:00+08:00') })
      .execute();
    await ok('mutation($a: ID!) { reportProgress(assignmentId: $a, reportDate: "2025-03-01", status: IN_PROGRESS, note: "已起草") { id } }', { a: lead.id });
    for (const [mutation, id] of [
      ['deleteAssignment', lead.id],
      ['deleteTaskItem', task.id],
      ['deleteKeyWork', keyWork.id],
      ['deletePlan', p.id],
    ]) {
      const res = await t.gql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, admin);
      expect([mutation, codeOf(res), res.errors?.[0]?.extensions?.reason, res.errors?.[0]?.extensions?.reports]).toEqual([mutation, 'CONFLICT', 'HAS_PROGRESS', 1]);
    }
    // the co-responsible unit has reported nothing: its assignment may go
    expect((await t.gql('mutation($id: ID!) { deleteAssignment(id: $id) { id } }', { id: co.id }, admin)).errors).toBeUndefined();
    const overdue = async (asOf: string) =>
      (await ok('query($d: LocalDate!, $p: ID) { deadlinePage(asOf: $d, state: OVERDUE, planId: $p) { totalCount } }', { d: asOf, p: p.id })).deadlinePage.totalCount;
    expect(await overdue('2026-01-05')).toBe(1);
    await ok('mutation($p: ID!) { updatePlan(id: $p, archivedOn: "2026-01-01") { archivedOn } }', { p: p.id });
    expect(await overdue('2026-01-05')).toBe(0);
    // as of a day before the archive it still counted
    expect(await overdue('2025-12-31')).toBe(0);
    expect((await ok('query($d: LocalDate!, $p: ID) { taskRollup(asOf: $d, planId: $p, by: PLAN) { nodes { total } } }', { d: '2025-12-31', p: p.id })).taskRollup.nodes).toEqual([{ total: 1 }]);
    expect((await ok('query($d: LocalDate!, $p: ID) { taskRollup(asOf: $d, planId: $p, by: PLAN) { nodes { total } } }', { d: '2026-01-02', p: p.id })).taskRollup.nodes).toEqual([]);
    // its history stays readable
    expect((await ok('query($a: ID!) { Assignment(id: $a) { reports { note } } }', { a: lead.id })).Assignment.reports).toEqual([{ note: '已起草' }]);
  });

  it('refuses a milestone that names no day', async () => {
    const { task } = await plan();
    expect(refusal(await t.gql('mutation($t: ID!) { createMilestone(taskItemId: $t, text: "长期巩固", deadlineText: "长期坚持") { id } }', { t: task.id }, admin))).toEqual([
      'BAD_USER_INPUT',
      'deadlineText',
      'MILESTONE_NEEDS_DATE',
    ]);
  });

  it('lets only the issuing office change its plan: not another office, not a unit', async () => {
    const { task } = await plan();
    const other = await t.createUser({ username: 'baogai-office-edit', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    const unit = await t.createUser({ username: 'qy-unit-edit', role: Role.UNIT_STAFF, unitId: units['青阳街道/社区发展办'] });
    const own = await t.createUser({ username: 'qy-office-edit', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    expect(codeOf(await updateTask(task.id, 'deadlineText: "2025年6月30日"', other.token))).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(codeOf(await updateTask(task.id, 'deadlineText: "2025年6月30日"', unit.token))).toBe('FORBIDDEN');
    expect((await updateTask(task.id, 'deadlineText: "2025年6月30日"', own.token)).data!.updateTaskItem).toMatchObject({ dueDate: '2025-06-30' });
  });
});
