import type { EntityManager, ObjectLiteral } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict } from '../../common/errors';
import { fenToYuan, yuanToFen } from '../../common/money';
import { IncentiveBudget } from './budget.entity';
import type { BudgetFilter } from './budget.inputs';
import { COMMITTED } from './incentive.enums';
import { Payout } from './payout.entity';

/** 年度预算: amounts are typed in yuan; a budget cannot drop below what is already committed. */
export class IncentiveBudgetService extends CrudService<IncentiveBudget, BudgetFilter> {
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const { amount, ...rest } = input;
    const out = super.normalize({ ...rest, ...(amount !== undefined ? { amountFen: amount === null ? null : yuanToFen(String(amount), 'amount') } : {}) }, creating);
    return out;
  }

  protected async validate(em: EntityManager, next: IncentiveBudget, before: IncentiveBudget | null): Promise<void> {
    if (!Number.isInteger(next.year) || next.year < 2000 || next.year > 2100) throw badInput('year', 'year must be between 2000 and 2100', 'OUT_OF_RANGE');
    if (before && (before.programmeId !== next.programmeId || before.year !== next.year)) {
      const used = await committedFen(em, before.programmeId, before.year);
      if (used > 0) throw badInput('year', 'Payouts are already committed against this budget: its programme and year cannot change', 'BUDGET_COMMITTED');
    }
    const committed = await committedFen(em, next.programmeId, next.year);
    if (next.amountFen < committed) {
      throw badInput('amount', `${fenToYuan(committed)} yuan is already committed in ${next.year}; the budget cannot be lower`, 'BUDGET_BELOW_COMMITTED');
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
