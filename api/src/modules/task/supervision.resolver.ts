import { IsOptional, MaxLength } from 'class-validator';
import DataLoader from 'dataloader';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { BaseFilterInput } from '../../common/filters';
import { childrenOf } from '../../common/loaders';
import { ListSize } from '../../common/query-limits';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { NotBlank } from '../../common/validators';
import { User } from '../auth/user.entity';
import { Assignment } from './assignment.entity';
import { TaskReminder, Urgency, Urging } from './supervision.entities';

@InputType()
export class UrgingFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  assignmentId?: string | null;
}

@ArgsType()
export class UrgeAssignmentArgs {
  @Field(() => ID)
  assignmentId: string;

  @Field({ description: 'What the office asks of the unit' })
  @NotBlank('message')
  @MaxLength(2000)
  message: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it is to be done by' })
  @IsOptional()
  dueBy?: string | null;
}

const AS_OF = { nullable: true, description: 'The day (default: today in China)' } as const;

@Resolver(() => Urging)
@Authorized()
export class UrgingResolver extends createReadResolver({ type: Urging, name: 'Urging', plural: 'Urgings', filter: UrgingFilter, service: (ctx) => ctx.services.urging }) {
  @Authorized(...EDITORS)
  @Mutation(() => Urging, { description: '催办: the office that issued the plan sends a dated, signed notice about an overdue assignment; the unit sees it on its task' })
  urgeAssignment(@Args(() => UrgeAssignmentArgs, { validate: true }) args: UrgeAssignmentArgs, @Ctx() ctx: AppContext) {
    return ctx.services.urging.create({ ...args }, ctx);
  }

  @FieldResolver(() => Assignment)
  assignment(@Root() u: Urging, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Assignment, u.assignmentId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who sent it (display name)' })
  async sentBy(@Root() u: Urging, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.ref(User, u.sentById))?.displayName ?? null;
  }
}

/** 督办 on an assignment: its light, its receipt, the office's 催办 and the reminders sent. */
@Resolver(() => Assignment)
@Authorized()
export class AssignmentSupervisionResolver {
  private light(ctx: AppContext, day: string) {
    return ctx.loaders.named(`assignmentUrgency:${day}`, () => new DataLoader<number, { urgency: Urgency; nextDueOn: string | null }>((ids) => ctx.services.supervision.urgencyOf(ids, day)));
  }

  @FieldResolver(() => Urgency, { description: '黄灯 / 红灯 on asOf (default today): a deadline within REMINDER_DAYS, or one passed' })
  async urgency(@Root() a: Assignment, @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null, @Ctx() ctx: AppContext) {
    return (await this.light(ctx, asOf ?? todayInChina()).load(a.id)).urgency;
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'The next open deadline on or after asOf (default today)' })
  async nextDueOn(@Root() a: Assignment, @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null, @Ctx() ctx: AppContext) {
    return (await this.light(ctx, asOf ?? todayInChina()).load(a.id)).nextDueOn;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who acknowledged it (display name)' })
  async acknowledgedBy(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.ref(User, a.acknowledgedById))?.displayName ?? null;
  }

  @ListSize(20)
  @FieldResolver(() => [Urging], { description: '催办 notices, newest first' })
  urgings(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, Urging, 'assignmentId', { id: 'DESC' }).load(a.id);
  }

  @ListSize(20)
  @FieldResolver(() => [TaskReminder], { description: 'Reminders the daily pass sent, newest first' })
  reminders(@Root() a: Assignment, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, TaskReminder, 'assignmentId', { id: 'DESC' }).load(a.id);
  }

  // the unit's staff, for their own unit; the office, for what it issued
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => Assignment, { description: '签收: the unit acknowledges its assignment (once; again changes nothing)' })
  acknowledgeAssignment(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.supervision.acknowledge(toId(id), ctx);
  }
}
