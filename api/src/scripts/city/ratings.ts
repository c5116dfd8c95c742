import { addDays } from '../../common/dates';
import { ranked } from '../../modules/publication/publication.service';
import { rate, subjectKey } from '../../modules/rating/rating-calculator';
import type { RatingCriterion, RatingScheme } from '../../modules/rating/rating.entities';
import { calendarPeriodOf } from '../../modules/rating/rating-periods';
import { type CityBase, Dice, moment, type Part, type Setting, Table, type Organisation } from './model';

/*
 * 评星与红黑榜: the city's own property-company scheme (the seeded 002 scheme's thresholds and
 * criteria), every company rated in each of 12 quarters (2022Q2..2025Q1 in the benchmark), each quarter published
 * once, a few weeks after it ends. Totals, stars and lists come from the rating calculator and ranks
 * from the publication's own ranking, so an edition is what publishing these ratings would publish.
 * Every black-listed company has its rectification, moved on by the city office in dated steps
 * (约谈, 提交整改, 验收) as far as the set's today allows. The last quarter is the latest one over at
 * least 26 days before today (so its edition, published 8–25 days after, is out).
 */

const QUARTERS = 12;

/** The last day of the latest quarter over at least 26 days before `today`. */
export function lastQuarterEnd(today: string): string {
  const cutoff = addDays(today, -26);
  const y = Number(cutoff.slice(0, 4));
  const ends = [`${y - 1}-12-31`, `${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`];
  return ends.filter((e) => e <= cutoff).pop()!;
}

export function ratingsPart(base: CityBase, s: Setting, org: Organisation): Part {
  const dice = new Dice(s.seed + 1);
  const lastEnds = lastQuarterEnd(s.today);
  const schemes = new Table('rating_scheme', base);
  const criteriaRows = new Table('rating_criterion', base);
  const periods = new Table('rating_period', base);
  const ratings = new Table('rating', base);
  const scores = new Table('rating_score', base);
  const editions = new Table('rating_publication', base);
  const entries = new Table('published_entry', base);
  const rectifications = new Table('rectification', base);
  const steps = new Table('rectification_step', base);

  const seeded = base.scheme;
  const schemeId = schemes.add({
    name: `${s.prefix}物业服务企业服务质量评星（红黑榜）`,
    subjectKind: 'PROPERTY_COMPANY',
    periodKind: 'QUARTER',
    ...seeded,
    blackOnNegativeList: 1,
    notes: `${s.tag}：阈值与评分项同婺区组〔2021〕34号`,
    jurisdictionId: org.city.id,
    sourceDocumentId: null,
    sourceClauseId: null,
  });
  const scheme = { ...seeded, blackOnNegativeList: true } as RatingScheme;
  const criteria = base.criteria.map((c) => ({ ...c, id: criteriaRows.add({ ...c, schemeId, sourceDocumentId: null, sourceClauseId: null }) }) as unknown as RatingCriterion);

  // each company keeps a level of quality from quarter to quarter, with noise around it
  const quality = new Map(org.companies.map((c) => [c.id, 60 + dice.next() * 38]));
  const actor = org.cityUser;

  for (let q = QUARTERS - 1; q >= 0; q--) {
    const period = calendarPeriodOf('QUARTER', addDays(lastEnds, -91 * q - 45))!;
    const periodId = periods.add({ schemeId, ...period });
    const rated = org.companies.map((company) => {
      const level = quality.get(company.id)!;
      const byCriterion = new Map<number, number>();
      for (const c of criteria) {
        const score = Math.round(Math.min(c.maxScore, Math.max(0, level + (dice.next() - 0.5) * 16)) * 10) / 10;
        byCriterion.set(c.id, score);
      }
      const dissatisfactionRate = dice.chance(0.03) ? 50 + dice.int(1, 3000) / 100 : dice.int(200, 4500) / 100;
      const onNegativeList = dice.chance(0.02);
      const rating = { dissatisfactionRate, onNegativeList, negativeListNote: onNegativeList ? `${s.prefix}：违反物业服务负面清单` : null };
      const key = subjectKey.company(company.id);
      const id = ratings.add({
        periodId,
        subjectKey: key,
        propertyCompanyId: company.id,
        partyOrganizationId: null,
        ownersCommitteeId: null,
        subjectName: company.name,
        ...rating,
        onNegativeList: Number(onNegativeList),
        note: null,
      });
      for (const [criterionId, score] of byCriterion) scores.add({ ratingId: id, criterionId, score, evidence: null });
      return { id, key, company, outcome: rate(scheme, criteria, byCriterion, rating) };
    });
    const publishedOn = addDays(period.endDate, dice.int(8, 25));
    const list = ranked(rated, (r) => ({ total: r.outcome.total!, subjectKey: r.key }));
    const count = (status: string) => list.filter((e) => e.item.outcome.listStatus === status).length;
    const publicationId = editions.add({
      periodId,
      revision: 1,
      publishedOn,
      reason: null,
      publishedById: actor?.id ?? null,
      publishedByName: actor?.username ?? 'system',
      entryCount: list.length,
      redCount: count('RED'),
      blackCount: count('BLACK'),
      createdAt: moment(publishedOn),
      updatedAt: moment(publishedOn),
    });
    for (const { item, rank } of list) {
      const o = item.outcome;
      entries.add({
        publicationId,
        ratingId: item.id,
        subjectKey: item.key,
        subjectName: item.company.name,
        propertyCompanyId: item.company.id,
        uscc: item.company.uscc,
        rank,
        total: o.total,
        stars: o.stars,
        listStatus: o.listStatus,
        reasonsJson: JSON.stringify(o.reasons),
      });
      if (o.listStatus === 'BLACK') rectify(item.company.id, periodId, period.code, publicationId, publishedOn);
    }
  }

  /** 整改: opened by the edition (as publishing opens it), then 约谈 → 提交整改 → 验收 while the days allow. */
  function rectify(companyId: number, periodId: number, code: string, publicationId: number, publishedOn: string): void {
    const moves: Array<{ to: string; on: string; reason: string | null; by: typeof actor | null }> = [
      { to: 'REQUIRED', on: publishedOn, reason: `列入${code}黑榜（第1版，${publishedOn}公布）`, by: null },
    ];
    let day = publishedOn;
    for (const [to, lo, hi] of [
      ['INTERVIEWED', 3, 20],
      ['SUBMITTED', 10, 40],
      ['ACCEPTED', 7, 30],
    ] as const) {
      day = addDays(day, dice.int(lo, hi));
      if (day > s.today || dice.chance(0.08)) break;
      moves.push({ to, on: day, reason: null, by: actor });
    }
    const status = moves[moves.length - 1].to;
    const id = rectifications.add({
      periodId,
      propertyCompanyId: companyId,
      publicationId,
      status,
      version: moves.length,
      note: null,
      createdAt: moment(publishedOn),
      updatedAt: moment(day > s.today ? publishedOn : moves[moves.length - 1].on),
    });
    let from: string | null = null;
    for (const m of moves) {
      steps.add({ rectificationId: id, fromStatus: from, toStatus: m.to, stepDate: m.on, at: moment(m.on, 2), reason: m.reason, actorId: m.by?.id ?? null, actorName: m.by?.username ?? 'system' });
      from = m.to;
    }
  }

  return { name: 'ratings', tables: [schemes, criteriaRows, periods, ratings, scores, editions, entries, rectifications, steps].map((t) => ({ table: t.table, rows: t.rows })) };
}
