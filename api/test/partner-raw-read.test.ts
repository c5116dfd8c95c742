import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { BENCH_SEED } from '../src/scripts/city/model';
import { buildBenchCity } from '../bench/data/write';
import { createDataSource } from '../src/config/data-source';
import { hydrate, selectList } from '../src/common/raw-read';
import { PropertyCompany } from '../src/modules/organization/property-company.entity';
import { PartnerKey } from '../src/modules/partner/partner-key.entities';
import { User } from '../src/modules/auth/user.entity';
import { PartnerReadService } from '../src/modules/partner/partner-read.service';
import { PublishedEntry, RatingPublication, Rectification, RectificationStep } from '../src/modules/publication/publication.entities';
import { RatingPeriod, RatingScheme } from '../src/modules/rating/rating.entities';
import { ListStatus, RatedSubjectKind } from '../src/modules/rating/rating.enums';
import { type Copy, dbKind, freshDatabase } from './db';
import { RequestScope, runInScope, type Viewer } from '../src/common/request-scope';
import { prepareViewer } from '../src/common/scope';

/*
 * The partner's hot reads and the signed-in user's lookup are SQL read back with common/raw-read.ts (issue 18): every column of every
 * entity they read comes back as TypeORM's own find() gives it (dates, decimals, booleans, nulls, the
 * class), and the service's editions and pages equal what TypeORM's query builder returns, on a city
 * generated at a small scale (published quarters, black lists, rectifications with steps).
 */
jest.setTimeout(240_000);

