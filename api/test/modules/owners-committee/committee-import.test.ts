import { Role } from '../../../src/common/roles';
import { headerOf } from '../../../src/common/sheet-import/layout';
import { CommitteeRole, PoliticalStatus } from '../../../src/modules/owners-committee/committee.enums';
import { COMMITTEE_KIND_LABELS, COMMITTEE_ROLE_LABELS, COMMITTEE_SHEET, POLITICAL_STATUS_LABELS, sheetDate } from '../../../src/modules/owners-committee/committee.sheet';
import { CommitteeKind } from '../../../src/modules/owners-committee/owners-committee.entity';
import { en, zh } from '../../console-messages';
import { dbKind } from '../../db';
import { type Cell, type SheetRow as Row, sheetRows } from '../../sheet-file';
import { codeOf, fieldOf, startTestApp, type TestApp } from '../../harness';

/*
 * 业委会名册导入 (issue 15; 001 四(二)1, 四(二)5): an office's xlsx of committees, one row per member,
 * previewed row by row and committee by committee (party share after the import), committed all or
 * nothing, and the same sheet again changes nothing. Sheets are written with ExcelJS and read back
 * with the layout the console uses, on both databases.
 */
const RESULT = `committed added changed unchanged rejected
  rows { line status reasonCode reason field community compound formedOn name role politicalStatus changes { field from to } committeeId memberId }
  committees { community compound compoundId kind formedOn termEndsOn filedOn dissolvedOn status committeeId changes { field from to } lines
    membersAdded membersChanged membersUnchanged membersKept memberCount partyMemberCount partyShare belowPartyShare closesCommitteeId closesOn }`;
const PREVIEW = `query($rows: [CommitteeSheetRowInput!]!) { committeeImportPreview(rows: $rows) { ${RESULT} } }`;
const IMPORT = `mutation($rows: [CommitteeSheetRowInput!]!) { importCommittees(rows: $rows) { ${RESULT} } }`;
const HEADERS = COMMITTEE_SHEET.columns.map((c) => c.header.zh);

/** A message of the console's catalog by its dotted key. */
const message = (tree: object, key: string): unknown => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

/** An xlsx as an office writes it, read back the way the console reads one (api/test/sheet-file.ts). */
const sheet = (rows: Cell[][], headers: string[] = HEADERS): Promise<Row[]> => sheetRows(COMMITTEE_SHEET, rows, { name: '业委会名册', title: '青阳街道业主委员会成员名册', headers });

