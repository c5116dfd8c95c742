/**
 * What `npm run bench` needs in the benchmark database besides the data set (`npm run bench:data`), made
 * before the servers start: one MariaDB account per server (so each server's statements can be read
 * from its own counters), the per-user statistics switched on, a partner key, two office users of the
 * county with the most tasks (a maker and a checker for M1), and the variable sets the operations are
 * asked with. Everything is written with SQL the app accepts (the same hashes its services write).
 */
import { randomBytes } from 'node:crypto';
import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { hashPassword } from '../src/modules/auth/password';
import { hashKey } from '../src/modules/partner/partner-key.service';

export const BENCH_PASSWORD = 'bench-office-pass-2025';
export const ACCOUNTS = { ours: 'bench_ours', base: 'bench_base' } as const;
const ACCOUNT_PASSWORD = 'bench-account-pass';

export interface Fixture {
  database: string;
  partnerKey: string;
  /** The office users: a (the maker, and the one admin operations sign in as) and b (the checker). */
  users: { a: string; b: string };
  password: string;
  countyId: number;
  /** Plans owned within the county, with their task counts. */
  plans: Array<{ id: number; tasks: number }>;
  /** Published periods (code, entries of the newest revision). */
  periods: Array<{ code: string; entries: number }>;
  /** Credit codes of published companies, for companyStanding. */
  usccs: string[];
  memberships: number;
}

/** The database URL of `url` for one of the benchmark's accounts. */
export function accountUrl(url: string, account: string): string {
  const u = new URL(url);
  u.username = account;
  u.password = ACCOUNT_PASSWORD;
  return u.toString();
}

const rows = async <T>(c: Connection, sql: string, params: unknown[] = []): Promise<T[]> => (await c.query<RowDataPacket[]>(sql, params))[0] as T[];

export class MissingData extends Error {}

/** `accounts: false` (a test): no MariaDB accounts or statistics, only the rows and the variable sets. */
export async function prepare(url: string, o: { accounts?: boolean } = {}): Promise<Fixture> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const c = await mysql.createConnection({ uri: url, dateStrings: true });
  try {
    const count = async (table: string) => {
      try {
        return Number((await rows<{ n: number }>(c, `SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);
      } catch {
        return 0;
      }
    };
    const counts = { published_entry: await count('published_entry'), task_item: await count('task_item'), membership: await count('membership'), jurisdiction: await count('jurisdiction') };
    const empty = Object.entries(counts).filter(([, n]) => n === 0);
    if (empty.length) {
      throw new MissingData(`The benchmark database ${database} has no ${empty.map(([t]) => t).join(', ')} rows: make the data set first (npm run bench:data, with BENCH_DATABASE_URL=${url})`);
    }

    if (o.accounts !== false) {
      for (const account of Object.values(ACCOUNTS)) {
        for (const host of ['127.0.0.1', 'localhost', '%']) {
          await c.query(`CREATE USER IF NOT EXISTS '${account}'@'${host}' IDENTIFIED BY '${ACCOUNT_PASSWORD}'`);
          await c.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${account}'@'${host}'`);
        }
      }
      await c.query('SET GLOBAL userstat = 1');
    }

    // the county whose subtree holds the most tasks
    const places = await rows<{ id: number; parentId: number | null; level: string }>(c, 'SELECT id, parentId, level FROM jurisdiction');
    const parent = new Map(places.map((p) => [p.id, p.parentId]));
    const level = new Map(places.map((p) => [p.id, p.level]));
    const countyOf = (id: number | null): number | null => {
      for (let j = id; j != null; j = parent.get(j) ?? null) if (level.get(j) === 'COUNTY') return j;
      return null;
    };
    const planRows = await rows<{ id: number; jurisdictionId: number | null; tasks: number }>(
      c,
      'SELECT p.id, p.jurisdictionId, COUNT(t.id) AS tasks FROM plan p JOIN key_work k ON k.planId = p.id JOIN task_item t ON t.keyWorkId = k.id GROUP BY p.id, p.jurisdictionId ORDER BY p.id',
    );
    const perCounty = new Map<number, number>();
    for (const p of planRows) {
      const county = countyOf(p.jurisdictionId);
      if (county != null) perCounty.set(county, (perCounty.get(county) ?? 0) + Number(p.tasks));
    }
    const countyId = [...perCounty.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    if (countyId == null) throw new MissingData(`No plan with tasks belongs to a county in ${database}: make the data set first (npm run bench:data)`);
    const plans = planRows.filter((p) => countyOf(p.jurisdictionId) === countyId).map((p) => ({ id: p.id, tasks: Number(p.tasks) }));

    const users = { a: `bench-office-a-${countyId}`, b: `bench-office-b-${countyId}` };
    for (const [i, username] of [users.a, users.b].entries()) {
      await c.query(
        `INSERT INTO app_user (username, displayName, passwordHash, role, jurisdictionId, active, sessionVersion, mustChangePassword)
         VALUES (?, ?, ?, 'PARTY_OFFICE', ?, 1, 1, 0)
         ON DUPLICATE KEY UPDATE passwordHash = VALUES(passwordHash), role = 'PARTY_OFFICE', jurisdictionId = VALUES(jurisdictionId), active = 1, mustChangePassword = 0`,
        [username, `基准测试办公室用户${i ? '乙' : '甲'}`, await hashPassword(BENCH_PASSWORD), countyId],
      );
    }

    const prefix = `wyk_${randomBytes(4).toString('hex')}`;
    const partnerKey = `${prefix}_${randomBytes(32).toString('base64url')}`;
    await c.query("INSERT INTO partner_key (name, prefix, secretHash, issuedByName) VALUES ('benchmark', ?, ?, 'system')", [prefix, hashKey(partnerKey)]);

    const periods = await rows<{ code: string; entries: number }>(
      c,
      `SELECT rp.code, pub.entryCount AS entries FROM rating_publication pub JOIN rating_period rp ON rp.id = pub.periodId JOIN rating_scheme s ON s.id = rp.schemeId
       WHERE s.subjectKind = 'PROPERTY_COMPANY' AND pub.revision = (SELECT MAX(p2.revision) FROM rating_publication p2 WHERE p2.periodId = pub.periodId) ORDER BY rp.startDate DESC`,
    );
    const usccs = (await rows<{ uscc: string }>(c, 'SELECT DISTINCT uscc FROM published_entry WHERE uscc IS NOT NULL ORDER BY uscc LIMIT 2000')).map((r) => r.uscc);
    return {
      database,
      partnerKey,
      users,
      password: BENCH_PASSWORD,
      countyId,
      plans,
      periods: periods.map((p) => ({ code: p.code, entries: Number(p.entries) })),
      usccs,
      memberships: counts.membership,
    };
  } finally {
    await c.end();
  }
}
