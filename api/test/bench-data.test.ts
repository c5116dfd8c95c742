import { createHash } from 'node:crypto';
import { isValidUscc } from '../src/common/uscc';
import { addDays, todayInChina } from '../src/common/dates';
import { createDataSource } from '../src/config/data-source';
import type { DatabaseConfig } from '../src/config/env';
import { BENCH_KEY, BENCH_PASSWORD, BENCH_PREFIX, BENCH_SEED, BENCH_TODAY } from '../src/scripts/city/model';
import { BenchRefusal, buildBenchCity, type BuildReport } from '../bench/data/write';
import { type Copy, freshDatabase } from './db';
import { startTestApp, type TestApp } from './harness';

/*
 * `npm run bench:data` at a small scale: the same set on every run, valid in the API's rules
 * (credit codes, editions as publishing computes them, reports on their own assignment's milestones
 * and within their dates, every record inside the jurisdiction the scope rule reads), answered by the
 * API, and refused on a database that already holds a city.
 */

jest.setTimeout(180_000);
const SCALE = 0.01;
/** A DATE as YYYY-MM-DD, whichever way the driver returns it. */
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** A digest of a few ordered columns of the set: equal digests, equal sets. */
async function digest(db: DatabaseConfig): Promise<{ counts: Record<string, number>; sha: string }> {
  const ds = await createDataSource(db);
  await ds.initialize();
  try {
    const counts: Record<string, number> = {};
    for (const t of ['jurisdiction', 'compound', 'property_company', 'published_entry', 'rectification_step', 'task_item', 'assignment', 'progress_report', 'membership']) {
      const [row] = await ds.query(`SELECT COUNT(*) AS n FROM \`${t}\``);
      counts[t] = Number(row.n);
    }
    const hash = createHash('sha256');
    for (const sql of [
      'SELECT id, name, parentId FROM jurisdiction ORDER BY id',
      'SELECT id, name, communityId, propertyCompanyId, managementMode FROM compound ORDER BY id',
      'SELECT id, uscc FROM property_company ORDER BY id',
      'SELECT publicationId, subjectKey, `rank`, CAST(total AS CHAR) AS total, stars, listStatus FROM published_entry ORDER BY id',
      'SELECT rectificationId, toStatus, stepDate FROM rectification_step ORDER BY id',
      'SELECT assignmentId, milestoneId, reportDate, status FROM progress_report ORDER BY id',
      'SELECT groupId, personId, role, validFrom, validTo FROM membership ORDER BY id',
    ]) {
      for (const r of await ds.query(sql)) hash.update(JSON.stringify(Object.values(r).map((v) => (v === null ? null : String(v)))));
    }
    return { counts, sha: hash.digest('hex') };
  } finally {
    await ds.destroy();
  }
}

