/*
 * One measurement: autocannon against one server for one operation at a number of connections, the
 * server's database account's statement counter read around it (MariaDB's per-user statistics), and
 * the server process's resident memory sampled meanwhile.
 */
import autocannon from 'autocannon';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { memoryOf, type Server } from './servers';

export interface Sample {
  server: 'ours' | 'base';
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 200 with data (GraphQL errors included). */
  failed: number;
  statements: number;
  peakRssMb: number;
}

/** One HTTP request of an operation; `body` is asked for each request sent, with the connection's context (kept across an operation's steps). */
export interface Step {
  path: string;
  headers: Record<string, string>;
  body: (context: Record<string, unknown>) => string;
}

/** Statements the account has sent so far (SELECT + UPDATE (writes) + OTHER (BEGIN, COMMIT, SET…) commands). */
export async function statementsOf(root: Connection, account: string): Promise<number> {
  const [rows] = await root.query<RowDataPacket[]>('SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS n FROM information_schema.USER_STATISTICS WHERE USER = ?', [account]);
  return Number(rows[0]?.n ?? 0);
}

/** Waits until the account has no statement running (at most `limitMs`), so one measurement does not slow the next. */
export async function drained(root: Connection, account: string, limitMs = 300_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    const [rows] = await root.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = ? AND COMMAND = 'Query'", [account]);
    if (Number(rows[0].n) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function measure(server: Server, account: string, root: Connection, steps: Step[], o: { connections: number; duration: number; amount?: number }): Promise<Sample> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(server.proc.pid!)?.rssMb ?? 0)), 100);
  let failed = 0;
  const before = await statementsOf(root, account);
  const result = await autocannon({
    url: server.url,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration }),
    timeout: 60,
    requests: steps.map((s) => ({
      method: 'POST' as const,
      path: s.path,
      headers: s.headers,
      setupRequest: (req: autocannon.Request, context: object) => ({ ...req, body: s.body(context as Record<string, unknown>) }),
      onResponse: (status: number, body: string) => {
        if (status !== 200 || !body.startsWith('{"data":{') || body.includes('"errors"')) failed++;
      },
    })),
  });
  // the counters are updated when a statement ends; the pool's last ones have, by the time autocannon returns
  const after = await statementsOf(root, account);
  clearInterval(sampler);
  peak = Math.max(peak, memoryOf(server.proc.pid!)?.rssMb ?? 0);
  // requests autocannon gave up on at the end are still being answered: wait for the database to be idle again
  await drained(root, account);
  const requests = result.requests.total;
  return {
    server: server.name,
    connections: o.connections,
    requests,
    rps: requests / (result.duration || 1),
    p50: requests ? result.latency.p50 : NaN,
    p99: requests ? result.latency.p99 : NaN,
    failed: failed + result.errors + result.timeouts,
    statements: requests ? (after - before) / requests : 0,
    peakRssMb: peak,
  };
}
