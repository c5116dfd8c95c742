import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { EDITORS } from '../../common/roles';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Unit } from '../organization/unit.entity';
import { Complaint } from './complaint.entity';
import { CreateComplaintArgs, ComplaintFilter, UpdateComplaintArgs } from './complaint.inputs';
import { COMPLAINT_WORKFLOW } from './complaint.workflow';

@Resolver(() => Complaint)
@Authorized()
export class ComplaintResolver extends withWorkflow({
  base: createReadResolver({ type: Complaint, name: 'Complaint', plural: 'Complaints', filter: ComplaintFilter, service: (ctx) => ctx.services.complaint }),
  decl: COMPLAINT_WORKFLOW,
  workflow: (ctx) => ctx.services.complaint.workflow as never,
}) {
  @Authorized(...EDITORS)
  @Mutation(() => Complaint, { description: 'Records a complaint (受理), dated the day it was received' })
  createComplaint(@Args(() => CreateComplaintArgs, { validate: true }) args: CreateComplaintArgs, @Ctx() ctx: AppContext) {
    return ctx.services.complaint.create({ ...args }, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Complaint, { description: 'Corrects a complaint or names its responsible unit; fixed once handled. Complaints are never deleted: one not accepted is closed with a reason' })
  updateComplaint(@Arg('id', () => ID) id: string, @Args(() => UpdateComplaintArgs, { validate: true }) args: UpdateComplaintArgs, @Ctx() ctx: AppContext) {
    return ctx.services.complaint.update(toId(id), { ...args }, ctx);
  }

  @FieldResolver(() => Compound)
  compound(@Root() c: Complaint, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, c.compoundId);
  }

  @FieldResolver(() => Jurisdiction)
  community(@Root() c: Complaint, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, c.communityId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() c: Complaint, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, c.propertyCompanyId);
  }

  @FieldResolver(() => Unit, { nullable: true })
  assignedUnit(@Root() c: Complaint, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, c.assignedUnitId);
  }
}
