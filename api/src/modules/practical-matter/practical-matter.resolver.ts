import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { FACT_KEEPERS } from '../../common/roles';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PracticalMatter } from './practical-matter.entity';
import { CreatePracticalMatterArgs, PracticalMatterFilter, UpdatePracticalMatterArgs } from './practical-matter.inputs';
import { PRACTICAL_MATTER_WORKFLOW } from './practical-matter.workflow';

@Resolver(() => PracticalMatter)
@Authorized()
export class PracticalMatterResolver extends withWorkflow({
  base: createReadResolver({ type: PracticalMatter, name: 'PracticalMatter', plural: 'PracticalMatters', filter: PracticalMatterFilter, service: (ctx) => ctx.services.practicalMatter }),
  decl: PRACTICAL_MATTER_WORKFLOW,
  workflow: (ctx) => ctx.services.practicalMatter.workflow as never,
}) {
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => PracticalMatter, { description: '立项: records a practical matter of a compound, dated the day it was opened' })
  createPracticalMatter(@Args(() => CreatePracticalMatterArgs, { validate: true }) args: CreatePracticalMatterArgs, @Ctx() ctx: AppContext) {
    return ctx.services.practicalMatter.create({ ...args }, ctx);
  }

  @Authorized(...FACT_KEEPERS)
  @Mutation(() => PracticalMatter, { description: 'Corrects a practical matter; fixed once closed. Never deleted: one opened in error is closed with evidence of why' })
  updatePracticalMatter(@Arg('id', () => ID) id: string, @Args(() => UpdatePracticalMatterArgs, { validate: true }) args: UpdatePracticalMatterArgs, @Ctx() ctx: AppContext) {
    return ctx.services.practicalMatter.update(toId(id), { ...args }, ctx);
  }

  @FieldResolver(() => Compound)
  compound(@Root() m: PracticalMatter, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, m.compoundId);
  }

  @FieldResolver(() => Jurisdiction)
  community(@Root() m: PracticalMatter, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, m.communityId);
  }

  @FieldResolver(() => Unit, { nullable: true })
  ownerUnit(@Root() m: PracticalMatter, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, m.ownerUnitId);
  }
}
