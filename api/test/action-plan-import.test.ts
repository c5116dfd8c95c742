import seeds from '../../seeds/actions-004.json';
import { measureTitle, readActionPlan } from '../src/modules/task/action-plan.parser';
import { ACTION_PLAN_SHEET } from '../src/modules/task/action-plan.sheet';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';
import { type Cell, sheetRows } from './sheet-file';

type Step = { text: string; deadlineText: string };
type Measure = { key: string; number: string; title: string | null; text: string; milestones: Step[] };
type Action = { number: string; title: string; goal: string; goalDeadlines: Array<{ text: string }>; leadPrinted: string; responsiblePrinted: string; measures: Measure[] };
const ACTIONS: Action[] = seeds.actions;

const RESULT = `committed planId keyWorks tasks milestones assignments rejected
  rows { line status reasonCode field keyWork goal number title content units leadUnits allCommunities leadAllCommunities deadlineKind dueDate deadlineText milestones { text deadlineText dueDate yearFromContext } }`;
const ARGS = '$d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!, $y: Int';
const PASS = 'documentId: $d, jurisdictionId: $j, name: $n, rows: $rows, year: $y, kind: SPECIAL_ACTIONS';
const PREVIEW = `query(${ARGS}) { taskListImportPreview(${PASS}) { ${RESULT} } }`;
const IMPORT = `mutation(${ARGS}) { importTaskList(${PASS}) { ${RESULT} } }`;
const PLAN = `query($p: ID!) { allKeyWorks(filter: { planId: $p }, perPage: 10) { number title goal leadPrinted responsiblePrinted
  tasks { number title content deadlineKind dueDate deadlineText milestones { text deadlineText dueDate } assignments { isLead viaAllCommunities unit { name } } } } }`;

/** A step as an office writes it: as printed when that is "事项(11月15日前完成)" or "2024年10月底前,事项", else "年底：事项". */
const stepLine = (s: Step) => (s.text.endsWith(`(${s.deadlineText})`) || /^[,，:：]/.test(s.text.slice(s.deadlineText.length)) ? s.text : `${s.deadlineText}：${s.text}`);

/**
 * 004's actions as an office types them into the layout, one row per measure: the action's cells on
 * its first row (merged over its rows for the first action, left blank below for the others), measures as printed
 * ("一是…", except action (十), which prints none).
 */
function rowsOf(actions: Action[]): Cell[][] {
  return actions.flatMap((a) =>
    a.measures.map((m, i) => {
      const first = i === 0;
      const measure = a.number === '(十)' ? m.text : `${m.number}是${m.text}`;
      return [
        first ? `${a.number}${a.title}` : '',
        first ? a.goal : '',
        first ? a.goalDeadlines.map((d) => d.text).join('\n') : '',
        measure,
        m.milestones.map(stepLine).join('\n'),
        first ? a.leadPrinted : '',
        first ? a.responsiblePrinted : '',
      ];
    }),
  );
}

describe('reading an action plan sheet', () => {
  it('gives every measure of 004 the title the seeds give it (a short first sentence)', () => {
    for (const m of ACTIONS.flatMap((a) => a.measures)) expect([m.key, measureTitle(m.text)]).toEqual([m.key, m.title]);
  });

  it('reads a step whichever way it is written, and never guesses one it cannot read', () => {
    const read = (steps: string) => {
      const problems: string[] = [];
      const actions = readActionPlan([['(一)行动', '', '', '措施', steps, '党建办', '']], (_, code, column) => problems.push(`${code}@${column}`), 2024);
      return problems.length ? problems : actions[0].measures[0].milestones.map((m) => [m.text, m.deadline.printed, m.deadline.due]);
    };
    expect(read('①开展党员摸底排查（11月15日前完成）。\n11月20日前：召开推进会\n2024年10月底前,督促自查')).toEqual([
      ['开展党员摸底排查（11月15日前完成）', '11月15日前完成', '2024-11-15'],
      ['11月20日前：召开推进会', '11月20日前', '2024-11-20'],
      ['2024年10月底前,督促自查', '2024年10月底前', '2024-10-31'],
    ]);
    expect(read('开展党员摸底排查')).toEqual(['UNKNOWN_DEADLINE@steps']);
    expect(read('开展党员摸底排查(尽快)')).toEqual(['UNKNOWN_DEADLINE@steps']);
    expect(read('开展摸底(11月31日前完成)')).toEqual(['BAD_DATE@steps']);
    expect(read('每月：召开联席会议')).toEqual(['MILESTONE_NEEDS_DATE@steps']);
  });
});

