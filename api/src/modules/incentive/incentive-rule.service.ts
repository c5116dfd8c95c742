import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { syncChildren } from '../../common/children';
import { assertPeriod, inForceOn, type PeriodRule } from '../../common/periods';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict } from '../../common/errors';
import { fenToYuan, yuanToFen } from '../../common/money';
import { RecipientRole } from './incentive.enums';
import { IncentiveRule, IncentiveRuleLine } from './incentive.entities';
import type { RuleFilter, RuleLineInput } from './incentive.inputs';
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
  if (!Array.isArray(lines) || lines.length === 0) throw badInput('lines', 'A rule needs at least one recipient line', 'REQUIRED');
  const seen = new Set<string>();
  return (lines as RuleLineInput[]).map((l, i) => {
    const field = `lines.${i}`;
    if (seen.has(l.recipientRole)) throw badInput(`${field}.recipientRole`, `${l.recipientRole} appears twice: one line per recipient`, 'DUPLICATE_LINE');
    seen.add(l.recipientRole);
    const amountFen = l.amount === null || l.amount === undefined || l.amount.trim() === '' ? null : yuanToFen(l.amount, `${field}.amount`);
    return { recipientRole: l.recipientRole, amountFen, printedAmount: l.printedAmount?.trim() || null, note: l.note?.trim() || null, sortOrder: i + 1 };
  });
}
