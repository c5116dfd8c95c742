/**
 * Partner API benchmark: the two questions partner systems ask most, against a realistic volume
 * (500 companies rated and published in 8 quarters), over HTTP on the real app.
 *
 *   npm run bench:partner                      # SQLite in a temporary file
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/bench npm run bench:partner   # an existing, empty database
 *
 * Prints latency percentiles and throughput for companyStanding (one company, stars history, bar)
 * and a 100-company list page with each company's stars history, sequentially and 8 at a time.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/context';
import { usccCheckChar } from '../src/common/uscc';
import { parseDatabaseUrl } from '../src/config/env';
import { PropertyCompany } from '../src/modules/organization/property-company.entity';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from '../src/modules/rating/rating.entities';
import { RatedSubjectKind } from '../src/modules/rating/rating.enums';
import { subjectKey } from '../src/modules/rating/rating-calculator';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 500);
const QUARTERS = 8;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-bench-'));
  const database = process.env.BENCH_DATABASE_URL ? parseDatabaseUrl(process.env.BENCH_DATABASE_URL) : { kind: 'sqlite' as const, file: path.join(dir, 'bench.sqlite') };
  // The endpoint is measured, not the per-key rate limit (600 a minute in production): that one is lifted.
  const app = await createApp(
    {
      env: 'production',
      port: 0,
      host: '127.0.0.1',
      database,
      jwtSecret: 'bench-secret-that-is-at-least-32-characters',
      jwtTtl: '1h',
      adminUsername: 'admin',
      adminPassword: 'bench-pass-123',
      seedOnStart: true,
      introspection: false,
      adminDir: dir,
      trustProxy: false,
      progressBackdateDays: 31,
      rateLimits: { partnerKey: { points: 1_000_000, seconds: 60 } },
    },
    { log: () => undefined },
  );
  try {
    const ds = app.ds;
    const started = Date.now();
    const scheme = await ds.getRepository(RatingScheme).findOneByOrFail({ subjectKind: RatedSubjectKind.PROPERTY_COMPANY });
    const criteria = await ds.getRepository(RatingCriterion).findBy({ schemeId: scheme.id });
    const companies = await ds.getRepository(PropertyCompany).save(
      Array.from({ length: COMPANIES }, (_, i) => {
        const base = `91350582BEN${String(i).padStart(6, '0')}`;
        return ds.getRepository(PropertyCompany).create({ name: `基准物业${i}`, uscc: base + usccCheckChar(base) });
      }),
      { chunk: 100 },
    );
    for (let q = 0; q < QUARTERS; q++) {
      const year = 2024 + Math.floor(q / 4);
      const quarter = (q % 4) + 1;
      const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
      const period = await ds.getRepository(RatingPeriod).save({ schemeId: scheme.id, code: `${year}Q${quarter}`, startDate: start, endDate: start });
      const ratings = await ds.getRepository(Rating).save(
        companies.map((c) => ds.getRepository(Rating).create({ periodId: period.id, propertyCompanyId: c.id, subjectKey: subjectKey.company(c.id), subjectName: c.name })),
        { chunk: 100 },
      );
      const scores = ratings.flatMap((r, i) => criteria.map((c) => ({ ratingId: r.id, criterionId: c.id, score: 40 + ((i * 7 + q * 13 + c.id) % 60) })));
      for (let i = 0; i < scores.length; i += 300) await ds.getRepository(RatingScore).insert(scores.slice(i, i + 300));
      await app.services.publication.publish(period.id, { publishedOn: `${year + (quarter === 4 ? 1 : 0)}-${String((quarter % 4) * 3 + 1).padStart(2, '0')}-10` }, SYSTEM_ACTOR);
    }
    const { secret } = await app.services.partnerKey.issue({ name: 'benchmark' }, SYSTEM_ACTOR);
    console.log(`data: ${COMPANIES} companies × ${QUARTERS} published quarters on ${database.kind} (${((Date.now() - started) / 1000).toFixed(1)} s to build)`);

    const server = app.express.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/partner/graphql`;
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const standing = 'query($u: String!) { companyStanding(uscc: $u) { barredFromBidding listStatus bars { reason } starsHistory { stars period { code } } } }';
    const page = `query { redBlackList(period: "${2024 + Math.floor((QUARTERS - 1) / 4)}Q${((QUARTERS - 1) % 4) + 1}", status: [RED, BLACK, NONE], first: 100) { totalCount edges { node { rank stars company { uscc starsHistory { stars period { code } } } } } } }`;

    const measure = async (name: string, concurrency: number, one: (i: number) => Promise<void>) => {
      for (let i = 0; i < 20; i++) await one(i); // warm-up
      const times: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < REQUESTS) {
            const i = next++;
            const s = performance.now();
            await one(i);
            times.push(performance.now() - s);
          }
        }),
      );
      const wall = (performance.now() - t0) / 1000;
      times.sort((a, b) => a - b);
      const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
      console.log(`${name.padEnd(34)} c=${concurrency}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  p99 ${p(0.99)} ms  ${(REQUESTS / wall).toFixed(0)} req/s`);
    };
    for (const c of [1, 8]) {
      await measure('companyStanding', c, (i) => post(standing, { u: companies[(i * 37) % companies.length].uscc }));
      await measure('redBlackList 100 + stars history', c, () => post(page, {}));
    }
    server.close();
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
