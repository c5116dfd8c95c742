import { createDemoData, DEMO_PREFIX, removeDemoData } from '../src/scripts/demo-data';
import { createServices } from '../src/services';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/**
 * `npm run seed:demo`: the synthetic set is made once (a second run leaves it), its tickets feed the
 * complaint figures and the 004 targets computed from them, and `--remove` takes all of it away —
 * tickets, their steps and the notifications they sent first, then the compounds — leaving nothing
 * labelled 演示.
 */
describe(`demo data (${dbKind()})`, () => {
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
  const count = async (table: string) => Number(((await t.app.ds.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>)[0].n);

  it('is made once, counts in the complaint figures and the computed targets, and is removed whole', async () => {
    const made = await createDemoData(t.app.ds, createServices(t.app.ds, t.config));
    expect(made?.compounds).toBeGreaterThan(20);
    expect(await createDemoData(t.app.ds, createServices(t.app.ds, t.config))).toBeNull();
    const complaints = await count('complaint');
    expect(complaints).toBeGreaterThan(20);
    expect(await count('practical_matter')).toBeGreaterThan(10);

    const { allJurisdictions } = await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }');
    const { complaintFigures } = await ok('query($j: ID!) { complaintFigures(jurisdictionId: $j) { area { received receivedLastYear disposed late overdue } parts { received } } }', {
      j: allJurisdictions[0].id,
    });
    expect(complaintFigures.area.received + complaintFigures.area.receivedLastYear).toBeGreaterThan(0);
    expect(complaintFigures.parts.reduce((n: number, p: { received: number }) => n + p.received, 0)).toBe(complaintFigures.area.received);
    const { allIndicators } = await ok('{ allIndicators(filter: { q: "信访处置率" }) { actualDetail { source } } }');
    expect(allIndicators[0].actualDetail.source).toBe('COMPUTED');

    expect(await removeDemoData(t.app.ds)).toBe(made!.compounds);
    for (const table of ['complaint', 'complaint_step', 'practical_matter', 'practical_matter_step']) expect({ table, rows: await count(table) }).toEqual({ table, rows: 0 });
    expect(Number(((await t.app.ds.query("SELECT COUNT(*) AS n FROM notification WHERE entityType = 'Complaint'")) as Array<{ n: number }>)[0].n)).toBe(0);
    const { allCompounds } = await ok('query($q: String) { allCompounds(filter: { q: $q }) { id } }', { q: DEMO_PREFIX });
    expect(allCompounds).toEqual([]);
  }, 600_000);
});
