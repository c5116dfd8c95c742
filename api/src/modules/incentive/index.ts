import { CrudService } from '../../common/crud.service';
import type { KindParams, NotificationKindDecls } from '../notification';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import { ApprovalFormService } from './approval-form';
import { mountApprovalForm } from './approval-form.http';
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
  const incentiveRule = new IncentiveRuleService(ds, tx, audit, {
    entity: IncentiveRule,
    typeName: 'IncentiveRule',
    searchColumns: ['name', 'printed'],
    childKeys: ['lines'],
    defaultSort: [
      ['programmeId', 'ASC'],
      ['validFrom', 'ASC'],
    ],
  });
  const awardCase = new AwardCaseService(ds, tx, audit, { entity: AwardCase, typeName: 'AwardCase', searchColumns: [], defaultSort: [['id', 'DESC']] });
  const payout = new PayoutService(ds, tx, audit, { entity: Payout, typeName: 'Payout', searchColumns: ['recipientName', 'paymentReference'], defaultSort: [['id', 'DESC']] }, incentiveRule);
  payout.caseWorkflow = attachWorkflow(awardCase, AWARD_CASE_WORKFLOW, kit);
  const payoutWorkflow = attachWorkflow(payout, PAYOUT_WORKFLOW, kit);
  return {
    incentiveProgramme: new CrudService(ds, tx, audit, { entity: IncentiveProgramme, typeName: 'IncentiveProgramme', searchColumns: ['name', 'description'] }),
    incentiveRule,
    incentiveBudget: new IncentiveBudgetService(ds, tx, audit, {
      entity: IncentiveBudget,
      typeName: 'IncentiveBudget',
      searchColumns: ['note'],
      defaultSort: [
        ['year', 'DESC'],
        ['programmeId', 'ASC'],
      ],
    }),
    incentiveTotals: new IncentiveTotalsService(ds),
    awardCase,
    payout,
    payoutWorkflow,
    approvalForm: new ApprovalFormService(ds, payout, payoutWorkflow),
  };
};

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  ALREADY_AWARDED: 'The site already has an award case or its payouts in this programme: one site earns one award',
  NOT_ACCEPTED: 'Payouts come only after the site is accepted by the superior department and then the street',
  NO_AMOUNT: 'The rule in force names no amount for this recipient: set it on the rule first',
  NO_COMPANY: 'The award case names no property company: set it before generating payouts',
  IN_USE: 'Payouts are committed against this budget or rule, so it cannot be deleted',
  REFERENCE_USED: 'The payment reference is already recorded on another payout',
  NO_RULE_IN_FORCE: 'No rule of the programme is in force on that day',
  NO_BUDGET: 'No budget is set for the programme and year of the payout',
  OVER_BUDGET: 'Approving would exceed the year’s budget (extensions.budgetFen, committedFen, availableFen)',
  MAKER_CHECKER: 'The submitter of a payout may not approve it: another member of the office must',
  BUDGET_BELOW_COMMITTED: 'A budget cannot be set lower than what payouts already commit against it',
  DUPLICATE_LINE: 'A rule names one recipient twice: one line per recipient',
  BUDGET_COMMITTED: 'Payouts are committed against the budget, so its programme and year cannot change',
} as const;

/** The notifications it sends (modules/notification; the console translates them in resources/incentive/messages.ts). */
const notificationKinds = {
  PAYOUT_SUBMITTED: {
    description: 'A payout was submitted and waits for approval: told to the paying office’s PARTY_OFFICE users other than the submitter (maker-checker)',
    params: ['programme', 'recipient', 'amount'],
    title: '奖励发放待审批：%{recipient} %{amount} 元（%{programme}）',
  },
} as const satisfies NotificationKindDecls;

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
  reasons,
  notificationKinds,
  http: (app, kit) => mountApprovalForm(app, kit),
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../notification/notification.kinds' {
  interface ModuleNotificationKinds extends KindParams<typeof notificationKinds> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
