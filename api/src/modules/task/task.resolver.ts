import { ListSize } from '../../common/query-limits';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { Role } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { User } from '../auth/user.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { documentExpired, PolicyDocument } from '../policy/policy-document.entity';
import { Assignment } from './assignment.entity';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { ProgressReport } from './progress-report.entity';
import { AssignmentFilter, KeyWorkFilter, MilestoneFilter, PlanFilter, ProgressReportFilter, ReportProgressArgs, TargetFilter, TaskItemFilter } from './task.inputs';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';

const byOrder = { sortOrder: 'ASC', id: 'ASC' } as const;

@Resolver(() => Plan)
@Authorized()
export class PlanResolver extends createReadResolver({ type: Plan, name: 'Plan', plural: 'Plans', filter: PlanFilter, service: (ctx) => ctx.services.plan }) {
  @FieldResolver(() => PolicyDocument)
  document(@Root() p: Plan, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PolicyDocument, p.documentId);
  }

  @FieldResolver(() => Jurisdiction)
  jurisdiction(@Root() p: Plan, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, p.jurisdictionId);
  }

  @ListSize(15)
  @FieldResolver(() => [KeyWork])
  keyWorks(@Root() p: Plan, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, KeyWork, 'planId', byOrder).load(p.id);
  }

  @FieldResolver(() => Boolean, { description: "The document's validity has ended by that date (its tasks show as expired, not overdue)" })
  async expired(@Root() p: Plan, @Arg('asOf', () => LocalDate) asOf: string, @Ctx() ctx: AppContext) {
    return documentExpired(await ctx.loaders.ref(PolicyDocument, p.documentId), asOf);
  }
}

@Resolver(() => KeyWork)
@Authorized()
export class KeyWorkResolver extends createReadResolver({ type: KeyWork, name: 'KeyWork', plural: 'KeyWorks', filter: KeyWorkFilter, service: (ctx) => ctx.services.keyWork }) {
  @FieldResolver(() => Plan)
  plan(@Root() k: KeyWork, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Plan, k.planId);
  }

  @ListSize(10)
  @FieldResolver(() => [Target])
  targets(@Root() k: KeyWork, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Target, 'keyWorkId', byOrder).load(k.id);
  }

  @ListSize(15)
  @FieldResolver(() => [TaskItem])
  tasks(@Root() k: KeyWork, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, TaskItem, 'keyWorkId', byOrder).load(k.id);
  }
}

@Resolver(() => Target)
@Authorized()
export class TargetResolver extends createReadResolver({ type: Target, name: 'Target', plural: 'Targets', filter: TargetFilter, service: (ctx) => ctx.services.target }) {
  @FieldResolver(() => KeyWork)
  keyWork(@Root() t: Target, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(KeyWork, t.keyWorkId);
  }

  @ListSize(15)
  @FieldResolver(() => [TaskItem])
  tasks(@Root() t: Target, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, TaskItem, 'targetId', byOrder).load(t.id);
  }
}

@Resolver(() => TaskItem)
@Authorized()
export class TaskItemResolver extends createReadResolver({ type: TaskItem, name: 'TaskItem', plural: 'TaskItems', filter: TaskItemFilter, service: (ctx) => ctx.services.taskItem }) {
  @FieldResolver(() => KeyWork)
  keyWork(@Root() t: TaskItem, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(KeyWork, t.keyWorkId);
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() t: TaskItem, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Target, t.targetId);
  }

  @ListSize(5)
  @FieldResolver(() => [Milestone])
  milestones(@Root() t: TaskItem, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Milestone, 'taskItemId', byOrder).load(t.id);
  }

  @ListSize(30)
  @FieldResolver(() => [Assignment], { description: 'Lead units first, in printed order' })
  assignments(@Root() t: TaskItem, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Assignment, 'taskItemId', byOrder).load(t.id);
  }
}

@Resolver(() => Milestone)
@Authorized()
export class MilestoneResolver extends createReadResolver({ type: Milestone, name: 'Milestone', plural: 'Milestones', filter: MilestoneFilter, service: (ctx) => ctx.services.milestone }) {
  @FieldResolver(() => TaskItem)
  taskItem(@Root() m: Milestone, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(TaskItem, m.taskItemId);
  }
}

@Resolver(() => Assignment)
@Authorized()
export class AssignmentResolver extends createReadResolver({ type: Assignment, name: 'Assignment', plural: 'Assignments', filter: AssignmentFilter, service: (ctx) => ctx.services.assignment }) {
  @FieldResolver(() => TaskItem)
  taskItem(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(TaskItem, a.taskItemId);
  }

  @FieldResolver(() => Unit)
  unit(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, a.unitId);
  }

  @FieldResolver(() => [ProgressReport], { description: 'Reports, oldest first' })
  reports(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, ProgressReport, 'assignmentId', { reportDate: 'ASC', id: 'ASC' }).load(a.id);
  }
}

@Resolver(() => ProgressReport)
@Authorized()
export class ProgressReportResolver extends createReadResolver({
  type: ProgressReport,
  name: 'ProgressReport',
  plural: 'ProgressReports',
  filter: ProgressReportFilter,
  service: (ctx) => ctx.services.progressReport,
}) {
  @Authorized(Role.ADMIN, Role.PARTY_OFFICE, Role.UNIT_STAFF)
  @Mutation(() => ProgressReport, { description: 'Reports progress on an assignment; unit staff only for their own unit. Reports are never edited: a correction is a newer report' })
  reportProgress(@Args(() => ReportProgressArgs, { validate: true }) args: ReportProgressArgs, @Ctx() ctx: AppContext) {
    return ctx.services.progressReport.create({ ...args }, ctx);
  }

  @FieldResolver(() => Assignment)
  assignment(@Root() r: ProgressReport, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Assignment, r.assignmentId);
  }

  @FieldResolver(() => Milestone, { nullable: true })
  milestone(@Root() r: ProgressReport, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Milestone, r.milestoneId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who reported (display name)' })
  async reportedBy(@Root() r: ProgressReport, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.ref(User, r.reportedById))?.displayName ?? null;
  }
}
