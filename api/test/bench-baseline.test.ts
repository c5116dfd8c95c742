import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { createBaseline } from '../bench/baseline/server';
import { compare } from '../bench/compare';
import { addProgressReports, addRatedCompanies } from '../bench/dev-data';
import { payoutOperation, preparePayouts } from '../bench/payouts';
import { prepare } from '../bench/prepare';
import { headersFor, operations, signIn } from '../bench/workload';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * `npm run bench` measures only after both servers gave the same bytes for every request (issue 18):
 * here, on a small data set (the seeded plans and rosters, a compound per community, 40 companies rated in 4
 * published quarters, progress reports), the baseline (api/bench/baseline, node:http + mysql2) and the
 * app answer every benchmark operation with every variable set, and the bodies are compared byte for
 * byte. Not timed. MariaDB/MySQL only: the baseline speaks mysql2 only.
 */
const mysqlOnly = dbKind() === 'mysql' ? describe : describe.skip;

mysqlOnly('the benchmark baseline answers as the API does (mysql)', () => {
  let t: TestApp;
  let ours: http.Server;
  let base: http.Server;
  let pool: mysql.Pool;
  let root: mysql.Connection;
  const urlOf = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  beforeAll(async () => {
    t = await startTestApp();
    await addRatedCompanies(t.app, 40, 4);
    await addProgressReports(t.app);
    // a compound in each seeded community, for M1's award cases and payouts
    await t.app.ds.query("INSERT INTO compound (name, communityId, managementMode) SELECT CONCAT('基准小区', id), id, 'PROFESSIONAL' FROM jurisdiction WHERE level = 'COMMUNITY' ORDER BY id LIMIT 12");
    const url = (t.config.database as { url: string }).url;
    pool = mysql.createPool({ uri: url, dateStrings: true, timezone: 'Z', connectionLimit: 4 });
    root = await mysql.createConnection({ uri: url, dateStrings: true });
    ours = t.app.express.listen(0, '127.0.0.1');
    base = http.createServer(await createBaseline({ pool, jwtSecret: t.config.jwtSecret, operationsDir: path.resolve(__dirname, '../bench/operations') })).listen(0, '127.0.0.1');
    await Promise.all([ours, base].map((s) => new Promise((r) => (s.listening ? r(null) : s.once('listening', r)))));
  }, 120_000);

  afterAll(async () => {
    for (const s of [ours, base]) s.closeAllConnections();
    await Promise.all([ours, base].map((s) => new Promise((r) => s.close(r))));
    await pool.end();
    await root.end();
    await t.close();
  });

  it('gives byte-identical answers to every operation and variable set, M1 pairs included', async () => {
    const url = (t.config.database as { url: string }).url;
    const f = await prepare(url, { accounts: false });
    const token = await signIn(urlOf(ours), f.users.a, f.password);
    const checker = await signIn(urlOf(ours), f.users.b, f.password);
    const results = [];
    for (const op of operations(f)) results.push(await compare(op, urlOf(ours), urlOf(base), headersFor(op, f, token)));
    results.push(await payoutOperation(root, token, checker, await preparePayouts(root, f)).compare(urlOf(ours), urlOf(base)));
    expect(results.filter((r) => r.different).map((r) => r.example)).toEqual([]);
    expect(results.map((r) => r.key)).toEqual(['P1', 'P1b', 'P2', 'A1', 'A2', 'A3', 'M1']);
    for (const r of results) expect(r.compared).toBeGreaterThan(0);
  }, 120_000);

  it('counts every answer that differs by a byte as different', async () => {
    const url = (t.config.database as { url: string }).url;
    const f = await prepare(url, { accounts: false });
    const token = await signIn(urlOf(ours), f.users.a, f.password);
    const a3 = operations(f).find((o) => o.key === 'A3')!;
    // a server that answers as the baseline does, with one space more
    const off = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(urlOf(base) + req.url, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) })
          .then((r) => r.text())
          .then((text) => res.end(text.replace('{"data":', '{"data": ')));
      });
    });
    await new Promise((r) => off.listen(0, '127.0.0.1', () => r(null)));
    try {
      const r = await compare(a3, urlOf(ours), urlOf(off), headersFor(a3, f, token));
      expect(r.compared).toBe(a3.variables.length);
      expect(r.different).toBe(r.compared);
      expect(r.example).toContain('at byte 8');
    } finally {
      await new Promise((r) => off.close(r));
    }
  });
});
