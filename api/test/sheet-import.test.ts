import type { Actor } from '../src/common/context';
import { folded, type GridRow, oneOf, position, readGrid, RowError, type SheetLayout } from '../src/common/sheet-import/layout';
import { type SheetImport, SheetImporter } from '../src/common/sheet-import/sheet-import';
import { type ImportRow, ImportRowStatus } from '../src/common/sheet-import/sheet-import.types';
import { AuditEvent } from '../src/modules/audit/audit-event.entity';
import { Person } from '../src/modules/working-group/person.entity';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/** A sheet of people: 姓名 (required), 电话 (digits), 类别 (甲 / 乙 by label or code), 序号 (a position). */
const PEOPLE: SheetLayout = {
  maxRows: 3,
  columns: [
    { field: 'name', header: { zh: '姓名', en: 'Name' }, required: 'NAME_REQUIRED', parse: folded },
    {
      field: 'phone',
      header: { zh: '电话', en: 'Phone' },
      parse: (text) => {
        if (!/^\d{5,11}$/.test(text)) throw new RowError('BAD_PHONE', null, `电话 "${text}" is not a number`);
        return text;
      },
    },
    { field: 'kind', header: { zh: '类别', en: 'Kind' }, parse: oneOf({ A: { zh: '甲', en: 'Alpha' }, B: { zh: '乙', en: 'Beta' } }, 'UNKNOWN_KIND') },
    { field: 'order', header: { zh: '序号', en: 'No.' }, parse: position('BAD_ORDER'), filler: true },
  ],
  computed: [{ zh: '合计', en: 'Total' }],
};
type Input = { line: number; name?: string | null; phone?: string | null; kind?: string | null; order?: string | null };
type Row = ImportRow & { name: string | null; kind: string | null };

describe(`sheet import, the mechanism (${dbKind()})`, () => {
  let t: TestApp;
  type People = { args: { failAfterFirst: boolean }; input: Input; context: { seen: Set<string>; failAfterFirst: boolean }; row: Row; change: { name: string; phone: string | null } };
  let importer: SheetImporter<People>;
  const actor: Actor = { user: null, requestId: 'sheet-import-test' };
  const people = () => t.app.ds.getRepository(Person).count();
  const events = () => t.app.ds.getRepository(AuditEvent).countBy({ action: 'IMPORT_PEOPLE' });

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const spec: SheetImport<People> = {
      layout: PEOPLE,
      action: 'IMPORT_PEOPLE',
      entityType: 'Person',
      load: async (_em, args) => ({ seen: new Set<string>(), failAfterFirst: args.failAfterFirst }),
      describe: (values) => ({ name: (values.name as string | null) ?? null, kind: (values.kind as string | null) ?? null }),
      plan({ values }, { seen }) {
        const name = values.name as string;
        if (seen.has(name)) throw new RowError('DUPLICATE_ROW', 'name', `${name} appears twice`);
        seen.add(name);
        return { status: ImportRowStatus.ADD, change: { name, phone: values.phone as string | null }, note: values.phone ? undefined : { code: 'NO_PHONE', message: 'no phone' } };
      },
      async apply(em, planned, ctx, answer) {
        for (const p of planned) {
          await em.insert(Person, { name: p.change.name, phone: p.change.phone, note: null });
          if (ctx.failAfterFirst) throw new Error('the database went away');
        }
        return { entityId: 'sheet', after: { added: answer.added } };
      },
    };
    importer = new SheetImporter(spec, t.app.ds, t.app.services.tx, t.app.services.audit);
  });
  afterAll(() => t.close());

  it('reads every cell by its column: required, parsed, labels in either language or the code; the first problem names the input', async () => {
    const answer = await importer.run(
      { failAfterFirst: false },
      [
        { line: 2, name: ' 张  三 ', phone: '13800000000', kind: '甲', order: '1' },
        { line: 3, name: '李四', kind: 'beta' },
        { line: 4, name: '王五', kind: 'A' },
      ],
      false,
      actor,
    );
    expect(answer).toMatchObject({ committed: false, added: 3, changed: 0, unchanged: 0, rejected: 0 });
    expect(answer.rows.map((r) => [r.line, r.status, r.name, r.kind, r.reasonCode])).toEqual([
      [2, 'ADD', '张 三', 'A', null],
      [3, 'ADD', '李四', 'B', 'NO_PHONE'],
      [4, 'ADD', '王五', 'A', 'NO_PHONE'],
    ]);
    const bad = await importer.run(
      { failAfterFirst: false },
      [
        { line: 5, name: '', phone: 'abc', kind: '丙' },
        { line: 6, name: '赵六', phone: '12', kind: '丙' },
        { line: 7, name: '钱七', kind: '丙', order: '0' },
      ],
      false,
      actor,
    );
    expect(bad.rows.map((r) => [r.line, r.status, r.reasonCode, r.field, r.name, r.kind])).toEqual([
      [5, 'REJECT', 'NAME_REQUIRED', 'name', null, null],
      [6, 'REJECT', 'BAD_PHONE', 'phone', '赵六', null],
      [7, 'REJECT', 'UNKNOWN_KIND', 'kind', '钱七', null],
    ]);
    const order = await importer.run({ failAfterFirst: false }, [{ line: 8, name: '孙八', kind: '甲', order: '0' }], false, actor);
    expect(order.rows.map((r) => [r.reasonCode, r.field, r.kind])).toEqual([['BAD_ORDER', 'order', 'A']]);
    expect(bad.rejected).toBe(3);
  });

  it('rejects a row the planner refuses, and refuses the whole commit with ROWS_REJECTED: nothing is written', async () => {
    const [before, audited] = [await people(), await events()];
    const rows = [
      { line: 2, name: '孙一', kind: '甲' },
      { line: 3, name: '孙一', kind: '乙' },
    ];
    const preview = await importer.run({ failAfterFirst: false }, rows, false, actor);
    expect(preview.rows.map((r) => [r.status, r.reasonCode, r.field])).toEqual([
      ['ADD', 'NO_PHONE', null],
      ['REJECT', 'DUPLICATE_ROW', 'name'],
    ]);
    const refused = await importer.run({ failAfterFirst: false }, rows, true, actor).catch((e: { extensions: Record<string, unknown> }) => e.extensions);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows', reason: 'ROWS_REJECTED', rejected: 1 });
    expect([await people(), await events()]).toEqual([before, audited]);
  });

  it('writes all rows or none: a failure halfway rolls back the rows already written and the audit event', async () => {
    const [before, audited] = [await people(), await events()];
    const failed = importer.run(
      { failAfterFirst: true },
      [
        { line: 2, name: '写到一半', kind: '甲' },
        { line: 3, name: '没写到', kind: '甲' },
      ],
      true,
      actor,
    );
    // the first row is inserted, then the write fails: the transaction takes the row back
    await expect(failed).rejects.toThrow('the database went away');
    expect([await people(), await events()]).toEqual([before, audited]);
  });

  it('commits a clean sheet in one transaction with one audit event', async () => {
    const [before, audited] = [await people(), await events()];
    const answer = await importer.run(
      { failAfterFirst: false },
      [
        { line: 2, name: '周一', phone: '88880000', kind: 'Alpha' },
        { line: 3, name: '周二', kind: '乙' },
      ],
      true,
      actor,
    );
    expect(answer).toMatchObject({ committed: true, added: 2, rejected: 0 });
    expect([await people(), await events()]).toEqual([before + 2, audited + 1]);
    const event = await t.app.ds.getRepository(AuditEvent).findOneByOrFail({ action: 'IMPORT_PEOPLE' });
    expect([event.entityType, event.entityId, JSON.parse(event.afterJson!)]).toEqual(['Person', 'sheet', { added: 2 }]);
  });

  it('refuses an empty sheet and one over the row limit, before reading anything', async () => {
    const reasonOf = (rows: Input[]) =>
      importer.run({ failAfterFirst: false }, rows, false, actor).then(
        () => null,
        (e: { extensions: Record<string, unknown> }) => e.extensions,
      );
    expect(await reasonOf([])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows', reason: 'NO_ROWS' });
    expect(await reasonOf([1, 2, 3, 4].map((line) => ({ line, name: `人${line}` })))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows', reason: 'TOO_MANY', max: 3 });
  });
});

