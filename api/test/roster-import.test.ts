import { en, zh } from './console-messages';
import { todayInChina } from '../src/common/dates';
import { type GridRow, readGrid } from '../src/common/sheet-import/layout';
import { GROUP_ROLE_LABELS, ROSTER_SHEET } from '../src/modules/working-group/roster.sheet';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

const PREVIEW = `query($g: ID!, $rows: [RosterRowInput!]!) { rosterImportPreview(groupId: $g, rows: $rows) {
  committed added changed unchanged rejected rows { line name role order status reasonCode changes { field from to } membershipId } } }`;
const IMPORT = `mutation($g: ID!, $rows: [RosterRowInput!]!) { importRoster(groupId: $g, rows: $rows) {
  committed added changed unchanged rejected rows { line status membershipId } } }`;

describe(`roster import from a sheet (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let groupId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    groupId = (await t.gql('{ allWorkingGroups(filter: { q: "办公室" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
  });
  afterAll(() => t.close());

  const snapshot = async () => (await t.gql('{ m: _allMembershipsMeta { count } p: _allPeopleMeta { count } po: _allPostsMeta { count } a: _allAuditEventsMeta { count } }', {}, admin)).data;
  const roster = async () =>
    (await t.gql('query($g: ID!) { WorkingGroup(id: $g) { members(asOf: "2099-01-01") { role sortOrder person { name } post { title } } } }', { g: groupId }, admin)).data.WorkingGroup.members;

  const goodRows = [
    { line: 2, name: '王泽永', post: '宝盖镇基层治理服务中心主任', role: '主任', order: '1' },
    { line: 3, name: '白铭坡', post: '', role: '副 主 任', order: '' },
    { line: 4, name: '江锐锋', post: '', role: '成员', order: '1' },
    { line: 5, name: '新成员甲', post: '小区服务岗工作人员', role: '成员', order: '' },
  ];

  it('previews row by row and writes nothing', async () => {
    const before = await snapshot();
    const rows = [
      ...goodRows,
      { line: 6, name: '某人', post: '', role: '顾问', order: '' },
      { line: 7, name: '某人乙', post: '', role: '成员', order: '第一' },
      { line: 8, name: '', post: '', role: '成员', order: '' },
    ];
    const res = await t.gql(PREVIEW, { g: groupId, rows }, admin);
    expect(res.errors).toBeUndefined();
    const p = res.data.rosterImportPreview;
    expect(p).toMatchObject({ committed: false, added: 1, changed: 1, unchanged: 2, rejected: 3 });
    const byLine = Object.fromEntries(p.rows.map((r: { line: number }) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ status: 'UNCHANGED', role: 'DIRECTOR' });
    expect(byLine[3]).toMatchObject({ status: 'UNCHANGED', role: 'DEPUTY_DIRECTOR' });
    expect(byLine[4]).toMatchObject({ status: 'CHANGE', changes: [{ field: 'order', from: '6', to: '1' }] });
    expect(byLine[5]).toMatchObject({ status: 'ADD', role: 'MEMBER', order: 7, reasonCode: 'NEW_PERSON' });
    expect(byLine[6]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_ROLE' });
    expect(byLine[7]).toMatchObject({ status: 'REJECT', reasonCode: 'BAD_ORDER' });
    expect(byLine[8]).toMatchObject({ status: 'REJECT', reasonCode: 'NAME_REQUIRED' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to import a sheet with a rejected row, and writes nothing', async () => {
    const before = await snapshot();
    const res = await t.gql(IMPORT, { g: groupId, rows: [...goodRows, { line: 9, name: '某人', post: '', role: '顾问', order: '' }] }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('rows');
    expect(await snapshot()).toEqual(before);
  });

  it('imports a clean sheet in one transaction with one audit event', async () => {
    const before = await snapshot();
    const res = await t.gql(IMPORT, { g: groupId, rows: goodRows }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.importRoster).toMatchObject({ committed: true, added: 1, changed: 1, unchanged: 2, rejected: 0 });
    const after = await snapshot();
    expect(after).toEqual({ m: { count: before.m.count + 1 }, p: { count: before.p.count + 1 }, po: { count: before.po.count + 1 }, a: { count: before.a.count + 1 } });
    const members = (await roster()).filter((m: { role: string }) => m.role === 'MEMBER');
    expect(members.map((m: { sortOrder: number; person: { name: string } }) => `${m.sortOrder}${m.person.name}`)).toEqual([
      '1江锐锋',
      '2姚斯嵘',
      '3吴孝蛤',
      '4郭耿团',
      '5许丽纯',
      '6李丹妮',
      '7新成员甲',
    ]);
    expect(members.at(-1)).toMatchObject({ sortOrder: 7, person: { name: '新成员甲' }, post: { title: '小区服务岗工作人员' } });
    const event = (await t.gql('{ allAuditEvents(perPage: 1) { action entityType entityId } }', {}, admin)).data.allAuditEvents[0];
    expect(event).toEqual({ action: 'IMPORT', entityType: 'WorkingGroup', entityId: groupId });
    // importing the same sheet again changes nothing
    const again = await t.gql(IMPORT, { g: groupId, rows: goodRows.map((r) => (r.name === '新成员甲' ? { ...r, order: '7' } : r)) }, admin);
    expect(again.data.importRoster).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
  });

  it('imports again a roster the console exported in English: English headers, English role labels', async () => {
    type Messages = { resources: { Membership: { fields: Record<string, string> } }; enums: { GroupRole: Record<string, string> } };
    const [english, chinese] = [en as unknown as Messages, zh as unknown as Messages];
    // the API reads the labels the console writes, in either language
    const labels = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(GROUP_ROLE_LABELS).map(([role, l]) => [role, l[lang]]));
    expect([labels('en'), labels('zh')]).toEqual([english.enums.GroupRole, chinese.enums.GroupRole]);

    // the 专班成员 list of a group as the English console exports it (common/exporter.ts: translated headers, enum labels, names for ids)
    const group = (await t.gql('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id name } }', {}, admin)).data.allWorkingGroups[0];
    const seats = (
      await t.gql(
        'query($g: ID!, $d: LocalDate) { WorkingGroup(id: $g) { members(asOf: $d) { id role sortOrder validFrom person { name } post { title } } } }',
        { g: group.id, d: todayInChina() },
        admin,
      )
    ).data.WorkingGroup.members as Array<{ id: string; role: string; sortOrder: number; validFrom: string; person: { name: string }; post: { title: string } | null }>;
    const f = english.resources.Membership.fields;
    const grid: GridRow[] = [
      { line: 1, cells: ['ID', f.groupId, f.personId, f.role, f.sortOrder, f.postId, f.validFrom] },
      ...seats.map((s, i) => ({ line: i + 2, cells: [s.id, group.name, s.person.name, english.enums.GroupRole[s.role], String(s.sortOrder), s.post?.title ?? '', s.validFrom] })),
      { line: seats.length + 2, cells: ['', group.name, 'New colleague', 'Executive deputy', '', '', ''] },
    ];
    const read = readGrid(grid, ROSTER_SHEET)!;
    expect(read.ignored).toEqual(['ID', f.groupId, f.validFrom]);
    const rows = read.rows.map((r) => ({ line: r.line, ...r.cells }));
    expect(rows[0]).toEqual({ line: 2, name: seats[0].person.name, role: english.enums.GroupRole[seats[0].role], order: String(seats[0].sortOrder), post: seats[0].post?.title ?? '' });

    const preview = (await t.gql(PREVIEW, { g: group.id, rows }, admin)).data.rosterImportPreview;
    expect(preview).toMatchObject({ rejected: 0, unchanged: seats.length, added: 1 });
    expect(preview.rows.at(-1)).toMatchObject({ status: 'ADD', role: 'EXECUTIVE_DEPUTY', reasonCode: 'NEW_PERSON' });
    const res = await t.gql(IMPORT, { g: group.id, rows }, admin);
    expect(res.data.importRoster).toMatchObject({ committed: true, added: 1, changed: 0, unchanged: seats.length, rejected: 0 });
  });

  it('is for editors only', async () => {
    const { token } = await t.userWithRole((await import('../src/common/roles')).Role.UNIT_STAFF);
    expect(codeOf(await t.gql(IMPORT, { g: groupId, rows: goodRows }, token))).toBe('FORBIDDEN');
  });

  it('writes a sheet of 40 new members with a bounded number of statements, not several per row', async () => {
    const rows = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ line: i + 2, name: `批量成员${from + i}`, post: `批量职务${(from + i) % 5}`, role: '成员', order: '' }));
    const statements = async (n: number, from: number) => {
      const { createWorkingGroup: g } = (await t.gql(`mutation { createWorkingGroup(name: "批量导入专班${from}", kind: GROUP) { id } }`, {}, admin)).data;
      t.sql.reset();
      const res = await t.gql(IMPORT, { g: g.id, rows: rows(n, from) }, admin);
      expect(res.data.importRoster).toMatchObject({ committed: true, added: n });
      return t.sql.count;
    };
    const small = await statements(5, 1000);
    const large = await statements(40, 2000);
    // new posts are created one per title (5 here); everything else is written per sheet, not per row
    expect(large - small).toBeLessThanOrEqual(10);
    const members = (await t.gql('query { allMemberships(filter: { q: "批量成员20" }) { post { title holdings { person { name } } } } }', {}, admin)).data.allMemberships;
    expect(members.length).toBeGreaterThan(0);
    expect(members[0].post.holdings.length).toBeGreaterThan(0);
  });
});
