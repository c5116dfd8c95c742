import { type DataSource, In } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../../common/context';
import { badInput, notFound, toId } from '../../common/errors';
import type { TransactionRunner } from '../../common/transactions';
import { isValidUscc } from '../../common/uscc';
import { PartyOrganization } from '../organization/self-governance.entities';
import { PropertyCompany } from '../organization/property-company.entity';
import { rate, scoreProblem, subjectKey } from './rating-calculator';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import { RatedSubjectKind } from './rating.enums';
import { type RatingImportResult, type RatingImportRow, RatingRowStatus, type RatingSheetRowInput } from './rating-import.types';

const MAX_ROWS = 1000;
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['', '否', 'N', 'NO', 'FALSE', '0']);

/** A row that passed every check: what it will write. */
interface PlannedRow {
  row: RatingImportRow;
  existing: Rating | null;
  subject: { subjectKey: string; subjectName: string; propertyCompanyId: number | null; partyOrganizationId: number | null };
  scores: Map<number, number>;
  changedScores: Map<number, number>;
  dissatisfactionRate: number | null;
  onNegativeList: boolean;
  negativeListNote: string | null;
}

class RowError extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * 评分表导入: the office's rating sheet, one row per subject, one column per criterion. A preview
 * says per row what will be added, changed or rejected, and why, with the total and stars it comes
 * to; committing writes everything in one transaction, and only when no row is rejected.
 */
