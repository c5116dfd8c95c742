import { type EntityManager, LessThanOrEqual, MoreThanOrEqual, Not, type ObjectLiteral } from 'typeorm';
import { syncChildren } from '../../common/children';
import { CrudService, notBefore } from '../../common/crud.service';
import { badInput, conflict, toId, toOptionalId } from '../../common/errors';
import { writeLock } from '../../common/transactions';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Compound } from '../organization/compound.entity';
import { RatedSubjectKind } from './rating.enums';
import { scoreProblem, subjectKey } from './rating-calculator';
import { companiesWithin, compoundWithin } from './rating-subjects';
import { periodProblem } from './rating-periods';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import type { CriterionInput, RatingFilter, RatingPeriodFilter, RatingSchemeFilter, ScoreInput } from './rating.inputs';

/**
 * Whether editions are published for a scheme's or a period's ratings. Editions belong to the
 * publication module, which sets this on both services (its `wire`); rating imports nothing of it.
 */
export type PublishedCheck = (em: EntityManager, of: { schemeId: number } | { periodId: number }) => Promise<boolean>;
const nothingPublished: PublishedCheck = async () => false;

/** 评星方案 with its criteria: thresholds rise with the stars, weights add up to 100. */
export class RatingSchemeService extends CrudService<RatingScheme, RatingSchemeFilter> {
  published: PublishedCheck = nothingPublished;

  protected async validate(em: EntityManager, next: RatingScheme, before: RatingScheme | null): Promise<void> {
    if (before && next.subjectKind !== before.subjectKind && (await this.published(em, { schemeId: before.id }))) {
      throw conflict('Editions of this scheme are published: what it rates can no longer change', 'subjectKind', 'FROZEN', { entity: 'RatingScheme' });
    }
    if (before && next.periodKind !== before.periodKind) await assertPeriodsFit(em, before.id, next.periodKind);
    const steps = [next.star2Min, next.star3Min, next.star4Min, next.star5Min];
    for (let i = 1; i < steps.length; i++) {
      if (steps[i] < steps[i - 1])
        throw badInput(`star${i + 2}Min`, `star${i + 2}Min (${steps[i]}) is below star${i + 1}Min (${steps[i - 1]}): thresholds rise with the stars`, 'THRESHOLDS_NOT_RISING');
    }
    if (next.redMinStars !== null && next.blackMaxStars !== null && next.blackMaxStars >= next.redMinStars) {
      throw badInput('blackMaxStars', 'blackMaxStars must be below redMinStars: nobody can be on both lists', 'BLACK_NOT_BELOW_RED');
    }
  }

  protected async saveChildren(em: EntityManager, saved: RatingScheme, children: ObjectLiteral, creating: boolean): Promise<void> {
    if (!creating && !children.criteria) return;
    const list = (children.criteria ?? []) as CriterionInput[];
    if (!list.length) throw badInput('criteria', 'A scheme needs at least one criterion', 'NO_CRITERIA');
    const codes = new Set<string>();
    let weights = 0;
    const rows = list.map((c, i) => {
      const code = c.code.trim().toUpperCase();
      if (codes.has(code)) throw badInput(`criteria.${i}.code`, `Criterion code ${code} appears twice`, 'DUPLICATE_CRITERION');
      codes.add(code);
      weights += c.weight;
      return {
        code,
        name: c.name.trim(),
        weight: c.weight,
        maxScore: c.maxScore ?? 100,
        sortOrder: i + 1,
        sourceDocumentId: toOptionalId(c.sourceDocumentId, `criteria.${i}.sourceDocumentId`) ?? null,
        sourceClauseId: toOptionalId(c.sourceClauseId, `criteria.${i}.sourceClauseId`) ?? null,
      };
    });
    if (weights !== 100) throw badInput('criteria', `The weights add up to ${weights}, not 100`, 'WEIGHTS_NOT_100');
    // A criterion that already has scores cannot be dropped: the scores' foreign key refuses it.
    await syncChildren(em, RatingCriterion, { column: 'schemeId', id: saved.id }, 'code', rows);
  }

  protected async auditSnapshot(em: EntityManager, row: RatingScheme): Promise<ObjectLiteral> {
    const criteria = await em.find(RatingCriterion, { where: { schemeId: row.id }, order: { sortOrder: 'ASC' } });
    return { ...this.snapshot(row), criteria: criteria.map((c) => ({ code: c.code, name: c.name, weight: c.weight, maxScore: c.maxScore })) };
  }
}

