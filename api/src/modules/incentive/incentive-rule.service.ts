import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { syncChildren } from '../../common/children';
import { assertPeriod, inForceOn, type PeriodRule } from '../../common/periods';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict } from '../../common/errors';
import { fenToYuan, yuanToFen } from '../../common/money';
import { COMMITTED, RecipientRole } from './incentive.enums';
import { IncentiveBudget, IncentiveRule, IncentiveRuleLine } from './incentive.entities';
import type { BudgetFilter, RuleFilter, RuleLineInput } from './incentive.inputs';
import { Payout } from './payout.entity';

interface ParsedLine {
  recipientRole: RecipientRole;
  amountFen: number | null;
  printedAmount: string | null;
  note: string | null;
  sortOrder: number;
}

/** One rule of a programme in force on any date. */
const RULE_PERIOD: PeriodRule<IncentiveRule> = {
  entity: IncentiveRule,
  from: 'validFrom',
  to: 'validTo',
  scope: ['programmeId'],
  field: 'validFrom',
  overlap: 'Another rule of this programme applies in that period; end it first so that one rule is in force on any date',
};

/**
 * 奖励规则 with their recipient lines. A rule's validity may not overlap another rule of the same
 * programme, so "the rule in force on a date" has one answer. Edits bump `version`; payouts keep
 * the amounts they were generated with.
 */
export class IncentiveRuleService extends CrudService<IncentiveRule, RuleFilter> {
  protected async saveChildren(em: EntityManager, saved: IncentiveRule, children: ObjectLiteral, creating: boolean): Promise<void> {
    if (!creating && (children.lines === undefined || children.lines === null)) return;
    await syncChildren(em, IncentiveRuleLine, { column: 'ruleId', id: saved.id }, 'recipientRole', parseLines(children.lines));
  }

  protected async validate(em: EntityManager, next: IncentiveRule, before: IncentiveRule | null): Promise<void> {
    if (before) next.version = before.version + 1;
    await assertPeriod(em, RULE_PERIOD, next, before?.id);
  }

  protected applyFilter(qb: SelectQueryBuilder<IncentiveRule>, filter: RuleFilter): void {
    const { inForceOn: day, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (day) inForceOn(qb, day);
  }

  protected async beforeDelete(em: EntityManager, row: IncentiveRule): Promise<void> {
    if (await em.exists(Payout, { where: { ruleId: row.id } })) {
      throw conflict(`Rule ${row.id} has generated payouts; end its validity (validTo) instead of deleting it`, undefined, 'IN_USE');
    }
  }

  linesOf(em: EntityManager, ruleId: number): Promise<IncentiveRuleLine[]> {
    return em.find(IncentiveRuleLine, { where: { ruleId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  /** The rule as the audit trail shows it: its columns and its lines with amounts in yuan. */
  protected async auditSnapshot(em: EntityManager, rule: IncentiveRule): Promise<ObjectLiteral> {
    const lines = await this.linesOf(em, rule.id);
    return {
      ...this.snapshot(rule),
      lines: lines.map((l) => ({ recipientRole: l.recipientRole, amount: l.amountFen === null ? null : fenToYuan(l.amountFen), printedAmount: l.printedAmount, note: l.note })),
    };
  }

  /** The one rule of the programme whose validity covers the date, or CONFLICT saying there is none. */
  async inForce(em: EntityManager, programmeId: number, date: string): Promise<IncentiveRule> {
    const rule = await inForceOn(em.createQueryBuilder(IncentiveRule, 'r').where('r.programmeId = :programmeId', { programmeId }), date, 'r').getOne();
    if (!rule) throw conflict(`No rule of programme ${programmeId} is in force on ${date}; add or extend one first`, undefined, 'NO_RULE_IN_FORCE');
    return rule;
  }
}

function parseLines(lines: unknown): ParsedLine[] {
  if (!Array.isArray(lines) || lines.length === 0) throw badInput('lines', 'A rule needs at least one recipient line');
  const seen = new Set<string>();
  return (lines as RuleLineInput[]).map((l, i) => {
    const field = `lines.${i}`;
    if (seen.has(l.recipientRole)) throw badInput(`${field}.recipientRole`, `${l.recipientRole} appears twice: one line per recipient`);
    seen.add(l.recipientRole);
    const amountFen = l.amount === null || l.amount === undefined || l.amount.trim() === '' ? null : yuanToFen(l.amount, `${field}.amount`);
    return { recipientRole: l.recipientRole, amountFen, printedAmount: l.printedAmount?.trim() || null, note: l.note?.trim() || null, sortOrder: i + 1 };
  });
}

/** 年度预算: amounts are typed in yuan; a budget cannot drop below what is already committed. */
export class IncentiveBudgetService extends CrudService<IncentiveBudget, BudgetFilter> {
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const { amount, ...rest } = input;
    const out = super.normalize({ ...rest, ...(amount !== undefined ? { amountFen: amount === null ? null : yuanToFen(String(amount), 'amount') } : {}) }, creating);
    return out;
  }

  protected async validate(em: EntityManager, next: IncentiveBudget, before: IncentiveBudget | null): Promise<void> {
    if (!Number.isInteger(next.year) || next.year < 2000 || next.year > 2100) throw badInput('year', 'year must be between 2000 and 2100');
    if (before && (before.programmeId !== next.programmeId || before.year !== next.year)) {
      const used = await committedFen(em, before.programmeId, before.year);
      if (used > 0) throw badInput('year', 'Payouts are already committed against this budget: its programme and year cannot change');
    }
    const committed = await committedFen(em, next.programmeId, next.year);
    if (next.amountFen < committed) {
      throw badInput('amount', `${fenToYuan(committed)} yuan is already committed in ${next.year}; the budget cannot be lower`);
    }
  }

  protected async beforeDelete(em: EntityManager, row: IncentiveBudget): Promise<void> {
    if ((await committedFen(em, row.programmeId, row.year)) > 0) {
      throw conflict(`Payouts are committed against the ${row.year} budget; it cannot be deleted`, undefined, 'IN_USE');
    }
  }
}

/** Approved plus paid amounts of a programme's year, in fen. */
export async function committedFen(em: EntityManager, programmeId: number, year: number): Promise<number> {
  const row = await em
    .createQueryBuilder(Payout, 'p')
    .select('COALESCE(SUM(p.amountFen), 0)', 'total')
    .where('p.programmeId = :programmeId AND p.budgetYear = :year AND p.status IN (:...statuses)', { programmeId, year, statuses: COMMITTED })
    .getRawOne<{ total: string | number }>();
  return Number(row?.total ?? 0);
}
