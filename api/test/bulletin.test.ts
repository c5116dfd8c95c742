import request from 'supertest';
import { Role } from '../src/common/roles';
import { Assignment } from '../src/modules/task/assignment.entity';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * 通报 (issue 16): 青阳街道's task lists by unit as of 2024-12-31 — done, done late, due in the next 30 days,
 * overdue, duties missed — the worst first, agreeing with overdueTasks; printed as a PDF for a signed-in
 * user only; another office sees none of 青阳's plans in it.
 */
const BULLETIN = `query($j: ID!, $d: LocalDate!) { taskBulletin(jurisdictionId: $j, asOf: $d) { jurisdiction asOf rows { unitId unit total done late due overdue dutiesMissed } } }`;
type Row = { unitId: string; unit: string; total: number; done: number; late: number; due: number; overdue: number; dutiesMissed: number };

describe(`the monthly bulletin (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let qingyang: string;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** Every overdue deadline as of a day, the home page's list read page by page. */
  const overdueOn = async (d: string) => {
    const all: Array<{ dueDate: string; milestone: { id: string } | null; assignment: { id: string; unitId: string } }> = [];
    for (let page = 0; ; page++) {
      const nodes = (
        await ok('query($d: LocalDate!, $page: Int) { deadlinePage(asOf: $d, state: OVERDUE, page: $page, perPage: 100) { nodes { dueDate milestone { id } assignment { id unitId } } } }', { d, page })
      ).deadlinePage.nodes;
      all.push(...nodes);
      if (nodes.length < 100) return all;
    }
  };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    qingyang = (await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }')).allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    // the seeded assignments are taken to exist since 2024 (a report is never dated before its assignment)
    await t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2024-01-01T00:00:00+08:00') })
      .execute();
  });
  afterAll(() => t.close());

  it('lists 青阳街道’s units as of 2024-12-31, the worst first, agreeing with the overdue list', async () => {
    const b = (await ok(BULLETIN, { j: qingyang, d: '2024-12-31' })).taskBulletin;
    expect(b).toMatchObject({ jurisdiction: '青阳街道', asOf: '2024-12-31' });
    const rows = b.rows as Row[];
    expect(rows.length).toBeGreaterThan(10);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].overdue).toBeGreaterThanOrEqual(rows[i].overdue);
    // every assignment of the street's plans once, by its unit
    const assignments = (await ok('{ _allAssignmentsMeta { count } }'))._allAssignmentsMeta.count;
    expect(rows.reduce((a, r) => a + r.total, 0)).toBe(assignments);
    // overdue: the assignments the home page's overdue list names, by unit
    const overdue = await overdueOn('2024-12-31');
    const byUnit = new Map<string, Set<string>>();
    for (const o of overdue) (byUnit.get(o.assignment.unitId) ?? byUnit.set(o.assignment.unitId, new Set()).get(o.assignment.unitId)!).add(o.assignment.id);
    for (const r of rows) expect([r.unit, r.overdue]).toEqual([r.unit, byUnit.get(r.unitId)?.size ?? 0]);
    expect(rows[0].overdue).toBeGreaterThan(0);
  });

  it('counts a task done after its deadline as done late, and one falling due within 30 days as due', async () => {
    const before = (await ok(BULLETIN, { j: qingyang, d: '2025-01-05' })).taskBulletin.rows as Row[];
    // an assignment overdue on 2025-01-05 on its task's own deadline of 2024-12-31, and nothing else of it overdue
    const overdue = await overdueOn('2025-01-05');
    const a = overdue.find((o) => o.dueDate === '2024-12-31' && !o.milestone && overdue.filter((x) => x.assignment.id === o.assignment.id).length === 1)!.assignment;
    const unit = before.find((r) => r.unitId === a.unitId)!;
    await ok('mutation($a: ID!) { reportProgress(assignmentId: $a, reportDate: "2025-01-03", status: DONE, note: "已完成") { id } }', { a: a.id });
    const after = ((await ok(BULLETIN, { j: qingyang, d: '2025-01-05' })).taskBulletin.rows as Row[]).find((r) => r.unitId === a.unitId)!;
    expect(after).toMatchObject({ total: unit.total, done: unit.done + 1, late: unit.late + 1, overdue: unit.overdue - 1 });
    // as of 2024-12-05 its deadline of 2024-12-31 falls within 30 days
    const early = ((await ok(BULLETIN, { j: qingyang, d: '2024-12-05' })).taskBulletin.rows as Row[]).find((r) => r.unitId === a.unitId)!;
    expect(early.due).toBeGreaterThan(0);
  });

  it('prints it as a PDF for a signed-in user, and shows another office none of 青阳’s plans', async () => {
    const res = await request(t.app.express)
      .get(`/bulletin.pdf?jurisdictionId=${qingyang}&asOf=2024-12-31`)
      .set('authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((res.body as Buffer).length).toBeGreaterThan(2000);
    expect((await request(t.app.express).get(`/bulletin.pdf?jurisdictionId=${qingyang}`)).status).toBe(401);
    expect((await request(t.app.express).get(`/bulletin.pdf?jurisdictionId=${qingyang}&asOf=2024-13-45`).set('authorization', `Bearer ${admin}`)).status).toBe(400);
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    const other = await t.createUser({ username: 'baogai-bulletin', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    expect((await ok(BULLETIN, { j: qingyang, d: '2024-12-31' }, other.token)).taskBulletin.rows).toEqual([]);
  });
});
