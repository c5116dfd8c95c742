import { Role } from '../src/common/roles';
import { Jurisdiction } from '../src/modules/organization/jurisdiction.entity';
import { Unit } from '../src/modules/organization/unit.entity';
import { PolicyDocument } from '../src/modules/policy/policy-document.entity';
import { Assignment } from '../src/modules/task/assignment.entity';
import { DeadlineKind, PlanKind, ProgressStatus } from '../src/modules/task/enums';
import { KeyWork } from '../src/modules/task/key-work.entity';
import { Milestone } from '../src/modules/task/milestone.entity';
import { Plan } from '../src/modules/task/plan.entity';
import { ProgressReport } from '../src/modules/task/progress-report.entity';
import { RollupLevel } from '../src/modules/task/progress.types';
import { TaskItem } from '../src/modules/task/task-item.entity';
import { addDays } from '../src/common/dates';
import { dbKind } from './db';
import { type OracleRow, progressOracle } from './progress-oracle';
import { startTestApp, type TestApp } from './harness';

/*
 * 首页的任务面板 (issue 17 item 1, issue 18 A2): overdue / due-soon deadlines and the roll-up per unit are
 * counted in SQL (modules/task/progress.panels.ts, the rule). Here: the rule on fixed dates; the SQL
 * against the in-memory states (ProgressService, which the bulletin and the lights use) on generated
 * data; the viewer's office; and statements per request flat from a page of 10 to one of 100.
 */

const PAGE = `query($d: LocalDate!, $s: OpenDeadlineState!, $days: Int, $p: ID, $u: ID, $page: Int, $n: Int) {
  deadlinePage(asOf: $d, state: $s, days: $days, planId: $p, unitId: $u, page: $page, perPage: $n) {
    totalCount nodes { dueDate daysOverdue deadlineText assignment { id unitId } task { id } milestone { id } }
  }
}`;
const UNITS = `query($d: LocalDate!, $p: ID, $page: Int, $n: Int) {
  unitProgressPage(asOf: $d, planId: $p, page: $page, perPage: $n) { totalCount nodes { id label total notStarted inProgress done overdue expired } }
}`;
/** The home page's question (A2): three panels, each a page. */
const HOME = `query($d: LocalDate!, $n: Int!) {
  overdue: deadlinePage(asOf: $d, state: OVERDUE, perPage: $n) { totalCount nodes { dueDate daysOverdue deadlineText task { id title content } milestone { id text } assignment { id unit { id name } } } }
  soon: deadlinePage(asOf: $d, state: DUE_SOON, days: 30, perPage: $n) { totalCount nodes { dueDate daysOverdue deadlineText task { id title content } milestone { id text } assignment { id unit { id name } } } }
  units: unitProgressPage(asOf: $d, perPage: $n) { totalCount nodes { id label total notStarted inProgress done overdue expired } }
}`;

const ROLLUP = `query($d: LocalDate!, $b: RollupLevel!, $page: Int, $n: Int) {
  taskRollup(asOf: $d, by: $b, page: $page, perPage: $n) { totalCount nodes { id label total notStarted inProgress done overdue expired occurrences occurrencesHeld occurrencesOverdue } }
}`;
const BULLETIN = `query($j: ID!, $d: LocalDate!) { taskBulletin(jurisdictionId: $j, asOf: $d) { rows { unitId total done late due overdue } } }`;

type Node = { dueDate: string; daysOverdue: number; deadlineText: string | null; assignment: { id: string; unitId: string }; task: { id: string }; milestone: { id: string } | null };

