import { Assignment } from '../src/modules/task/assignment.entity';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from './harness';

/*
 * 定期工作 (issue 16): a recurring duty makes one occurrence per period per responsible unit, each
 * reported like progress (held on a day, minutes, evidence, attendance), overdue once its due day passes
 * unreported; the roll-ups count occurrences. Fixed dates, both databases.
 */
const OCC = `query($d: LocalDate!, $f: LocalDate, $to: LocalDate, $t: ID, $u: ID, $s: OccurrenceStatus) {
  dutyOccurrences(asOf: $d, from: $f, to: $to, taskItemId: $t, unitId: $u, status: $s) { periodKey starts ends dueOn required held status assignment { unitId } reports { heldOn attendance } } }`;

describe(`recurring duties (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let doc: string;
  let qingyang: string;
  let communities: Array<{ id: string; name: string }>;
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    doc = (await ok('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }')).allPolicyDocuments[0].id;
    qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    const under = (await ok('query($p: ID!) { allJurisdictions(perPage: 100, filter: { parentId: $p }) { id } }', { p: qingyang })).allJurisdictions.map((j: { id: string }) => j.id);
    communities = (await ok('{ allUnits(perPage: 1000, filter: { kind: COMMUNITY }) { id name jurisdictionId } }')).allUnits.filter((u: { jurisdictionId: string }) =>
      under.includes(u.jurisdictionId),
    );
  });
  afterAll(() => t.close());

  /** A 2025 plan of 青阳街道 with one recurring duty for every community, assigned (as if) on 2025-01-01. */
  async function duty(deadlineText: string) {
    const plan = (await ok('mutation($d: ID!, $j: ID!, $n: String!) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: 2025) { id } }', { d: doc, j: qingyang, n: `定期工作${++n}` }))
      .createPlan;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "联席会议") { id } }', { p: plan.id })).createKeyWork;
    const task = (
      await ok('mutation($k: ID!, $d: String!) { createTaskItem(keyWorkId: $k, content: "每季度召开联席会议，协调辖区小区物业管理问题", deadlineText: $d) { id deadlineKind recurrenceUnit } }', {
        k: kw.id,
        d: deadlineText,
      })
    ).createTaskItem;
    const assignments: Record<string, string> = {};
    for (const c of communities) assignments[c.name] = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u) { id } }', { t: task.id, u: c.id })).createAssignment.id;
    await t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2025-01-01T00:00:00+08:00') })
      .where('taskItemId = :t', { t: Number(task.id) })
      .execute();
    return { plan, task, assignments };
  }
  const report = (assignmentId: string, heldOn: string, extra = '', token = admin) =>
    t.gql(
      `mutation($a: ID!, $h: LocalDate!) { reportDuty(assignmentId: $a, heldOn: $h, note: "召开联席会议，研究小区停车问题"${extra}) { id periodKey heldOn } }`,
      { a: assignmentId, h: heldOn },
      token,
    );

  it('makes 14 occurrences of a quarterly meeting in 2025Q3, and 13 are overdue on 2025-10-01 when one was held', async () => {
    expect(communities).toHaveLength(14);
    const { task, assignments } = await duty('每季度');
    expect(task).toMatchObject({ deadlineKind: 'RECURRING', recurrenceUnit: 'QUARTER' });
    const held = (await report(assignments['阳光社区'], '2025-09-15', ', attendance: 12')).data!.reportDuty;
    expect(held.periodKey).toBe('2025Q3');
    const q3 = (asOf: string, s?: string) => ok(OCC, { d: asOf, f: '2025-07-01', to: '2025-09-30', t: task.id, s }).then((d) => d.dutyOccurrences);
    const all = await q3('2025-10-01');
    expect(all).toHaveLength(14);
    expect(all.every((o: { periodKey: string; dueOn: string }) => o.periodKey === '2025Q3' && o.dueOn === '2025-09-30')).toBe(true);
    expect(all.filter((o: { status: string }) => o.status === 'HELD')).toHaveLength(1);
    expect(await q3('2025-10-01', 'OVERDUE')).toHaveLength(13);
    // on its last day nothing is overdue yet
    expect(await q3('2025-09-30', 'OVERDUE')).toHaveLength(0);
    expect(await q3('2025-09-30', 'OPEN')).toHaveLength(13);
    const yangguang = all.find((o: { assignment: { unitId: string } }) => o.assignment.unitId === communities.find((c) => c.name === '阳光社区')!.id);
    expect(yangguang).toMatchObject({ status: 'HELD', held: 1, required: 1, reports: [{ heldOn: '2025-09-15', attendance: 12 }] });

    // the roll-up by unit counts them: this year's three quarters due by 2025-10-01
    const rollup = (
      await ok('query($p: ID!) { taskRollup(asOf: "2025-10-01", by: UNIT, planId: $p) { nodes { label occurrences occurrencesHeld occurrencesOverdue } } }', {
        p: (await ok('query($t: ID!) { TaskItem(id: $t) { keyWork { planId } } }', { t: task.id })).TaskItem.keyWork.planId,
      })
    ).taskRollup.nodes;
    expect(rollup).toHaveLength(14);
    expect(rollup.find((r: { label: string }) => r.label === '阳光社区')).toEqual({ label: '阳光社区', occurrences: 4, occurrencesHeld: 1, occurrencesOverdue: 2 });
    expect(rollup.find((r: { label: string }) => r.label === '莲屿社区')).toEqual({ label: '莲屿社区', occurrences: 4, occurrencesHeld: 0, occurrencesOverdue: 3 });
  });

  it('reads 每月不少于2次 as twice a month, and a period done late as HELD_LATE', async () => {
    const { task, assignments } = await duty('每月不少于2次');
    const a = assignments['阳光社区'];
    await report(a, '2025-03-05');
    const march = async (asOf: string) => (await ok(OCC, { d: asOf, f: '2025-03-01', to: '2025-03-31', t: task.id, u: communities.find((c) => c.name === '阳光社区')!.id })).dutyOccurrences[0];
    expect(await march('2025-03-20')).toMatchObject({ periodKey: '2025-03', required: 2, held: 1, status: 'OPEN' });
    expect(await march('2025-04-01')).toMatchObject({ held: 1, status: 'OVERDUE' });
    // a second holding reported for March, done in April
    expect((await report(a, '2025-04-03', ', periodKey: "2025-03"')).errors).toBeUndefined();
    expect(await march('2025-04-05')).toMatchObject({ held: 2, status: 'HELD_LATE' });
  });

  it('counts 每季度第一个月的月底前 for the quarter before, due the month after it ends', async () => {
    const { task, assignments } = await duty('每季度第一个月的月底前');
    const q1 = (asOf: string) => ok(OCC, { d: asOf, f: '2025-01-01', to: '2025-03-31', t: task.id, u: communities[0].id }).then((d) => d.dutyOccurrences[0]);
    expect(await q1('2025-04-30')).toMatchObject({ periodKey: '2025Q1', dueOn: '2025-04-30', status: 'OPEN' });
    expect((await report(assignments[communities[0].name], '2025-04-20', ', periodKey: "2025Q1"')).errors).toBeUndefined();
    expect(await q1('2025-05-01')).toMatchObject({ status: 'HELD' });
  });

  it('pages an office’s occurrences the worst first, with the counts of all of them, and another office sees none', async () => {
    const { plan, assignments } = await duty('每季度');
    const name = (unitId: string) => communities.find((c) => c.id === unitId)!.name;
    await report(assignments['阳光社区'], '2025-09-15');
    // done after its due day, for the quarter before
    await report(assignments['莲屿社区'], '2025-10-03', ', periodKey: "2025Q3"');
    const PAGE = `query($j: ID, $p: ID, $s: OccurrenceStatus, $page: Int, $per: Int) {
      dutyOccurrencePage(asOf: "2025-10-05", from: "2025-07-01", to: "2025-09-30", jurisdictionId: $j, planId: $p, status: $s, page: $page, perPage: $per) {
        totalCount expected reported reportedLate overdue open nodes { periodKey dueOn status assignment { unitId } reports { heldOn } } } }`;
    type Node = { status: string; assignment: { unitId: string }; reports: Array<{ heldOn: string }> };
    const at = async (v: Record<string, unknown>, token = admin) => (await ok(PAGE, { j: qingyang, p: plan.id, ...v }, token)).dutyOccurrencePage;
    const counts = { expected: 14, reported: 2, reportedLate: 1, overdue: 12, open: 0 };
    const first = await at({ page: 0, per: 5 });
    expect(first).toMatchObject({ totalCount: 14, ...counts });
    expect(first.nodes).toHaveLength(5);
    expect(first.nodes.every((o: Node) => o.status === 'OVERDUE')).toBe(true);
    const last = await at({ page: 2, per: 5 });
    expect(last.nodes.map((o: Node) => [o.status, name(o.assignment.unitId), o.reports.map((r) => r.heldOn)])).toEqual([
      ['OVERDUE', expect.any(String), []],
      ['OVERDUE', expect.any(String), []],
      ['HELD_LATE', '莲屿社区', ['2025-10-03']],
      ['HELD', '阳光社区', ['2025-09-15']],
    ]);
    // the pages hold every occurrence once
    const pages = [first, await at({ page: 1, per: 5 }), last].flatMap((p) => p.nodes.map((o: Node) => o.assignment.unitId));
    expect(new Set(pages).size).toBe(14);
    expect((await at({ page: 3, per: 5 })).nodes).toEqual([]);
    // one status on the pages, the counts still of all
    expect(await at({ s: 'HELD_LATE' })).toMatchObject({ totalCount: 1, ...counts, nodes: [{ status: 'HELD_LATE' }] });

    // the office's own plans only: another office issued none of them, and its staff cannot reach them
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    expect(await at({ j: baogai })).toMatchObject({ totalCount: 0, expected: 0, nodes: [] });
    const qyOffice = await t.createUser({ username: `qy-duties-${n}`, role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    const bgOffice = await t.createUser({ username: `bg-duties-${n}`, role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    expect(await at({}, qyOffice.token)).toMatchObject({ totalCount: 14, ...counts });
    expect(await at({ p: null }, bgOffice.token)).toMatchObject({ totalCount: 0, expected: 0 });
    // the office's recurring duties, to choose from: this one among them, none of them another office's
    const issued = (j: string) =>
      ok('query($j: ID!) { allTaskItems(perPage: 200, filter: { jurisdictionId: $j, deadlineKind: RECURRING }) { id } }', { j }).then((d) => d.allTaskItems.map((x: { id: string }) => x.id));
    const task = (await ok('query($p: ID!) { allTaskItems(filter: { planId: $p }) { id } }', { p: plan.id })).allTaskItems[0].id;
    expect(await issued(qingyang)).toContain(task);
    expect(await issued(baogai)).not.toContain(task);
    // the office's plans, this one among them
    const office = await at({ p: null, per: 100 });
    expect(office.expected).toBeGreaterThanOrEqual(14);

    const refused = (v: Record<string, unknown>) => t.gql(PAGE, { j: qingyang, p: plan.id, ...v }, admin).then(refusal);
    expect(await refused({ per: 101 })).toEqual(['BAD_USER_INPUT', 'perPage', 'OUT_OF_RANGE']);
    expect(await refused({ per: 0 })).toEqual(['BAD_USER_INPUT', 'perPage', 'OUT_OF_RANGE']);
    expect(await refused({ page: -1 })).toEqual(['BAD_USER_INPUT', 'page', 'OUT_OF_RANGE']);
  });

  it('holds a duty report to the rules of a progress report, with field errors', async () => {
    const { assignments } = await duty('每季度');
    const a = assignments['阳光社区'];
    expect(refusal(await report(a, '2099-01-01'))).toEqual(['BAD_USER_INPUT', 'heldOn', 'FUTURE_DATE']);
    expect(refusal(await report(a, '2024-12-31'))).toEqual(['BAD_USER_INPUT', 'heldOn', 'BEFORE_ASSIGNMENT']);
    expect(refusal(await report(a, '2025-05-01', ', periodKey: "2025Q3"'))).toEqual(['BAD_USER_INPUT', 'periodKey', 'NOT_APPLICABLE']);
    // unit staff: their own unit only, and recent facts only
    const staff = await t.userWithRole(Role.UNIT_STAFF, communities.find((c) => c.name === '莲屿社区')!.id);
    expect(codeOf(await report(a, '2025-09-15', '', staff.token))).toBe('FORBIDDEN');
    expect(refusal(await report(assignments['莲屿社区'], '2025-09-15', '', staff.token))).toEqual(['BAD_USER_INPUT', 'heldOn', 'BACKDATED']);
    // a task that is not recurring takes progress reports, not duty reports
    const once = (await ok('{ allAssignments(perPage: 1) { id } }')).allAssignments[0].id;
    expect(refusal(await report(once, '2025-09-15'))).toEqual(['BAD_USER_INPUT', 'assignmentId', 'NOT_APPLICABLE']);
  });
});
