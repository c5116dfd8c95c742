import { type DataSource, IsNull } from 'typeorm';
import { groupBy } from '../../common/loaders';
import { AppError, ErrorCode, badInput } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { loadJurisdictionTree } from '../organization/jurisdiction-tree';
import { PropertyCompany } from '../organization/property-company.entity';
import { RatingPeriod, RatingScheme } from '../rating/rating.entities';
import { ListStatus, RatedSubjectKind } from '../rating/rating.enums';
import { PublishedEntry, RatingPublication, Rectification, RectificationStep } from '../publication/publication.entities';
import { RectificationStatus } from '../publication/publication.enums';
import { leanMany } from '../../common/lean';
import { hydrate, placeholders, rawCount, rawEntities } from '../../common/raw-read';

/** The published editions partners may read: property-company schemes only (no people's ratings). */
export interface EditionRow {
  publication: RatingPublication;
  period: RatingPeriod;
  scheme: RatingScheme;
  /** The newest revision of its period today. */
  latestRevision: number;
}

/** A published entry with the edition it belongs to. */
export interface HistoryRow {
  entry: PublishedEntry;
  edition: EditionRow;
}

export interface BarRow {
  entry: PublishedEntry;
  edition: EditionRow;
  /** As of the day asked: REQUIRED, INTERVIEWED or SUBMITTED (never ACCEPTED: that ends the bar). */
  status: RectificationStatus;
  /** The day the current listing began (a correction does not restart it). */
  since: string;
  interviewedOn: string | null;
}

const notPublished = (message: string) => new AppError(ErrorCode.NOT_FOUND, message, { reason: 'NOT_PUBLISHED' });

/**
 * Reads for the partner API, all from frozen editions (never from live scores). Every method works
 * on many companies at once so a page costs the same number of statements whatever its size.
 * The ones every partner request makes are written as SQL and read back with common/raw-read.ts
 * (TypeORM's statement building and hydration cost more than the rest of such a request); the same
 * statements as before, column for column, each with the scope rule's condition on its main table
 * (rawEntities adds it, as the query builder does). partner-raw-read.test.ts compares them with TypeORM's,
 * scope.test.ts checks a key of an office reads only its area's editions.
 */
export class PartnerReadService {
  constructor(private readonly ds: DataSource) {}

  /** The scheme join of the editions' reads (property-company schemes only). */
  private static readonly SCHEME = 'INNER JOIN `rating_scheme` `s` ON `s`.`id` = `rp`.`schemeId` AND `s`.`subjectKind` = ?';

  /** Every edition of a property-company scheme published on or before `day` (all when day is null). */
  async editions(day: string | null): Promise<EditionRow[]> {
    const all = (
      await rawEntities(
        this.ds,
        RatingPublication,
        'p',
        {
          also: [
            [RatingPeriod, 'rp'],
            [RatingScheme, 's'],
          ],
          join: `INNER JOIN \`rating_period\` \`rp\` ON \`rp\`.\`id\` = \`p\`.\`periodId\` ${PartnerReadService.SCHEME}`,
          tail: 'ORDER BY `p`.`publishedOn` DESC, `p`.`id` DESC',
        },
        [RatedSubjectKind.PROPERTY_COMPANY],
      )
    ).map(({ entity: p, raw }) => {
      p.periodRel = hydrate(this.ds, RatingPeriod, 'rp', raw);
      p.periodRel.schemeRel = hydrate(this.ds, RatingScheme, 's', raw);
      return p;
    });
    const latest = new Map<number, number>();
    for (const p of all) latest.set(p.periodId, Math.max(latest.get(p.periodId) ?? 0, p.revision));
    return all.filter((p) => day === null || p.publishedOn <= day).map((p) => ({ publication: p, period: p.periodRel!, scheme: p.periodRel!.schemeRel!, latestRevision: latest.get(p.periodId)! }));
  }

