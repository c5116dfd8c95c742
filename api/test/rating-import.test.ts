import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';
import { ratingFixture, type RatingFixture } from './rating-fixtures';

describe(`rating sheet import (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let f: RatingFixture;
  let periodId: string;
  const co: Array<{ id: string; uscc: string }> = [];
  const HEADERS = ['业主满意度评价', '街道（乡镇）、社区（小区）党组织评价', 'COMPLIANCE', '文明城市创建', '环境卫生整治', '12345 便民服务热线'];
  const row = (line: number, uscc: string, scores: Array<string | null>, extra: Record<string, string | null> = {}) => ({
    line,
    uscc,
    scores: HEADERS.map((criterion, i) => ({ criterion, score: scores[i] })),
    ...extra,
  });
  const RESULT = '{ committed added changed unchanged rejected rows { line subjectName status reasonCode field total stars listStatus } }';
  const preview = (rows: unknown[]) => t.gql(`query($p: ID!, $r: [RatingSheetRowInput!]!) { ratingImportPreview(periodId: $p, rows: $r) ${RESULT} }`, { p: periodId, r: rows }, admin);
  const commit = (rows: unknown[]) => t.gql(`mutation($p: ID!, $r: [RatingSheetRowInput!]!) { importRatings(periodId: $p, rows: $r) ${RESULT} }`, { p: periodId, r: rows }, admin);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    f = await ratingFixture(t, admin, 'KMP01');
    periodId = await f.period('2025Q4', '2025-10-01', '2025-12-31');
    for (let i = 0; i < 4; i++) co.push(await f.company());
  });
  afterAll(() => t.close());

  it('previews each row with the total and stars it comes to, and rejects bad cells by field', async () => {
    const res = await preview([
      row(2, co[0].uscc, ['95', '90', '88', '92', '85', '96']),
      row(3, co[1].uscc.toLowerCase(), ['50', '50', '50', '50', '50', '50'], { dissatisfactionRate: '62.5%', negativeList: '是', negativeListNote: '未公示公共收益' }),
      row(4, co[2].uscc, ['80', 'abc', '80', '80', '80', '80']),
      row(5, co[0].uscc, ['1', '1', '1', '1', '1', '1']),
      row(6, '91350582MA2IIIIII0', ['1', '1', '1', '1', '1', '1']),
      row(7, co[3].uscc, ['80', '80', '101', '80', '80', '80']),
    ]);
    expect(res.errors).toBeUndefined();
    const r = res.data.ratingImportPreview;
    expect([r.committed, r.added, r.changed, r.unchanged, r.rejected]).toEqual([false, 2, 0, 0, 4]);
    expect(r.rows.map((x: Record<string, unknown>) => [x.line, x.status, x.reasonCode, x.field, x.total, x.stars, x.listStatus])).toEqual([
      [2, 'ADD', null, null, 92.1, 5, 'RED'],
      [3, 'ADD', null, null, 50, 1, 'BLACK'],
      [4, 'REJECT', 'BAD_SCORE', 'scores.1.score', null, null, null],
      [5, 'REJECT', 'DUPLICATE_ROW', 'uscc', null, null, null],
      [6, 'REJECT', 'BAD_USCC', 'uscc', null, null, null],
      [7, 'REJECT', 'SCORE_OUT_OF_RANGE', 'scores.2.score', null, null, null],
    ]);
    const refused = await commit([row(2, co[0].uscc, ['95', '90', '88', '92', '85', '96']), row(4, co[2].uscc, ['80', 'abc', '80', '80', '80', '80'])]);
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'rows']);
    expect((await f.ok('query($p: ID!) { _allRatingsMeta(filter: { periodId: $p }) { count } }', { p: periodId }))._allRatingsMeta.count).toBe(0);
  });

  it('imports in one go, then reports unchanged and changed rows; blank cells keep their scores', async () => {
    const first = await commit([
      row(2, co[0].uscc, ['95', '90', '88', '92', '85', '96']),
      row(3, co[1].uscc, ['50', '50', '50', '50', '50', '50'], { dissatisfactionRate: '62.5', negativeList: '否' }),
      row(4, co[2].uscc, ['80', null, null, null, null, null]),
    ]);
    expect(first.data.importRatings).toMatchObject({ committed: true, added: 3, rejected: 0 });
    const { allRatings } = await f.ok('query($p: ID!) { allRatings(filter: { periodId: $p }, sortField: "id") { dissatisfactionRate result { complete total stars listStatus } } }', { p: periodId });
    expect(allRatings.map((x: { result: unknown }) => x.result)).toEqual([
      { complete: true, total: 92.1, stars: 5, listStatus: 'RED' },
      { complete: true, total: 50, stars: 1, listStatus: 'BLACK' },
      { complete: false, total: null, stars: null, listStatus: null },
    ]);
    expect(allRatings[1].dissatisfactionRate).toBe(62.5);
    const second = await preview([
      row(2, co[0].uscc, ['95', '90', '88', '92', '85', '96']),
      row(3, co[1].uscc, [null, null, null, null, null, null]),
      row(4, co[2].uscc, [null, '70', '70', '70', '70', '70']),
    ]);
    // blank cells, 不满意率 included, leave what is recorded: 黑榜 stays black
    expect(second.data.ratingImportPreview.rows.map((x: { status: string; total: number | null; listStatus: string | null }) => [x.status, x.total, x.listStatus])).toEqual([
      ['UNCHANGED', 92.1, 'RED'],
      ['UNCHANGED', 50, 'BLACK'],
      ['CHANGE', 74, 'NONE'],
    ]);
    await commit([row(4, co[2].uscc, [null, '70', '70', '70', '70', '70'])]);
    const events = await f.ok('{ allAuditEvents(filter: { action: "IMPORT_RATINGS" }) { entityId after } }');
    expect(events.allAuditEvents[0]).toMatchObject({ entityId: periodId, after: { added: 0, changed: 1, unchanged: 0 } });
  });
});
