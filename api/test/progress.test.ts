import { Assignment } from '../src/modules/task/assignment.entity';
import { DeadlineKind, PlanKind } from '../src/modules/task/enums';
import { KeyWork } from '../src/modules/task/key-work.entity';
import { Plan } from '../src/modules/task/plan.entity';
import { TaskItem } from '../src/modules/task/task-item.entity';
import { dbKind } from './db';
import { fieldOf, startTestApp, type TestApp } from './harness';

const OVERDUE = `query($d: LocalDate!, $u: ID, $p: ID) { deadlinePage(asOf: $d, state: OVERDUE, unitId: $u, planId: $p, perPage: 100) { nodes {
  dueDate deadlineText daysOverdue task { id number } milestone { id text } assignment { id unitId } } } }`;

describe(`what is overdue and what falls due, as of a date (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let office: string; // 青阳街道 党建办
  let actionsPlan: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    office = (await t.gql('{ allUnits(filter: { q: "党建办" }) { id jurisdiction { name } } }', {}, admin)).data.allUnits.find(
      (u: { jurisdiction: { name: string } }) => u.jurisdiction.name === '青阳街道',
    ).id;
    actionsPlan = (await t.gql('{ allPlans(filter: { kind: SPECIAL_ACTIONS }) { id } }', {}, admin)).data.allPlans[0].id;
    // The answers below are about 2024: the assignments are taken to exist since then (seeding created
    // them today, and no report may be dated before its assignment existed).
    await t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2024-01-01T00:00:00+08:00') })
      .execute();
  });
  afterAll(() => t.close());

  const surveyDue = async (asOf: string) =>
    (await t.gql(OVERDUE, { d: asOf, u: office, p: actionsPlan }, admin)).data.deadlinePage.nodes.filter((e: { deadlineText: string }) => e.deadlineText === '11月15日前完成');

  it("makes action (一)'s 11-15 survey milestones overdue on 2024-11-16, not on 2024-11-15", async () => {
    expect(await surveyDue('2024-11-15')).toEqual([]);
    const due = await surveyDue('2024-11-16');
    expect(due).toHaveLength(2); // 党员摸底排查 in measures 一 and 二
    expect(due[0]).toMatchObject({ dueDate: '2024-11-15', daysOverdue: 1, milestone: { text: '开展党员摸底排查(11月15日前完成)' } });
    const soon = (await t.gql('query($u: ID) { deadlinePage(asOf: "2024-11-10", state: DUE_SOON, days: 7, unitId: $u, perPage: 100) { nodes { dueDate deadlineText } } }', { u: office }, admin)).data
      .deadlinePage.nodes;
    expect(soon.filter((e: { deadlineText: string }) => e.deadlineText === '11月15日前完成')).toHaveLength(2);
    expect(soon.every((e: { dueDate: string }) => e.dueDate >= '2024-11-10' && e.dueDate <= '2024-11-17')).toBe(true);
  });

  it('counts a milestone done only from the day it was reported done', async () => {
    const [first] = await surveyDue('2024-11-16');
    const report = `mutation($a: ID!, $m: ID!, $d: LocalDate!) { reportProgress(assignmentId: $a, milestoneId: $m, reportDate: $d, status: DONE, note: "摸底排查完成") { id } }`;
    await t.gql(report, { a: first.assignment.id, m: first.milestone.id, d: '2024-11-20' }, admin);
    expect(await surveyDue('2024-11-16')).toHaveLength(2); // reported after that day: the answer for 11-16 does not change
    expect(await surveyDue('2024-11-21')).toHaveLength(1);
    await t.gql(report, { a: first.assignment.id, m: first.milestone.id, d: '2024-11-14' }, admin);
    expect(await surveyDue('2024-11-16')).toHaveLength(1);
  });

  it("takes an assignment's status from its latest report on or before the date", async () => {
    const a = (await t.gql('query($u: ID!) { allAssignments(filter: { unitId: $u }, perPage: 1) { id } }', { u: office }, admin)).data.allAssignments[0].id;
    const report = `mutation($a: ID!, $d: LocalDate!, $s: ProgressStatus!) { reportProgress(assignmentId: $a, reportDate: $d, status: $s, note: "进展") { id } }`;
    await t.gql(report, { a, d: '2024-05-01', s: 'IN_PROGRESS' }, admin);
    await t.gql(report, { a, d: '2024-06-01', s: 'DONE' }, admin);
    const status = async (d: string) => (await t.gql('query($a: ID!, $d: LocalDate) { Assignment(id: $a) { status(asOf: $d) } }', { a, d }, admin)).data.Assignment.status;
    expect([await status('2024-04-30'), await status('2024-05-15'), await status('2024-06-01')]).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'DONE']);
  });

  it('shows the tasks of an expired plan as expired, not overdue', async () => {
    // 001 (valid 2023-11-01 .. 2024-10-31) sets no task list; give it one task as test data.
    const ds = t.app.ds;
    const doc001 = (await t.gql('{ allPolicyDocuments(filter: { q: "宝政〔2023〕87号" }) { id } }', {}, admin)).data.allPolicyDocuments[0].id;
    const town = (await t.gql('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    const unit = (await t.gql('{ allUnits(filter: { q: "小区服务岗" }) { id } }', {}, admin)).data.allUnits[0].id;
    const plan = await ds.getRepository(Plan).save({ documentId: Number(doc001), name: '测试计划', kind: PlanKind.TASK_LIST, jurisdictionId: Number(town) });
    const kw = await ds.getRepository(KeyWork).save({ planId: plan.id, number: '一', title: '测试', aliases: [] });
    const task = await ds.getRepository(TaskItem).save({ keyWorkId: kw.id, content: '2024年新增20%小区备案', deadlineKind: DeadlineKind.DUE, deadlineText: '2024年', dueDate: '2024-06-30' });
    await ds.getRepository(Assignment).save({ taskItemId: task.id, unitId: Number(unit), isLead: true });

    const overdueBefore = (await t.gql(OVERDUE, { d: '2024-09-01', p: String(plan.id) }, admin)).data.deadlinePage.nodes;
    expect(overdueBefore).toHaveLength(1); // still in force on 2024-09-01: overdue
    const after = (await t.gql(OVERDUE, { d: '2024-12-01', p: String(plan.id) }, admin)).data.deadlinePage.nodes;
    expect(after).toEqual([]);
    const rollup = (await t.gql('query($p: ID) { taskRollup(asOf: "2024-12-01", by: PLAN, planId: $p) { nodes { label total overdue expired } } }', { p: String(plan.id) }, admin)).data.taskRollup
      .nodes;
    expect(rollup).toEqual([{ label: '测试计划', total: 1, overdue: 0, expired: 1 }]);
    const expired = (await t.gql('query($id: ID!) { Plan(id: $id) { expired(asOf: "2024-12-01") } }', { id: String(plan.id) }, admin)).data.Plan.expired;
    expect(expired).toBe(true);
  });

  it('rolls up per unit: every assignment of the unit counted once', async () => {
    const roll = (await t.gql('{ taskRollup(asOf: "2024-11-16", by: UNIT) { totalCount nodes { id label total notStarted inProgress done overdue expired } } }', {}, admin)).data.taskRollup;
    expect(roll.totalCount).toBe(roll.nodes.length); // every unit on the first page of 100
    const rows = roll.nodes;
    const mine = rows.find((r: { id: string }) => r.id === office);
    const count = (await t.gql('query($u: ID!) { _allAssignmentsMeta(filter: { unitId: $u }) { count } }', { u: office }, admin)).data._allAssignmentsMeta.count;
    expect(mine.label).toBe('党建办');
    expect(mine.total).toBe(count);
    expect(mine.notStarted + mine.inProgress + mine.done).toBe(mine.total);
    expect(mine.overdue).toBeGreaterThan(0);
    expect(rows.filter((r: { label: string }) => r.label.endsWith('社区'))).toHaveLength(14);
  });

  it('rolls up the task list by target and by key work consistently', async () => {
    const list = (await t.gql('{ allPlans(filter: { kind: TASK_LIST }) { id } }', {}, admin)).data.allPlans[0].id;
    const by = async (level: string) =>
      (await t.gql('query($p: ID, $b: RollupLevel!) { taskRollup(asOf: "2024-11-16", by: $b, planId: $p) { nodes { label total } } }', { p: list, b: level }, admin)).data.taskRollup.nodes;
    const targets = await by('TARGET');
    const keyWorks = await by('KEY_WORK');
    expect(targets).toHaveLength(11);
    expect(targets[0].label).toBe('(一)健全考核评价体系');
    expect(keyWorks).toHaveLength(4);
    const sum = (rows: Array<{ total: number }>) => rows.reduce((s, r) => s + r.total, 0);
    expect(sum(targets)).toBe(sum(keyWorks));
  });

  it('refuses a window of days out of range', async () => {
    expect(fieldOf(await t.gql('{ deadlinePage(asOf: "2024-11-10", state: DUE_SOON, days: 9999) { totalCount } }', {}, admin))).toBe('days');
  });
});
