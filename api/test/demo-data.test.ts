import { isValidUscc } from '../src/common/uscc';
import { addDays, todayInChina } from '../src/common/dates';
import { TABLES } from '../src/scripts/city/write';
import { createDemoData, DEMO_PREFIX, removeDemoData } from '../src/scripts/demo-data';
import { createServices } from '../src/services';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

/**
 * `npm run seed:demo` (issue 18 item 2): the benchmark's city generator at a small scale, grown only
 * into the seeded streets (青阳街道, 宝盖镇), then each compound's ledger through the services. The set
 * is made once (a second run leaves it), lies inside the streets, is dated from today, is answered by
 * the API (partner standing, the home page's counts, the complaint figures and the targets computed from
 * them), lists every row it wrote under a demo: key, and `--remove` takes exactly it away: every table
 * holds what it held before. Made again, it is the same set.
 */
jest.setTimeout(600_000);

/** The ledger's tables (written through the services) and the tables a demo record's notifications go to. */
const LEDGER = [
  'owners_committee',
  'committee_member',
  'committee_survey',
  'committee_report_meeting',
  'party_organization',
  'revenue_disclosure',
  'revenue_audit',
  'service_evaluation',
  'complaint',
  'complaint_step',
  'practical_matter',
  'practical_matter_step',
  'notification',
];

