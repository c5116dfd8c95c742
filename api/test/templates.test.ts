import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/migrations';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/**
 * Test apps start on copies of a template the run migrated and seeded once (api/test/templates.ts).
 * A copy must be indistinguishable from a database migrated and seeded at start-up: same tables and
 * DDL, same rows, same auto-increment counters, same triggers; and starting on it writes nothing.
 */
type Shape = { ddl: string[]; rows: Record<string, number>; triggers: string[]; journal?: string };

async function shapeOf(ds: DataSource): Promise<Shape> {
  const rows: Record<string, number> = {};
  if (dbKind() === 'sqlite') {
    const objects: Array<{ type: string; name: string; sql: string | null }> = await ds.query('SELECT type, name, sql FROM sqlite_master ORDER BY type, name');
    for (const o of objects.filter((x) => x.type === 'table')) rows[o.name] = Number((await ds.query(`SELECT COUNT(*) AS n FROM "${o.name}"`))[0].n);
    const counters: Array<{ name: string; seq: number }> = await ds.query('SELECT name, seq FROM sqlite_sequence ORDER BY name');
    const [{ journal_mode: journal }] = await ds.query('PRAGMA journal_mode');
    return {
      ddl: [...objects.filter((o) => o.type !== 'trigger').map((o) => `${o.type} ${o.name}: ${o.sql}`), ...counters.map((c) => `sequence ${c.name}: ${c.seq}`)],
      rows,
      triggers: objects.filter((o) => o.type === 'trigger').map((o) => `${o.name}: ${o.sql}`),
      journal,
    };
  }
  const ddl: string[] = [];
  const tables: Array<{ n: string; t: string }> = await ds.query('SELECT TABLE_NAME AS n, TABLE_TYPE AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
  for (const { n, t } of tables) {
    const [created] = await ds.query(`SHOW CREATE TABLE \`${n}\``);
    ddl.push(`${t} ${n}: ${created['Create Table'] ?? created['Create View']}`);
    if (t === 'BASE TABLE') rows[n] = Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${n}\``))[0].n);
  }
  const triggers: Array<Record<string, string>> = await ds.query(
    `SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, ACTION_STATEMENT, ACTION_TIMING, SQL_MODE, DEFINER,
       CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION
     FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME`,
  );
  return { ddl, rows, triggers: triggers.map((t) => JSON.stringify(t)) };
}

describe(`test databases copied from the run's template (${dbKind()})`, () => {
  for (const seed of [true, false]) {
    describe(seed ? 'seeded' : 'migrated, not seeded', () => {
      let fresh: TestApp;
      let copy: TestApp;
      beforeAll(async () => {
        fresh = await startTestApp({ seed, fresh: true });
        copy = await startTestApp({ seed });
      });
      afterAll(async () => {
        await fresh?.close();
        await copy?.close();
      });

      it('start on a copy without writing: every migration is recorded, no seed is new, the admin exists', async () => {
        const writes = copy.sql.statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|REPLACE)\b/i.test(s));
        expect(writes).toEqual([]);
        expect(copy.app.seedReport).toEqual(seed ? {} : null);
        if (seed) expect(Object.keys(fresh.app.seedReport ?? {}).length).toBeGreaterThan(0);
        const [{ n }] = await copy.app.ds.query('SELECT COUNT(*) AS n FROM migrations');
        expect(Number(n)).toBe(MIGRATIONS.length);
        expect(await copy.app.ds.query('SELECT username FROM app_user')).toEqual([{ username: 'admin' }]);
      });

      it('have the tables, rows, auto-increment counters and triggers of a database migrated and seeded at start-up', async () => {
        const [a, b] = [await shapeOf(fresh.app.ds), await shapeOf(copy.app.ds)];
        expect(b).toEqual(a);
        expect(Object.values(b.rows).reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
        expect(b.triggers.length).toBeGreaterThanOrEqual(2);
      });

      it('continue the ids where a fresh database would, and keep audit_event append-only', async () => {
        const token = await copy.adminToken();
        const made = [];
        for (const t of [fresh, copy]) {
          const res = await t.gql('mutation { createPerson(name: "模板副本") { id } }', {}, t === copy ? token : await t.adminToken());
          expect(res.errors).toBeUndefined();
          made.push(res.data.createPerson.id);
        }
        expect(made[1]).toBe(made[0]);
        await expect(copy.app.ds.query("UPDATE audit_event SET actorName = 'someone else'")).rejects.toThrow(/append-only/);
        await expect(copy.app.ds.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
      });
    });
  }
});
