import { addDays, todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { Assignment } from '../src/modules/task/assignment.entity';
import { ProgressStatus } from '../src/modules/task/enums';
import { Milestone } from '../src/modules/task/milestone.entity';
import { ProgressReport } from '../src/modules/task/progress-report.entity';
import { refreshLatestReports } from '../src/modules/task/progress.latest';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * Each assignment's latest whole-task report (day and status) kept on the assignment (issue 18,
 * modules/task/progress.latest.ts): the home page reads an assignment's status from it. Here: after every
 * kind of write — the API, the repository, a change, a removal, a rolled-back transaction, many writes in
 * any order — the columns equal what the reports say, recomputed from scratch.
 */

const REPORT = `mutation($a: ID!, $d: LocalDate!, $s: ProgressStatus!, $m: ID) { reportProgress(assignmentId: $a, milestoneId: $m, reportDate: $d, status: $s, note: "进展") { id } }`;

describe(`an assignment's latest report (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let assignments: Assignment[];

  /** The columns as stored, per assignment. */
  const stored = async (ids: number[]) =>
    (await t.app.ds.getRepository(Assignment).findBy(ids.map((id) => ({ id })))).map((a) => ({ id: a.id, on: a.latestReportOn, status: a.latestStatus })).sort((x, y) => x.id - y.id);
  /** What the reports say, computed here in JavaScript: the last whole-task report by day, then id. */
  const expected = async (ids: number[]) => {
    const reports = await t.app.ds.getRepository(ProgressReport).find({ order: { reportDate: 'ASC', id: 'ASC' } });
    return ids
      .map((id) => {
        const mine = reports.filter((r) => r.assignmentId === id && r.milestoneId == null);
        const last = mine[mine.length - 1];
        return { id, on: last?.reportDate ?? null, status: last?.status ?? null };
      })
      .sort((x, y) => x.id - y.id);
  };
  const report = async (a: Assignment, d: string, s: ProgressStatus, token = admin, m?: number) => {
    const res = await t.gql(REPORT, { a: String(a.id), d, s, m: m == null ? null : String(m) }, token);
    expect(res.errors).toBeUndefined();
    return Number(res.data.reportProgress.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    // the seeded task lists' assignments, a few units' worth
    assignments = (await t.app.ds.getRepository(Assignment).find({ order: { id: 'ASC' }, take: 12 })).filter((a) => a.latestReportOn == null);
    expect(assignments.length).toBeGreaterThanOrEqual(8);
    // they existed since 2024 (a report may not be dated before its assignment existed)
    await t.app.ds.getRepository(Assignment).update(
      assignments.map((a) => a.id),
      { createdAt: new Date('2024-01-01T00:00:00Z') },
    );
  });
  afterAll(() => t.close());

  it('follows the reports the API writes: the latest day, the later id on the same day; earlier days and milestones leave it', async () => {
    const [a, b] = assignments;
    expect(await stored([a.id])).toEqual([{ id: a.id, on: null, status: null }]);
    await report(a, '2024-12-01', ProgressStatus.IN_PROGRESS);
    expect(await stored([a.id])).toEqual([{ id: a.id, on: '2024-12-01', status: 'IN_PROGRESS' }]);
    await report(a, '2024-11-01', ProgressStatus.DONE); // dated before the latest: the latest stays
    expect(await stored([a.id])).toEqual([{ id: a.id, on: '2024-12-01', status: 'IN_PROGRESS' }]);
    await report(a, '2024-12-01', ProgressStatus.DONE); // the same day, written later: it is the latest
    expect(await stored([a.id])).toEqual([{ id: a.id, on: '2024-12-01', status: 'DONE' }]);
    const milestone = await t.app.ds.getRepository(Milestone).save({ taskItemId: a.taskItemId, text: '节点', deadlineText: '2025-01-31前', dueDate: '2025-01-31', sortOrder: 9 });
    await report(a, '2025-01-05', ProgressStatus.IN_PROGRESS, admin, milestone.id); // a milestone's report is not the task's
    expect(await stored([a.id])).toEqual([{ id: a.id, on: '2024-12-01', status: 'DONE' }]);
    // unit staff reporting on their own unit's assignment
    const staff = await t.userWithRole(Role.UNIT_STAFF, String(b.unitId));
    await report(b, addDays(todayInChina(), -3), ProgressStatus.IN_PROGRESS, staff.token); // staff date a report at most a month back
    expect(await stored([a.id, b.id])).toEqual(await expected([a.id, b.id]));
  });

  it('does not count as a change of the assignment (its updatedAt stays)', async () => {
    const c = assignments[2];
    const before = (await t.app.ds.getRepository(Assignment).findOneByOrFail({ id: c.id })).updatedAt.getTime();
    await new Promise((r) => setTimeout(r, 1100)); // MariaDB stamps to the second
    await report(c, '2024-10-10', ProgressStatus.IN_PROGRESS);
    const after = await t.app.ds.getRepository(Assignment).findOneByOrFail({ id: c.id });
    expect(after.latestReportOn).toBe('2024-10-10');
    expect(after.updatedAt.getTime()).toBe(before);
  });

  it('follows a report changed or removed through TypeORM, and nothing of a rolled-back write', async () => {
    const d = assignments[3];
    const repo = t.app.ds.getRepository(ProgressReport);
    const first = await repo.save({ assignmentId: d.id, reportDate: '2024-09-01', status: ProgressStatus.IN_PROGRESS, note: '一' });
    const second = await repo.save({ assignmentId: d.id, reportDate: '2024-09-15', status: ProgressStatus.DONE, note: '二' });
    expect(await stored([d.id])).toEqual([{ id: d.id, on: '2024-09-15', status: 'DONE' }]);
    await repo.save({ ...second, reportDate: '2024-08-01' }); // corrected to an earlier day: the first is now the latest
    expect(await stored([d.id])).toEqual([{ id: d.id, on: '2024-09-01', status: 'IN_PROGRESS' }]);
    await repo.remove(await repo.findOneByOrFail({ id: first.id }));
    expect(await stored([d.id])).toEqual([{ id: d.id, on: '2024-08-01', status: 'DONE' }]);
    await repo.remove(await repo.findOneByOrFail({ id: second.id }));
    expect(await stored([d.id])).toEqual([{ id: d.id, on: null, status: null }]);

    await expect(
      t.app.ds.transaction(async (em) => {
        await em.getRepository(ProgressReport).save({ assignmentId: d.id, reportDate: '2024-10-01', status: ProgressStatus.DONE, note: '撤回' });
        expect((await em.getRepository(Assignment).findOneByOrFail({ id: d.id })).latestStatus).toBe('DONE'); // inside: already kept
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await stored([d.id])).toEqual([{ id: d.id, on: null, status: null }]);
  });

  it('is right when reports on one assignment are written at the same moment', async () => {
    const e = assignments[assignments.length - 1];
    const days = ['2024-03-01', '2024-05-01', '2024-04-01', '2024-05-01', '2024-02-01', '2024-04-15'];
    await Promise.all(days.map((d, i) => report(e, d, i % 2 ? ProgressStatus.DONE : ProgressStatus.IN_PROGRESS)));
    expect(await stored([e.id])).toEqual(await expected([e.id]));
    expect((await stored([e.id]))[0].on).toBe('2024-05-01');
  });

  it('equals the reports after many writes in any order, by every writer, and refreshLatestReports agrees', async () => {
    const some = assignments.slice(4, -1);
    let s = 7;
    const rnd = (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
    const statuses = [ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS, ProgressStatus.DONE];
    const day = () => `2024-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    for (let i = 0; i < 40; i++) {
      const a = some[rnd(some.length)];
      if (rnd(2)) await report(a, day(), statuses[rnd(3)]);
      else await t.app.ds.getRepository(ProgressReport).insert({ assignmentId: a.id, reportDate: day(), status: statuses[rnd(3)], note: '批量' });
    }
    const ids = some.map((a) => a.id);
    const want = await expected(ids);
    expect(want.filter((w) => w.on != null).length).toBeGreaterThan(2);
    expect(await stored(ids)).toEqual(want);

    // the bulk path (a writer in SQL calls it after): spoil the columns, then recompute them for everything
    await t.app.ds.query("UPDATE assignment SET latestReportOn = '2000-01-01', latestStatus = 'DONE'");
    await refreshLatestReports(t.app.ds);
    const everything = (await t.app.ds.getRepository(Assignment).find()).map((a) => a.id);
    expect(await stored(everything)).toEqual(await expected(everything));
  });
});