describe(`owners' committee import from an xlsx (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, string>();
  let sites = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const js = (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions as Array<{ id: string; name: string }>;
    for (const j of js) J.set(j.name, j.id);
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const compound = async (community = '阳光社区') => {
    const name = `名册小区${++sites}`;
    const id = (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: J.get(community), n: name })).createCompound.id as string;
    return { id, name, community };
  };
  const counts = async () => (await ok('{ c: _allOwnersCommitteesMeta { count } m: _allCommitteeMembersMeta { count } a: _allAuditEventsMeta { count } }')) as Record<string, { count: number }>;
  const preview = async (rows: Row[], token = admin) => {
    const res = await t.gql(PREVIEW, { rows }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.committeeImportPreview;
  };
  const committeesOf = async (compoundId: string) =>
    (
      await ok(
        'query($c: ID!) { allOwnersCommittees(filter: { compoundId: $c }, sortField: "formedOn", sortOrder: "ASC") { id kind formedOn termEndsOn filedOn dissolvedOn memberCount partyMemberCount partyShare belowPartyShare members { name role politicalStatus building phone contactPublic } } }',
        { c: compoundId },
      )
    ).allOwnersCommittees;
  const byLine = (p: { rows: Array<{ line: number }> }) => Object.fromEntries(p.rows.map((r) => [r.line, r])) as Record<number, Record<string, unknown>>;

  /** Two new committees: one of five with two party members (under half), one of three with two. */
  async function twoCommittees() {
    const a = await compound();
    const b = await compound();
    const rows: Cell[][] = [
      ['阳光社区', a.name, '业委会', new Date(Date.UTC(2023, 5, 1)), '2028-05-31', '2023/6/20', '张主任', '主任', '中共党员', '1号楼', '13800000001', '是'],
      [null, null, null, null, null, null, '李副主任', '副主任', '群众', '2号楼', '13800000002', '否'],
      [null, null, null, null, null, null, '王委员', '委员', '中共预备党员', '3号楼', '', ''],
      [null, null, null, null, null, null, '赵委员', '委员', '群众', '', '', ''],
      [null, null, null, null, null, null, '钱委员', '委员', '无党派人士', '', '', ''],
      ['阳光社区', b.name, '临时物业管理委员会', '2024年3月1日', '', '', '孙主任', '主任', '党员', '5号楼', '', ''],
      ['阳光社区', b.name, '临时物管会', '2024-03-01', '', '', '周委员', '委员', '中共党员', '', '', ''],
      ['阳光社区', b.name, '', '2024-03-01', '', '', '吴委员', '成员', '群众', '', '', ''],
    ];
    return { a, b, rows: await sheet(rows) };
  }

  it('previews two new committees from a sheet with merged cells, with the party share each will have, writing nothing', async () => {
    const { a, b, rows } = await twoCommittees();
    const before = await counts();
    const p = await preview(rows);
    expect(p).toMatchObject({ committed: false, added: 8, changed: 0, unchanged: 0, rejected: 0 });
    expect(byLine(p)[4]).toMatchObject({ status: 'ADD', community: '阳光社区', compound: a.name, formedOn: '2023-06-01', name: '李副主任', role: 'DEPUTY_DIRECTOR', politicalStatus: 'MASSES' });
    expect(byLine(p)[10]).toMatchObject({ status: 'ADD', role: 'MEMBER', politicalStatus: 'MASSES' });
    expect(p.committees).toEqual([
      expect.objectContaining({ compound: a.name, kind: 'ELECTED', formedOn: '2023-06-01', termEndsOn: '2028-05-31', filedOn: '2023-06-20', status: 'ADD', committeeId: null, lines: [3, 4, 5, 6, 7] }),
      expect.objectContaining({ compound: b.name, kind: 'PROVISIONAL', formedOn: '2024-03-01', termEndsOn: null, status: 'ADD', lines: [8, 9, 10] }),
    ]);
    expect(p.committees[0]).toMatchObject({ membersAdded: 5, memberCount: 5, partyMemberCount: 2, partyShare: 40, belowPartyShare: true, membersKept: 0 });
    expect(p.committees[1]).toMatchObject({ membersAdded: 3, memberCount: 3, partyMemberCount: 2, partyShare: 66.67, belowPartyShare: false });
    expect(await counts()).toEqual(before);
    expect(p.committees.map((c: { compoundId: string }) => c.compoundId)).toEqual([a.id, b.id]);
  });

  it('commits what the preview said, in one transaction with one audit event, and the same sheet again changes nothing', async () => {
    const { a, b, rows } = await twoCommittees();
    const said = await preview(rows);
    const before = await counts();
    const res = await t.gql(IMPORT, { rows }, admin);
    expect(res.errors).toBeUndefined();
    const done = res.data.importCommittees;
    const ids = (x: Record<string, unknown>) => ({ ...x, committeeId: null, memberId: null });
    expect({ ...done, committed: false, rows: done.rows.map(ids), committees: done.committees.map(ids) }).toEqual({ ...said, rows: said.rows.map(ids), committees: said.committees.map(ids) });
    expect(done.committed).toBe(true);
    expect(await counts()).toEqual({ c: { count: before.c.count + 2 }, m: { count: before.m.count + 8 }, a: { count: before.a.count + 1 } });

    // the committees as recorded are what the preview announced
    const [ca] = await committeesOf(a.id);
    expect(ca).toMatchObject({ id: done.committees[0].committeeId, kind: 'ELECTED', formedOn: '2023-06-01', termEndsOn: '2028-05-31', filedOn: '2023-06-20', dissolvedOn: null });
    expect(ca).toMatchObject({ memberCount: 5, partyMemberCount: 2, partyShare: 40, belowPartyShare: true });
    expect(ca.members).toContainEqual({ name: '张主任', role: 'DIRECTOR', politicalStatus: 'CPC_MEMBER', building: '1号楼', phone: '13800000001', contactPublic: true });
    expect(ca.members).toContainEqual({ name: '王委员', role: 'MEMBER', politicalStatus: 'CPC_PROBATIONARY', building: '3号楼', phone: null, contactPublic: false });
    const [cb] = await committeesOf(b.id);
    expect(cb).toMatchObject({ kind: 'PROVISIONAL', memberCount: 3, partyMemberCount: 2, partyShare: 66.67, belowPartyShare: false });
    const event = (await ok('{ allAuditEvents(perPage: 1) { action entityType entityId } }')).allAuditEvents[0];
    expect(event).toEqual({ action: 'IMPORT_COMMITTEES', entityType: 'OwnersCommittee', entityId: ca.id });

    // idempotent: the same sheet again is all unchanged, and committing it writes no record
    const again = await preview(rows);
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 8, rejected: 0 });
    expect(again.committees.map((c: { status: string; committeeId: string }) => [c.status, c.committeeId])).toEqual([
      ['UNCHANGED', ca.id],
      ['UNCHANGED', cb.id],
    ]);
    const mid = await counts();
    expect((await t.gql(IMPORT, { rows }, admin)).data.importCommittees).toMatchObject({ committed: true, added: 0, changed: 0, unchanged: 8 });
    expect(await counts()).toEqual({ ...mid, a: { count: mid.a.count + 1 } });
    expect(await committeesOf(a.id)).toEqual([ca]);
  });

  it('updates and extends a recorded committee matched by compound and formation day: members by name, others kept', async () => {
    const c = await compound();
    const first = await sheet([
      ['阳光社区', c.name, '业委会', '2022-01-10', '2027-01-09', '', '甲', '主任', '中共党员', '1号楼', '', ''],
      [null, null, null, null, null, null, '乙', '委员', '群众', '2号楼', '139', '是'],
      [null, null, null, null, null, null, '丙', '委员', '群众', '3号楼', '', ''],
    ]);
    await ok(IMPORT, { rows: first });
    // the office's later sheet: 乙 joined the party, 丁 was added, 丙 is not listed (kept), the filing recorded
    const later = await sheet([
      ['阳光社区', c.name, '', '2022-01-10', '', '2022-02-01', '甲', '主任', '中共党员', '', '', ''],
      [null, null, null, null, null, null, '乙', '副主任', '中共预备党员', '', '', ''],
      [null, null, null, null, null, null, '丁', '委员', '中共党员', '4号楼', '', ''],
    ]);
    const p = await preview(later);
    expect(p).toMatchObject({ added: 1, changed: 2, unchanged: 0, rejected: 0 });
    const rows = byLine(p);
    expect(rows[3]).toMatchObject({ status: 'CHANGE', changes: [{ field: 'filedOn', from: null, to: '2022-02-01' }] });
    expect(rows[4]).toMatchObject({
      status: 'CHANGE',
      changes: [
        { field: 'role', from: 'MEMBER', to: 'DEPUTY_DIRECTOR' },
        { field: 'politicalStatus', from: 'MASSES', to: 'CPC_PROBATIONARY' },
      ],
    });
    expect(rows[5]).toMatchObject({ status: 'ADD', memberId: null });
    expect(p.committees[0]).toMatchObject({
      status: 'CHANGE',
      termEndsOn: '2027-01-09',
      filedOn: '2022-02-01',
      membersAdded: 1,
      membersChanged: 2,
      membersKept: 1,
      memberCount: 4,
      partyMemberCount: 3,
      partyShare: 75,
      belowPartyShare: false,
    });
    await ok(IMPORT, { rows: later });
    const [recorded] = await committeesOf(c.id);
    expect(recorded).toMatchObject({ filedOn: '2022-02-01', termEndsOn: '2027-01-09', memberCount: 4, partyMemberCount: 3 });
    // a blank 楼栋 / 联系电话 / 是否同意公开 leaves what was recorded
    expect(recorded.members).toContainEqual({ name: '乙', role: 'DEPUTY_DIRECTOR', politicalStatus: 'CPC_PROBATIONARY', building: '2号楼', phone: '139', contactPublic: true });
    expect(recorded.members.map((m: { name: string }) => m.name).sort()).toEqual(['丁', '丙', '乙', '甲'].sort());
  });

  it('closes the committee a re-elected one succeeds, the day before it was formed', async () => {
    const c = await compound();
    await ok(IMPORT, { rows: await sheet([['阳光社区', c.name, '业委会', '2019-05-01', '2024-04-30', '', '老主任', '主任', '中共党员', '', '', '']]) });
    const [old] = await committeesOf(c.id);
    const rows = await sheet([['阳光社区', c.name, '业委会', '2024-06-01', '2029-05-31', '', '新主任', '主任', '中共党员', '', '', '']]);
    const p = await preview(rows);
    expect(byLine(p)[3]).toMatchObject({ status: 'ADD', reasonCode: 'CLOSES_PREDECESSOR' });
    expect(p.committees[0]).toMatchObject({ status: 'ADD', closesCommitteeId: old.id, closesOn: '2024-05-31' });
    await ok(IMPORT, { rows });
    expect((await committeesOf(c.id)).map((x: { formedOn: string; dissolvedOn: string | null }) => [x.formedOn, x.dissolvedOn])).toEqual([
      ['2019-05-01', '2024-05-31'],
      ['2024-06-01', null],
    ]);
  });

  it('rejects a bad 职务, a duplicate member row, an unknown compound and an over-long name, naming the column, and then imports nothing', async () => {
    const c = await compound();
    const rows = await sheet([
      ['阳光社区', c.name, '业委会', '2023-01-01', '2027-12-31', '', '甲', '主任', '中共党员', '', '', ''],
      [null, null, null, null, null, null, '乙', '秘书长', '群众', '', '', ''],
      [null, null, null, null, null, null, '甲', '委员', '群众', '', '', ''],
      ['阳光社区', '并无此小区', '业委会', '2023-01-01', '', '', '丙', '委员', '群众', '', '', ''],
      ['阳光社区', c.name, '业委会', '2023-01-01', '', '', '𠀀'.repeat(51), '委员', '群众', '', '', ''],
      ['阳光社区', c.name, '业委会', '2023-01-01', '', '', '𠀀'.repeat(50), '委员', '群众', '', '', '不详'],
      ['阳光社区', c.name, '业委会', '2023-01-01', '2022-12-31', '', '戊', '委员', '群众', '', '', ''],
    ]);
    const before = await counts();
    const p = await preview(rows);
    const at = byLine(p);
    expect([at[4].reasonCode, at[4].field]).toEqual(['UNKNOWN_ROLE', 'role']);
    expect([at[5].reasonCode, at[5].field]).toEqual(['DUPLICATE_ROW', 'name']);
    expect([at[6].reasonCode, at[6].field]).toEqual(['COMPOUND_NOT_FOUND', 'compound']);
    expect([at[7].reasonCode, at[7].field]).toEqual(['TOO_LONG', 'name']);
    expect([at[8].reasonCode, at[8].field]).toEqual(['BAD_FLAG', 'contactPublic']);
    expect([at[9].reasonCode, at[9].field]).toEqual(['COMMITTEE_MISMATCH', 'termEndsOn']);
    expect(at[3].status).toBe('ADD');
    // the console names the column in the user's language and translates every code
    expect(headerOf(COMMITTEE_SHEET, 'role')).toBe('职务');
    expect(headerOf(COMMITTEE_SHEET, 'role', 'en')).toBe('Role');
    for (const code of ['UNKNOWN_ROLE', 'DUPLICATE_ROW', 'COMPOUND_NOT_FOUND', 'TOO_LONG', 'BAD_FLAG', 'COMMITTEE_MISMATCH']) {
      for (const tree of [zh, en]) expect(message(tree, `app.committees.import.reason.${code}`)).toEqual(expect.any(String));
    }
    const res = await t.gql(IMPORT, { rows }, admin);
    expect([codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', 'rows', 'ROWS_REJECTED']);
    expect(await counts()).toEqual(before);
  });

  it('lets a community’s staff import their own community’s committees, and not find another community’s compounds', async () => {
    const unitOf = async (community: string) =>
      ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get(community) })).allUnits as Array<{ id: string; kind: string }>).find(
        (u) => u.kind === 'COMMUNITY',
      )!.id;
    const staff = await t.createUser({ username: 'yangguang-import', role: Role.UNIT_STAFF, unitId: await unitOf('阳光社区') });
    const own = await compound('阳光社区');
    const sibling = await compound('莲屿社区');
    const otherStreet = await compound('龙穴社区');
    const rows = await sheet([
      ['阳光社区', own.name, '业委会', '2024-01-01', '', '', '本社区主任', '主任', '中共党员', '', '', ''],
      ['莲屿社区', sibling.name, '业委会', '2024-01-01', '', '', '邻社区主任', '主任', '中共党员', '', '', ''],
      ['龙穴社区', otherStreet.name, '业委会', '2024-01-01', '', '', '外街道主任', '主任', '中共党员', '', '', ''],
      ['不存在社区', own.name, '业委会', '2024-01-01', '', '', '某人', '主任', '中共党员', '', '', ''],
    ]);
    const p = await preview(rows, staff.token);
    const at = byLine(p);
    expect(at[3].status).toBe('ADD');
    for (const line of [4, 5]) {
      expect(at[line]).toMatchObject({ status: 'REJECT', reasonCode: 'COMPOUND_NOT_FOUND', field: 'compound', committeeId: null });
    }
    expect(at[6]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_COMMUNITY', field: 'community' });
    // what is said of an out-of-scope compound is what was typed, no more (no id, no other record)
    expect([at[4].reason, at[5].reason]).toEqual([`No compound "${sibling.name}" in 莲屿社区 that you can see`, `No compound "${otherStreet.name}" in 龙穴社区 that you can see`]);
    expect(codeOf(await t.gql(IMPORT, { rows }, staff.token))).toBe('BAD_USER_INPUT');
    const res = await t.gql(IMPORT, { rows: rows.slice(0, 1) }, staff.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCommittees).toMatchObject({ committed: true, added: 1 });
    expect(await committeesOf(sibling.id)).toEqual([]);
    expect(await committeesOf(otherStreet.id)).toEqual([]);
    // an auditor reads but records nothing
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await t.gql(IMPORT, { rows: rows.slice(0, 1) }, auditor.token))).toBe('FORBIDDEN');
  });

  it('names the values as the console does, and reads dates as offices type them', () => {
    const labels = (l: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') => Object.fromEntries(Object.entries(l).map(([code, x]) => [code, x[lang]]));
    expect(Object.keys(COMMITTEE_KIND_LABELS).sort()).toEqual(Object.values(CommitteeKind).sort());
    expect(labels(COMMITTEE_ROLE_LABELS, 'zh')).toEqual(message(zh, 'enums.CommitteeRole'));
    expect(labels(COMMITTEE_ROLE_LABELS, 'en')).toEqual(message(en, 'enums.CommitteeRole'));
    expect(Object.keys(COMMITTEE_ROLE_LABELS).sort()).toEqual(Object.values(CommitteeRole).sort());
    expect(labels(POLITICAL_STATUS_LABELS, 'zh')).toEqual(message(zh, 'enums.PoliticalStatus'));
    expect(Object.keys(POLITICAL_STATUS_LABELS).sort()).toEqual(Object.values(PoliticalStatus).sort());
    const column = COMMITTEE_SHEET.columns.find((c) => c.field === 'formedOn')!;
    expect(['2024-05-01', '2024/5/1', '2024.5.1', '2024年5月1日'].map((d) => sheetDate(d, column))).toEqual(Array(4).fill('2024-05-01'));
    for (const [bad, code] of [
      ['2024-02-30', 'BAD_DATE'],
      ['2024-13-45', 'BAD_DATE'],
      ['下月', 'BAD_DATE'],
      ['1999-12-31', 'DATE_OUT_OF_RANGE'],
    ])
      expect(() => sheetDate(bad, column)).toThrow(expect.objectContaining({ code }));
  });

  it('reads an English header and the codes, and refuses a sheet with no rows', async () => {
    const c = await compound();
    const rows = await sheet(
      [['阳光社区', c.name, 'ELECTED', '2024-02-01', '', '', 'Member A', 'DIRECTOR', 'CPC_MEMBER', '', '', 'yes']],
      COMMITTEE_SHEET.columns.map((col) => col.header.en),
    );
    expect((await preview(rows)).rows[0]).toMatchObject({ status: 'ADD', role: 'DIRECTOR', politicalStatus: 'CPC_MEMBER' });
    const none = await t.gql(PREVIEW, { rows: [] }, admin);
    expect([codeOf(none), fieldOf(none)]).toEqual(['BAD_USER_INPUT', 'rows']);
  });
});
