import { ListSize } from '../../common/query-limits';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver, createReadResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { EDITORS, Role } from '../../common/roles';
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
import {
  CreateAssignmentArgs,
  CreateKeyWorkArgs,
  CreateMilestoneArgs,
  CreatePlanArgs,
  CreateTargetArgs,
  CreateTaskItemArgs,
  UpdateAssignmentArgs,
  UpdateKeyWorkArgs,
  UpdateMilestoneArgs,
  UpdatePlanArgs,
  UpdateTargetArgs,
  UpdateTaskItemArgs,
} from './task-edit.inputs';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';

const byOrder = { sortOrder: 'ASC', id: 'ASC' } as const;

@Resolver(() => Plan)
@Authorized()
export class PlanResolver extends createCrudResolver({
  type: Plan,
  name: 'Plan',
  plural: 'Plans',
  filter: PlanFilter,
  createArgs: CreatePlanArgs,
  updateArgs: UpdatePlanArgs,
  service: (ctx) => ctx.services.plan,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
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
export class KeyWorkResolver extends createCrudResolver({
  type: KeyWork,
  name: 'KeyWork',
  plural: 'KeyWorks',
  filter: KeyWorkFilter,
  createArgs: CreateKeyWorkArgs,
  updateArgs: UpdateKeyWorkArgs,
  service: (ctx) => ctx.services.keyWork,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
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
export class TargetResolver extends createCrudResolver({
  type: Target,
  name: 'Target',
  plural: 'Targets',
  filter: TargetFilter,
  createArgs: CreateTargetArgs,
  updateArgs: UpdateTargetArgs,
  service: (ctx) => ctx.services.target,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
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
export class TaskItemResolver extends createCrudResolver({
  type: TaskItem,
  name: 'TaskItem',
  plural: 'TaskItems',
  filter: TaskItemFilter,
  createArgs: CreateTaskItemArgs,
  updateArgs: UpdateTaskItemArgs,
  service: (ctx) => ctx.services.taskItem,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
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
export class MilestoneResolver extends createCrudResolver({
  type: Milestone,
  name: 'Milestone',
  plural: 'Milestones',
  filter: MilestoneFilter,
  createArgs: CreateMilestoneArgs,
  updateArgs: UpdateMilestoneArgs,
  service: (ctx) => ctx.services.milestone,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => TaskItem)
  taskItem(@Root() m: Milestone, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(TaskItem, m.taskItemId);
  }
}

@Resolver(() => Assignment)
@Authorized()
export class AssignmentResolver extends createCrudResolver({
  type: Assignment,
  name: 'Assignment',
  plural: 'Assignments',
  filter: AssignmentFilter,
  createArgs: CreateAssignmentArgs,
  updateArgs: UpdateAssignmentArgs,
  service: (ctx) => ctx.services.assignment,
  // the office that issued the plan corrects it (common/scope.ts 'issued'); a unit reports, never edits
  writeRoles: EDITORS,
}) {
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
