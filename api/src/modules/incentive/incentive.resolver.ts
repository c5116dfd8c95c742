import DataLoader from 'dataloader';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { fenToYuan } from '../../common/money';
import { EDITORS } from '../../common/roles';
import { IncentiveTotal, IncentiveTotalsBy, type BudgetUse } from './incentive-totals.service';
import { IncentiveBudget, IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from './incentive.entities';
import {
  BudgetFilter,
  CreateIncentiveBudgetArgs,
  CreateIncentiveProgrammeArgs,
  CreateIncentiveRuleArgs,
  ProgrammeFilter,
  RuleFilter,
  TotalsFilter,
  UpdateIncentiveBudgetArgs,
  UpdateIncentiveProgrammeArgs,
  UpdateIncentiveRuleArgs,
} from './incentive.inputs';

@Resolver(() => IncentiveProgramme)
@Authorized()
export class IncentiveProgrammeResolver extends createCrudResolver({
  type: IncentiveProgramme,
  name: 'IncentiveProgramme',
  plural: 'IncentiveProgrammes',
  filter: ProgrammeFilter,
  createArgs: CreateIncentiveProgrammeArgs,
  updateArgs: UpdateIncentiveProgrammeArgs,
  service: (ctx) => ctx.services.incentiveProgramme,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => [IncentiveRule], { description: 'Its rules, oldest first' })
  rules(@Root() p: IncentiveProgramme, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, IncentiveRule, 'programmeId', { validFrom: 'ASC', id: 'ASC' }).load(p.id);
  }

  @FieldResolver(() => [IncentiveBudget], { description: 'Its yearly budgets' })
  budgets(@Root() p: IncentiveProgramme, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, IncentiveBudget, 'programmeId', { year: 'ASC' }).load(p.id);
  }
}

@Resolver(() => IncentiveRule)
@Authorized()
export class IncentiveRuleResolver extends createCrudResolver({
  type: IncentiveRule,
  name: 'IncentiveRule',
  plural: 'IncentiveRules',
  filter: RuleFilter,
  createArgs: CreateIncentiveRuleArgs,
  updateArgs: UpdateIncentiveRuleArgs,
  service: (ctx) => ctx.services.incentiveRule,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => IncentiveProgramme)
  programme(@Root() r: IncentiveRule, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(IncentiveProgramme, r.programmeId);
  }

  @FieldResolver(() => [IncentiveRuleLine], { description: 'One line per recipient' })
  lines(@Root() r: IncentiveRule, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, IncentiveRuleLine, 'ruleId', { sortOrder: 'ASC', id: 'ASC' }).load(r.id);
  }
}

const useOf = (ctx: AppContext, b: IncentiveBudget): Promise<BudgetUse> =>
  ctx.loaders.named('budgetUse', () => new DataLoader<string, BudgetUse>((keys) => ctx.services.incentiveTotals.use(keys))).load(`${b.programmeId}:${b.year}`);

@Resolver(() => IncentiveBudget)
@Authorized()
export class IncentiveBudgetResolver extends createCrudResolver({
  type: IncentiveBudget,
  name: 'IncentiveBudget',
  plural: 'IncentiveBudgets',
  filter: BudgetFilter,
  createArgs: CreateIncentiveBudgetArgs,
  updateArgs: UpdateIncentiveBudgetArgs,
  service: (ctx) => ctx.services.incentiveBudget,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => IncentiveProgramme)
  programme(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(IncentiveProgramme, b.programmeId);
  }

  @FieldResolver(() => GraphQLSafeInt, { description: 'Approved and paid payouts of the year, in fen' })
  async committedFen(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return (await useOf(ctx, b)).committedFen;
  }

  @FieldResolver(() => GraphQLSafeInt, { description: 'Paid payouts of the year, in fen' })
  async paidFen(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return (await useOf(ctx, b)).paidFen;
  }

  @FieldResolver(() => GraphQLSafeInt, { description: 'Budget minus committed, in fen' })
  async availableFen(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return b.amountFen - (await useOf(ctx, b)).committedFen;
  }

  @FieldResolver(() => String, { description: 'Committed in yuan' })
  async committed(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return fenToYuan((await useOf(ctx, b)).committedFen);
  }

  @FieldResolver(() => String, { description: 'Paid in yuan' })
  async paid(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return fenToYuan((await useOf(ctx, b)).paidFen);
  }

  @FieldResolver(() => String, { description: 'Available in yuan' })
  async available(@Root() b: IncentiveBudget, @Ctx() ctx: AppContext) {
    return fenToYuan(b.amountFen - (await useOf(ctx, b)).committedFen);
  }
}

@Resolver()
@Authorized()
export class IncentiveTotalsResolver {
  @Query(() => [IncentiveTotal], { description: '奖励资金统计: committed (approved + paid) and paid amounts by year, programme, recipient or community' })
  incentiveTotals(
    @Arg('by', () => IncentiveTotalsBy) by: IncentiveTotalsBy,
    @Arg('filter', () => TotalsFilter, { nullable: true }) filter: TotalsFilter | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.incentiveTotals.totals(by, filter);
  }
}
