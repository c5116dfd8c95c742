import { Role } from '../../../src/common/roles';
import { headerOf } from '../../../src/common/sheet-import/layout';
import { DISCLOSURE_SHEET, sheetQuarter, sheetYear } from '../../../src/modules/public-revenue/disclosure.sheet';
import { en, zh } from '../../console-messages';
import { dbKind } from '../../db';
import { type Cell, type SheetRow as Row, sheetRows } from '../../sheet-file';
import { codeOf, fieldOf, startTestApp, type TestApp } from '../../harness';

/*
 * 公共收益公示台账导入 (issue 15; 001 三(三)1, 000 附件 三(一)): an office's xlsx of quarterly postings, one row
 * per compound and quarter, previewed row by row (due day, on time or late), committed all or nothing,
 * and the same sheet again changes nothing. The rules of a disclosure entered by hand hold for every row.
 * Sheets are written with ExcelJS and read back with the layout the console uses, on both databases.
 */
const RESULT = `committed added changed unchanged rejected late compounds
  rows { line status reasonCode reason field community compound year quarter disclosedOn dueOn disclosureStatus changes { field from to } compoundId disclosureId }`;
const PREVIEW = `query($rows: [DisclosureSheetRowInput!]!) { disclosureImportPreview(rows: $rows) { ${RESULT} } }`;
const IMPORT = `mutation($rows: [DisclosureSheetRowInput!]!) { importRevenueDisclosures(rows: $rows) { ${RESULT} } }`;
const HEADERS = DISCLOSURE_SHEET.columns.map((c) => c.header.zh);

const message = (tree: object, key: string): unknown => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);

/** An xlsx as an office writes it, read back the way the console reads one (api/test/sheet-file.ts). */
const sheet = (rows: Cell[][], headers: string[] = HEADERS): Promise<Row[]> => sheetRows(DISCLOSURE_SHEET, rows, { name: '公共收益公示', title: '青阳街道各小区公共收益公示台账', headers });

