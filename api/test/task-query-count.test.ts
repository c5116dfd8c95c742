import { Role } from '../src/common/roles';
import { Assignment } from '../src/modules/task/assignment.entity';
import { DeadlineKind } from '../src/modules/task/enums';
import { TaskItem } from '../src/modules/task/task-item.entity';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

const TASKS = `query($n: Int!) { allTaskItems(perPage: $n) {
  id content deadlineKind deadlineText dueDate
  keyWork { title } target { title }
  milestones { dueDate deadlineText }
  assignments { isLead unit { name } }
} }`;

describe(`task list SQL statements (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    // The seeds hold 54 tasks; add 60 more (test data) so a page of 100 is full.
    const [first] = await t.app.ds.getRepository(TaskItem).find({ order: { id: 'ASC' }, take: 1 });
    const units = (await t.app.ds.getRepository(Assignment).find({ where: { taskItemId: first.id } })).map((a) => a.unitId);
    const extra = await t.app.ds
      .getRepository(TaskItem)
      .save(Array.from({ length: 60 }, (_, i) => ({ keyWorkId: first.keyWorkId, targetId: first.targetId, content: `测试任务${i + 1}`, deadlineKind: DeadlineKind.ONGOING, sortOrder: 100 + i })));
    await t.app.ds.getRepository(Assignment).save(extra.flatMap((task) => units.map((unitId, i) => ({ taskItemId: task.id, unitId, isLead: i === 0, sortOrder: i + 1 }))));
  });
  afterAll(() => t.close());

  async function statementsFor(n: number, token = admin): Promise<number> {
    t.sql.reset();
    const res = await t.gql(TASKS, { n }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.allTaskItems).toHaveLength(n);
    expect(res.data.allTaskItems[n - 1].assignments.length).toBeGreaterThan(0);
    return t.sql.count;
  }

  it('uses the same number of statements for pages of 10, 50 and 100 tasks with units, assignments and deadlines', async () => {
    const counts = [await statementsFor(10), await statementsFor(50), await statementsFor(100)];
    // user, page, key works, targets, milestones, assignments, units
    expect(counts).toEqual([7, 7, 7]);
  });

  it('uses as many for a community’s staff, who read the street’s task list through the scope rule (issue 14)', async () => {
    const unit = (await t.gql('{ allUnits(filter: { q: "阳光社区" }) { id } }', {}, admin)).data.allUnits[0].id;
    const staff = await t.userWithRole(Role.UNIT_STAFF, unit);
    const counts = [await statementsFor(10, staff.token), await statementsFor(50, staff.token), await statementsFor(100, staff.token)];
    expect(counts).toEqual([7, 7, 7]);
  });
});
