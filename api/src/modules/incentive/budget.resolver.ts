import DataLoader from 'dataloader';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { fenToYuan } from '../../common/money';
import { EDITORS } from '../../common/roles';
import { IncentiveBudget } from './budget.entity';
import { BudgetFilter, CreateIncentiveBudgetArgs, UpdateIncentiveBudgetArgs } from './budget.inputs';
import type { BudgetUse } from './incentive-totals.service';
import { IncentiveProgramme } from './incentive.entities';

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
