import { Args, Authorized, Ctx, FieldResolver, ID, Arg, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { childrenOf } from '../../common/loaders';
import { EDITORS } from '../../common/roles';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { AwardCase } from './award-case.entity';
import { AWARD_CASE_WORKFLOW } from './award-case.workflow';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { IncentiveProgramme } from './incentive.entities';
import { AwardCaseFilter, CreateAwardCaseArgs, UpdateAwardCaseArgs } from './incentive.inputs';
import { Payout } from './payout.entity';

@Resolver(() => AwardCase)
@Authorized()
export class AwardCaseResolver extends withWorkflow({
  base: createReadResolver({ type: AwardCase, name: 'AwardCase', plural: 'AwardCases', filter: AwardCaseFilter, service: (ctx) => ctx.services.awardCase }),
  decl: AWARD_CASE_WORKFLOW,
  workflow: (ctx) => ctx.services.awardCase.workflow as never,
}) {
  @Authorized(...EDITORS)
  @Mutation(() => AwardCase, { description: 'Opens a case for a site (申报); refused when the site already has one in the programme' })
  createAwardCase(@Args(() => CreateAwardCaseArgs, { validate: true }) args: CreateAwardCaseArgs, @Ctx() ctx: AppContext) {
    return ctx.services.awardCase.create({ ...args }, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AwardCase, { description: 'Changes the note; the property company and year only before street acceptance' })
  updateAwardCase(@Arg('id', () => ID) id: string, @Args(() => UpdateAwardCaseArgs, { validate: true }) args: UpdateAwardCaseArgs, @Ctx() ctx: AppContext) {
    return ctx.services.awardCase.update(toId(id), { ...args }, ctx);
  }

  @FieldResolver(() => IncentiveProgramme)
  programme(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(IncentiveProgramme, c.programmeId);
  }

  @FieldResolver(() => Compound)
  compound(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, c.compoundId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, c.propertyCompanyId);
  }

  @FieldResolver(() => Jurisdiction)
  community(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, c.communityId);
  }

  @FieldResolver(() => [Payout], { description: 'The payouts generated from this case' })
  payouts(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Payout, 'caseId', { id: 'ASC' }).load(c.id);
  }
}
