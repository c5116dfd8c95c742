import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

describe(`task lists and special actions (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const plans = async () => (await t.gql('{ allPlans(sortField: "id") { id name kind keyWorks { number title aliases targets { number title } tasks { id } } } }', {}, admin)).data.allPlans;

  it('seeds all 22 rows of 000 under 4 key works and 11 targets, and the 10 actions of 004', async () => {
    const [list, actions] = await plans();
    expect(list).toMatchObject({ name: '青阳街道深化物业党建联建提升物业服务水平任务清单', kind: 'TASK_LIST' });
    expect(list.keyWorks.map((k: { title: string }) => k.title)).toEqual(['建立完善长效工作机制', '持续深化物业党建联建', '推进规范化物业服务', '推进物业管理提质增效']);
    expect(list.keyWorks[0].aliases).toEqual(['建立完善长效工作运转机制']);
    expect(list.keyWorks.flatMap((k: { targets: unknown[] }) => k.targets)).toHaveLength(11);
    expect(list.keyWorks.flatMap((k: { tasks: unknown[] }) => k.tasks)).toHaveLength(22);
    expect(actions.kind).toBe('SPECIAL_ACTIONS');
    expect(actions.keyWorks.map((k: { number: string }) => k.number)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)', '(十)']);
    expect(actions.keyWorks.flatMap((k: { tasks: unknown[] }) => k.tasks)).toHaveLength(32);
  });

  it('expands "各社区" to one assignment per community of 青阳街道 (14), after the printed units', async () => {
    const row2 = (
      await t.gql('{ allTaskItems(filter: { q: "常态化开展住宅小区精细化考评" }) { unitsPrinted deadlineKind deadlineText assignments { isLead viaAllCommunities unit { name kind } } } }', {}, admin)
    ).data.allTaskItems[0];
    expect(row2.unitsPrinted).toBe('党建办、社区发展办 综合执法队、安办 各社区');
    expect(row2).toMatchObject({ deadlineKind: 'ONGOING', deadlineText: '长期坚持' });
    const named = row2.assignments.filter((a: { viaAllCommunities: boolean }) => !a.viaAllCommunities);
    expect(named.map((a: { unit: { name: string }; isLead: boolean }) => [a.unit.name, a.isLead])).toEqual([
      ['党建办', true],
      ['社区发展办', false],
      ['综合执法队', false],
      ['安办', false],
    ]);
    const communities = row2.assignments.filter((a: { viaAllCommunities: boolean }) => a.viaAllCommunities);
    expect(communities).toHaveLength(14);
    expect(communities.every((a: { unit: { kind: string } }) => a.unit.kind === 'COMMUNITY')).toBe(true);
    expect(communities[0].unit.name).toBe('阳光社区');
  });

  it('keeps lead and responsible units of the special actions, with 各社区 leading action (二) and two leads for (七)', async () => {
    const q = `query($q: String!) { allKeyWorks(filter: { q: $q }) { leadPrinted responsiblePrinted goal tasks { deadlineKind deadlineText dueDate milestones { text deadlineText dueDate } assignments { isLead unit { name } } } } }`;
    const [a2] = (await t.gql(q, { q: '小区自治组织提升专项行动' }, admin)).data.allKeyWorks;
    expect(a2).toMatchObject({ leadPrinted: '各社区', responsiblePrinted: '社区发展办、党建办、青阳派出所、社区治理办、综合执法队' });
    const leads2 = a2.tasks[0].assignments.filter((a: { isLead: boolean }) => a.isLead);
    expect(leads2).toHaveLength(14);
    const [a7] = (await t.gql(q, { q: '住宅小区环境提升专项行动' }, admin)).data.allKeyWorks;
    expect(a7.tasks[0].assignments.filter((a: { isLead: boolean }) => a.isLead).map((a: { unit: { name: string } }) => a.unit.name)).toEqual(['综合执法队', '人居环境办']);
    const [a1] = (await t.gql(q, { q: '党的组织覆盖提升专项行动' }, admin)).data.allKeyWorks;
    expect(a1.tasks[0]).toMatchObject({ deadlineKind: 'DUE', deadlineText: '年底前', dueDate: '2024-12-31' });
    expect(a1.tasks[0].milestones).toEqual([
      { text: '开展党员摸底排查(11月15日前完成)', deadlineText: '11月15日前完成', dueDate: '2024-11-15' },
      { text: expect.stringContaining('组建建制式或功能型小区党组织'), deadlineText: '12月15日前完成', dueDate: '2024-12-15' },
    ]);
  });

  it('lists everything one unit owns, as lead or co-responsible', async () => {
    const unit = (await t.gql('{ allUnits(filter: { q: "人居环境办" }) { id } }', {}, admin)).data.allUnits[0].id;
    const res = await t.gql('query($u: ID!) { _allTaskItemsMeta(filter: { unitId: $u }) { count } }', { u: unit }, admin);
    expect(res.data._allTaskItemsMeta.count).toBe(4); // action (七): four measures
  });

  describe('progress reports', () => {
    let own: { assignment: string; milestone: string; other: string; otherMilestone: string };
    let staff: string;
    beforeAll(async () => {
      const office = (await t.gql('{ allUnits(filter: { q: "党建办" }) { id jurisdiction { name } } }', {}, admin)).data.allUnits.find(
        (u: { jurisdiction: { name: string } }) => u.jurisdiction.name === '青阳街道',
      ).id;
      staff = (await t.userWithRole(Role.UNIT_STAFF, office)).token;
      const [a1] = (await t.gql('{ allKeyWorks(filter: { q: "党的组织覆盖提升专项行动" }) { tasks { milestones { id } assignments { id unitId } } } }', {}, admin)).data.allKeyWorks;
      const task = a1.tasks[0];
      own = {
        assignment: task.assignments.find((a: { unitId: string }) => a.unitId === office).id,
        milestone: task.milestones[0].id,
        other: task.assignments.find((a: { unitId: string }) => a.unitId !== office).id,
        otherMilestone: a1.tasks[1].milestones[0].id,
      };
    });
    // The seeded assignments were created today: units report what happened since (progress.rules.ts).
    const today = todayInChina();
    const REPORT = `mutation($a: ID!, $m: ID, $d: LocalDate!, $s: ProgressStatus!, $n: String!, $u: String) {
      reportProgress(assignmentId: $a, milestoneId: $m, reportDate: $d, status: $s, note: $n, evidenceUrl: $u) { id status reportedBy milestone { deadlineText } } }`;
    const count = async () => (await t.gql('{ r: _allProgressReportsMeta { count } a: _allAuditEventsMeta { count } }', {}, admin)).data;

    it('lets unit staff report on their own assignment, with one audit event', async () => {
      const before = await count();
      const res = await t.gql(REPORT, { a: own.assignment, m: own.milestone, d: today, s: 'DONE', n: '已完成党员摸底排查', u: 'https://example.org/minutes/1' }, staff);
      expect(res.errors).toBeUndefined();
      expect(res.data.reportProgress).toMatchObject({ status: 'DONE', milestone: { deadlineText: '11月15日前完成' } });
      expect(await count()).toEqual({ r: { count: before.r.count + 1 }, a: { count: before.a.count + 1 } });
    });

    it("forbids unit staff from reporting on another unit's assignment, and writes nothing", async () => {
      const before = await count();
      const res = await t.gql(REPORT, { a: own.other, d: today, s: 'IN_PROGRESS', n: '代报' }, staff);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(await count()).toEqual(before);
    });

    it.each([
      ['a future date', { d: '2999-01-01' }, 'reportDate'],
      ['an unknown assignment', { a: '999999' }, 'assignmentId'],
      ['an empty note', { n: '  ' }, 'note'],
      ['a link that is not http(s)', { u: 'javascript:alert(1)' }, 'evidenceUrl'],
      ["another task's milestone", { m: 'OTHER' }, 'milestoneId'],
    ])('refuses %s naming the field, and writes nothing', async (_what, change, field) => {
      const before = await count();
      const vars = { a: own.assignment, d: today, s: 'IN_PROGRESS', n: '进展', ...change } as Record<string, unknown>;
      if (vars.m === 'OTHER') vars.m = own.otherMilestone;
      const res = await t.gql(REPORT, vars, staff);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe(field);
      expect(await count()).toEqual(before);
    });

    it('is refused to auditors', async () => {
      const { token } = await t.userWithRole(Role.AUDITOR);
      expect(codeOf(await t.gql(REPORT, { a: own.assignment, d: today, s: 'DONE', n: 'x' }, token))).toBe('FORBIDDEN');
    });
  });
});