  /** Per period, the revision in force on `day`: the newest one published on or before it. */
  async inForce(day: string): Promise<EditionRow[]> {
    const out = new Map<number, EditionRow>();
    // editions() is newest first (by day, then id), so the first of each period is its newest revision
    for (const e of await this.editions(day)) if (!out.has(e.period.id)) out.set(e.period.id, e);
    return [...out.values()].sort((a, b) => b.period.startDate.localeCompare(a.period.startDate) || a.scheme.id - b.scheme.id);
  }

  /** The edition a partner asks for: a period code (and scheme, when two schemes share it), a revision or the newest. */
  async edition(periodCode: string, revision: number | null, schemeId: number | null): Promise<EditionRow> {
    const periods = (
      await rawEntities(
        this.ds,
        RatingPeriod,
        'rp',
        { also: [[RatingScheme, 's']], join: PartnerReadService.SCHEME, where: `\`rp\`.\`code\` = ?${schemeId !== null ? ' AND `rp`.`schemeId` = ?' : ''}` },
        [RatedSubjectKind.PROPERTY_COMPANY, periodCode.trim(), ...(schemeId !== null ? [schemeId] : [])],
      )
    ).map(({ entity, raw }) => Object.assign(entity, { schemeRel: hydrate(this.ds, RatingScheme, 's', raw) }));
    if (!periods.length) throw notPublished(`No published list for period ${periodCode}`);
    if (periods.length > 1) throw badInput('scheme', `Period ${periodCode} exists in ${periods.length} schemes: pass scheme`, 'AMBIGUOUS_PERIOD');
    const period = periods[0];
    const pubs = (await rawEntities(this.ds, RatingPublication, 'p', { where: '`p`.`periodId` = ?', tail: 'ORDER BY `p`.`revision` DESC' }, [period.id])).map((r) => r.entity);
    if (!pubs.length) throw notPublished(`Period ${periodCode} has not been published`);
    const pub = revision === null ? pubs[0] : pubs.find((p) => p.revision === revision);
    if (!pub) throw notPublished(`Period ${periodCode} has no revision ${revision}; the newest is ${pubs[0].revision}`);
    return { publication: pub, period, scheme: period.schemeRel!, latestRevision: pubs[0].revision };
  }

