import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/common/roles';
import { Assignment } from '../src/modules/task/assignment.entity';
import { dbKind } from './db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from './harness';

/*
 * 督办 (issue 16): 立项交办 → 签收 → 临近提醒 (黄灯) → 到期催办 (红灯, the daily pass and the office's 催办).
 * Fixed dates on both databases; the daily pass runs once a day, however often it is started and by
 * however many API processes (two processes on one MariaDB: the last test).
 */
describe(`supervision: receipts, lights, 催办 and the daily reminder pass (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let doc: string;
  let qingyang: string;
  let units: Record<string, string>;
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
    units = Object.fromEntries(
      ((await ok('query($j: ID!) { allUnits(perPage: 100, filter: { jurisdictionId: $j }) { id name } }', { j: qingyang })).allUnits as Array<{ id: string; name: string }>).map((u) => [u.name, u.id]),
    );
  });
  afterAll(() => t.close());

  /** A 2025 task of 青阳街道 due as printed, assigned to 社区发展办 (as if) on 2025-01-01. */
  async function assignment(deadlineText: string) {
    const plan = (await ok('mutation($d: ID!, $j: ID!, $n: String!) { createPlan(documentId: $d, jurisdictionId: $j, name: $n, year: 2025) { id } }', { d: doc, j: qingyang, n: `督办计划${++n}` }))
      .createPlan;
    const kw = (await ok('mutation($p: ID!) { createKeyWork(planId: $p, number: "一", title: "督办事项") { id } }', { p: plan.id })).createKeyWork;
    const task = (await ok('mutation($k: ID!, $d: String!) { createTaskItem(keyWorkId: $k, content: "建立小区物业管理问题清单", deadlineText: $d) { id } }', { k: kw.id, d: deadlineText }))
      .createTaskItem;
    const a = (await ok('mutation($t: ID!, $u: ID!) { createAssignment(taskItemId: $t, unitId: $u, isLead: true) { id } }', { t: task.id, u: units['社区发展办'] })).createAssignment;
    await t.app.ds
      .createQueryBuilder()
      .update(Assignment)
      .set({ createdAt: new Date('2025-01-01T00:00:00+08:00') })
      .where('id = :id', { id: Number(a.id) })
      .execute();
    return a.id as string;
  }
  const light = async (id: string, asOf: string) => (await ok('query($id: ID!, $d: LocalDate) { Assignment(id: $id) { urgency(asOf: $d) nextDueOn(asOf: $d) } }', { id, d: asOf })).Assignment;

  it('lights an assignment due 2025-05-31 yellow from three days before, red from 2025-06-01, and not once it is done', async () => {
    const a = await assignment('2025年5月底前');
    expect(await light(a, '2025-05-27')).toEqual({ urgency: 'NONE', nextDueOn: '2025-05-31' });
    expect(await light(a, '2025-05-28')).toEqual({ urgency: 'DUE_SOON', nextDueOn: '2025-05-31' });
    expect(await light(a, '2025-05-29')).toEqual({ urgency: 'DUE_SOON', nextDueOn: '2025-05-31' });
    expect(await light(a, '2025-05-31')).toEqual({ urgency: 'DUE_SOON', nextDueOn: '2025-05-31' });
    expect(await light(a, '2025-06-01')).toEqual({ urgency: 'OVERDUE', nextDueOn: null });
    await ok('mutation($a: ID!) { reportProgress(assignmentId: $a, reportDate: "2025-06-03", status: DONE, note: "清单已建立") { id } }', { a });
    expect(await light(a, '2025-06-02')).toEqual({ urgency: 'OVERDUE', nextDueOn: null });
    expect(await light(a, '2025-06-03')).toEqual({ urgency: 'DONE', nextDueOn: null });
  });

  it('takes the unit’s receipt once, from its own staff only', async () => {
    const a = await assignment('年底前');
    const staff = await t.createUser({ username: 'sq-fazhan-ack', role: Role.UNIT_STAFF, unitId: units['社区发展办'] });
    const other = await t.createUser({ username: 'sq-other-ack', role: Role.UNIT_STAFF, unitId: units['党建办'] });
    const ACK = 'mutation($a: ID!) { acknowledgeAssignment(id: $a) { acknowledgedAt acknowledgedBy } }';
    expect(codeOf(await t.gql(ACK, { a }, other.token))).toBe('FORBIDDEN');
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await t.gql(ACK, { a }, auditor.token))).toBe('FORBIDDEN');
    const events = async () => (await ok('{ _allAuditEventsMeta(filter: { action: "ACKNOWLEDGE" }) { count } }'))._allAuditEventsMeta.count;
    const before = await events();
    const first = (await ok(ACK, { a }, staff.token)).acknowledgeAssignment;
    expect(first).toEqual({ acknowledgedAt: expect.any(String), acknowledgedBy: 'sq-fazhan-ack' });
    const again = (await ok(ACK, { a }, staff.token)).acknowledgeAssignment;
    expect(again).toEqual(first);
    expect(await events()).toBe(before + 1);
  });

  it('tells the office that issued the plan of each receipt, once, and not the unit’s staff nor another office', async () => {
    const first = await assignment('年底前');
    const second = await assignment('2025年9月30日前');
    const ACK = 'mutation($a: ID!) { acknowledgeAssignment(id: $a) { acknowledgedAt } }';
    const officer = await t.createUser({ username: 'qy-office-told', role: Role.PARTY_OFFICE, jurisdictionId: qingyang });
    const officeAdmin = await t.createUser({ username: 'qy-admin-told', role: Role.ADMIN, jurisdictionId: qingyang });
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    const elsewhere = await t.createUser({ username: 'bg-office-not-told', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    const staff = await t.createUser({ username: 'sq-fazhan-acks', displayName: '社区发展办干事', role: Role.UNIT_STAFF, unitId: units['社区发展办'] });
    const colleague = await t.createUser({ username: 'sq-fazhan-colleague', role: Role.UNIT_STAFF, unitId: units['社区发展办'] });
    const told = async (token: string) =>
      ((await ok('{ myNotifications(perPage: 100) { kind title link entityType entityId actorName } }', {}, token)).myNotifications as Array<{ kind: string; entityId: string }>).filter(
        (x) => x.kind === 'TASK_ACKNOWLEDGED' && [first, second].includes(x.entityId),
      );
    await ok(ACK, { a: first }, staff.token);
    await ok(ACK, { a: first }, staff.token);
    await ok(ACK, { a: second }, staff.token);
    const planOf = (await ok('query($a: ID!) { Assignment(id: $a) { taskItem { keyWork { planId } } } }', { a: first })).Assignment.taskItem.keyWork.planId;
    for (const office of [officer, officeAdmin]) {
      const mine = await told(office.token);
      expect(mine.map((x) => x.entityId).sort()).toEqual([first, second].sort());
      expect(mine.find((x) => x.entityId === first)).toEqual({
        kind: 'TASK_ACKNOWLEDGED',
        title: '已签收：社区发展办签收了 建立小区物业管理问题清单',
        link: `#/Plan/${planOf}/show`,
        entityType: 'Assignment',
        entityId: first,
        actorName: '社区发展办干事',
      });
    }
    for (const other of [staff, colleague, elsewhere]) expect(await told(other.token)).toEqual([]);
  });

  it('lets the office send a 催办 on an overdue assignment, which the unit sees, and refuses one on an item not overdue', async () => {
    const late = await assignment('2025年3月31日前');
    const fine = await assignment('2099年底前');
    const URGE = 'mutation($a: ID!, $m: String!) { urgeAssignment(assignmentId: $a, message: $m, dueBy: "2099-01-31") { id sentOn message sentBy } }';
    const staff = await t.createUser({ username: 'sq-fazhan-urged', role: Role.UNIT_STAFF, unitId: units['社区发展办'] });
    const urged = (await ok(URGE, { a: late, m: '请于本月底前报送整改情况' })).urgeAssignment;
    expect(urged).toMatchObject({ message: '请于本月底前报送整改情况', sentBy: expect.any(String) });
    expect(refusal(await t.gql(URGE, { a: fine, m: '请加快进度' }, admin))).toEqual(['BAD_USER_INPUT', 'assignmentId', 'NOT_OVERDUE']);
    expect(codeOf(await t.gql(URGE, { a: late, m: '自己催自己' }, staff.token))).toBe('FORBIDDEN');
    const seen = (await ok('query($a: ID!) { Assignment(id: $a) { urgings { message sentOn } } }', { a: late }, staff.token)).Assignment.urgings;
    expect(seen).toEqual([{ message: '请于本月底前报送整改情况', sentOn: urged.sentOn }]);
    // and the unit's staff were told, with the office's words
    const told = (await ok('{ myNotifications(unreadOnly: true) { kind body link } }', {}, staff.token)).myNotifications;
    expect(told).toContainEqual({ kind: 'TASK_URGED', body: '请于本月底前报送整改情况', link: '#/my-tasks' });
  });

  it('sends one reminder per deadline however often the daily pass runs, and the scheduler runs a day’s pass once', async () => {
    const soon = await assignment('2025年6月30日');
    const late = await assignment('2025年6月20日');
    const remind = (day: string) => t.app.services.supervision.remind(day);
    const mine = async () =>
      await ok('query($a: ID!, $b: ID!) { a: Assignment(id: $a) { reminders { kind dueOn sentOn } } b: Assignment(id: $b) { reminders { kind dueOn sentOn } } }', { a: soon, b: late });
    const staff = await t.createUser({ username: 'sq-fazhan-reminded', role: Role.UNIT_STAFF, unitId: units['社区发展办'] });
    const reminded = async () =>
      ((await ok('{ myNotifications(perPage: 100) { kind params entityId } }', {}, staff.token)).myNotifications as Array<{ kind: string; params: { due: string }; entityId: string }>).filter(
        (x) => [soon, late].includes(x.entityId) && x.kind !== 'TASK_ASSIGNED',
      );
    const first = await remind('2025-06-28');
    expect(first.sent).toBeGreaterThan(0);
    // the unit's staff are told once of each: the one near (黄灯) and the one passed (红灯)
    expect((await reminded()).map((x) => [x.kind, x.params.due]).sort()).toEqual([
      ['TASK_DUE_SOON', '2025-06-30'],
      ['TASK_OVERDUE', '2025-06-20'],
    ]);
    expect(await mine()).toEqual({
      a: { reminders: [{ kind: 'DUE_SOON', dueOn: '2025-06-30', sentOn: '2025-06-28' }] },
      b: { reminders: [{ kind: 'OVERDUE', dueOn: '2025-06-20', sentOn: '2025-06-28' }] },
    });
    expect((await remind('2025-06-28')).sent).toBe(0);
    expect((await remind('2025-06-29')).sent).toBe(0);
    expect(await mine()).toMatchObject({ a: { reminders: [{ kind: 'DUE_SOON' }] } });
    expect(await reminded()).toHaveLength(2);
    // once its day has passed: the red reminder, once
    await remind('2025-07-01');
    expect((await mine()).a.reminders.map((r: { kind: string }) => r.kind)).toEqual(['OVERDUE', 'DUE_SOON']);

    const day = new Date('2025-07-02T01:00:00Z');
    const run = await t.app.scheduler.runDue(day);
    expect(run).toEqual([expect.objectContaining({ job: 'task-reminders', day: '2025-07-02', ran: true, result: expect.objectContaining({ sent: expect.any(Number) }) })]);
    expect(await t.app.scheduler.runDue(new Date('2025-07-02T09:00:00Z'))).toEqual([{ job: 'task-reminders', day: '2025-07-02', ran: false, why: 'DONE_TODAY' }]);
    const logged = await t.app.ds.query("SELECT name, day, holder, finishedAt, result, error FROM scheduler_run WHERE day = '2025-07-02'");
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0].result)).toEqual(run[0].result);
    expect(logged[0].error).toBeNull();
  });

  (dbKind() === 'mysql' ? it : it.skip)(
    'runs a day’s pass once when two API processes reach it together on one MariaDB',
    async () => {
      const bin = path.resolve(__dirname, '../../node_modules/.bin/ts-node');
      const script = path.resolve(__dirname, 'scheduler/run-pass.ts');
      const go = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scheduler-')), 'go');
      const env = { ...process.env, SCHEDULER_TEST_CONFIG: JSON.stringify(t.config), GO_FILE: go, NOW: '2025-08-01T02:00:00Z' };
      // both processes start the app, say ready, and wait for the go: they reach the scheduler within milliseconds of each other
      const start = () => {
        const child = spawn(bin, ['--transpile-only', script], { env });
        let out = '';
        let err = '';
        const ready = new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => ((out += b.toString()), out.includes('ready') && resolve())));
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        const done = new Promise<{ stdout: string }>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve({ stdout: out }) : reject(new Error(`exit ${code}: ${err}`)))));
        return { ready, done };
      };
      const children = [start(), start()];
      await Promise.all(children.map((c) => c.ready));
      fs.writeFileSync(go, '');
      const [one, two] = await Promise.all(children.map((c) => c.done));
      const outcomes = [one, two].map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { holder: string; outcomes: Array<{ ran: boolean; why?: string }> });
      expect(outcomes[0].holder).not.toBe(outcomes[1].holder);
      const ran = outcomes.flatMap((o) => o.outcomes).filter((o) => o.ran);
      expect(ran).toHaveLength(1);
      expect(
        outcomes
          .flatMap((o) => o.outcomes)
          .filter((o) => !o.ran)
          .map((o) => o.why),
      ).toEqual([expect.stringMatching(/DONE_TODAY|LEASED_ELSEWHERE/)]);
      expect(await t.app.ds.query("SELECT day FROM scheduler_run WHERE name = 'task-reminders' AND day = '2025-08-01'")).toHaveLength(1);
    },
    120_000,
  );
});