/** 考核周期: one whole calendar period of its scheme's kind (rating-periods.ts), overlapping no other of the scheme. */
export class RatingPeriodService extends CrudService<RatingPeriod, RatingPeriodFilter> {
  published: PublishedCheck = nothingPublished;

  protected async validate(em: EntityManager, next: RatingPeriod, before: RatingPeriod | null): Promise<void> {
    if (!notBefore(next.endDate, next.startDate)) throw badInput('endDate', 'endDate cannot be before startDate', 'END_BEFORE_START');
    if (before) {
      const moved = (['schemeId', 'code', 'startDate', 'endDate'] as const).find((k) => next[k] !== before[k]);
      if (!moved) return; // the period stays as it was
      if (await this.published(em, { periodId: before.id })) {
        throw conflict(`Period ${before.code} is published: its ${moved} is part of what partners read and can no longer change`, moved, 'FROZEN', { entity: 'RatingPeriod' });
      }
    }
    await assertRatingPeriod(em, next, before?.id ?? null);
  }
}

/**
 * The rule every written rating period passes (the period service's create and update are the only
 * writers today; anything else that writes one calls this in its transaction): it is one whole
 * calendar period of its scheme's kind, coded as such (field startDate / endDate, PERIOD_NOT_CALENDAR;
 * field code, PERIOD_CODE_MISMATCH), and no other period of the scheme shares a day with it (field
 * startDate, PERIOD_OVERLAP, naming the other by code and dates). Sets the code as the rule spells it
 * (2025q1 → 2025Q1). The scheme's row is locked first, so two writers cannot both find the same
 * quarter free, nor a period slip in while the scheme's kind changes.
 */
export async function assertRatingPeriod(em: EntityManager, next: RatingPeriod, selfId: number | null): Promise<void> {
  const scheme = await em.findOne(RatingScheme, { where: { id: next.schemeId }, ...writeLock(em) });
  if (!scheme) throw badInput('schemeId', `schemeId: no RatingScheme with id ${next.schemeId}`, 'UNKNOWN_REFERENCE');
  const problem = periodProblem(scheme.periodKind, next);
  if (problem) {
    const { code, startDate, endDate } = problem.expected;
    throw badInput(problem.field, problem.message, problem.reason, { kind: scheme.periodKind, expectedCode: code, expectedStart: startDate, expectedEnd: endDate });
  }
  next.code = next.code.trim().toUpperCase();
  // a locking read: on MySQL it sees what committed after this transaction's first read (a plain read would not)
  const other = await em.findOne(RatingPeriod, {
    where: { schemeId: next.schemeId, startDate: LessThanOrEqual(next.endDate), endDate: MoreThanOrEqual(next.startDate), ...(selfId ? { id: Not(selfId) } : {}) },
    order: { startDate: 'ASC' },
    ...writeLock(em),
  });
  if (other) {
    throw badInput('startDate', `The period overlaps ${other.code} (${other.startDate}..${other.endDate}) of the same scheme: periods of one scheme never overlap`, 'PERIOD_OVERLAP', {
      overlapId: String(other.id),
      overlapCode: other.code,
      overlapFrom: other.startDate,
      overlapTo: other.endDate,
    });
  }
}

/**
 * A scheme's period kind changes only when every period it has is a calendar period of the new kind
 * (field periodKind, PERIOD_KIND_IN_USE, naming the first that is not): a quarter is never a
 * half-year, so in practice only a scheme without periods changes its kind.
 */
async function assertPeriodsFit(em: EntityManager, schemeId: number, kind: RatingScheme['periodKind']): Promise<void> {
  for (const p of await em.find(RatingPeriod, { where: { schemeId }, order: { startDate: 'ASC' } })) {
    if (!periodProblem(kind, p)) continue;
    throw badInput(
      'periodKind',
      `The scheme's period ${p.code} (${p.startDate}..${p.endDate}) is not a ${kind} period: its kind can change only when all its periods fit the new kind`,
      'PERIOD_KIND_IN_USE',
      {
        kind,
        periodId: String(p.id),
        periodCode: p.code,
        periodStart: p.startDate,
        periodEnd: p.endDate,
      },
    );
  }
}