  /** One page of an edition's entries, by rank; `statuses` narrows to the red and/or black list. */
  async entries(publicationId: number, statuses: ListStatus[] | null, offset: number, limit: number): Promise<{ total: number; rows: PublishedEntry[] }> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) throw new Error('entries: offset and limit are whole numbers');
    const where = `\`e\`.\`publicationId\` = ?${statuses?.length ? ` AND \`e\`.\`listStatus\` IN (${placeholders(statuses)})` : ''}`;
    const params = [publicationId, ...(statuses ?? [])];
    const total = await rawCount(this.ds, PublishedEntry, 'e', where, params);
    const rows = (await rawEntities(this.ds, PublishedEntry, 'e', { where, tail: `ORDER BY \`e\`.\`rank\` ASC, \`e\`.\`id\` ASC LIMIT ${limit} OFFSET ${offset}` }, params)).map((r) => r.entity);
    return { total, rows };
  }

  /** Each company's entries in the editions in force on `day`, newest period first. */
  async history(companyIds: readonly number[], inForce: EditionRow[]): Promise<HistoryRow[][]> {
    if (!companyIds.length || !inForce.length) return companyIds.map(() => []);
    const byPub = new Map(inForce.map((e) => [e.publication.id, e]));
    const order = new Map(inForce.map((e, i) => [e.publication.id, i]));
    const companies = [...new Set(companyIds)];
    const publications = [...byPub.keys()];
    const entries = (
      await rawEntities(this.ds, PublishedEntry, 'e', { where: `\`e\`.\`propertyCompanyId\` IN (${placeholders(companies)}) AND \`e\`.\`publicationId\` IN (${placeholders(publications)})` }, [
        ...companies,
        ...publications,
      ])
    ).map((r) => r.entity);
    entries.sort((a, b) => order.get(a.publicationId)! - order.get(b.publicationId)!);
    return groupBy(companyIds, entries, (e) => e.propertyCompanyId!).map((list) => list.map((entry) => ({ entry, edition: byPub.get(entry.publicationId)! })));
  }

  /**
   * Bars on bidding on `day`: a black-list entry in an edition in force that day, whose
   * rectification was not accepted by that day (002). Status, the start of the listing and the
   * interview are read from the dated steps, so a listing that was cancelled and reopened keeps
   * its history.
   */
  async bars(companyIds: readonly number[], histories: HistoryRow[][], day: string): Promise<BarRow[][]> {
    const black = histories.map((h) => h.filter((r) => r.entry.listStatus === ListStatus.BLACK));
    if (!black.some((b) => b.length)) return companyIds.map(() => []);
    const companies = [...new Set(companyIds)];
    const rects = (await rawEntities(this.ds, Rectification, 'r', { where: `\`r\`.\`propertyCompanyId\` IN (${placeholders(companies)})` }, companies)).map((r) => r.entity);
    const steps = rects.length
      ? (
          await rawEntities(
            this.ds,
            RectificationStep,
            'st',
            { where: `\`st\`.\`rectificationId\` IN (${placeholders(rects)})`, tail: 'ORDER BY `st`.`stepDate` ASC, `st`.`id` ASC' },
            rects.map((r) => r.id),
          )
        ).map((r) => r.entity)
      : [];
    const ids = rects.map((r) => r.id);
    const grouped = groupBy(ids, steps, (st) => st.rectificationId);
    const stepsOf = new Map(ids.map((id, i) => [id, grouped[i]]));
    const rectOf = new Map(rects.map((r) => [`${r.periodId}:${r.propertyCompanyId}`, r]));
    return black.map((rows, i) =>
      rows.flatMap((row) => {
        const rect = rectOf.get(`${row.edition.period.id}:${companyIds[i]}`);
        const past = (rect ? (stepsOf.get(rect.id) ?? []) : []).filter((st) => st.stepDate <= day);
        const status = past.at(-1)?.toStatus ?? RectificationStatus.REQUIRED;
        if (status === RectificationStatus.ACCEPTED) return [];
        const listed = past.findLastIndex((st) => st.toStatus === RectificationStatus.REQUIRED);
        const interview = past.slice(listed + 1).find((st) => st.fromStatus === RectificationStatus.REQUIRED && st.toStatus === RectificationStatus.INTERVIEWED);
        return [
          {
            entry: row.entry,
            edition: row.edition,
            status: status === RectificationStatus.CANCELLED ? RectificationStatus.REQUIRED : status,
            since: listed >= 0 ? past[listed].stepDate : row.edition.publication.publishedOn,
            interviewedOn: interview?.stepDate ?? null,
          },
        ];
      }),
    );
  }

  /** Administrative areas under a parent (the top level without one), by id. */
  areas(parentId: number | null, offset: number, limit: number): Promise<[Jurisdiction[], number]> {
    return this.ds.getRepository(Jurisdiction).findAndCount({ where: { parentId: parentId ?? IsNull() }, order: { id: 'ASC' }, skip: offset, take: limit });
  }

  async companyByUscc(uscc: string): Promise<PropertyCompany | null> {
    const [found] = await rawEntities(this.ds, PropertyCompany, 'c', { where: '`c`.`uscc` = ?', tail: 'LIMIT 1' }, [uscc]);
    return found?.entity ?? null;
  }

  /** Companies registered in the area (or below it) or managing a compound there, by credit code. */
  async companiesIn(areaId: number, offset: number, limit: number): Promise<{ total: number; rows: PropertyCompany[] }> {
    const ids = (await loadJurisdictionTree(this.ds)).subtree(areaId).map((j) => j.id);
    if (!ids.length) return { total: 0, rows: [] };
    const qb = this.ds
      .getRepository(PropertyCompany)
      .createQueryBuilder('c')
      .where((w) => `c.jurisdictionId IN (:...ids) OR c.id IN ${w.subQuery().select('k.propertyCompanyId').from(Compound, 'k').where('k.communityId IN (:...ids)').getQuery()}`, { ids });
    const total = await qb.getCount();
    const rows = await leanMany(qb.orderBy('c.uscc', 'ASC').offset(offset).limit(limit));
    return { total, rows };
  }
}
