import printed from '../../seeds/tasklist-000.json';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

const RESULT = 'committed planId keyWorks targets tasks assignments rejected rows { line status keyWork target units allCommunities deadlineKind dueDate reasonCode }';
const PREVIEW = `query($d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!) { taskListImportPreview(documentId: $d, jurisdictionId: $j, name: $n, rows: $rows) { ${RESULT} } }`;
const IMPORT = `mutation($d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!) { importTaskList(documentId: $d, jurisdictionId: $j, name: $n, rows: $rows) { ${RESULT} } }`;

describe(`task list import from an xlsx in 000's layout (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let vars: { d: string; j: string; n: string; rows: Array<{ line: number; cells: string[] }> };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const d = (await t.gql('{ allPolicyDocuments(filter: { q: "晋政青〔2024〕68号" }) { id } }', {}, admin)).data.allPolicyDocuments[0].id;
    const j = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    vars = { d, j, n: '导入的任务清单', rows: printed.rows.map((r, i) => ({ line: i + 2, cells: r.cells })) };
  });
  afterAll(() => t.close());

  const counts = async () => (await t.gql('{ p: _allPlansMeta { count } t: _allTaskItemsMeta { count } a: _allAuditEventsMeta { count } }', {}, admin)).data;

  it('previews the printed table as 22 tasks under 4 key works and 11 targets, writing nothing', async () => {
    const before = await counts();
    const res = await t.gql(PREVIEW, vars, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.taskListImportPreview).toMatchObject({ committed: false, keyWorks: 4, targets: 11, tasks: 22, rejected: 0 });
    const last = res.data.taskListImportPreview.rows.at(-1);
    expect(last).toMatchObject({ status: 'ADD', keyWork: '四、推进物业管理提质增效', target: '(三)营造浓厚氛围', units: ['党建办', '社区发展办', '社会事务办'], allCommunities: true });
    expect(await counts()).toEqual(before);
  });

  it('rejects a row with an unknown unit or an unreadable deadline, and refuses to import the sheet', async () => {
    const rows = vars.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    rows[3].cells[3] = '不存在办、各社区';
    rows[5].cells[4] = '尽快';
    const preview = (await t.gql(PREVIEW, { ...vars, rows }, admin)).data.taskListImportPreview;
    expect(preview.rejected).toBe(2);
    expect(preview.rows[3]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_UNIT' });
    expect(preview.rows[5]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_DEADLINE' });
    const before = await counts();
    const res = await t.gql(IMPORT, { ...vars, rows }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('rows');
    expect(await counts()).toEqual(before);
  });

  it('reads every deadline with the one grammar: year-less ones in the plan’s year, recurrences, and a refusal naming the cell', async () => {
    const rows = vars.rows.map((r) => ({ ...r, cells: [...r.cells] }));
    const deadlineCell = 'cells.4';
    rows[1].cells[4] = '12月15日前完成';
    rows[2].cells[4] = '每月不少于2次';
    rows[3].cells[4] = '2025年第一季度';
    rows[4].cells[4] = '2025年3月底前';
    rows[5].cells[4] = '2025年2月30日';
    const Q = `query($d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!, $y: Int) { taskListImportPreview(documentId: $d, jurisdictionId: $j, name: $n, rows: $rows, year: $y) {
      rows { line status reasonCode field deadlineKind dueDate deadlineText recurrenceUnit recurrenceTimes yearFromContext } } }`;
    // 000 was issued in 2024: a deadline without a year falls in 2024 unless the import names another year
    const inDocYear = (await t.gql(Q, { ...vars, rows }, admin)).data.taskListImportPreview.rows;
    expect(inDocYear[1]).toMatchObject({ status: 'ADD', deadlineKind: 'DUE', dueDate: '2024-12-15', deadlineText: '12月15日前完成', yearFromContext: true });
    expect(inDocYear[2]).toMatchObject({ status: 'ADD', deadlineKind: 'RECURRING', dueDate: null, recurrenceUnit: 'MONTH', recurrenceTimes: 2 });
    expect(inDocYear[3]).toMatchObject({ status: 'ADD', deadlineKind: 'DUE', dueDate: '2025-03-31', yearFromContext: false });
    expect(inDocYear[4]).toMatchObject({ status: 'ADD', dueDate: '2025-03-31' });
    expect(inDocYear[5]).toMatchObject({ status: 'REJECT', reasonCode: 'BAD_DATE', field: deadlineCell });
    const in2026 = (await t.gql(Q, { ...vars, rows, y: 2026 }, admin)).data.taskListImportPreview.rows;
    expect(in2026[1]).toMatchObject({ dueDate: '2026-12-15' });
  });

  it('imports a clean sheet as a new plan in one transaction, with 各社区 expanded', async () => {
    const before = await counts();
    const res = await t.gql(IMPORT, vars, admin);
    expect(res.errors).toBeUndefined();
    const r = res.data.importTaskList;
    expect(r).toMatchObject({ committed: true, tasks: 22 });
    expect(await counts()).toEqual({ p: { count: before.p.count + 1 }, t: { count: before.t.count + 22 }, a: { count: before.a.count + 1 } });
    const row2 = (await t.gql('query($p: ID!) { allTaskItems(filter: { planId: $p, q: "常态化开展" }) { assignments { viaAllCommunities } } }', { p: r.planId }, admin)).data.allTaskItems[0];
    expect(row2.assignments.filter((a: { viaAllCommunities: boolean }) => a.viaAllCommunities)).toHaveLength(14);
    expect(fieldOf(await t.gql(IMPORT, vars, admin))).toBe('name'); // the same name twice under one document
  });

  it('is for editors only', async () => {
    const { token } = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await t.gql(IMPORT, { ...vars, n: '另一份' }, token))).toBe('FORBIDDEN');
  });
});