describe('benchmark data (npm run bench:data)', () => {
  let a: Copy;
  let b: Copy;
  let built: BuildReport;
  let t: TestApp;
  const q = (sql: string, params: unknown[] = []) => t.app.ds.query(sql, params) as Promise<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    a = await freshDatabase();
    b = await freshDatabase();
    built = await buildBenchCity(a.db, { scale: SCALE, seed: BENCH_SEED });
    await buildBenchCity(b.db, { scale: SCALE, seed: BENCH_SEED });
    t = await startTestApp({ config: { database: a.db } });
  });

  afterAll(async () => {
    await t?.close();
    await a?.drop();
    await b?.drop();
  });

  it('makes the same set on every run, and again after --replace', async () => {
    const first = await digest(a.db);
    expect(first.counts.compound).toBe(100);
    expect(built.rows.progress_report).toBeGreaterThan(built.rows.assignment);
    expect(await digest(b.db)).toEqual(first);
    await buildBenchCity(b.db, { scale: SCALE, seed: BENCH_SEED, replace: true });
    expect(await digest(b.db)).toEqual(first);
    expect(built.rows.compound).toBe(100);
  });

  it('refuses a database that already holds a city, or more than the seeds', async () => {
    await expect(buildBenchCity(a.db, { scale: SCALE, seed: BENCH_SEED })).rejects.toThrow(BenchRefusal);
    await expect(buildBenchCity(a.db, { scale: SCALE, seed: BENCH_SEED })).rejects.toThrow(/already holds a benchmark city/);
    // a database with other records (here: the city's, without its marker) is refused too
    const ds = await createDataSource(b.db);
    await ds.initialize();
    await ds.query('DELETE FROM seed_record WHERE `key` = ?', [BENCH_KEY]);
    await ds.destroy();
    await expect(buildBenchCity(b.db, { scale: SCALE, seed: BENCH_SEED })).rejects.toThrow(/other data than the seeds \(compound/);
  });

  it('labels every record it names, and keeps every date on or before its today', async () => {
    for (const [table, type] of [
      ['jurisdiction', 'Jurisdiction'],
      ['compound', 'Compound'],
      ['property_company', 'PropertyCompany'],
      ['person', 'Person'],
      ['working_group', 'WorkingGroup'],
      ['plan', 'Plan'],
    ]) {
      const unlabelled = await q(`SELECT name FROM ${table} WHERE name NOT LIKE ? AND id NOT IN (SELECT entityId FROM seed_record WHERE entityType = ?)`, [`${BENCH_PREFIX}%`, type]);
      expect([table, unlabelled]).toEqual([table, []]);
    }
    const [late] = await q('SELECT COUNT(*) AS n FROM progress_report WHERE reportDate > ?', [BENCH_TODAY]);
    expect(Number(late.n)).toBe(0);
    const [stepLate] = await q('SELECT COUNT(*) AS n FROM rectification_step WHERE stepDate > ?', [BENCH_TODAY]);
    expect(Number(stepLate.n)).toBe(0);
  });

  it('gives every company a valid unified social credit code', async () => {
    const codes = await q('SELECT uscc FROM property_company');
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((c) => !isValidUscc(String(c.uscc)))).toEqual([]);
  });

  it('publishes each quarter as the publication service would: same totals, stars, lists, reasons and ranks', async () => {
    const periods = await q('SELECT p.id, p.code FROM rating_period p JOIN rating_scheme s ON s.id = p.schemeId WHERE s.name LIKE ? ORDER BY p.startDate', [`${BENCH_PREFIX}%`]);
    expect(periods.length).toBe(12);
    for (const p of periods) {
      const draft = await t.app.services.publication.preview(Number(p.id));
      expect([p.code, draft.latest?.revision, draft.changed, draft.incomplete]).toEqual([p.code, 1, false, []]);
      const published = await q('SELECT ratingId, `rank` FROM published_entry WHERE publicationId = ? ORDER BY `rank`, subjectKey', [draft.latest!.id]);
      expect(published.map((e) => [Number(e.ratingId), Number(e.rank)])).toEqual(draft.entries.map((e) => [e.ratingId, e.rank]));
    }
    // every black-listed company of an edition has its rectification, opened on the day of publication
    const missing = await q(
      `SELECT e.id FROM published_entry e JOIN rating_publication u ON u.id = e.publicationId
       LEFT JOIN rectification r ON r.publicationId = u.id AND r.propertyCompanyId = e.propertyCompanyId
       LEFT JOIN rectification_step s ON s.rectificationId = r.id AND s.fromStatus IS NULL AND s.stepDate = u.publishedOn
       WHERE e.listStatus = 'BLACK' AND s.id IS NULL`,
    );
    expect(missing).toEqual([]);
    const [{ n: blacks }] = await q("SELECT COUNT(*) AS n FROM published_entry WHERE listStatus = 'BLACK'");
    const [{ n: rectifications }] = await q('SELECT COUNT(*) AS n FROM rectification');
    expect(Number(rectifications)).toBe(Number(blacks));
    // steps follow each other in date order, and the last one is the status
    const steps = await q('SELECT r.id, r.status, s.fromStatus, s.toStatus, s.stepDate FROM rectification r JOIN rectification_step s ON s.rectificationId = r.id ORDER BY r.id, s.id');
    const last = new Map<unknown, Record<string, unknown>>();
    for (const s of steps) {
      const before = last.get(s.id);
      expect(s.fromStatus ?? null).toBe(before ? before.toStatus : null);
      if (before) expect(day(s.stepDate) >= day(before.stepDate)).toBe(true);
      last.set(s.id, s);
    }
    for (const s of last.values()) expect(s.toStatus).toBe(s.status);
  });

  it('keeps every report on its own assignment, its milestones on that task, dated between the assignment and today', async () => {
    const wrongMilestone = await q('SELECT r.id FROM progress_report r JOIN assignment a ON a.id = r.assignmentId JOIN milestone m ON m.id = r.milestoneId WHERE m.taskItemId <> a.taskItemId');
    expect(wrongMilestone).toEqual([]);
    const reports = await q('SELECT r.reportDate, a.createdAt FROM progress_report r JOIN assignment a ON a.id = r.assignmentId');
    expect(reports.length).toBeGreaterThan(0);
    const early = reports.filter((r) => day(r.reportDate) < todayInChina(new Date(r.createdAt instanceof Date ? r.createdAt : `${String(r.createdAt).replace(' ', 'T')}Z`)));
    expect(early).toEqual([]);
    const afterDone = await q(
      "SELECT r.id FROM progress_report r JOIN progress_report d ON d.assignmentId = r.assignmentId AND d.milestoneId IS NULL AND d.status = 'DONE' AND d.reportDate < r.reportDate WHERE r.milestoneId IS NULL",
    );
    expect(afterDone).toEqual([]);
  });

  it('keeps every record inside the jurisdiction the scope rule reads', async () => {
    // an assignment goes to a unit of the plan's jurisdiction or of a direct child (task.service's rule)
    const outside = await q(
      `SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unitId JOIN jurisdiction j ON j.id = u.jurisdictionId
       JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId
       WHERE u.jurisdictionId <> p.jurisdictionId AND (j.parentId IS NULL OR j.parentId <> p.jurisdictionId)`,
    );
    expect(outside).toEqual([]);
    const bench = `SELECT id FROM working_group WHERE documentId IN (SELECT id FROM policy_document WHERE docNumber LIKE '${BENCH_PREFIX}%')`;
    const seats = await q(
      `SELECT m.id FROM membership m JOIN working_group g ON g.id = m.groupId JOIN person p ON p.id = m.personId JOIN post o ON o.id = m.postId
       WHERE g.id IN (${bench}) AND (p.jurisdictionId <> g.jurisdictionId OR o.jurisdictionId <> g.jurisdictionId)`,
    );
    expect(seats).toEqual([]);
    const compounds = await q("SELECT c.id FROM compound c JOIN jurisdiction j ON j.id = c.communityId WHERE j.level <> 'COMMUNITY'");
    expect(compounds).toEqual([]);
    // a succession closes the seat the day before the successor's opens, on the same post and role
    const all = await q(`SELECT id, groupId, postId, role, validFrom, validTo FROM membership WHERE groupId IN (${bench})`);
    const opened = new Set(all.map((m) => `${m.groupId}:${m.postId}:${m.role}:${day(m.validFrom)}`));
    const closed = all.filter((m) => m.validTo !== null);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.filter((m) => !opened.has(`${m.groupId}:${m.postId}:${m.role}:${addDays(day(m.validTo), 1)}`))).toEqual([]);
  });

  it('answers over the set: the partner list of a quarter and a county office that sees its own plans only', async () => {
    const admin = await t.login('bench-admin', BENCH_PASSWORD);
    const issued = await t.gql('mutation { issuePartnerKey(name: "基准伙伴", note: "基准数据") { secret } }', {}, admin);
    const key = issued.data.issuePartnerKey.secret as string;
    const list = await t.partner(
      '{ redBlackList(period: "2025Q1", status: [RED, BLACK], first: 100) { totalCount edition { revision entryCount } edges { node { rank stars listStatus company { uscc } } } } }',
      {},
      key,
    );
    expect(list.errors).toBeUndefined();
    const [{ n: listed }] = await q(
      "SELECT COUNT(*) AS n FROM published_entry e JOIN rating_publication u ON u.id = e.publicationId JOIN rating_period p ON p.id = u.periodId WHERE p.code = '2025Q1' AND e.listStatus IN ('RED', 'BLACK')",
    );
    expect(list.data.redBlackList.totalCount).toBe(Number(listed));
    expect(list.data.redBlackList.edition).toEqual({ revision: 1, entryCount: built.rows.property_company });

    const county = await t.login('bench-county-01', BENCH_PASSWORD);
    const plans = await t.gql('{ allPlans(perPage: 100) { name jurisdiction { name } } }', {}, county);
    expect(plans.errors).toBeUndefined();
    const names = plans.data.allPlans.map((p: { jurisdiction: { name: string } }) => p.jurisdiction.name);
    expect(names).toContain('晋江市');
    expect(names.every((n: string) => ['晋江市', '泉州市', '青阳街道'].includes(n) || n.startsWith(BENCH_PREFIX))).toBe(true);
    expect(names).not.toContain('石狮市');
  });
});
