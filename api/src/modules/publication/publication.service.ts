import { type DataSource, type EntityManager, In } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { type Actor, signedBy } from '../../common/context';
import { assertPastDate, todayInChina } from '../../common/dates';
import { badInput, conflict, dbViolation, notFound } from '../../common/errors';
import { type TransactionRunner, writeLock } from '../../common/transactions';
import { PropertyCompany } from '../organization/property-company.entity';
import { rate, type RatingOutcome } from '../rating/rating-calculator';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from '../rating/rating.entities';
import { ListStatus } from '../rating/rating.enums';
import { PublishedEntry, RatingPublication } from './publication.entities';
import type { RectificationService } from './rectification.service';

/** One entry as it would be published now, with what changed since the latest edition. */
export interface DraftEntry {
  ratingId: number;
  subjectKey: string;
  subjectName: string;
  propertyCompanyId: number | null;
  uscc: string | null;
  rank: number;
  total: number;
  stars: number;
  listStatus: ListStatus;
  reasons: string[];
  /** Differs from the latest edition (or is new in it). */
  changed: boolean;
}

export interface PublicationDraft {
  period: RatingPeriod;
  latest: RatingPublication | null;
  entries: DraftEntry[];
  /** Ratings that cannot be published yet, by subject: the criteria still without a score. */
  incomplete: Array<{ ratingId: number; subjectName: string; missing: string[] }>;
  /** Subjects in the latest edition that are no longer rated. */
  dropped: string[];
  /** Something differs from the latest edition (always true before the first). */
  changed: boolean;
  /** Publishing now would be accepted: entries, none incomplete, and (for a correction) a change. */
  ready: boolean;
}

const sameEntry = (a: DraftEntry, b: PublishedEntry) =>
  a.total === b.total && a.stars === b.stars && a.listStatus === b.listStatus && a.subjectName === b.subjectName && JSON.stringify(a.reasons) === b.reasonsJson;

/**
 * 公布: turns a period's ratings into a frozen edition. The first publication is revision 1; a
 * correction is the next revision and needs a reason. Every rating must be complete, and a
 * correction that changes nothing is refused. Publishing also opens (or cancels) rectifications.
 */