/** A small deterministic generator (same data on both databases). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}
const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe(`home task panels in SQL (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  /** Units of 青阳街道's area and of 宝盖镇's. */
  let qingyang: Unit[];
  let baogai: Unit[];
  const plans: Record<string, number> = {};
  const tasks: Record<string, number> = {};
  const milestones: Record<string, number> = {};

  const oracle = () => progressOracle(t.app.ds, t.app.services.progress, t.app.services.duty);
  const ok = async (query: string, variables: Record<string, unknown>, token = admin) => {
    const res = await t.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  /** Every deadline of a question, page by page. */
  const all = async (variables: Record<string, unknown>, token = admin): Promise<{ totalCount: number; nodes: Node[] }> => {
    const nodes: Node[] = [];
    let totalCount = 0;
    for (let page = 0; page < 100; page++) {
      const d = (await ok(PAGE, { ...variables, page, n: 100 }, token)).deadlinePage;
      totalCount = d.totalCount;
      nodes.push(...d.nodes);
      if (d.nodes.length < 100) break;
    }
    return { totalCount, nodes };
  };

  async function makePlan(name: string, owner: number, validTo: string | null): Promise<{ plan: Plan; keyWork: KeyWork }> {
    const ds = t.app.ds;
    const doc = await ds.getRepository(PolicyDocument).save({ jurisdictionId: owner, issuer: '测试', title: `${name}文件`, validTo, isPublic: true });
    const plan = await ds.getRepository(Plan).save({ documentId: doc.id, name, kind: PlanKind.TASK_LIST, jurisdictionId: owner, year: 2025 });
    const keyWork = await ds.getRepository(KeyWork).save({ planId: plan.id, number: '一', title: `${name}重点工作`, aliases: [], sortOrder: 1 });
    plans[name] = plan.id;
    return { plan, keyWork };
  }
  const task = (keyWork: KeyWork, key: string, dueDate: string | null, sortOrder: number) =>
    t.app.ds
      .getRepository(TaskItem)
      .save({
        keyWorkId: keyWork.id,
        content: `任务${key}`,
        title: key,
        deadlineKind: dueDate ? DeadlineKind.DUE : DeadlineKind.ONGOING,
        deadlineText: dueDate ? `${dueDate}前` : '长期坚持',
        dueDate,
        sortOrder,
      })
      .then((x) => (tasks[key] = x.id));
  const milestone = (key: string, taskKey: string, dueDate: string) =>
    t.app.ds
      .getRepository(Milestone)
      .save({ taskItemId: tasks[taskKey], text: `节点${key}`, deadlineText: `${dueDate}前`, dueDate, sortOrder: 1 })
      .then((m) => (milestones[key] = m.id));
  const assign = (taskKey: string, units: Unit[]) => t.app.ds.getRepository(Assignment).save(units.map((u, i) => ({ taskItemId: tasks[taskKey], unitId: u.id, isLead: i === 0, sortOrder: i + 1 })));
  const report = (a: Assignment, reportDate: string, status: ProgressStatus, milestoneKey?: string) =>
    t.app.ds.getRepository(ProgressReport).save({ assignmentId: a.id, reportDate, status, note: '测试', milestoneId: milestoneKey ? milestones[milestoneKey] : null });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const ds = t.app.ds;
    const j = async (name: string) => (await ds.getRepository(Jurisdiction).findOneByOrFail({ name })).id;
    const [city, street, town] = [await j('泉州市'), await j('青阳街道'), await j('宝盖镇')];
    const below = async (root: number) => {
      const ids = [root];
      for (let i = 0; i < ids.length; i++) ids.push(...(await ds.getRepository(Jurisdiction).findBy({ parentId: ids[i] })).map((c) => c.id));
      return ids;
    };
    const units = await ds.getRepository(Unit).find({ order: { id: 'ASC' } });
    const streetArea = new Set(await below(street));
    const townArea = new Set(await below(town));
    qingyang = units.filter((u) => streetArea.has(u.jurisdictionId)).slice(0, 3);
    baogai = units.filter((u) => townArea.has(u.jurisdictionId)).slice(0, 2);
    expect(qingyang).toHaveLength(3);
    expect(baogai).toHaveLength(2);

    // Fixed dates: each line of the rule once (asOf 2025-04-10 unless said).
    const { keyWork } = await makePlan('规则测试', street, null);
    const u = [qingyang[0]];
    await task(keyWork, 'DONE_ON_TIME', '2025-03-31', 1);
    await task(keyWork, 'DONE_LATE', '2025-03-31', 2);
    await task(keyWork, 'IN_PROGRESS', '2025-03-31', 3);
    await task(keyWork, 'DUE_SOON', '2025-04-30', 4);
    await task(keyWork, 'DUE_TODAY', '2025-04-10', 5);
    await task(keyWork, 'MILESTONES', '2025-12-31', 6);
    await task(keyWork, 'DONE_AFTER_ASOF', '2025-03-31', 7);
    await task(keyWork, 'ONGOING', null, 8);
    await milestone('M_DONE', 'MILESTONES', '2025-04-01');
    await milestone('M_OPEN', 'MILESTONES', '2025-04-05');
    const a: Record<string, Assignment> = {};
    for (const key of Object.keys(tasks)) a[key] = (await assign(key, u))[0];
    await report(a.DONE_ON_TIME, '2025-03-20', ProgressStatus.DONE);
    await report(a.DONE_LATE, '2025-03-01', ProgressStatus.IN_PROGRESS);
    await report(a.DONE_LATE, '2025-04-05', ProgressStatus.DONE);
    await report(a.IN_PROGRESS, '2025-03-01', ProgressStatus.IN_PROGRESS);
    await report(a.MILESTONES, '2025-03-30', ProgressStatus.DONE, 'M_DONE');
    await report(a.DONE_AFTER_ASOF, '2025-04-15', ProgressStatus.DONE);
    // a plan whose document ended on 2025-03-01: expired, never overdue
    const expired = await makePlan('已失效测试', street, '2025-03-01');
    await task(expired.keyWork, 'EXPIRED', '2025-03-31', 1);
    await assign('EXPIRED', u);

    // Generated: a city plan (泉州市) over units of both areas, 120 tasks, milestones and reports.
    const gen = await makePlan('生成数据', city, null);
    const rnd = lcg(17);
    const genUnits = [...qingyang, ...baogai];
    for (let i = 0; i < 120; i++) {
      const key = `G${i}`;
      await task(gen.keyWork, key, rnd(5) === 0 ? null : day(rnd(365)), i);
      for (let m = rnd(3); m > 0; m--) await milestone(`${key}M${m}`, key, day(rnd(365)));
      const made = await assign(
        key,
        genUnits.filter(() => rnd(3) > 0),
      );
      for (const x of made) {
        for (let r = rnd(4); r > 0; r--) {
          const status = [ProgressStatus.IN_PROGRESS, ProgressStatus.DONE, ProgressStatus.NOT_STARTED][rnd(3)];
          await report(x, day(rnd(365)), status);
        }
        for (let m = 1; m <= 2; m++) if (milestones[`${key}M${m}`] && rnd(2)) await report(x, day(rnd(365)), rnd(2) ? ProgressStatus.DONE : ProgressStatus.IN_PROGRESS, `${key}M${m}`);
      }
    }
  });
  afterAll(() => t.close());

  it('lists an overdue deadline not reported done by the day, with its days past due, and never a done one, a later report or an expired plan', async () => {
    const { nodes, totalCount } = await all({ d: '2025-04-10', s: 'OVERDUE', p: String(plans['规则测试']) });
    const seen = nodes.map((n) => `${n.task.id}:${n.milestone?.id ?? ''}:${n.daysOverdue}`);
    expect(seen).toEqual([`${tasks.IN_PROGRESS}::10`, `${tasks.DONE_AFTER_ASOF}::10`, `${tasks.MILESTONES}:${milestones.M_OPEN}:5`]);
    expect(totalCount).toBe(3);
    // a day before DONE_LATE was reported done, it was overdue (two days)
    const before = await all({ d: '2025-04-02', s: 'OVERDUE', p: String(plans['规则测试']) });
    expect(before.nodes.find((n) => n.task.id === String(tasks.DONE_LATE))?.daysOverdue).toBe(2);
    expect((await all({ d: '2025-04-10', s: 'OVERDUE', p: String(plans['已失效测试']) })).totalCount).toBe(0);
  });

  it('lists as due soon the open deadlines from the day to day + days, both ends included', async () => {
    const soon = async (days: number) => (await all({ d: '2025-04-10', s: 'DUE_SOON', days, p: String(plans['规则测试']) })).nodes.map((n) => n.task.id);
    expect(await soon(30)).toEqual([String(tasks.DUE_TODAY), String(tasks.DUE_SOON)]);
    expect(await soon(20)).toEqual([String(tasks.DUE_TODAY), String(tasks.DUE_SOON)]);
    expect(await soon(19)).toEqual([String(tasks.DUE_TODAY)]);
  });

  it('rolls up per unit: done, in progress, not started, overdue and expired as of the day', async () => {
    const row = async (p: string, d = '2025-04-10') => (await ok(UNITS, { d, p: String(plans[p]) })).unitProgressPage.nodes[0];
    expect(await row('规则测试')).toMatchObject({ id: String(qingyang[0].id), total: 8, done: 2, inProgress: 1, notStarted: 5, overdue: 3, expired: 0 });
    // by 04-20 DONE_AFTER_ASOF is done, and DUE_TODAY has passed
    expect(await row('规则测试', '2025-04-20')).toMatchObject({ done: 3, overdue: 3 });
    expect(await row('已失效测试')).toMatchObject({ total: 1, overdue: 0, expired: 1 });
  });

  it.each(['2025-01-01', '2025-06-15', '2025-12-31', '2026-06-30'])('agrees with the in-memory states on generated data and the seeds as of %s', async (asOf) => {
    const progress = oracle();
    const key = (assignmentId: string | number, milestoneId: string | number | null | undefined, dueDate: string) => `${assignmentId}:${milestoneId ?? ''}:${dueDate}`;
    const expectOverdue = (await progress.overdue({ asOf })).map((e) => key(e.assignmentId, e.milestoneId, e.dueDate)).sort();
    const overdue = await all({ d: asOf, s: 'OVERDUE' });
    expect(overdue.nodes.map((n) => key(n.assignment.id, n.milestone?.id, n.dueDate)).sort()).toEqual(expectOverdue);
    expect(overdue.totalCount).toBe(expectOverdue.length);
    expect(overdue.nodes.map((n) => n.dueDate)).toEqual([...overdue.nodes.map((n) => n.dueDate)].sort());
    const expectSoon = (await progress.dueSoon({ asOf }, 45)).map((e) => key(e.assignmentId, e.milestoneId, e.dueDate)).sort();
    const soon = await all({ d: asOf, s: 'DUE_SOON', days: 45 });
    expect(soon.nodes.map((n) => key(n.assignment.id, n.milestone?.id, n.dueDate)).sort()).toEqual(expectSoon);

    const pick = (r: { id: string; total: number; notStarted: number; inProgress: number; done: number; overdue: number; expired: number }) => ({
      id: r.id,
      total: r.total,
      notStarted: r.notStarted,
      inProgress: r.inProgress,
      done: r.done,
      overdue: r.overdue,
      expired: r.expired,
    });
    const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
    const expectUnits = (await progress.rollup({ asOf }, RollupLevel.UNIT)).map(pick).sort(byId);
    const units = (await ok(UNITS, { d: asOf, n: 100 })).unitProgressPage;
    expect(units.totalCount).toBe(expectUnits.length);
    expect(units.nodes.map(pick).sort(byId)).toEqual(expectUnits);
    // the most overdue first
    expect(units.nodes.map((r: { overdue: number }) => r.overdue)).toEqual([...units.nodes.map((r: { overdue: number }) => r.overdue)].sort((x, y) => y - x));

    // the roll-up at every level, page by page, with labels and the recurring duties' periods
    for (const level of Object.values(RollupLevel)) {
      const expected = (await progress.rollup({ asOf }, level)).sort(byId);
      const got: OracleRow[] = [];
      let totalCount = -1;
      for (let page = 0; page < 50; page++) {
        const r = (await ok(ROLLUP, { d: asOf, b: level, page, n: 7 })).taskRollup;
        totalCount = r.totalCount;
        got.push(...r.nodes);
        if (r.nodes.length < 7) break;
      }
      expect({ level, totalCount }).toEqual({ level, totalCount: expected.length });
      expect({ level, rows: got.sort(byId) }).toEqual({ level, rows: expected });
    }

    // the bulletin of each office that issued plans
    const offices = [...new Set((await t.app.ds.getRepository(Plan).find()).map((p) => p.jurisdictionId))];
    for (const office of offices) {
      const planIds = (await t.app.ds.getRepository(Plan).findBy({ jurisdictionId: office })).map((p) => p.id);
      const expected = (await progress.bulletin(planIds, asOf)).sort((a, b) => Number(a.unitId) - Number(b.unitId));
      const got = (await ok(BULLETIN, { j: String(office), d: asOf })).taskBulletin.rows as Array<{ unitId: string; total: number; done: number; late: number; due: number; overdue: number }>;
      const counts = got.map(({ unitId, total, done, late, due, overdue }) => ({ unitId, total, done, late, due, overdue })).sort((a, b) => Number(a.unitId) - Number(b.unitId));
      expect({ office, counts }).toEqual({ office, counts: expected });
    }

    // the daily reminder pass's batches: every open deadline due by asOf + 3 days, each once, in small batches
    const until = addDays(asOf, 3);
    const wanted = [...(await progress.overdue({ asOf })), ...(await progress.dueSoon({ asOf }, 3))].map((e) => key(e.assignmentId, e.milestoneId, e.dueDate)).sort();
    const walked: string[] = [];
    let after = { assignmentId: 0, milestoneId: 0 };
    for (let i = 0; i < 10_000; i++) {
      const batch = await t.app.services.progressPanels.openDeadlineBatch(asOf, until, after, 13);
      walked.push(...batch.map((b) => key(b.assignmentId, b.milestoneId, b.dueDate)));
      if (batch.length < 13) break;
      after = { assignmentId: batch[12].assignmentId, milestoneId: batch[12].milestoneId ?? 0 };
    }
    expect(walked.sort()).toEqual(wanted);
  });

  it('shows an office the units of its own area only, and a unit’s staff their own unit', async () => {
    const townOffice = await t.createUser({
      username: 'baogai-office',
      role: Role.PARTY_OFFICE,
      jurisdictionId: String((await t.app.ds.getRepository(Jurisdiction).findOneByOrFail({ name: '宝盖镇' })).id),
    });
    const p = String(plans['生成数据']);
    const theirs = await all({ d: '2025-12-31', s: 'OVERDUE', p }, townOffice.token);
    const everyone = await all({ d: '2025-12-31', s: 'OVERDUE', p });
    const baogaiIds = new Set(baogai.map((u) => String(u.id)));
    expect(theirs.totalCount).toBeGreaterThan(0);
    expect(theirs.nodes.every((n) => baogaiIds.has(n.assignment.unitId))).toBe(true);
    expect(theirs.totalCount).toBe(everyone.nodes.filter((n) => baogaiIds.has(n.assignment.unitId)).length);
    const rows = (await ok(UNITS, { d: '2025-12-31', p, n: 100 }, townOffice.token)).unitProgressPage.nodes as Array<{ id: string }>;
    expect(rows.map((r) => r.id).sort()).toEqual([...baogaiIds].sort());

    const staff = await t.userWithRole(Role.UNIT_STAFF, String(qingyang[1].id));
    const own = await all({ d: '2025-12-31', s: 'OVERDUE', p }, staff.token);
    expect(own.totalCount).toBe(everyone.nodes.filter((n) => n.assignment.unitId === String(qingyang[1].id)).length);
    expect(own.nodes.every((n) => n.assignment.unitId === String(qingyang[1].id))).toBe(true);
  });

  it('refuses a page of more than 100 or a negative page, naming the argument', async () => {
    const res = await t.gql(PAGE, { d: '2025-12-31', s: 'OVERDUE', n: 101 }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage', reason: 'OUT_OF_RANGE' });
    const units = await t.gql(UNITS, { d: '2025-12-31', page: -1 }, admin);
    expect(units.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page', reason: 'OUT_OF_RANGE' });
  });

  async function statementsFor(n: number, token: string): Promise<number> {
    t.sql.reset();
    const d = await ok(HOME, { d: '2025-12-01', n }, token);
    // full pages of overdue deadlines (the seeds' and the generated ones), and some due soon
    expect(d.overdue.nodes).toHaveLength(n);
    expect(d.soon.nodes.length).toBeGreaterThan(0);
    expect(d.units.nodes.length).toBeGreaterThan(0);
    return t.sql.count;
  }

  it('answers the home page (A2) in as many statements for pages of 10, 50 and 100 (issue 18)', async () => {
    const counts = [await statementsFor(10, admin), await statementsFor(50, admin), await statementsFor(100, admin)];
    // the user and the jurisdictions; per deadline panel: the page with its total, its assignments with their units,
    // tasks, key works and plans, the tasks' milestones; the roll-up with its total
    expect(counts).toEqual([8, 8, 8]);
    const office = await t.createUser({
      username: 'city-office',
      role: Role.PARTY_OFFICE,
      jurisdictionId: String((await t.app.ds.getRepository(Jurisdiction).findOneByOrFail({ name: '泉州市' })).id),
    });
    const officeCounts = [await statementsFor(10, office.token), await statementsFor(50, office.token), await statementsFor(100, office.token)];
    // and, once a request, the ids of the units in the office's area
    expect(officeCounts).toEqual([9, 9, 9]);
  });
});
