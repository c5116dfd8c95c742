import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

const run = promisify(execFile);

/*
 * `npm run seed:demo` (issue 15 item 5): a synthetic ledger for the seeded streets, labelled (names
 * start with 演示, addresses say 演示数据, every record listed under a demo: key), the same set on every
 * run (a fixed random seed), made once, removable; the dashboard's computed indicators answer from it.
 */
describe(`demo data (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const script = (...args: string[]) => {
    const db = t.config.database;
    const url = db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url;
    return run(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.resolve(__dirname, '../src/scripts/demo-data.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: url, JWT_SECRET: t.config.jwtSecret },
      cwd: path.resolve(__dirname, '../..'),
    });
  };
  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const coverage = async () => {
    const all = (await ok('{ allIndicators(perPage: 100) { name computed actual(asOf: "2025-07-01") scope { name } } }')).allIndicators as Array<{
      name: string;
      computed: string | null;
      actual: number | null;
      scope: { name: string };
    }>;
    return Object.fromEntries(all.filter((i) => i.computed && ['青阳街道', '宝盖镇'].includes(i.scope.name)).map((i) => [`${i.scope.name}:${i.name}`, i.actual]));
  };

  it('makes a labelled, repeatable set once, that the computed indicators answer from, and removes it', async () => {
    const before = await coverage();
    const first = (await script()).stdout;
    const made = Number(/Demo data made: (\d+) compounds/.exec(first)?.[1]);
    expect(made).toBeGreaterThanOrEqual(26 * 2);
    const demo = (await ok('{ allCompounds(filter: { q: "演示" }, perPage: 1000) { name address community { name } ownersCommittees { memberCount partyMemberCount } } }')).allCompounds as Array<{
      name: string;
      address: string;
      ownersCommittees: Array<{ memberCount: number; partyMemberCount: number }>;
    }>;
    expect(demo).toHaveLength(made);
    expect(demo.every((c) => c.name.startsWith('演示') && c.address === '演示数据')).toBe(true);
    // committees count their party members from the members recorded
    expect(demo.flatMap((c) => c.ownersCommittees).every((o) => o.memberCount > 0 && o.partyMemberCount <= o.memberCount)).toBe(true);
    const after = await coverage();
    expect(Object.keys(after).length).toBeGreaterThan(3);
    expect(Object.entries(after).filter(([k, v]) => v !== before[k]).length).toBeGreaterThan(2);

    expect((await script()).stdout).toMatch(/already there: left as it is/);
    expect((await ok('{ _allCompoundsMeta(filter: { q: "演示" }) { count } }'))._allCompoundsMeta.count).toBe(made);

    // the same seed gives the same set: removed and made again, the same names in the same order
    const names = demo.map((c) => c.name);
    expect((await script('--remove')).stdout).toMatch(new RegExp(`Removed the demo data \\(${made} compounds`));
    expect((await ok('{ _allCompoundsMeta(filter: { q: "演示" }) { count } }'))._allCompoundsMeta.count).toBe(0);
    expect(await coverage()).toEqual(before);
    await script();
    const again = (await ok('{ allCompounds(filter: { q: "演示" }, perPage: 1000) { name } }')).allCompounds.map((c: { name: string }) => c.name);
    expect(again).toEqual(names);
  }, 300_000);
});
