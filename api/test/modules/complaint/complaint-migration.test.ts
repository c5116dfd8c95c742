import { dbKind } from '../../db';
import { startTestApp, type TestApp } from '../../harness';

/**
 * Migration 1765500000005-ComplaintTimeLimits gives complaints recorded before it the days they are
 * counted by, from their steps: received the day of the first step, due that day (a limit of 0), and
 * disposed the day of the current 办结 or of a close without accepting (none while sent back). Done
 * for real: complaints made through the API, the migration (and any after it) undone and run again,
 * and the API's answer the same.
 */
describe(`complaint time-limit migration (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const last = async () => ((await t.app.ds.query('SELECT timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1')) as Array<{ timestamp: number | string; name: string }>)[0];
  const FIELDS = 'id status receivedOn timeLimitDays dueOn disposedOn category timeliness(asOf: "2025-12-31")';

  it('fills received, due and disposed from the steps, the same through down and up', async () => {
    const { allJurisdictions, allUnits } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } allUnits(perPage: 1) { id } }');
    const compound = (await ok('mutation($c: ID!) { createCompound(name: "迁移投诉小区", communityId: $c, managementMode: NONE) { id } }', { c: allJurisdictions[0].id })).createCompound.id;
    const complain = async (on: string, moves: Array<[string, string, string?]>) => {
      const { createComplaint } = await ok(
        'mutation($c: ID!, $d: LocalDate!, $u: ID!) { createComplaint(compoundId: $c, channel: PHONE, category: OTHER, summary: "迁移", receivedOn: $d, assignedUnitId: $u) { id } }',
        { c: compound, d: on, u: allUnits[0].id },
      );
      for (const [to, date, extra] of moves) await ok(`mutation { advanceComplaint(id: "${createComplaint.id}", to: ${to}, date: "${date}"${extra ?? ''}) { id } }`);
      return createComplaint.id as string;
    };
    const ids = [
      await complain('2025-02-03', []),
      await complain('2025-02-03', [
        ['ASSIGNED', '2025-02-03'],
        ['HANDLED', '2025-02-05', ', result: "已处理"'],
        ['CLOSED', '2025-02-10'],
      ]),
      await complain('2025-02-03', [['CLOSED', '2025-02-03', ', reason: "重复"']]),
      await complain('2025-02-03', [
        ['ASSIGNED', '2025-02-03'],
        ['HANDLED', '2025-02-03', ', result: "已处理"'],
        ['ASSIGNED', '2025-02-04', ', reason: "未修好"'],
      ]),
    ];
    const read = async () => (await ok(`{ allComplaints(filter: { ids: [${ids.join(', ')}] }, sortField: "id", sortOrder: "ASC") { ${FIELDS} } }`)).allComplaints;
    const before = await read();
    expect(before.map((c: { disposedOn: string | null; timeliness: string }) => [c.disposedOn, c.timeliness])).toEqual([
      [null, 'OVERDUE'],
      ['2025-02-05', 'LATE'],
      ['2025-02-03', 'ON_TIME'],
      [null, 'OVERDUE'],
    ]);

    while (Number((await last()).timestamp) >= 1765500000005) await t.app.ds.undoLastMigration({ transaction: 'each' });
    expect(Number((await last()).timestamp)).toBeLessThan(1765500000005);
    await t.app.ds.runMigrations({ transaction: 'each' });
    expect(await read()).toEqual(before);
  });
});