describe(`partner reads as SQL (${dbKind()})`, () => {
  let copy: Copy;
  let ds: DataSource;
  let read: PartnerReadService;
  beforeAll(async () => {
    copy = await freshDatabase();
    await buildBenchCity(copy.db, { scale: 0.01, seed: BENCH_SEED });
    ds = await createDataSource(copy.db);
    await ds.initialize();
    read = new PartnerReadService(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await copy?.drop();
  });

  const TABLES: Array<[EntityTarget<ObjectLiteral>, string]> = [
    [RatingPublication, 'rating_publication'],
    [RatingPeriod, 'rating_period'],
    [RatingScheme, 'rating_scheme'],
    [PublishedEntry, 'published_entry'],
    [Rectification, 'rectification'],
    [RectificationStep, 'rectification_step'],
    [PropertyCompany, 'property_company'],
    [User, 'app_user'],
  ];

  it('reads a partner key as TypeORM does (revoked or not)', async () => {
    await ds.query(
      "INSERT INTO partner_key (name, prefix, secretHash, note, issuedByName, jurisdictionId, revokedAt, revokedByName, revokeReason, createdAt, updatedAt) VALUES ('甲', 'pk_a', 'h1', NULL, 'admin', NULL, NULL, NULL, NULL, '2025-06-30 01:00:00', '2025-06-30 01:00:00'), ('乙', 'pk_b', 'h2', '备注', 'admin', 1, '2025-07-01 02:03:04', 'admin', '泄露', '2025-06-30 01:00:00', '2025-07-01 02:03:04')",
    );
    const raws: Array<Record<string, unknown>> = await ds.query(`SELECT ${selectList(ds, PartnerKey, 'k')} FROM \`partner_key\` \`k\` ORDER BY \`k\`.\`id\``);
    expect(raws.map((raw) => hydrate(ds, PartnerKey, 'k', raw))).toEqual(await ds.getRepository(PartnerKey).find({ order: { id: 'ASC' } }));
  });

  it.each(TABLES.map(([entity, table]) => [table, entity] as const))('reads every column of %s as TypeORM does', async (table, entity) => {
    const expected = await ds.getRepository(entity).find({ order: { id: 'ASC' } });
    expect(expected.length).toBeGreaterThan(0);
    const raws: Array<Record<string, unknown>> = await ds.query(`SELECT ${selectList(ds, entity, 'x')} FROM \`${table}\` \`x\` ORDER BY \`x\`.\`id\``);
    const got = raws.map((raw) => hydrate(ds, entity, 'x', raw));
    expect(got[0]).toBeInstanceOf(ds.getMetadata(entity).target as Function);
    expect(got).toEqual(expected);
  });

  it('gives the editions, an edition and its pages as the query builder does', async () => {
    const built = await ds
      .getRepository(RatingPublication)
      .createQueryBuilder('p')
      .innerJoinAndMapOne('p.periodRel', RatingPeriod, 'rp', 'rp.id = p.periodId')
      .innerJoinAndMapOne('rp.schemeRel', RatingScheme, 's', 's.id = rp.schemeId AND s.subjectKind = :kind', { kind: RatedSubjectKind.PROPERTY_COMPANY })
      .orderBy('p.publishedOn', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getMany();
    const all = await read.editions(null);
    expect(all.map((e) => e.publication)).toEqual(built);
    expect(all.map((e) => e.scheme)).toEqual(built.map((p) => p.periodRel!.schemeRel));
    const day = built[Math.floor(built.length / 2)].publishedOn;
    expect((await read.editions(day)).map((e) => e.publication.id)).toEqual(built.filter((p) => p.publishedOn <= day).map((p) => p.id));

    const newest = built[0];
    const edition = await read.edition(newest.periodRel!.code, null, null);
    expect([edition.publication, edition.period.id, edition.scheme]).toEqual([{ ...newest, periodRel: undefined }, newest.periodId, newest.periodRel!.schemeRel]);
    for (const statuses of [null, [ListStatus.BLACK], [ListStatus.RED, ListStatus.BLACK]]) {
      const qb = ds.getRepository(PublishedEntry).createQueryBuilder('e').where('e.publicationId = :id', { id: newest.id });
      if (statuses) qb.andWhere('e.listStatus IN (:...statuses)', { statuses });
      const total = await qb.getCount();
      const page = await qb.orderBy('e.rank', 'ASC').addOrderBy('e.id', 'ASC').skip(3).take(5).getMany();
      expect(await read.entries(newest.id, statuses, 3, 5)).toEqual({ total, rows: page });
    }
    await expect(read.entries(newest.id, null, -1, 5)).rejects.toThrow(/whole numbers/);
  });

  /** `work` as a request of `viewer` (the scope rule applies, as in a request). */
  const asViewer = <T>(viewer: Viewer, work: () => Promise<T>): Promise<T> =>
    runInScope(new RequestScope('raw-read-test', { statements: 10_000, concurrency: 4, timeMs: 60_000 }), async () => {
      await prepareViewer(ds, viewer);
      return work();
    });

  it('applies the scope rule as the query builder does, for keys of another city, a county and the city', async () => {
    const [other] = await ds.query("SELECT id FROM jurisdiction WHERE name = '婺城区'");
    const [county] = await ds.query("SELECT id FROM jurisdiction WHERE name = '晋江市'");
    const [city] = await ds.query("SELECT id FROM jurisdiction WHERE name = '泉州市'");
    const [entry] = await ds.getRepository(PublishedEntry).find({ order: { id: 'DESC' }, take: 1 });
    const company = await ds.getRepository(PropertyCompany).findOneByOrFail({ id: entry.propertyCompanyId! });
    for (const [who, viewer] of [
      ['婺城区', { jurisdictionId: Number(other.id), role: 'PARTNER' }],
      ['晋江市', { jurisdictionId: Number(county.id), role: 'PARTNER' }],
      ['泉州市', { jurisdictionId: Number(city.id), role: 'PARTNER' }],
    ] as Array<[string, Viewer]>) {
      const [raw, built] = await asViewer(viewer, async () => [
        {
          editions: (await read.editions(null)).map((e) => e.publication.id),
          company: (await read.companyByUscc(company.uscc))?.id ?? null,
          entries: (await read.entries(entry.publicationId, null, 0, 5)).rows.map((e) => e.id),
          history: (await read.history([company.id], await read.inForce('2025-06-30')))[0].map((h) => h.entry.id),
        },
        {
          editions: (await ds.getRepository(RatingPublication).find({ order: { publishedOn: 'DESC', id: 'DESC' } })).map((p) => p.id),
          company: (await ds.getRepository(PropertyCompany).findOneBy({ uscc: company.uscc }))?.id ?? null,
          entries: (await ds.getRepository(PublishedEntry).find({ where: { publicationId: entry.publicationId }, order: { rank: 'ASC', id: 'ASC' }, take: 5 })).map((e) => e.id),
          history: (await ds.getRepository(PublishedEntry).find({ where: { propertyCompanyId: company.id } })).map((e) => e.id),
        },
      ]);
      expect({ who, ...raw, history: [...raw.history].sort() }).toEqual({ who, ...built, history: [...built.history].sort() });
      // the register of companies is public; the editions of another city's office are not
      if (who === '婺城区') expect(raw).toEqual({ editions: [], company: company.id, entries: [], history: [] });
      // a key reads what was published within its office's area: the county's key not the city's editions, the city's key all
      if (who === '晋江市') expect(raw.editions).toEqual([]);
      if (who === '泉州市') expect([raw.editions.length > 0, raw.entries.length, raw.history.length > 0]).toEqual([true, 5, true]);
    }
  });

  it('gives companies, their histories and their bars from the same rows', async () => {
    const companies = await ds.getRepository(PropertyCompany).find({ order: { id: 'ASC' } });
    expect(await read.companyByUscc(companies[3].uscc)).toEqual(companies[3]);
    expect(await read.companyByUscc('91350500MA2B00000X')).toBeNull();
    // the black-listed companies, whose bars read rectifications and their steps
    const black = (await ds.getRepository(PublishedEntry).find({ where: { listStatus: ListStatus.BLACK } })).map((e) => e.propertyCompanyId!);
    expect(black.length).toBeGreaterThan(0);
    const ids = [...new Set([...black, companies[0].id, companies[1].id])];
    const inForce = await read.inForce('2025-06-30');
    const histories = await read.history(ids, inForce);
    const entries = await ds.getRepository(PublishedEntry).find({ where: ids.map((propertyCompanyId) => ({ propertyCompanyId })) });
    const inForceIds = new Set(inForce.map((e) => e.publication.id));
    ids.forEach((id, i) =>
      expect(histories[i].map((h) => h.entry).sort((a, b) => a.id - b.id)).toEqual(entries.filter((e) => e.propertyCompanyId === id && inForceIds.has(e.publicationId)).sort((a, b) => a.id - b.id)),
    );
    const bars = await read.bars(ids, histories, '2025-06-30');
    expect(bars.flat().length).toBeGreaterThan(0);
    for (const bar of bars.flat()) expect(bar.entry.listStatus).toBe(ListStatus.BLACK);
  });
});
