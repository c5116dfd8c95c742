import { Args, Authorized, Ctx, FieldResolver, ID, Arg, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { childrenOf } from '../../common/loaders';
import { EDITORS } from '../../common/roles';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { AwardCase, AwardCaseStep } from './award-case.entity';
import { AWARD_CASE_FLOW, AwardCaseStatus } from './incentive.enums';
import { IncentiveProgramme } from './incentive.entities';
import { AdvanceAwardCaseArgs, AwardCaseFilter, CreateAwardCaseArgs, UpdateAwardCaseArgs } from './incentive.inputs';
import { Payout } from './payout.entity';

@Resolver(() => AwardCase)
@Authorized()
export class AwardCaseResolver extends createReadResolver({
  type: AwardCase,
  name: 'AwardCase',
  plural: 'AwardCases',
  filter: AwardCaseFilter,
  service: (ctx) => ctx.services.awardCase,
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

  @Authorized(...EDITORS)
  @Mutation(() => AwardCase, { description: 'Records the next step (inspection, superior acceptance, street acceptance, rejection, re-application), dated and signed' })
  advanceAwardCase(@Args(() => AdvanceAwardCaseArgs, { validate: true }) a: AdvanceAwardCaseArgs, @Ctx() ctx: AppContext) {
    return ctx.services.awardCase.advance(toId(a.id), a.to, a.date, a.reason, ctx);
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

  @FieldResolver(() => [AwardCaseStep], { description: 'Every step, oldest first' })
  steps(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, AwardCaseStep, 'caseId', { id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => [Payout], { description: 'The payouts generated from this case' })
  payouts(@Root() c: AwardCase, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Payout, 'caseId', { id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => [AwardCaseStatus], { description: 'The stages this case may move to next' })
  nextStatuses(@Root() c: AwardCase) {
    return AWARD_CASE_FLOW[c.status];
  }
}
