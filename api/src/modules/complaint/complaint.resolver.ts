import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { todayInChina } from '../../common/dates';
import { LocalDate } from '../../common/scalars';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Unit } from '../organization/unit.entity';
import { Complaint } from './complaint.entity';
import { ComplaintFiguresReport } from './complaint-figures';
import { ComplaintTimeliness } from './complaint.enums';
import { ComplaintFiguresArgs, CreateComplaintArgs, ComplaintFilter, UpdateComplaintArgs } from './complaint.inputs';
import { timeliness } from './complaint.rules';
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

  @Authorized(...FACT_KEEPERS)
  @Query(() => String, {
    nullable: true,
    description: 'The complainant’s contact, for the call back: to the office of its area and the unit it is assigned to; every reading is recorded in the audit trail',
  })
  complaintContact(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.complaint.contact(toId(id), ctx);
  }

  @Query(() => ComplaintFiguresReport, {
    description: '投诉办理统计: an area’s complaints of the year to date as of a day — received, year-on-year change, 处置率, 按期处置率 — and each area’s under it',
  })
  complaintFigures(@Args(() => ComplaintFiguresArgs, { validate: true }) args: ComplaintFiguresArgs, @Ctx() ctx: AppContext) {
    return ctx.services.complaintFigures.report(args.jurisdictionId, args.asOf ?? todayInChina());
  }

  @FieldResolver(() => ComplaintTimeliness, { description: '办理时效 as of a day (default today): on time, late, overdue or within its limit' })
  timeliness(@Root() c: Complaint, @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null) {
    return timeliness(c, asOf ?? todayInChina());
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