/** 评星结果: the subject must fit the scheme; scores are upserted per criterion. */
export class RatingService extends CrudService<Rating, RatingFilter> {
  protected async validate(em: EntityManager, next: Rating, before: Rating | null): Promise<void> {
    if (before) return; // the subject is fixed once rated
    const period = await em.findOneByOrFail(RatingPeriod, { id: next.periodId });
    const scheme = await em.findOneByOrFail(RatingScheme, { id: period.schemeId });
    const only = (field: keyof Rating) => {
      for (const f of ['propertyCompanyId', 'partyOrganizationId', 'ownersCommitteeId'] as const) {
        if (f !== field && next[f] != null) throw badInput(f, `${f} does not fit a ${scheme.subjectKind} scheme`, 'NOT_APPLICABLE');
      }
      if (field !== 'subjectName' && next[field] == null) throw badInput(String(field), `${String(field)} is required for a ${scheme.subjectKind} scheme`, 'REQUIRED');
    };
    switch (scheme.subjectKind) {
      case RatedSubjectKind.PROPERTY_COMPANY: {
        only('propertyCompanyId');
        const c = await em.findOneByOrFail(PropertyCompany, { id: next.propertyCompanyId! });
        if (!(await companiesWithin(em, scheme.jurisdictionId, [c.id])).has(c.id)) {
          throw badInput('propertyCompanyId', `${c.name} is neither registered nor serving a compound in the area of the office that issued ${scheme.name}`, 'SUBJECT_OUTSIDE');
        }
        Object.assign(next, { subjectKey: subjectKey.company(c.id), subjectName: c.name });
        break;
      }
      case RatedSubjectKind.PARTY_BRANCH: {
        only('partyOrganizationId');
        const p = await em.findOneByOrFail(PartyOrganization, { id: next.partyOrganizationId! });
        if (!(await compoundWithin(em, scheme.jurisdictionId, { partyOrganizationId: p.id }))) {
          throw badInput('partyOrganizationId', `${p.name} is not in the area of the office that issued ${scheme.name}`, 'SUBJECT_OUTSIDE');
        }
        Object.assign(next, { subjectKey: subjectKey.party(p.id), subjectName: p.name });
        break;
      }
      case RatedSubjectKind.OWNERS_COMMITTEE: {
        only('ownersCommitteeId');
        const o = await em.findOneByOrFail(OwnersCommittee, { id: next.ownersCommitteeId! });
        if (!(await compoundWithin(em, scheme.jurisdictionId, { ownersCommitteeId: o.id }))) {
          throw badInput('ownersCommitteeId', `The committee is not in the area of the office that issued ${scheme.name}`, 'SUBJECT_OUTSIDE');
        }
        const compound = await em.findOneByOrFail(Compound, { id: o.compoundId });
        Object.assign(next, { subjectKey: subjectKey.committee(o.id), subjectName: `${compound.name}业主委员会` });
        break;
      }
      default: {
        only('subjectName');
        const name = next.subjectName?.trim();
        if (!name) throw badInput('subjectName', `subjectName is required for a ${scheme.subjectKind} scheme`, 'REQUIRED');
        Object.assign(next, { subjectKey: subjectKey.name(name), subjectName: name });
      }
    }
  }

  protected async saveChildren(em: EntityManager, saved: Rating, children: ObjectLiteral): Promise<void> {
    const list = children.scores as ScoreInput[] | undefined | null;
    if (!list?.length) return;
    const period = await em.findOneByOrFail(RatingPeriod, { id: saved.periodId });
    const criteria = new Map((await em.find(RatingCriterion, { where: { schemeId: period.schemeId } })).map((c) => [c.id, c]));
    for (const [i, s] of list.entries()) {
      const criterionId = toId(s.criterionId, `scores.${i}.criterionId`);
      const criterion = criteria.get(criterionId);
      if (!criterion) throw badInput(`scores.${i}.criterionId`, `Criterion ${criterionId} is not part of this rating's scheme`, 'BELONGS_ELSEWHERE');
      const problem = scoreProblem(criterion, s.score);
      if (problem) throw badInput(`scores.${i}.score`, problem.message, problem.reason);
      const existing = await em.findOneBy(RatingScore, { ratingId: saved.id, criterionId });
      const values = { score: s.score, evidence: s.evidence?.trim() || null };
      if (existing) await em.update(RatingScore, { id: existing.id }, values);
      else await em.insert(RatingScore, { ratingId: saved.id, criterionId, ...values });
    }
  }

  protected async auditSnapshot(em: EntityManager, row: Rating): Promise<ObjectLiteral> {
    const scores = await em.find(RatingScore, { where: { ratingId: row.id }, order: { criterionId: 'ASC' } });
    return { ...this.snapshot(row), scores: scores.map((s) => ({ criterionId: s.criterionId, score: s.score, evidence: s.evidence })) };
  }
}