describe(`demo data (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  /** Every table's count before the set was made. */
  let before: Record<string, number>;
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
  const q = (sql: string, params: unknown[] = []) => t.app.ds.query(sql, params) as Promise<Array<Record<string, unknown>>>;
  const count = async (table: string) => Number((await q(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);
  const counts = async () => {
    const all: Record<string, number> = {};
    for (const table of [...TABLES, ...LEDGER]) all[table] = await count(table);
    return all;
  };
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  /** What the set is, without its ids: equal for two runs that make the same set. */
  const shape = async () => ({
    compounds: (
      await q(
        "SELECT c.name, j.name AS community, c.managementMode, p.name AS company FROM compound c JOIN jurisdiction j ON j.id = c.communityId LEFT JOIN property_company p ON p.id = c.propertyCompanyId WHERE c.name LIKE '演示%' ORDER BY c.id",
      )
    ).map((r) => Object.values(r).join('|')),
    tasks: (await q("SELECT content, deadlineText, dueDate FROM task_item WHERE content LIKE '演示%' ORDER BY id")).map(
      (r) => `${r.content}|${r.deadlineText}|${r.dueDate === null ? '' : day(r.dueDate)}`,
    ),
    entries: (await q("SELECT subjectName, `rank`, stars, listStatus FROM published_entry WHERE subjectName LIKE '演示%' ORDER BY id")).map((r) => Object.values(r).join('|')),
  });

  it('grows into the seeded streets only, dated from today, answered by the API, each row under a demo: key; made once', async () => {
    before = await counts();
    const made = await createDemoData(t.app.ds, createServices(t.app.ds, t.config));
    expect(made).not.toBeNull();
    expect(made!.compounds).toBeGreaterThanOrEqual(60);
    expect(await createDemoData(t.app.ds, createServices(t.app.ds, t.config))).toBeNull();

    // every row the generator wrote is new, counted, and listed under its demo: key; nothing outside the streets was added
    const after = await counts();
    for (const table of TABLES.filter((x) => x !== 'seed_record')) {
      const listed = Number((await q('SELECT COUNT(*) AS n FROM seed_record WHERE `key` LIKE ? AND entityType = ?', [`demo:${table}:%`, table]))[0].n);
      expect({ table, added: after[table] - before[table], listed }).toEqual({ table, added: made!.rows[table] ?? 0, listed: made!.rows[table] ?? 0 });
    }
    for (const table of ['jurisdiction', 'unit', 'app_user']) expect({ table, added: after[table] - before[table] }).toEqual({ table, added: 0 });
    for (const table of ['compound', 'property_company', 'published_entry', 'task_item', 'assignment', 'progress_report', 'membership', 'complaint', 'owners_committee'])
      expect({ table, added: after[table] - before[table] > 0 }).toEqual({ table, added: true });

    const streets = (await q("SELECT id, parentId FROM jurisdiction WHERE name IN ('青阳街道', '宝盖镇') AND level = 'TOWNSHIP'")).map((r) => ({ id: Number(r.id), county: Number(r.parentId) }));
    const streetIds = streets.map((s) => s.id);
    const inStreets = async (sql: string) => (await q(sql)).map((r) => Number(Object.values(r)[0]));
    for (const id of await inStreets("SELECT DISTINCT j.parentId FROM compound c JOIN jurisdiction j ON j.id = c.communityId WHERE c.name LIKE '演示%'")) expect(streetIds).toContain(id);
    for (const id of await inStreets("SELECT DISTINCT jurisdictionId FROM plan WHERE name LIKE '演示%' UNION SELECT DISTINCT jurisdictionId FROM working_group WHERE name LIKE '演示%'"))
      expect(streetIds).toContain(id);
    for (const id of await inStreets("SELECT DISTINCT jurisdictionId FROM property_company WHERE name LIKE '演示%'")) expect(streets.map((s) => s.county)).toContain(id);
    // an assignment goes to a unit of its plan's street or of one of the street's communities
    const stray = await q(
      "SELECT a.id FROM assignment a JOIN task_item ti ON ti.id = a.taskItemId JOIN key_work k ON k.id = ti.keyWorkId JOIN plan p ON p.id = k.planId JOIN unit u ON u.id = a.unitId JOIN jurisdiction j ON j.id = u.jurisdictionId WHERE p.name LIKE '演示%' AND j.id <> p.jurisdictionId AND j.parentId <> p.jurisdictionId",
    );
    expect(stray).toEqual([]);
    for (const r of await q("SELECT uscc FROM property_company WHERE name LIKE '演示%'")) expect(isValidUscc(String(r.uscc))).toBe(true);

    // dated from today: plans of last year, no report after today, the newest edition out and recent
    for (const r of await q("SELECT name, year FROM plan WHERE name LIKE '演示%'")) expect([String(r.name).includes(`（${year - 1}—${year}年）`), Number(r.year)]).toEqual([true, year - 1]);
    const [latest] = await q("SELECT MAX(reportDate) AS d FROM progress_report r JOIN assignment a ON a.id = r.assignmentId JOIN task_item ti ON ti.id = a.taskItemId WHERE ti.content LIKE '演示%'");
    expect(day(latest.d) <= today).toBe(true);
    expect(day(latest.d) >= addDays(today, -60)).toBe(true);
    const [edition] = await q("SELECT MAX(e.publishedOn) AS d FROM rating_publication e JOIN rating_period p ON p.id = e.periodId JOIN rating_scheme s ON s.id = p.schemeId WHERE s.name LIKE '演示%'");
    expect([day(edition.d) <= today, day(edition.d) >= addDays(today, -130)]).toEqual([true, true]);
    // each assignment keeps its latest whole-task report, as the API keeps it
    const drift = await q(
      "SELECT a.id FROM assignment a JOIN task_item ti ON ti.id = a.taskItemId WHERE ti.content LIKE '演示%' AND COALESCE(a.latestReportOn, '') <> COALESCE((SELECT MAX(r.reportDate) FROM progress_report r WHERE r.assignmentId = a.id AND r.milestoneId IS NULL), '')",
    );
    expect(drift).toEqual([]);

    // the API answers from it: a demo company's standing for partners, the street's task list counted as of today
    const issued = await ok('mutation { issuePartnerKey(name: "演示伙伴", note: "演示数据测试") { secret } }');
    const [company] = await q("SELECT uscc FROM property_company WHERE name LIKE '演示%' ORDER BY id LIMIT 1");
    const standing = await t.partner('query($u: String!) { companyStanding(uscc: $u) { listStatus listedIn { period { code } } } }', { u: company.uscc }, issued.issuePartnerKey.secret);
    expect(standing.errors).toBeUndefined();
    expect(standing.data.companyStanding.listedIn.period.code).toMatch(new RegExp(`^(${year - 1}|${year})Q[1-4]$`));
    const [plan] = await q("SELECT p.id FROM plan p JOIN jurisdiction j ON j.id = p.jurisdictionId WHERE p.name LIKE '演示%' AND j.name = '青阳街道'");
    const { taskRollup } = await ok('query($d: LocalDate!, $p: ID!) { taskRollup(asOf: $d, by: PLAN, planId: $p) { nodes { total done overdue inProgress } } }', { d: today, p: String(plan.id) });
    const [assigned] = await q('SELECT COUNT(*) AS n FROM assignment a JOIN task_item ti ON ti.id = a.taskItemId JOIN key_work k ON k.id = ti.keyWorkId WHERE k.planId = ?', [plan.id]);
    expect(taskRollup.nodes[0].total).toBe(Number(assigned.n));
    expect(taskRollup.nodes[0].done).toBeGreaterThan(0);
    expect(taskRollup.nodes[0].overdue + taskRollup.nodes[0].inProgress).toBeGreaterThan(0);

    // the ledger: complaint figures and the target computed from them
    const { allJurisdictions } = await ok('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }');
    const { complaintFigures } = await ok('query($j: ID!) { complaintFigures(jurisdictionId: $j) { area { received receivedLastYear disposed late overdue } parts { received } } }', {
      j: allJurisdictions[0].id,
    });
    expect(complaintFigures.area.received + complaintFigures.area.receivedLastYear).toBeGreaterThan(0);
    expect(complaintFigures.parts.reduce((n: number, p: { received: number }) => n + p.received, 0)).toBe(complaintFigures.area.received);
    const { allIndicators } = await ok('{ allIndicators(filter: { q: "信访处置率" }) { actualDetail { source } } }');
    expect(allIndicators[0].actualDetail.source).toBe('COMPUTED');
    // one audit event a bulk part, the ledger's records each with their own
    expect(await q("SELECT entityId FROM audit_event WHERE action = 'DEMO' ORDER BY id").then((r) => r.map((x) => x.entityId))).toEqual(['organisation', 'ratings', 'tasks', 'working groups']);
  });

  it('is removed whole and only it (every table as before), refuses a half-made set, and is the same set made again', async () => {
    const made = await shape();
    expect(made.compounds.length).toBeGreaterThan(0);
    const compounds = made.compounds.length;
    // a compound typed by hand that names a demo company holds the removal back: nothing goes
    const [company] = await q("SELECT id FROM property_company WHERE name LIKE '演示%' ORDER BY id LIMIT 1");
    const [community] = await q("SELECT id FROM jurisdiction WHERE name = '阳光社区'");
    const typed = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "手工录入小区", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', {
        c: String(community.id),
        p: String(company.id),
      })
    ).createCompound.id;
    const held = await counts();
    await expect(removeDemoData(t.app.ds)).rejects.toThrow(/Nothing was removed/);
    expect(await counts()).toEqual(held);
    await ok('mutation($id: ID!) { deleteCompound(id: $id) { id } }', { id: typed });
    expect(await removeDemoData(t.app.ds)).toBe(compounds);
    const removed = await counts();
    expect(removed).toEqual(before);
    const { allCompounds } = await ok('query($q: String) { allCompounds(filter: { q: $q }) { id } }', { q: DEMO_PREFIX });
    expect(allCompounds).toEqual([]);
    expect(await count('seed_record')).toBe(Number((await q("SELECT COUNT(*) AS n FROM seed_record WHERE `key` NOT LIKE 'demo:%'"))[0].n));

    // a run that stopped half-way (records listed, no done mark) is refused until removed
    await q("INSERT INTO seed_record (`key`, entityType, entityId, appliedAt) VALUES ('demo:compound:999999', 'compound', 999999, '2026-01-01 00:00:00')");
    await expect(createDemoData(t.app.ds, createServices(t.app.ds, t.config))).rejects.toThrow(/did not finish.*--remove/);
    expect(await removeDemoData(t.app.ds)).toBe(1);

    const again = await createDemoData(t.app.ds, createServices(t.app.ds, t.config));
    expect(again?.compounds).toBe(compounds);
    expect(await shape()).toEqual(made);
    await removeDemoData(t.app.ds);
    expect(await counts()).toEqual(before);
    for (const table of ['compound', 'property_company', 'plan', 'working_group', 'person', 'rating_scheme'])
      expect({ table, demo: Number((await q(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE name LIKE '演示%'`))[0].n) }).toEqual({ table, demo: 0 });
  });
});
