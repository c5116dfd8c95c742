/**
 * A small data set for developing and testing the benchmark (`npm run bench` measures the city-scale one
 * from `npm run bench:data`): on an app already migrated and seeded (the documents' plans, tasks,
 * assignments and rosters), property companies rated and published in a few quarters, as
 * api/bench/partner.bench.ts makes them, and progress reports on the seeded assignments. Never written into seeds/.
 *
 *   npx ts-node --transpile-only api/bench/dev-data.ts mysql://root@127.0.0.1:3306/bench_dev [companies] [quarters]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/context';
import { usccCheckChar } from '../src/common/uscc';
import { parseDatabaseUrl } from '../src/config/env';
import { PropertyCompany } from '../src/modules/organization/property-company.entity';
import { Assignment } from '../src/modules/task/assignment.entity';
import { Milestone } from '../src/modules/task/milestone.entity';
import { ProgressReport } from '../src/modules/task/progress-report.entity';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from '../src/modules/rating/rating.entities';
import { RatedSubjectKind } from '../src/modules/rating/rating.enums';
import { ProgressStatus } from '../src/modules/task/enums';
import { subjectKey } from '../src/modules/rating/rating-calculator';

/** `companies` companies (usccs 91350582BEN…), each rated in `quarters` quarters from 2024Q1, every quarter published. */
export async function addRatedCompanies(app: App, companies: number, quarters: number): Promise<void> {
  const ds = app.ds;
  if (await ds.getRepository(PropertyCompany).existsBy({ name: '基准物业0' })) return;
  const scheme = await ds.getRepository(RatingScheme).findOneByOrFail({ subjectKind: RatedSubjectKind.PROPERTY_COMPANY });
  const criteria = await ds.getRepository(RatingCriterion).findBy({ schemeId: scheme.id });
  const saved = await ds.getRepository(PropertyCompany).save(
    Array.from({ length: companies }, (_, i) => {
      const base = `91350582BEN${String(i).padStart(6, '0')}`;
      return ds.getRepository(PropertyCompany).create({ name: `基准物业${i}`, uscc: base + usccCheckChar(base) });
    }),
    { chunk: 100 },
  );
  for (let q = 0; q < quarters; q++) {
    const year = 2024 + Math.floor(q / 4);
    const quarter = (q % 4) + 1;
    const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    const period = await ds.getRepository(RatingPeriod).save({ schemeId: scheme.id, code: `${year}Q${quarter}`, startDate: start, endDate: start });
    // a company skips a quarter now and then, so histories differ in length
    const rated = saved.filter((_, i) => (i + q) % 7 !== 0);
    const ratings = await ds.getRepository(Rating).save(
      rated.map((c) => ds.getRepository(Rating).create({ periodId: period.id, propertyCompanyId: c.id, subjectKey: subjectKey.company(c.id), subjectName: c.name })),
      { chunk: 100 },
    );
    const scores = ratings.flatMap((r, i) => criteria.map((c) => ({ ratingId: r.id, criterionId: c.id, score: 30 + ((i * 7 + q * 13 + c.id) % 70) })));
    for (let i = 0; i < scores.length; i += 300) await ds.getRepository(RatingScore).insert(scores.slice(i, i + 300));
    await app.services.publication.publish(period.id, { publishedOn: `${year + (quarter === 4 ? 1 : 0)}-${String((quarter % 4) * 3 + 1).padStart(2, '0')}-10` }, SYSTEM_ACTOR);
  }
}

/**
 * Progress reports on the seeded assignments, so the panels' "latest report as of a day" has something to
 * read: every other assignment reports in progress, every third later reports done, every fifth reports
 * its task's first milestone done. Fixed dates, so answers are the same each run.
 */
export async function addProgressReports(app: App): Promise<void> {
  const reports = app.ds.getRepository(ProgressReport);
  if (await reports.count()) return;
  const assignments = await app.ds.getRepository(Assignment).find({ order: { id: 'ASC' } });
  const milestones = await app.ds.getRepository(Milestone).find({ order: { id: 'ASC' } });
  const firstMilestone = new Map<number, number>();
  for (const m of milestones) if (!firstMilestone.has(m.taskItemId)) firstMilestone.set(m.taskItemId, m.id);
  const rows: Array<Partial<ProgressReport>> = [];
  assignments.forEach((a, i) => {
    const day = (n: number) => `2024-${String(1 + ((i + n) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    if (i % 2 === 0) rows.push({ assignmentId: a.id, milestoneId: null, reportDate: day(0), status: ProgressStatus.IN_PROGRESS, note: '基准测试：推进中' });
    if (i % 3 === 0) rows.push({ assignmentId: a.id, milestoneId: null, reportDate: `2025-${day(1).slice(5)}`, status: ProgressStatus.DONE, note: '基准测试：已完成' });
    const m = firstMilestone.get(a.taskItemId);
    if (m && i % 5 === 0) rows.push({ assignmentId: a.id, milestoneId: m, reportDate: day(2), status: ProgressStatus.DONE, note: '基准测试：节点完成' });
  });
  for (let i = 0; i < rows.length; i += 300) await reports.insert(rows.slice(i, i + 300) as ProgressReport[]);
}

/** An app on `url` (migrated and seeded on start), for a script or a test to add data through. */
export function openApp(url: string, seed = true): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-bench-'));
  return createApp(
    {
      env: 'production',
      port: 0,
      host: '127.0.0.1',
      database: url.startsWith('sqlite:') ? { kind: 'sqlite', file: url.slice('sqlite:'.length) } : parseDatabaseUrl(url),
      jwtSecret: 'bench-secret-that-is-at-least-32-characters',
      jwtTtl: '1h',
      adminUsername: 'admin',
      adminPassword: 'bench-pass-123',
      seedOnStart: seed,
      introspection: false,
      adminDir: dir,
      trustProxy: false,
      progressBackdateDays: 31,
      scheduler: false,
    },
    { log: () => undefined },
  );
}

if (require.main === module) {
  const [url, companies = '300', quarters = '6'] = process.argv.slice(2);
  if (!url) {
    console.error('usage: ts-node --transpile-only api/bench/dev-data.ts <database url> [companies] [quarters]');
    process.exit(2);
  }
  void (async () => {
    const app = await openApp(url);
    try {
      const t0 = Date.now();
      await addRatedCompanies(app, Number(companies), Number(quarters));
      await addProgressReports(app);
      console.log(`dev data on ${url}: ${companies} companies × ${quarters} published quarters (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } finally {
      await app.close();
    }
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