export class PublicationService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly rectifications: RectificationService,
  ) {}

  /** What publishing the period now would publish (read-only). */
  preview(periodId: number): Promise<PublicationDraft> {
    return this.draft(this.ds.manager, periodId);
  }

  async publish(periodId: number, input: { reason?: string | null; publishedOn?: string | null; expectedRevision?: number | null }, actor: Actor): Promise<RatingPublication> {
    const reason = input.reason?.trim() || null;
    const publishedOn = input.publishedOn ? assertPastDate(input.publishedOn, 'publishedOn') : todayInChina();
    return this.tx.run(async (em) => {
      // the period row is the lock that makes revisions of one period follow each other
      const locked = await em.findOne(RatingPeriod, { where: { id: periodId }, ...writeLock(em) });
      if (!locked) throw notFound('RatingPeriod', periodId);
      const d = await this.draft(em, periodId);
      if (!d.entries.length && !d.incomplete.length) throw conflict(`Period ${d.period.code} has no ratings to publish`, 'periodId', 'NOTHING_TO_PUBLISH');
      if (d.incomplete.length) {
        const list = d.incomplete
          .slice(0, 5)
          .map((i) => `${i.subjectName}（缺：${i.missing.join('、')}）`)
          .join('；');
        throw conflict(`${d.incomplete.length} rating(s) of ${d.period.code} are incomplete: ${list}`, 'periodId', 'INCOMPLETE');
      }
      if (input.expectedRevision != null && input.expectedRevision !== (d.latest?.revision ?? 0)) {
        throw conflict(`Period ${d.period.code} is at revision ${d.latest?.revision ?? 0}, not ${input.expectedRevision}: someone published meanwhile; reload the preview`, 'periodId', 'STALE');
      }
      const revision = (d.latest?.revision ?? 0) + 1;
      if (d.latest) {
        if (!reason)
          throw badInput('reason', `Period ${d.period.code} was published on ${d.latest.publishedOn} (revision ${d.latest.revision}): say why it is corrected`, 'CORRECTION_REASON_REQUIRED');
        if (publishedOn < d.latest.publishedOn) throw badInput('publishedOn', `publishedOn ${publishedOn} is before revision ${d.latest.revision} (${d.latest.publishedOn})`, 'BEFORE_REVISION');
        if (!d.changed) throw conflict(`Nothing changed since revision ${d.latest.revision}: there is nothing to correct`, 'periodId', 'UNCHANGED');
      }
      if (publishedOn < d.period.startDate) throw badInput('publishedOn', `publishedOn ${publishedOn} is before the period starts (${d.period.startDate})`, 'BEFORE_PERIOD');
      const count = (s: ListStatus) => d.entries.filter((e) => e.listStatus === s).length;
      const { actorId, actorName } = signedBy(actor);
      const edition = await em
        .save(
          em.create(RatingPublication, {
            periodId,
            revision,
            publishedOn,
            reason,
            publishedById: actorId,
            publishedByName: actorName,
            entryCount: d.entries.length,
            redCount: count(ListStatus.RED),
            blackCount: count(ListStatus.BLACK),
          }),
        )
        .catch((err) => {
          throw dbViolation(err) === 'unique' ? conflict(`Revision ${revision} of ${d.period.code} was just published by someone else; reload`, 'periodId', 'STALE') : err;
        });
      const rows = d.entries.map((e) =>
        em.create(PublishedEntry, {
          publicationId: edition.id,
          ratingId: e.ratingId,
          subjectKey: e.subjectKey,
          subjectName: e.subjectName,
          propertyCompanyId: e.propertyCompanyId,
          uscc: e.uscc,
          rank: e.rank,
          total: e.total,
          stars: e.stars,
          listStatus: e.listStatus,
          reasonsJson: JSON.stringify(e.reasons),
        }),
      );
      for (let i = 0; i < rows.length; i += 200) await em.insert(PublishedEntry, rows.slice(i, i + 200));
      await this.rectifications.syncWithEdition(em, actor, d.period, edition, rows);
      await this.audit.record(em, actor, {
        action: revision === 1 ? 'PUBLISH' : 'CORRECT',
        entityType: 'RatingPublication',
        entityId: edition.id,
        after: {
          periodId,
          period: d.period.code,
          revision,
          publishedOn,
          reason,
          entryCount: edition.entryCount,
          redCount: edition.redCount,
          blackCount: edition.blackCount,
          changed: d.entries.filter((e) => e.changed).map((e) => e.subjectName),
          dropped: d.dropped,
        },
      });
      return edition;
    });
  }

  /** Computes every rating of the period, ranks them and compares them with the latest edition. */
  private async draft(em: EntityManager, periodId: number): Promise<PublicationDraft> {
    const period = await em.findOneBy(RatingPeriod, { id: periodId });
    if (!period) throw notFound('RatingPeriod', periodId);
    const [scheme, criteria, ratings, latest] = await Promise.all([
      em.findOneByOrFail(RatingScheme, { id: period.schemeId }),
      em.find(RatingCriterion, { where: { schemeId: period.schemeId }, order: { sortOrder: 'ASC' } }),
      em.find(Rating, { where: { periodId }, order: { subjectKey: 'ASC' } }),
      em.findOne(RatingPublication, { where: { periodId }, order: { revision: 'DESC' } }),
    ]);
    const ids = ratings.map((r) => r.id);
    const companyIds = ratings.map((r) => r.propertyCompanyId).filter((id): id is number => id !== null);
    const [scores, companies, previous] = await Promise.all([
      ids.length ? em.find(RatingScore, { where: { ratingId: In(ids) } }) : [],
      companyIds.length ? em.find(PropertyCompany, { where: { id: In(companyIds) } }) : [],
      latest ? em.find(PublishedEntry, { where: { publicationId: latest.id } }) : [],
    ]);
    const usccOf = new Map(companies.map((c) => [c.id, c.uscc]));
    const scoresOf = new Map<number, Map<number, number>>();
    for (const s of scores) {
      if (!scoresOf.has(s.ratingId)) scoresOf.set(s.ratingId, new Map());
      scoresOf.get(s.ratingId)!.set(s.criterionId, s.score);
    }
    const computed: Array<{ rating: Rating; outcome: RatingOutcome }> = ratings.map((rating) => ({ rating, outcome: rate(scheme, criteria, scoresOf.get(rating.id) ?? new Map(), rating) }));
    const incomplete = computed.filter((c) => !c.outcome.complete).map((c) => ({ ratingId: c.rating.id, subjectName: c.rating.subjectName, missing: c.outcome.missing }));
    const complete = computed.filter((c) => c.outcome.complete);
    const before = new Map(previous.map((p) => [p.subjectKey, p]));
    const entries = ranked(complete, (c) => ({ total: c.outcome.total!, subjectKey: c.rating.subjectKey })).map(({ item: { rating, outcome }, rank }) => {
      const entry: DraftEntry = {
        ratingId: rating.id,
        subjectKey: rating.subjectKey,
        subjectName: rating.subjectName,
        propertyCompanyId: rating.propertyCompanyId,
        uscc: rating.propertyCompanyId !== null ? (usccOf.get(rating.propertyCompanyId) ?? null) : null,
        rank,
        total: outcome.total!,
        stars: outcome.stars!,
        listStatus: outcome.listStatus!,
        reasons: outcome.reasons,
        changed: true,
      };
      const was = before.get(rating.subjectKey);
      entry.changed = !was || !sameEntry(entry, was);
      return entry;
    });
    const now = new Set(ratings.map((r) => r.subjectKey));
    const dropped = previous.filter((p) => !now.has(p.subjectKey)).map((p) => p.subjectName);
    const changed = entries.some((e) => e.changed) || dropped.length > 0;
    return { period, latest, entries, incomplete, dropped, changed, ready: entries.length > 0 && incomplete.length === 0 && changed };
  }
}

/**
 * 排名 of an edition: highest total first, equal totals share a rank (1, 2, 2, 4), and within a
 * total the subject key decides the order. Pure, so the benchmark data set ranks as publishing does.
 */
export function ranked<T>(items: T[], of: (item: T) => { total: number; subjectKey: string }): Array<{ item: T; rank: number }> {
  const sorted = items.map((item) => ({ item, ...of(item) })).sort((a, b) => b.total - a.total || a.subjectKey.localeCompare(b.subjectKey));
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || sorted[i - 1].total !== s.total) rank = i + 1;
    return { item: s.item, rank };
  });
}

/** Whether any edition is published for a scheme's or a period's ratings: what freezes them (set on the rating services by this module's wire). */
export function publishedEditions(em: EntityManager, of: { schemeId: number } | { periodId: number }): Promise<boolean> {
  const [condition, id] = 'schemeId' in of ? ['rp.schemeId = :id', of.schemeId] : ['rp.id = :id', of.periodId];
  return em.createQueryBuilder(RatingPublication, 'p').innerJoin(RatingPeriod, 'rp', 'rp.id = p.periodId').where(condition, { id }).getExists();
}