describe('sheet import, finding the header row', () => {
  const grid = (...rows: string[][]): GridRow[] => rows.map((cells, i) => ({ line: i + 1, cells }));

  it('skips a title row, takes Chinese or English headers in any order, and reads rows by field', () => {
    const read = readGrid(
      grid(['人员名单'], ['No.', 'KIND', 'name', '备注', '合计'], ['1', 'Alpha', '张三', 'x', '9'], ['', '', '', '', ''], ['2', '', '', '', ''], ['', '乙', '李四', '', '']),
      PEOPLE,
    );
    expect(read?.rows.map((r) => [r.line, r.cells])).toEqual([
      [3, { order: '1', kind: 'Alpha', name: '张三' }],
      [6, { order: '', kind: '乙', name: '李四' }],
    ]);
    // 备注 is not the layout's and not computed (合计): reported, not read; a row with only 序号 in it is blank
    expect(read?.ignored).toEqual(['备注']);
  });

  it('skips a header repeated on a later page and follows its columns', () => {
    const read = readGrid(grid(['姓名', '类别'], ['张三', '甲'], ['类别', '姓 名'], ['乙', '李四']), PEOPLE);
    expect(read?.rows.map((r) => r.cells)).toEqual([
      { name: '张三', kind: '甲' },
      { name: '李四', kind: '乙' },
    ]);
  });

  it('finds no header without the required columns or with a single column', () => {
    expect(readGrid(grid(['电话', '类别'], ['1', '甲']), PEOPLE)).toBeNull();
    expect(readGrid(grid(['姓名'], ['张三']), PEOPLE)).toBeNull();
    expect(readGrid(grid(['姓名', '得分'], ['张三', '9']), PEOPLE, (title) => title === '得分')?.extra).toEqual([{ index: 1, title: '得分' }]);
  });
});