describe(`public-revenue disclosure import from an xlsx (${dbKind()})`, () => {
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
    const name = `公示小区${++sites}`;
    const id = (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: J.get(community), n: name })).createCompound.id as string;
    return { id, name, community };
  };
  const counts = async () => (await ok('{ d: _allRevenueDisclosuresMeta { count } a: _allAuditEventsMeta { count } }')) as Record<string, { count: number }>;
  const preview = async (rows: Row[], token = admin) => {
    const res = await t.gql(PREVIEW, { rows }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.disclosureImportPreview;
  };
  const disclosuresOf = async (compoundId: string) =>
    (
      await ok(
        'query($c: ID!) { allRevenueDisclosures(filter: { compoundId: $c }, sortField: "quarter", sortOrder: "ASC") { id year quarter disclosedOn evidence summary communityId status(asOf: "2026-01-01") } }',
        { c: compoundId },
      )
    ).allRevenueDisclosures;
  const byLine = (p: { rows: Array<{ line: number }> }) => Object.fromEntries(p.rows.map((r) => [r.line, r])) as Record<number, Record<string, unknown>>;

  /** Q1 and Q2 2025 of one compound (Q1 posted on its due day, Q2 late) and Q1 of another, the community merged down. */
  async function twoCompounds() {
    const a = await compound();
    const b = await compound();
    const rows = await sheet([
      ['阳光社区', a.name, 2025, '第一季度', new Date(Date.UTC(2025, 3, 30)), '小区公示栏', '收入 12,000 元，支出 3,000 元'],
      [null, a.name, '2025年', 'Q2', '2025/8/1', '小区公示栏及业主群', ''],
      [null, b.name, '2025', '1', '2025年4月15日', '单元门口公告栏', ''],
    ]);
    return { a, b, rows };
  }

  it('previews a sheet with the due day of each quarter and whether it was posted on time, writing nothing', async () => {
    const { a, b, rows } = await twoCompounds();
    const before = await counts();
    const p = await preview(rows);
    expect(p).toMatchObject({ committed: false, added: 3, changed: 0, unchanged: 0, rejected: 0, late: 1, compounds: 2 });
    const at = byLine(p);
    expect(at[3]).toMatchObject({
      status: 'ADD',
      community: '阳光社区',
      compound: a.name,
      compoundId: a.id,
      year: 2025,
      quarter: 1,
      disclosedOn: '2025-04-30',
      dueOn: '2025-04-30',
      disclosureStatus: 'ON_TIME',
      reasonCode: null,
    });
    // Q2 2025 was due on 31 July: posted on 1 August it imports, noted as late
    expect(at[4]).toMatchObject({ status: 'ADD', community: '阳光社区', quarter: 2, dueOn: '2025-07-31', disclosureStatus: 'LATE', reasonCode: 'LATE' });
    expect(at[5]).toMatchObject({ status: 'ADD', compound: b.name, disclosedOn: '2025-04-15', disclosureStatus: 'ON_TIME' });
    expect(await counts()).toEqual(before);
  });

  it('commits what the preview said, in one transaction with one audit event, and the same sheet again changes nothing', async () => {
    const { a, b, rows } = await twoCompounds();
    const said = await preview(rows);
    const before = await counts();
    const res = await t.gql(IMPORT, { rows }, admin);
    expect(res.errors).toBeUndefined();
    const done = res.data.importRevenueDisclosures;
    expect({ ...done, committed: false, rows: done.rows.map((r: object) => ({ ...r, disclosureId: null })) }).toEqual(said);
    expect(await counts()).toEqual({ d: { count: before.d.count + 3 }, a: { count: before.a.count + 1 } });
    const recorded = await disclosuresOf(a.id);
    expect(recorded).toEqual([
      {
        id: done.rows[0].disclosureId,
        year: 2025,
        quarter: 1,
        disclosedOn: '2025-04-30',
        evidence: '小区公示栏',
        summary: '收入 12,000 元，支出 3,000 元',
        communityId: J.get('阳光社区'),
        status: 'ON_TIME',
      },
      { id: done.rows[1].disclosureId, year: 2025, quarter: 2, disclosedOn: '2025-08-01', evidence: '小区公示栏及业主群', summary: null, communityId: J.get('阳光社区'), status: 'LATE' },
    ]);
    expect(await disclosuresOf(b.id)).toHaveLength(1);
    const event = (await ok('{ allAuditEvents(perPage: 1) { action entityType entityId } }')).allAuditEvents[0];
    expect(event).toEqual({ action: 'IMPORT_REVENUE_DISCLOSURES', entityType: 'RevenueDisclosure', entityId: done.rows[0].disclosureId });

    const again = await t.gql(IMPORT, { rows }, admin);
    expect(again.data.importRevenueDisclosures).toMatchObject({ committed: true, added: 0, changed: 0, unchanged: 3 });
    expect((await counts()).d).toEqual({ count: before.d.count + 3 });

    // a corrected day replaces the recorded one; a blank 公示内容 leaves what is recorded
    const fixed = await sheet([['阳光社区', a.name, 2025, 1, '2025-04-28', '小区公示栏', '']]);
    const changed = (await t.gql(IMPORT, { rows: fixed }, admin)).data.importRevenueDisclosures;
    expect(changed).toMatchObject({ added: 0, changed: 1 });
    expect(changed.rows[0].changes).toEqual([{ field: 'disclosedOn', from: '2025-04-30', to: '2025-04-28' }]);
    expect((await disclosuresOf(a.id))[0]).toMatchObject({ disclosedOn: '2025-04-28', summary: '收入 12,000 元，支出 3,000 元' });
  });

  it('holds every row to the rules of a disclosure entered by hand, names the cell at fault, and writes nothing while any row is rejected', async () => {
    const c = await compound();
    const rows = await sheet([
      ['阳光社区', c.name, 2025, 1, '2025-04-20', '公示栏', ''],
      ['阳光社区', c.name, 2025, 2, '2025-06-20', '公示栏', ''],
      ['阳光社区', c.name, 2025, '五', '2025-09-20', '公示栏', ''],
      ['阳光社区', c.name, 1999, 1, '2025-09-20', '公示栏', ''],
      ['阳光社区', c.name, 2025, 1, '2025-05-02', '公示栏', ''],
      ['阳光社区', c.name, 2025, 3, '2100-12-01', '公示栏', ''],
      ['阳光社区', c.name, 2025, 4, '2026-01-10', '', ''],
      ['阳光社区', '没有这个小区', 2025, 3, '2025-10-10', '公示栏', ''],
      ['阳光社区', c.name, 2024, 4, '2025-01-10', '公'.repeat(501), ''],
      ['阳光社区', c.name, 2024, 3, '2024-13-01', '公示栏', ''],
    ]);
    const before = await counts();
    const at = byLine(await preview(rows));
    expect(at[3].status).toBe('ADD');
    expect([at[4].reasonCode, at[4].field]).toEqual(['BEFORE_QUARTER_END', 'disclosedOn']);
    expect([at[5].reasonCode, at[5].field]).toEqual(['BAD_QUARTER', 'quarter']);
    expect([at[6].reasonCode, at[6].field]).toEqual(['BAD_YEAR', 'year']);
    expect([at[7].reasonCode, at[7].field]).toEqual(['DUPLICATE_ROW', 'quarter']);
    expect([at[8].reasonCode, at[8].field]).toEqual(['FUTURE_DATE', 'disclosedOn']);
    expect([at[9].reasonCode, at[9].field]).toEqual(['EVIDENCE_REQUIRED', 'evidence']);
    expect([at[10].reasonCode, at[10].field]).toEqual(['COMPOUND_NOT_FOUND', 'compound']);
    // 501 CJK characters: too long for its 500-character column, counted as MySQL counts
    expect([at[11].reasonCode, at[11].field]).toEqual(['TOO_LONG', 'evidence']);
    expect([at[12].reasonCode, at[12].field]).toEqual(['BAD_DATE', 'disclosedOn']);
    // the console translates every code the row type lists (and the schema lists every code seen here), in both languages
    const listed = ((await ok('{ __type(name: "DisclosureImportRow") { description } }')).__type.description as string).match(/\b[A-Z][A-Z_]{2,}\b/g)!;
    for (const r of Object.values(at)) if (r.reasonCode) expect(listed).toContain(r.reasonCode);
    expect(listed.length).toBeGreaterThan(15);
    for (const code of listed) for (const tree of [zh, en]) expect([code, message(tree, `app.revenue.import.reason.${code}`)]).toEqual([code, expect.any(String)]);
    const res = await t.gql(IMPORT, { rows }, admin);
    expect([codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', 'rows', 'ROWS_REJECTED']);
    expect(await counts()).toEqual(before);
  });

  it('lets a community’s staff import their own community’s disclosures, and not find another community’s compounds', async () => {
    const unitOf = async (community: string) =>
      ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get(community) })).allUnits as Array<{ id: string; kind: string }>).find(
        (u) => u.kind === 'COMMUNITY',
      )!.id;
    const staff = await t.createUser({ username: 'yangguang-disclosure', role: Role.UNIT_STAFF, unitId: await unitOf('阳光社区') });
    const own = await compound('阳光社区');
    const sibling = await compound('莲屿社区');
    const otherStreet = await compound('龙穴社区');
    const rows = await sheet([
      ['阳光社区', own.name, 2025, 1, '2025-04-10', '公示栏', ''],
      ['莲屿社区', sibling.name, 2025, 1, '2025-04-10', '公示栏', ''],
      ['龙穴社区', otherStreet.name, 2025, 1, '2025-04-10', '公示栏', ''],
      ['不存在社区', own.name, 2025, 1, '2025-04-10', '公示栏', ''],
    ]);
    const at = byLine(await preview(rows, staff.token));
    expect(at[3].status).toBe('ADD');
    for (const line of [4, 5]) expect(at[line]).toMatchObject({ status: 'REJECT', reasonCode: 'COMPOUND_NOT_FOUND', field: 'compound', compoundId: null });
    expect(at[6]).toMatchObject({ status: 'REJECT', reasonCode: 'UNKNOWN_COMMUNITY', field: 'community' });
    expect([at[4].reason, at[5].reason]).toEqual([`No compound "${sibling.name}" in 莲屿社区 that you can see`, `No compound "${otherStreet.name}" in 龙穴社区 that you can see`]);
    const res = await t.gql(IMPORT, { rows: rows.slice(0, 1) }, staff.token);
    expect(res.errors).toBeUndefined();
    expect(await disclosuresOf(own.id)).toHaveLength(1);
    expect(await disclosuresOf(sibling.id)).toEqual([]);
    // the street's office keeps the facts of its communities' compounds; a unit of the street (not a community) reads them and records none
    const office = await t.createUser({ username: 'qingyang-office-disclosure', role: Role.PARTY_OFFICE, jurisdictionId: J.get('青阳街道') });
    expect(byLine(await preview(rows.slice(2, 3), office.token))[5]).toMatchObject({ status: 'REJECT', reasonCode: 'COMPOUND_NOT_FOUND' });
    const streetUnit = ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get('青阳街道') })).allUnits as Array<{ id: string; kind: string }>)[0].id;
    const unitStaff = await t.createUser({ username: 'qingyang-unit-disclosure', role: Role.UNIT_STAFF, unitId: streetUnit });
    const fresh = await compound('阳光社区');
    const next = await sheet([['阳光社区', fresh.name, 2025, 2, '2025-07-10', '公示栏', '']]);
    expect(byLine(await preview(next, office.token))[3]).toMatchObject({ status: 'ADD' });
    expect(byLine(await preview(next, unitStaff.token))[3]).toMatchObject({ status: 'REJECT', reasonCode: 'OUT_OF_SCOPE', field: 'compound' });
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await t.gql(IMPORT, { rows: rows.slice(0, 1) }, auditor.token))).toBe('FORBIDDEN');
  });

  it('reads years and quarters as offices type them, and an English header', async () => {
    const q = DISCLOSURE_SHEET.columns.find((c) => c.field === 'quarter')!;
    expect(['1', 'Q1', 'q1', '一季度', '第一季度', '第1季度', ' 1 '].map((x) => sheetQuarter(x, q))).toEqual(Array(7).fill(1));
    expect(['4', 'Q4', '第四季度'].map((x) => sheetQuarter(x, q))).toEqual([4, 4, 4]);
    for (const bad of ['0', '5', 'Q5', '第五季度', '上半年']) expect(() => sheetQuarter(bad, q)).toThrow(expect.objectContaining({ code: 'BAD_QUARTER' }));
    const y = DISCLOSURE_SHEET.columns.find((c) => c.field === 'year')!;
    expect(['2025', '2025年', '2025年度'].map((x) => sheetYear(x, y))).toEqual([2025, 2025, 2025]);
    for (const bad of ['25', '1999', '2101', '二〇二五']) expect(() => sheetYear(bad, y)).toThrow(expect.objectContaining({ code: 'BAD_YEAR' }));
    expect(headerOf(DISCLOSURE_SHEET, 'evidence', 'en')).toBe('Evidence');
    const c = await compound();
    const rows = await sheet(
      [['阳光社区', c.name, '2025', 'Q3', '2025-10-08', 'notice board', '']],
      DISCLOSURE_SHEET.columns.map((col) => col.header.en),
    );
    expect((await preview(rows)).rows[0]).toMatchObject({ status: 'ADD', quarter: 3, dueOn: '2025-10-31' });
  });
});