export class RatingImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async run(periodIdArg: string, rows: RatingSheetRowInput[], commit: boolean, actor: Actor): Promise<RatingImportResult> {
    const periodId = toId(periodIdArg, 'periodId');
    if (rows.length === 0) throw badInput('rows', 'The sheet has no rows');
    if (rows.length > MAX_ROWS) throw badInput('rows', `At most ${MAX_ROWS} rows at a time`);
    if (!commit) return (await this.plan(periodId, rows)).result;
    return this.tx.run(async (em) => {
      const { result, planned } = await this.plan(periodId, rows, em);
      if (result.rejected > 0) throw badInput('rows', `${result.rejected} row(s) are rejected; nothing was imported. Fix the sheet and import again`);
      const written: Array<{ line: number; subject: string; status: RatingRowStatus }> = [];
      for (const p of planned) {
        if (p.row.status === RatingRowStatus.UNCHANGED) continue;
        const values = { dissatisfactionRate: p.dissatisfactionRate, onNegativeList: p.onNegativeList, negativeListNote: p.negativeListNote };
        let ratingId: number;
        if (p.existing) {
          ratingId = p.existing.id;
          await em.update(Rating, { id: ratingId }, values);
          const known = new Set((await em.find(RatingScore, { where: { ratingId }, select: { criterionId: true } })).map((s) => s.criterionId));
          const inserts = [...p.changedScores].filter(([c]) => !known.has(c)).map(([criterionId, score]) => ({ ratingId, criterionId, score, evidence: null }));
          if (inserts.length) await em.insert(RatingScore, inserts);
          for (const [criterionId, score] of p.changedScores) if (known.has(criterionId)) await em.update(RatingScore, { ratingId, criterionId }, { score });
        } else {
          ratingId = (await em.save(em.create(Rating, { periodId, ...p.subject, ...values, note: null }))).id;
          const inserts = [...p.scores].map(([criterionId, score]) => ({ ratingId, criterionId, score, evidence: null }));
          if (inserts.length) await em.insert(RatingScore, inserts);
        }
        written.push({ line: p.row.line, subject: p.subject.subjectName, status: p.row.status });
      }
      await this.audit.record(em, actor, { action: 'IMPORT_RATINGS', entityType: 'RatingPeriod', entityId: periodId, after: { added: result.added, changed: result.changed, unchanged: result.unchanged, rows: written } });
      return { ...result, committed: true };
    });
  }

  private async plan(periodId: number, rows: RatingSheetRowInput[], em = this.ds.manager): Promise<{ result: RatingImportResult; planned: PlannedRow[] }> {
    const period = await em.findOneBy(RatingPeriod, { id: periodId });
    if (!period) throw notFound('RatingPeriod', periodId);
    const scheme = await em.findOneByOrFail(RatingScheme, { id: period.schemeId });
    const criteria = await em.find(RatingCriterion, { where: { schemeId: scheme.id }, order: { sortOrder: 'ASC' } });
    const byHeader = new Map<string, RatingCriterion>();
    for (const c of criteria) (byHeader.set(c.code.toUpperCase(), c), byHeader.set(normalise(c.name), c));
    const existing = await em.find(Rating, { where: { periodId } });
    const byKey = new Map(existing.map((r) => [r.subjectKey, r]));
    const existingScores = existing.length ? await em.find(RatingScore, { where: { ratingId: In(existing.map((r) => r.id)) } }) : [];
    const scoresOf = new Map<number, Map<number, number>>();
    for (const s of existingScores) (scoresOf.get(s.ratingId) ?? scoresOf.set(s.ratingId, new Map()).get(s.ratingId)!).set(s.criterionId, s.score);

    const usccs = rows.map((r) => r.uscc?.trim().toUpperCase()).filter((u): u is string => !!u && isValidUscc(u));
    const companies = scheme.subjectKind === RatedSubjectKind.PROPERTY_COMPANY && usccs.length ? await em.find(PropertyCompany, { where: { uscc: In(usccs) } }) : [];
    const companyOf = new Map(companies.map((c) => [c.uscc, c]));
    const names = rows.map((r) => r.name?.trim()).filter((n): n is string => !!n);
    const branches = scheme.subjectKind === RatedSubjectKind.PARTY_BRANCH && names.length ? await em.find(PartyOrganization, { where: { name: In(names) } }) : [];

    const seen = new Set<string>();
    const planned: PlannedRow[] = [];
    const out: RatingImportRow[] = [];
    for (const input of rows) {
      const row: RatingImportRow = { line: input.line, subjectName: input.name?.trim() || null, uscc: input.uscc?.trim().toUpperCase() || null, status: RatingRowStatus.ADD, reasonCode: null, reason: null, field: null, total: null, stars: null, listStatus: null };
      out.push(row);
      try {
        const subject = this.subjectOf(scheme, input, companyOf, branches);
        row.subjectName = subject.subjectName;
        if (seen.has(subject.subjectKey)) throw new RowError('DUPLICATE_ROW', 'uscc', `${subject.subjectName} appears twice in the sheet`);
        seen.add(subject.subjectKey);
        const before = byKey.get(subject.subjectKey) ?? null;
        const current = new Map(before ? (scoresOf.get(before.id) ?? []) : []);
        const changedScores = new Map<number, number>();
        input.scores.forEach((cell, i) => {
          const criterion = byHeader.get(cell.criterion.trim().toUpperCase()) ?? byHeader.get(normalise(cell.criterion));
          if (!criterion) throw new RowError('UNKNOWN_CRITERION', `scores.${i}.criterion`, `The column "${cell.criterion}" is not a criterion of ${scheme.name}`);
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
        const dissatisfactionRate = parseRate(input.dissatisfactionRate) ?? before?.dissatisfactionRate ?? null;
        const flag = (input.negativeList ?? '').trim().toUpperCase();
        if (!YES.has(flag) && !NO.has(flag)) throw new RowError('BAD_FLAG', 'negativeList', `负面清单 must be 是 or 否, not "${input.negativeList}"`);
        const onNegativeList = flag === '' ? (before?.onNegativeList ?? false) : YES.has(flag);
        const negativeListNote = input.negativeListNote?.trim() || (onNegativeList ? (before?.negativeListNote ?? null) : null);
        const outcome = rate(scheme, criteria, current, { dissatisfactionRate, onNegativeList, negativeListNote });
        Object.assign(row, { total: outcome.total, stars: outcome.stars, listStatus: outcome.listStatus });
        const same = before && changedScores.size === 0 && before.dissatisfactionRate === dissatisfactionRate && before.onNegativeList === onNegativeList && (before.negativeListNote ?? null) === negativeListNote;
        row.status = !before ? RatingRowStatus.ADD : same ? RatingRowStatus.UNCHANGED : RatingRowStatus.CHANGE;
        planned.push({ row, existing: before, subject, scores: current, changedScores, dissatisfactionRate, onNegativeList, negativeListNote });
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        Object.assign(row, { status: RatingRowStatus.REJECT, reasonCode: err.code, reason: err.message, field: err.field });
      }
    }
    const count = (s: RatingRowStatus) => out.filter((r) => r.status === s).length;
    return {
      result: { committed: false, added: count(RatingRowStatus.ADD), changed: count(RatingRowStatus.CHANGE), unchanged: count(RatingRowStatus.UNCHANGED), rejected: count(RatingRowStatus.REJECT), rows: out },
      planned,
    };
  }

  private subjectOf(scheme: RatingScheme, input: RatingSheetRowInput, companyOf: Map<string, PropertyCompany>, branches: PartyOrganization[]): PlannedRow['subject'] {
    const name = input.name?.trim() ?? '';
    switch (scheme.subjectKind) {
      case RatedSubjectKind.PROPERTY_COMPANY: {
        const uscc = input.uscc?.trim().toUpperCase() ?? '';
        if (!uscc) throw new RowError('USCC_REQUIRED', 'uscc', '统一社会信用代码 is required for a property company');
        if (!isValidUscc(uscc)) throw new RowError('BAD_USCC', 'uscc', `${uscc} is not a valid unified social credit code`);
        const c = companyOf.get(uscc);
        if (!c) throw new RowError('UNKNOWN_COMPANY', 'uscc', `No property company with credit code ${uscc} is registered`);
        return { subjectKey: subjectKey.company(c.id), subjectName: c.name, propertyCompanyId: c.id, partyOrganizationId: null };
      }
      case RatedSubjectKind.PARTY_BRANCH: {
        if (!name) throw new RowError('NAME_REQUIRED', 'name', 'The party branch’s name is required');
        const found = branches.filter((b) => b.name === name);
        if (found.length !== 1) throw new RowError('UNKNOWN_SUBJECT', 'name', found.length ? `${name} names ${found.length} party organisations` : `No party organisation is called ${name}`);
        return { subjectKey: subjectKey.party(found[0].id), subjectName: found[0].name, propertyCompanyId: null, partyOrganizationId: found[0].id };
      }
      case RatedSubjectKind.OWNERS_COMMITTEE:
        throw new RowError('UNSUPPORTED_SUBJECT', 'name', 'Owners’ committees are rated one by one in the console, not imported');
      default:
        if (!name) throw new RowError('NAME_REQUIRED', 'name', 'The name is required');
        return { subjectKey: subjectKey.name(name), subjectName: name, propertyCompanyId: null, partyOrganizationId: null };
    }
  }
}

const normalise = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();

function parseRate(value: string | null | undefined): number | null {
  const typed = (value ?? '').trim().replace(/%$/, '').trim();
  if (!typed) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(typed) || Number(typed) > 100) throw new RowError('BAD_RATE', 'dissatisfactionRate', `业主不满意率 "${value}" is not a percentage from 0 to 100`);
  return Number(typed);
}