describe(`action plan import from an xlsx in 004's layout (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let seeded: string;
  const picked = [ACTIONS[0], ACTIONS[1], ACTIONS[5], ACTIONS[9]];
  let vars: { d: string; j: string; n: string; y?: number; rows: Array<{ line: number; cells: string[] }> };
  const toInput = (rows: Array<{ line: number } & Record<string, string>>) => rows.map((r) => ({ line: r.line, cells: ACTION_PLAN_SHEET.columns.map((c) => r[c.field] ?? '') }));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const d = (await t.gql('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }', {}, admin)).data.allPolicyDocuments[0].id;
    const j = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    seeded = (await t.gql('{ allPlans(filter: { kind: SPECIAL_ACTIONS }) { id name } }', {}, admin)).data.allPlans.find((p: { name: string }) => p.name === seeds.plan.name).id;
    const measures = seeds.actions[0].measures.length;
    // action (一) merged over its rows (A, B, C, F, G), as an office lays out a heading
    const merges = ['A', 'B', 'C', 'F', 'G'].map((col) => `${col}3:${col}${2 + measures}`);
    const rows = await sheetRows(ACTION_PLAN_SHEET, rowsOf(picked), { name: '专项行动', title: seeds.plan.name, merges });
    vars = { d, j, n: '导入的专项行动方案', rows: toInput(rows) };
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.gql(
        '{ p: _allPlansMeta { count } k: _allKeyWorksMeta { count } t: _allTaskItemsMeta { count } m: _allMilestonesMeta { count } a: _allAssignmentsMeta { count } e: _allAuditEventsMeta { count } }',
        {},
        admin,
      )
    ).data;

  it('previews each measure under its action: goal, milestones read to days, lead and responsible units, writing nothing', async () => {
    const before = await counts();
    const res = await t.gql(PREVIEW, vars, admin);
    expect(res.errors).toBeUndefined();
    const p = res.data.taskListImportPreview;
    expect(p).toMatchObject({ committed: false, keyWorks: 4, tasks: 11, milestones: 4, rejected: 0 });
    // 3 units + 14 communities for each of (一)'s 3 measures, 14 + 5 for (二)'s 4, 3 + 14 for (六)'s 3, 4 + 14 for (十)'s 1
    expect(p.assignments).toBe(3 * 15 + 4 * 19 + 3 * 17 + 18);
    expect(p.rows[0]).toMatchObject({
      status: 'ADD',
      keyWork: '(一)党的组织覆盖提升专项行动',
      goal: seeds.actions[0].goal,
      number: '一',
      title: '抓好住宅小区党组织组建',
      leadUnits: ['党建办'],
      units: ['党建办'],
      allCommunities: true,
      leadAllCommunities: false,
      deadlineKind: 'DUE',
      dueDate: '2024-12-31',
      deadlineText: '年底前',
      milestones: [
        { text: '开展党员摸底排查(11月15日前完成)', deadlineText: '11月15日前完成', dueDate: '2024-11-15', yearFromContext: true },
        { text: '组建建制式或功能型小区党组织(12月15日前完成)', deadlineText: '12月15日前完成', dueDate: '2024-12-15', yearFromContext: true },
      ],
    });
    // (二): 各社区 lead
    expect(p.rows[3]).toMatchObject({ keyWork: '(二)小区自治组织提升专项行动', leadUnits: [], leadAllCommunities: true, units: ['社区发展办', '党建办', '青阳派出所', '社区治理办', '综合执法队'] });
    // (六): due by the later of its goal's two deadlines
    expect(p.rows[7]).toMatchObject({ keyWork: '(六)物业保安形象提升专项行动', dueDate: '2025-06-30', deadlineText: '2025年上半年' });
    expect(p.rows[10]).toMatchObject({ keyWork: '(十)办好小区管理“微实事”专项行动', number: '一', title: null });
    expect(await counts()).toEqual(before);
  });

  it('rejects a step it cannot read and an unknown unit by their cells, and writes nothing', async () => {
    const rows = vars.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    rows[1].cells[4] = '开展物业服务企业党员摸底排查（尽快）';
    rows[3].cells[5] = '各社区、不存在办';
    rows[4].cells[1] = '另一个工作目标';
    rows[8].cells[4] = '每月：召开联席会议';
    const preview = (await t.gql(PREVIEW, { ...vars, rows }, admin)).data.taskListImportPreview;
    expect(preview.rejected).toBe(4);
    const rejected = preview.rows.filter((r: { status: string }) => r.status === 'REJECT').map((r: { line: number; reasonCode: string; field: string }) => [r.line, r.reasonCode, r.field]);
    expect(rejected).toEqual([
      [rows[1].line, 'UNKNOWN_DEADLINE', 'cells.4'],
      [rows[3].line, 'UNKNOWN_UNIT', 'cells.5'],
      [rows[4].line, 'ACTION_CELL_CONFLICT', 'cells.1'],
      [rows[8].line, 'MILESTONE_NEEDS_DATE', 'cells.4'],
    ]);
    const before = await counts();
    const res = await t.gql(IMPORT, { ...vars, rows }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('rows');
    expect(await counts()).toEqual(before);
  });

  it('reads the goal deadline and steps without a year in the plan’s year, and refuses an unreadable goal deadline on its cell', async () => {
    const rows = vars.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    const in2026 = (await t.gql(PREVIEW, { ...vars, rows, y: 2026 }, admin)).data.taskListImportPreview.rows;
    expect(in2026[0]).toMatchObject({ dueDate: '2026-12-31', milestones: [{ dueDate: '2026-11-15' }, { dueDate: '2026-12-15' }] });
    expect(in2026[7]).toMatchObject({ dueDate: '2025-06-30' }); // printed with its year
    rows[7].cells[2] = '近期';
    const bad = (await t.gql(PREVIEW, { ...vars, rows }, admin)).data.taskListImportPreview;
    expect(bad.rows[7]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_DEADLINE', field: 'cells.2' });
    expect(bad.rejected).toBe(1); // the action's other rows still read
  });

  it('imports the sheet as the seeds write 004: the same actions, measures, deadlines, milestones and assignments', async () => {
    const before = await counts();
    const res = await t.gql(IMPORT, vars, admin);
    expect(res.errors).toBeUndefined();
    const r = res.data.importTaskList;
    expect(r).toMatchObject({ committed: true, keyWorks: 4, tasks: 11, milestones: 4 });
    expect(await counts()).toEqual({
      p: { count: before.p.count + 1 },
      k: { count: before.k.count + 4 },
      t: { count: before.t.count + 11 },
      m: { count: before.m.count + 4 },
      a: { count: before.a.count + r.assignments },
      e: { count: before.e.count + 1 },
    });
    type Read = {
      title: string;
      tasks: Array<{ milestones: Array<{ text: string; deadlineText: string; dueDate: string }>; assignments: Array<{ isLead: boolean; viaAllCommunities: boolean; unit: { name: string } }> }>;
    };
    const plan = async (p: string) =>
      ((await t.gql(PLAN, { p }, admin)).data.allKeyWorks as Read[]).map((kw) => ({
        ...kw,
        tasks: kw.tasks.map((task) => ({
          ...task,
          // a step the seeds print with its deadline inside ("年底评选…") is written "年底：…" in the sheet
          milestones: task.milestones.map((m) => ({ deadlineText: m.deadlineText, dueDate: m.dueDate })),
          assignments: task.assignments.map((a) => `${a.unit.name}${a.isLead ? '(牵头)' : ''}${a.viaAllCommunities ? '(各社区)' : ''}`).sort(),
        })),
      }));
    const imported = await plan(r.planId);
    const expected = (await plan(seeded)).filter((kw) => picked.some((a) => a.title === kw.title));
    expect(expected).toHaveLength(4);
    expect(imported).toEqual(expected);
    // a step written as printed keeps its text
    const steps = (await t.gql(PLAN, { p: r.planId }, admin)).data.allKeyWorks[0].tasks[0].milestones.map((m: { text: string }) => m.text);
    expect(steps).toEqual(seeds.actions[0].measures[0].milestones.map((m) => m.text));
    const kind = (await t.gql('query($id: ID!) { Plan(id: $id) { kind year } }', { id: r.planId }, admin)).data.Plan;
    expect(kind).toEqual({ kind: 'SPECIAL_ACTIONS', year: 2024 });
  });

  it('changes nothing when the same sheet is imported again', async () => {
    const once = { ...vars, n: '再次导入的专项行动方案' };
    expect((await t.gql(IMPORT, once, admin)).data.importTaskList.committed).toBe(true);
    const before = await counts();
    const again = await t.gql(IMPORT, once, admin);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(fieldOf(again)).toBe('name');
    expect(again.errors?.[0]?.extensions?.reason).toBe('DUPLICATE');
    expect(await counts()).toEqual(before);
  });
});
