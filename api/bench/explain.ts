/*
 * The statements each server sends for one request of each operation, read from MariaDB's general log
 * (written to the mysql.general_log table for the moment it takes, filtered by the server's own
 * account), and the EXPLAIN of each SELECT, for the results' appendix.
 */
import type { Connection, RowDataPacket } from 'mysql2/promise';

export interface Explained {
  sql: string;
  plan: Array<Record<string, unknown>>;
}

/** Runs `work` with the general log on (to the table), and returns each account's statements, in order. */
export async function capture(root: Connection, accounts: string[], work: () => Promise<void>): Promise<Map<string, string[]>> {
  const [[before]] = await root.query<RowDataPacket[]>('SELECT @@GLOBAL.general_log AS on_, @@GLOBAL.log_output AS output');
  await root.query('SET GLOBAL general_log = 0');
  await root.query('TRUNCATE TABLE mysql.general_log');
  await root.query("SET GLOBAL log_output = 'TABLE'");
  await root.query('SET GLOBAL general_log = 1');
  try {
    await work();
  } finally {
    await root.query('SET GLOBAL general_log = 0');
    await root.query('SET GLOBAL log_output = ?', [before.output]);
  }
  const [rows] = await root.query<RowDataPacket[]>("SELECT user_host, CONVERT(argument USING utf8mb4) AS sql_ FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') ORDER BY event_time");
  await root.query('TRUNCATE TABLE mysql.general_log');
  if (Number(before.on_)) await root.query('SET GLOBAL general_log = 1');
  const out = new Map<string, string[]>(accounts.map((a) => [a, []]));
  for (const r of rows) {
    const account = accounts.find((a) => String(r.user_host).startsWith(`${a}[`));
    if (account) out.get(account)!.push(String(r.sql_));
  }
  return out;
}

/** EXPLAIN of each distinct SELECT or UPDATE (run as root in the benchmark database; nothing is executed). */
export async function explain(root: Connection, statements: string[]): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const sql of [...new Set(statements)]) {
    if (!/^\s*(\(?\s*SELECT|UPDATE|WITH)\b/i.test(sql) || /^\s*SELECT\s+(1|VERSION\(\)|@@)/i.test(sql)) continue;
    try {
      const [plan] = await root.query<RowDataPacket[]>(`EXPLAIN ${sql}`);
      out.push({ sql, plan: plan as Array<Record<string, unknown>> });
    } catch (err) {
      out.push({ sql, plan: [{ error: (err as Error).message }] });
    }
  }
  return out;
}

/** A Markdown section: each statement in a code block and its plan as a table. */
export function explainMarkdown(title: string, items: Explained[]): string {
  const lines = [`### ${title}`, ''];
  for (const { sql, plan } of items) {
    lines.push('```sql', sql.length > 4000 ? `${sql.slice(0, 4000)} …` : sql, '```', '');
    const cols = ['id', 'select_type', 'table', 'type', 'possible_keys', 'key', 'key_len', 'ref', 'rows', 'Extra'].filter((c) => plan.some((p) => c in p));
    const shown = cols.length ? cols : Object.keys(plan[0] ?? {});
    lines.push(`| ${shown.join(' | ')} |`, `|${shown.map(() => '---').join('|')}|`);
    for (const p of plan) lines.push(`| ${shown.map((c) => String(p[c] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
