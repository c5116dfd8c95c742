import net from 'node:net';
import { mariadbPrograms, type MariaDbPair, startPair } from '../bench/replica/pair';
import { parseDatabaseUrl } from '../src/config/env';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * 读写分离 (issue 18, item 5): the app on a MariaDB primary with one replica (DATABASE_REPLICA_URLS), both
 * started here on ports and data directories of their own (api/bench/replica/pair.ts; npm run bench:replica
 * is the longer demonstration). The servers' per-user counters say who answered: the console's lists
 * are read on the replica, a mutation reads and writes on the primary only, and so does the scheduler.
 */
const programs = mariadbPrograms();
const why = dbKind() !== 'mysql' ? 'runs on MariaDB only (the mysql project)' : 'missing' in programs ? `needs a local MariaDB server to start: ${programs.missing}` : null;
if (why) console.warn(`replica.test.ts skipped: ${why}`);
const describeIfReady = why ? describe.skip : describe;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describeIfReady('reads on a MariaDB replica, writes on the primary', () => {
  let pair: MariaDbPair;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    pair = await startPair({ primaryPort: await freePort(), replicaPort: await freePort() });
    t = await startTestApp({ config: { database: parseDatabaseUrl(pair.primaryUrl, { DATABASE_REPLICA_URLS: pair.replicaUrl }) } });
    admin = await t.adminToken();
    await pair.caughtUp();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await pair?.stop();
  });

  /** The API account's statements on each server while `work` runs. */
  async function counted(work: () => Promise<void>) {
    const before = await pair.counters();
    await work();
    const after = await pair.counters();
    return {
      primary: { selects: after.primary.selects - before.primary.selects, writes: after.primary.writes - before.primary.writes },
      replica: { selects: after.replica.selects - before.replica.selects, writes: after.replica.writes - before.replica.writes },
    };
  }

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  it('reads the console’s lists on the replica; the primary only checks the session', async () => {
    const LISTS = '{ allTaskItems(perPage: 50) { id content } _allTaskItemsMeta { count } allJurisdictions(perPage: 100) { id name } }';
    let answer: unknown;
    const seen = await counted(async () => {
      for (let i = 0; i < 5; i++) answer = await ok(LISTS);
    });
    expect((answer as { allTaskItems: unknown[] }).allTaskItems).toHaveLength(50);
    // three list statements a request at least, five requests
    expect(seen.replica.selects).toBeGreaterThanOrEqual(15);
    expect(seen.replica.writes).toBe(0);
    // the session check of each request (the user row) is made on the primary, and nothing else is
    expect(seen.primary.selects).toBeLessThanOrEqual(5 * 2);
    expect(seen.primary.selects).toBeLessThan(seen.replica.selects);
  });

  it('makes a mutation’s reads and writes on the primary only, and the replica shows the write once it has applied it', async () => {
    let id = '';
    const seen = await counted(async () => {
      id = (await ok('mutation { issuePartnerKey(name: "主从演示 招投标平台") { key { id name } } }')).issuePartnerKey.key.id;
    });
    expect(seen.primary.writes).toBeGreaterThanOrEqual(1);
    expect(seen.replica).toEqual({ selects: 0, writes: 0 });
    await pair.caughtUp();
    const read = await counted(async () => {
      expect((await ok('query($id: ID!) { PartnerKey(id: $id) { name } }', { id })).PartnerKey).toEqual({ name: '主从演示 招投标平台' });
    });
    expect(read.replica.selects).toBeGreaterThanOrEqual(1);
  });

  it('runs the daily jobs on the primary', async () => {
    const seen = await counted(async () => {
      await t.app.scheduler.runDue(new Date('2025-03-03T02:00:00Z'));
    });
    expect(seen.primary.writes).toBeGreaterThanOrEqual(1);
    expect(seen.replica).toEqual({ selects: 0, writes: 0 });
  });
});
