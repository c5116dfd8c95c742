import { CrudService } from '../../common/crud.service';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import { AwardCase, AwardCaseStep } from './award-case.entity';
import { AwardCaseResolver } from './award-case.resolver';
import { AwardCaseService } from './award-case.service';
import { AWARD_CASE_WORKFLOW } from './award-case.workflow';
import { IncentiveBudget } from './budget.entity';
import { IncentiveBudgetResolver } from './budget.resolver';
import { IncentiveBudgetService } from './budget.service';
import { IncentiveRuleService } from './incentive-rule.service';
import { IncentiveTotalsService } from './incentive-totals.service';
import { IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from './incentive.entities';
import { IncentiveProgrammeResolver, IncentiveRuleResolver, IncentiveTotalsResolver } from './incentive.resolver';
import { Payout, PayoutTransition } from './payout.entity';
import { PayoutResolver } from './payout.resolver';
import { PayoutService } from './payout.service';
import { PAYOUT_WORKFLOW } from './payout.workflow';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const { ds, tx, audit } = kit;
  const incentiveRule = new IncentiveRuleService(ds, tx, audit, { entity: IncentiveRule, typeName: 'IncentiveRule', searchColumns: ['name', 'printed'], childKeys: ['lines'], defaultSort: [['programmeId', 'ASC'], ['validFrom', 'ASC']] });
  const awardCase = new AwardCaseService(ds, tx, audit, { entity: AwardCase, typeName: 'AwardCase', searchColumns: [], defaultSort: [['id', 'DESC']] });
  const payout = new PayoutService(ds, tx, audit, { entity: Payout, typeName: 'Payout', searchColumns: ['recipientName', 'paymentReference'], defaultSort: [['id', 'DESC']] }, incentiveRule);
  payout.caseWorkflow = attachWorkflow(awardCase, AWARD_CASE_WORKFLOW, kit);
  const payoutWorkflow = attachWorkflow(payout, PAYOUT_WORKFLOW, kit);
  return {
    incentiveProgramme: new CrudService(ds, tx, audit, { entity: IncentiveProgramme, typeName: 'IncentiveProgramme', searchColumns: ['name', 'description'] }),
    incentiveRule,
    incentiveBudget: new IncentiveBudgetService(ds, tx, audit, { entity: IncentiveBudget, typeName: 'IncentiveBudget', searchColumns: ['note'], defaultSort: [['year', 'DESC'], ['programmeId', 'ASC']] }),
    incentiveTotals: new IncentiveTotalsService(ds),
    awardCase,
    payout,
    payoutWorkflow,
  };
};

/**
 * 激励: programmes, their rules, yearly budgets, award cases (示范点创建验收) and payouts. Budgets
 * live here, in budget.*.ts, not in a module of their own: approving a payout locks its budget
 * first (one lock order), so budget and payout are one module or a cycle.
 */
export const incentiveModule: ApiModule = {
  name: 'incentive',
  entities: [IncentiveProgramme, IncentiveRule, IncentiveRuleLine, IncentiveBudget, AwardCase, AwardCaseStep, Payout, PayoutTransition],
  services,
  resolvers: [IncentiveProgrammeResolver, IncentiveRuleResolver, IncentiveBudgetResolver, IncentiveTotalsResolver, AwardCaseResolver, PayoutResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
