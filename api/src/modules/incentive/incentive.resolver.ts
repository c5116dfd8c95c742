import { ListSize } from '../../common/query-limits';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { EDITORS } from '../../common/roles';
import { IncentiveTotal, IncentiveTotalsBy } from './incentive-totals.service';
import { IncentiveBudget } from './budget.entity';
import { IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from './incentive.entities';
import { CreateIncentiveProgrammeArgs, CreateIncentiveRuleArgs, ProgrammeFilter, RuleFilter, TotalsFilter, UpdateIncentiveProgrammeArgs, UpdateIncentiveRuleArgs } from './incentive.inputs';

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

@Resolver()
@Authorized()
export class IncentiveTotalsResolver {
  @ListSize(200)
  @Query(() => [IncentiveTotal], { description: '奖励资金统计: committed (approved + paid) and paid amounts by year, programme, recipient or community' })
  incentiveTotals(@Arg('by', () => IncentiveTotalsBy) by: IncentiveTotalsBy, @Arg('filter', () => TotalsFilter, { nullable: true }) filter: TotalsFilter | null, @Ctx() ctx: AppContext) {
    return ctx.services.incentiveTotals.totals(by, filter);
  }
}
