import { Role } from '../src/common/roles';
import { Assignment } from '../src/modules/task/assignment.entity';
import { MAX_URGENCY_CANDIDATES } from '../src/modules/task/task.service';
import { dbKind } from './db';
import { codeOf, fieldOf, type TestApp, startTestApp } from './harness';

/*
 * 我的任务's filters (issue 17 item 5) work through the API, over every assignment the unit has, not
 * over a page: words of the task, the plan, the task's deadline, 签收 and the light on a day.
 */
describe(`my tasks: search and filters on assignments (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let unit: string;
  const plans: string[] = [];
  const a: Record<string, string> = {};
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const LIST = 'query($f: AssignmentFilter) { allAssignments(filter: $f, perPage: 5) { id } _allAssignmentsMeta(filter: $f) { count } }';
  /** The ids (sorted) and count the filter gives the unit's staff member, over the unit's own assignments. */
  async function mine(filter: Record<string, unknown>) {
    const d = await ok(LIST, { f: { unitId: unit, ...filter } }, staff);
    return { ids: (d.allAssignments as Array<{ id: string }>).map((r) => r.id).sort(), count: d._allAssignmentsMeta.count as number };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    const qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    // a unit the seeds give no task, so the filters speak of these four assignments only
    unit = (await ok('mutation($j: ID!) { createUnit(jurisdictionId: $j, name: "筛选测试办", kind: OFFICE) { id } }', { j: qingyang })).createUnit.id;
    staff = (await t.createUser({ username: 'filter-staff', role: Role.UNIT_STAFF, unitId: unit })).token;
    for (const name of ['筛选计划甲', '筛选计划乙']) {
      plans.push((await ok('mutation($d: ID!, $j: ID!, $n: String!) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: 2025) { id } }', { d: doc, j: qingyang, n: name })).createPlan.id);
    }
    const task = async (plan: string, content: string, deadlineText: string) => {
      const kw = (await ok('mutation($p: ID!, $n: String!) { createKeyWork(planId: $p, number: $n, title: "筛选事项") { id } }', { p: plan, n: String(++n) })).createKeyWork;
      const item = (await ok('mutation($k: ID!, $c: String!, $d: String!) { createTaskItem(keyWorkId: $k, content: $c, deadlineText: $d) { id } }', { k: kw.id, c: content, d: deadlineText }))
        .createTaskItem;
      const id = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u, isLead: true) { id } }', { t: item.id, u: unit })).createAssignment.id as string;
      // assigned (as if) on 2025-01-01, so 2025's deadlines and reports are in its life
      await t.app.ds
        .createQueryBuilder()
        .update(Assignment)
        .set({ createdAt: new Date('2025-01-01T00:00:00+08:00') })
        .where('id = :id', { id: Number(id) })
        .execute();
      return id;
    };
    a.lights = await task(plans[0], '更换小区公共照明灯具', '2025年5月底前');
    a.drains = await task(plans[0], '疏通小区下水道', '2025年6月10日前');
    a.guards = await task(plans[1], '配齐小区保安', '2025年12月31日前');
    a.done = await task(plans[1], '建立物业问题清单', '2025年3月底前');
    await ok('mutation($a: ID!) { reportProgress(assignmentId: $a, reportDate: "2025-03-20", status: DONE, note: "清单已建立") { id } }', { a: a.done });
    await ok('mutation($a: ID!) { acknowledgeAssignment(id: $a) { id } }', { a: a.guards }, staff);
  });
  afterAll(() => t.close());

  it('searches the task’s words and filters by plan, over every assignment of the unit', async () => {
    expect(await mine({})).toEqual({ ids: [a.lights, a.drains, a.guards, a.done].sort(), count: 4 });
    expect(await mine({ q: '下水道' })).toEqual({ ids: [a.drains], count: 1 });
    expect(await mine({ q: '筛选计划乙' })).toEqual({ ids: [a.guards, a.done].sort(), count: 2 });
    expect(await mine({ planId: plans[0] })).toEqual({ ids: [a.lights, a.drains].sort(), count: 2 });
    expect(await mine({ planId: plans[0], q: '保安' })).toEqual({ ids: [], count: 0 });
  });

  it('filters by the task’s deadline, both ends included', async () => {
    expect(await mine({ dueFrom: '2025-05-31', dueTo: '2025-06-10' })).toEqual({ ids: [a.lights, a.drains].sort(), count: 2 });
    expect(await mine({ dueTo: '2025-03-31' })).toEqual({ ids: [a.done], count: 1 });
    expect(await mine({ dueFrom: '2025-06-11' })).toEqual({ ids: [a.guards], count: 1 });
  });

  it('filters by 签收', async () => {
    expect(await mine({ acknowledged: true })).toEqual({ ids: [a.guards], count: 1 });
    expect(await mine({ acknowledged: false })).toEqual({ ids: [a.lights, a.drains, a.done].sort(), count: 3 });
  });

  it('filters by the light on a day: overdue, due soon, done', async () => {
    // on 2025-06-08: 5月底 has passed (红灯), 6月10日 is within three days (黄灯), the list was reported done
    expect(await mine({ urgency: ['OVERDUE'], asOf: '2025-06-08' })).toEqual({ ids: [a.lights], count: 1 });
    expect(await mine({ urgency: ['DUE_SOON'], asOf: '2025-06-08' })).toEqual({ ids: [a.drains], count: 1 });
    expect(await mine({ urgency: ['DONE'], asOf: '2025-06-08' })).toEqual({ ids: [a.done], count: 1 });
    expect(await mine({ urgency: ['OVERDUE', 'DUE_SOON'], asOf: '2025-06-08', planId: plans[0] })).toEqual({ ids: [a.lights, a.drains].sort(), count: 2 });
    expect(await mine({ urgency: ['OVERDUE'], asOf: '2025-05-01' })).toEqual({ ids: [], count: 0 });
    // combined with the other filters: nothing of plan 乙 is overdue that day
    expect(await mine({ urgency: ['OVERDUE'], asOf: '2025-06-08', planId: plans[1] })).toEqual({ ids: [], count: 0 });
  });

  it('pages the light-filtered list like any other', async () => {
    const d = await ok(
      'query($f: AssignmentFilter) { allAssignments(filter: $f, perPage: 1, page: 1, sortField: "id", sortOrder: "ASC") { id } }',
      { f: { unitId: unit, urgency: ['OVERDUE', 'DUE_SOON'], asOf: '2025-06-08' } },
      staff,
    );
    expect(d.allAssignments.map((r: { id: string }) => r.id)).toEqual([[a.lights, a.drains].sort((x, y) => Number(x) - Number(y))[1]]);
  });

  it('keeps the scope rule: another town’s office finds none of these, whatever the filter', async () => {
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    const elsewhere = await t.createUser({ username: 'filter-baogai', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    expect((await ok(LIST, { f: { unitId: unit, urgency: ['OVERDUE'], asOf: '2025-06-08' } }, elsewhere.token))._allAssignmentsMeta.count).toBe(0);
    expect((await ok(LIST, { f: { unitId: unit } }, elsewhere.token))._allAssignmentsMeta.count).toBe(0);
  });

  it('refuses a too long search as other lists do', async () => {
    const res = await t.gql(LIST, { f: { unitId: unit, q: '长'.repeat(101) } }, staff);
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'filter.q']);
    expect(MAX_URGENCY_CANDIDATES).toBeGreaterThanOrEqual(100);
  });
});
