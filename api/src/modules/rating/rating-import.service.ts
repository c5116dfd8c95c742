import { type EntityManager, In } from 'typeorm';
import { normalise, RowError } from '../../common/sheet-import/layout';
import type { SheetImport } from '../../common/sheet-import/sheet-import';
import { ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { isValidUscc } from '../../common/uscc';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { rate, scoreProblem, subjectKey } from './rating-calculator';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import { RatedSubjectKind } from './rating.enums';
import type { RatingImportRow, RatingSheetRowInput } from './rating-import.types';
import { RATING_SHEET } from './rating.sheet';
import { companiesWithin, compoundWithin } from './rating-subjects';

/** A row's cells as read by RATING_SHEET (the scores are read by the planner: their columns are the scheme's). */
interface RatingValues {
  uscc: string | null;
  name: string | null;
  dissatisfactionRate: number | null;
  negativeList: boolean | null;
  negativeListNote: string | null;
}

type Subject = { subjectKey: string; subjectName: string; propertyCompanyId: number | null; partyOrganizationId: number | null };

/** A row that passed every check: what it will write. */
interface RatingChange {
  existing: Rating | null;
  subject: Subject;
  scores: Map<number, number>;
  changedScores: Map<number, number>;
  dissatisfactionRate: number | null;
  onNegativeList: boolean;
  negativeListNote: string | null;
}

interface RatingContext {
  periodId: number;
  scheme: RatingScheme;
  criteria: RatingCriterion[];
  byHeader: Map<string, RatingCriterion>;
  byKey: Map<string, Rating>;
  scoresOf: Map<number, Map<number, number>>;
  companyOf: Map<string, PropertyCompany>;
  branches: PartyOrganization[];
  /** Subjects within the scheme's area: company ids, and party organisation ids negated. */
  within: Set<number>;
  seen: Set<string>;
}

/**
 * 评分表导入: the office's rating sheet, one row per subject, one column per criterion. A preview
 * says per row what will be added, changed or rejected, and why, with the total and stars it comes
 * to; committing writes everything in one transaction, and only when no row is rejected.
 */
type Ratings = { args: { periodId: string }; input: RatingSheetRowInput; context: RatingContext; row: RatingImportRow; change: RatingChange; into: RatingPeriod };

export const ratingImport: SheetImport<Ratings> = {
  layout: RATING_SHEET,
  into: { entity: RatingPeriod, arg: 'periodId' },
  action: 'IMPORT_RATINGS',

  async load(em, _args, rows, period) {
    const periodId = period.id;
    const scheme = await em.findOneByOrFail(RatingScheme, { id: period.schemeId });
    const criteria = await em.find(RatingCriterion, { where: { schemeId: scheme.id }, order: { sortOrder: 'ASC' } });
    const byHeader = new Map<string, RatingCriterion>();
    for (const c of criteria) {
      byHeader.set(c.code.toUpperCase(), c);
      byHeader.set(normalise(c.name), c);
    }
    const existing = await em.find(Rating, { where: { periodId } });
    const existingScores = existing.length ? await em.find(RatingScore, { where: { ratingId: In(existing.map((r) => r.id)) } }) : [];
    const scoresOf = new Map<number, Map<number, number>>();
    for (const s of existingScores) (scoresOf.get(s.ratingId) ?? scoresOf.set(s.ratingId, new Map()).get(s.ratingId)!).set(s.criterionId, s.score);

    const usccs = rows.map((r) => r.uscc?.trim().toUpperCase()).filter((u): u is string => !!u && isValidUscc(u));
    const companies = scheme.subjectKind === RatedSubjectKind.PROPERTY_COMPANY && usccs.length ? await em.find(PropertyCompany, { where: { uscc: In(usccs) } }) : [];
    const names = rows.map((r) => r.name?.trim()).filter((n): n is string => !!n);
    const branches = scheme.subjectKind === RatedSubjectKind.PARTY_BRANCH && names.length ? await em.find(PartyOrganization, { where: { name: In(names) } }) : [];
    const within = await companiesWithin(
      em,
      scheme.jurisdictionId,
      companies.map((c) => c.id),
    );
    const branchesWithin = new Set<number>();
    for (const b of branches) if (await compoundWithin(em, scheme.jurisdictionId, { partyOrganizationId: b.id })) branchesWithin.add(b.id);
    return {
      periodId,
      scheme,
      criteria,
      byHeader,
      byKey: new Map(existing.map((r) => [r.subjectKey, r])),
      scoresOf,
      companyOf: new Map(companies.map((c) => [c.uscc, c])),
      branches,
      within: new Set([...within, ...[...branchesWithin].map((id) => -id)]),
      seen: new Set(),
    };
  },

  describe: (values) => ({ subjectName: (values.name as string | null) ?? null, uscc: (values.uscc as string | null) ?? null, total: null, stars: null, listStatus: null }),

  plan({ input, values, answer: row }, ctx) {
    const v = values as unknown as RatingValues;
    const subject = subjectOf(ctx, v);
    row.subjectName = subject.subjectName;
    if (ctx.seen.has(subject.subjectKey)) throw new RowError('DUPLICATE_ROW', 'uscc', `${subject.subjectName} appears twice in the sheet`);
    ctx.seen.add(subject.subjectKey);
    const before = ctx.byKey.get(subject.subjectKey) ?? null;
    const current = new Map(before ? (ctx.scoresOf.get(before.id) ?? []) : []);
    const changedScores = new Map<number, number>();
    input.scores.forEach((cell, i) => {
      const criterion = ctx.byHeader.get(cell.criterion.trim().toUpperCase()) ?? ctx.byHeader.get(normalise(cell.criterion));
      if (!criterion) throw new RowError('UNKNOWN_CRITERION', `scores.${i}.criterion`, `The column "${cell.criterion}" is not a criterion of ${ctx.scheme.name}`);
      const typed = cell.score?.trim() ?? '';
      if (!typed) return;
      const score = Number(typed);
      if (!/^-?\d+(\.\d+)?$/.test(typed)) throw new RowError('BAD_SCORE', `scores.${i}.score`, `${criterion.name}: "${typed}" is not a number`);
      const problem = scoreProblem(criterion, score);
      if (problem) throw new RowError(problem.code, `scores.${i}.score`, problem.message);
      if (current.get(criterion.id) !== score) changedScores.set(criterion.id, score);
      current.set(criterion.id, score);
    });
    // like a blank score, a blank 不满意率 / 负面清单 cell leaves what is recorded (clearing is done in the grid)
    const dissatisfactionRate = v.dissatisfactionRate ?? before?.dissatisfactionRate ?? null;
    const onNegativeList = v.negativeList ?? before?.onNegativeList ?? false;
    const negativeListNote = v.negativeListNote || (onNegativeList ? (before?.negativeListNote ?? null) : null);
    const outcome = rate(ctx.scheme, ctx.criteria, current, { dissatisfactionRate, onNegativeList, negativeListNote });
    Object.assign(row, { total: outcome.total, stars: outcome.stars, listStatus: outcome.listStatus });
    const same =
      before && changedScores.size === 0 && before.dissatisfactionRate === dissatisfactionRate && before.onNegativeList === onNegativeList && (before.negativeListNote ?? null) === negativeListNote;
    return {
      status: !before ? ImportRowStatus.ADD : same ? ImportRowStatus.UNCHANGED : ImportRowStatus.CHANGE,
      change: { existing: before, subject, scores: current, changedScores, dissatisfactionRate, onNegativeList, negativeListNote },
    };
  },

  async apply(em, planned, ctx, answer) {
    const written: Array<{ line: number; subject: string; status: ImportRowStatus }> = [];
    for (const { row, change: p } of planned) {
      if (row.status === ImportRowStatus.UNCHANGED) continue;
      await writeRating(em, ctx.periodId, p);
      written.push({ line: row.line, subject: p.subject.subjectName, status: row.status });
    }
    return { after: { added: answer.added, changed: answer.changed, unchanged: answer.unchanged, rows: written } };
  },
};

async function writeRating(em: EntityManager, periodId: number, p: RatingChange): Promise<void> {
  const values = { dissatisfactionRate: p.dissatisfactionRate, onNegativeList: p.onNegativeList, negativeListNote: p.negativeListNote };
  if (p.existing) {
    const ratingId = p.existing.id;
    await em.update(Rating, { id: ratingId }, values);
    const known = new Set((await em.find(RatingScore, { where: { ratingId }, select: { criterionId: true } })).map((s) => s.criterionId));
    const inserts = [...p.changedScores].filter(([c]) => !known.has(c)).map(([criterionId, score]) => ({ ratingId, criterionId, score, evidence: null }));
    if (inserts.length) await em.insert(RatingScore, inserts);
    for (const [criterionId, score] of p.changedScores) if (known.has(criterionId)) await em.update(RatingScore, { ratingId, criterionId }, { score });
  } else {
    const ratingId = (await em.save(em.create(Rating, { periodId, ...p.subject, ...values, note: null }))).id;
    const inserts = [...p.scores].map(([criterionId, score]) => ({ ratingId, criterionId, score, evidence: null }));
    if (inserts.length) await em.insert(RatingScore, inserts);
  }
}

function subjectOf({ scheme, companyOf, branches, within }: RatingContext, v: RatingValues): Subject {
  const name = v.name ?? '';
  switch (scheme.subjectKind) {
    case RatedSubjectKind.PROPERTY_COMPANY: {
      const uscc = v.uscc ?? '';
      if (!uscc) throw new RowError('USCC_REQUIRED', 'uscc', '统一社会信用代码 is required for a property company');
      if (!isValidUscc(uscc)) throw new RowError('BAD_USCC', 'uscc', `${uscc} is not a valid unified social credit code`);
      const c = companyOf.get(uscc);
      if (!c) throw new RowError('UNKNOWN_COMPANY', 'uscc', `No property company with credit code ${uscc} is registered`);
      if (!within.has(c.id)) throw new RowError('SUBJECT_OUTSIDE', 'uscc', `${c.name} is neither registered nor serving a compound in the area of the office that issued ${scheme.name}`);
      return { subjectKey: subjectKey.company(c.id), subjectName: c.name, propertyCompanyId: c.id, partyOrganizationId: null };
    }
    case RatedSubjectKind.PARTY_BRANCH: {
      if (!name) throw new RowError('NAME_REQUIRED', 'name', 'The party branch’s name is required');
      const found = branches.filter((b) => b.name === name);
      if (found.length !== 1) throw new RowError('UNKNOWN_SUBJECT', 'name', found.length ? `${name} names ${found.length} party organisations` : `No party organisation is called ${name}`);
      if (!within.has(-found[0].id)) throw new RowError('SUBJECT_OUTSIDE', 'name', `${name} is not in the area of the office that issued ${scheme.name}`);
      return { subjectKey: subjectKey.party(found[0].id), subjectName: found[0].name, propertyCompanyId: null, partyOrganizationId: found[0].id };
    }
    case RatedSubjectKind.OWNERS_COMMITTEE:
      throw new RowError('UNSUPPORTED_SUBJECT', 'name', 'Owners’ committees are rated one by one in the console, not imported');
    default:
      if (!name) throw new RowError('NAME_REQUIRED', 'name', 'The name is required');
      return { subjectKey: subjectKey.name(name), subjectName: name, propertyCompanyId: null, partyOrganizationId: null };
  }
}
