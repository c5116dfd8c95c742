import fs from 'node:fs';
import type { Server } from 'node:http';
import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';
import { type Attack, type Credentials, judge, send, Tally } from './hostile.check';
import { injection, numbers, unicode } from './hostile.inputs';
import { fragments, multiplying, suggestions } from './hostile.probes';
import { aliases, cycles, depth, directives, introspection, tokens } from './hostile.shapes';
import { batched, contentTypes, gets, oversized } from './hostile.transport';

/*
 * The hostile-request suite (issue 12 item 10): requests generated from the printed schemas with
 * fast-check, against both endpoints, as ADMIN, UNIT_STAFF, a partner key and nobody. Every one
 * must be refused or answered safely: no 5xx, no stack trace, SQL or file path in the answer, every
 * error with extensions.code, and no SQL before a refusal by the limits or the body checks
 * (hostile.check.ts). Where a generator knows a document is past a limit, that limit must refuse
 * it; within a limit, that limit must not. FC_SEED=<n> replays another sample; the seed and a table
 * of tried / refused / answered per class are printed. Timings are the bench's business
 * (api/bench/hostile.bench.ts); the only bound here is against a stalled server.
 */

const SEED = Number.parseInt(process.env.FC_SEED ?? '20260612', 10);
if (!Number.isSafeInteger(SEED)) throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);

const CLASSES: Array<[string, (seed: number) => Attack[]]> = [
  ['depth', (s) => [...depth(s, 45), ...introspection(s + 1, 10)]],
  ['cycles', (s) => cycles(s, 50)],
  ['aliases', (s) => aliases(s, 40)],
  ['directives', (s) => directives(s, 30)],
  ['tokens', (s) => tokens(s, 40)],
  // Plus one anonymous document of 2^24 selections once expanded: it must not stall the server.
  ['fragments', (s) => [...fragments(s, 40), multiplying('admin', 'anonymous', 2, 24)]],
  ['batched', (s) => batched(s, 20)],
  ['oversized', (s) => oversized(s, 30)],
  ['contentTypes', (s) => contentTypes(s, 30)],
  ['get', (s) => gets(s, 30)],
  ['suggestions', (s) => suggestions(s, 60)],
  ['injection', (s) => injection(s, 60)],
  ['unicode', (s) => unicode(s, 80)],
  ['numbers', (s) => numbers(s, 80)],
];

describe(`hostile requests (${dbKind()})`, () => {
  let t: TestApp;
  let server: Server;
  let creds: Credentials;
  const tally = new Tally();

  beforeAll(async () => {
    // Introspection off, as in production: suggestions are the way left to learn the schema.
    t = await startTestApp({ introspection: false });
    server = t.app.express.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const admin = await t.adminToken();
    const issued = await t.gql('mutation { issuePartnerKey(name: "hostile") { secret } }', {}, admin);
    creds = { ADMIN: admin, UNIT_STAFF: (await t.userWithRole(Role.UNIT_STAFF)).token, partner: issued.data.issuePartnerKey.secret };
  }, 180_000);

  afterAll(async () => {
    process.stdout.write(`\nhostile requests on ${dbKind()}, FC_SEED=${SEED}\n${tally.table()}\n`);
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  // HOSTILE_ONLY=depth,cycles runs some classes (to chase one failure); the count below then does not apply.
  const only = process.env.HOSTILE_ONLY?.split(',');
  it.each(CLASSES.map(([name], i) => [name, i] as const).filter(([name]) => !only || only.includes(name)))(
    'refuses or safely answers every %s attack',
    async (name, i) => {
      const attacks = CLASSES[i][1](SEED + i * 7919);
      expect(attacks.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const a of attacks) {
        // HOSTILE_TRACE=<file> logs each request before it is sent, to find the one a stalled run is stuck on.
        if (process.env.HOSTILE_TRACE) fs.appendFileSync(process.env.HOSTILE_TRACE, `${name} ${a.endpoint} ${a.who} ${a.label.slice(0, 200)}\n`);
        const o = await send(server, t.sql, a, creds);
        tally.add(name, o);
        if (o.problems.length) problems.push(`${a.endpoint} as ${a.who}: ${a.label.slice(0, 300)}\n    → HTTP ${o.status} ${o.code}; ${o.problems.join('\n    → ')}`);
      }
      expect(problems).toEqual([]);
    },
    600_000,
  );

  it('the judge flags what it looks for (so a pass means something)', () => {
    const a: Attack = { cls: 'self', endpoint: 'admin', who: 'anonymous', label: 'self-test', body: {}, echoes: ["' UNION SELECT x FROM user --"] };
    const json = { 'content-type': 'application/json' };
    const bad = (body: unknown, status = 200, sql = 0) => judge(a, { status, text: JSON.stringify(body), headers: json }, 1, sql).problems;
    expect(bad({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 500)).toHaveLength(2);
    expect(bad({ errors: [{ message: 'no code' }] })).toEqual([expect.stringMatching(/without extensions.code/)]);
    expect(bad({ errors: [{ message: 'Error: x\n    at Object.<anonymous> (/work/main/api/src/app.ts:1:1)', extensions: { code: 'BAD_USER_INPUT' } }] }).join()).toMatch(/stack trace.*file path/);
    expect(bad({ errors: [{ message: 'SQLITE_ERROR: near "FROM": syntax error', extensions: { code: 'BAD_USER_INPUT' } }] }).join()).toMatch(/SQL text/);
    expect(bad({ errors: [{ message: 'select id from user where q = ?', extensions: { code: 'BAD_USER_INPUT' } }] }).join()).toMatch(/SQL text/);
    expect(bad({ errors: [{ message: 'Field "qq" is not defined. Did you mean "q"?', extensions: { code: 'BAD_USER_INPUT' } }] }).join()).toMatch(/suggestion/);
    expect(bad({ errors: [{ message: 'refused', extensions: { code: 'QUERY_LIMIT', limit: 'depth' } }] }, 400, 2)).toEqual([expect.stringMatching(/2 SQL statement/)]);
    expect(judge(a, { status: 400, text: '<html>Bad Request</html>', headers: { 'content-type': 'text/html' } }, 1, 0).problems.join()).toMatch(/not JSON/);
    // The attack's own text quoted back is not a leak.
    expect(bad({ errors: [{ message: `id must be a positive integer id, got "' UNION SELECT x FROM user --"`, extensions: { code: 'BAD_USER_INPUT' } }] })).toEqual([]);
    expect(judge({ ...a, expect: { limit: 'depth' } }, { status: 200, text: '{"data":{"me":null}}', headers: json }, 1, 0).problems.join()).toMatch(/expected a QUERY_LIMIT refusal by depth/);
  });

  (only ? it.skip : it)('tried at least 200 generated requests', () => {
    const tried = [...tally.rows.values()].reduce((n, r) => n + r.tried, 0);
    expect(tried).toBeGreaterThanOrEqual(200);
  });
});
