import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { DeadlineKind, PlanKind, ProgressStatus } from './enums';
import { Urgency } from './supervision.entities';

@InputType()
export class PlanFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => PlanKind, { nullable: true })
  kind?: PlanKind | null;

  @Field(() => ID, { nullable: true, description: 'Plans with a task assigned to this unit' })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '归档: true = archived plans, false = current ones' })
  archived?: boolean | null;
}

@InputType()
export class KeyWorkFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  planId?: string | null;
}

@InputType()
export class TargetFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  keyWorkId?: string | null;
}

@InputType()
export class TaskItemFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Tasks of the plans this office (jurisdiction) issued' })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  keyWorkId?: string | null;

  @Field(() => ID, { nullable: true })
  targetId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Tasks this unit is assigned to, as lead or co-responsible' })
  unitId?: string | null;

  @Field(() => DeadlineKind, { nullable: true })
  deadlineKind?: DeadlineKind | null;
}

@InputType()
export class MilestoneFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  taskItemId?: string | null;
}

@InputType()
export class AssignmentFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  taskItemId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isLead?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Assignments of the tasks of this plan' })
  planId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The task’s deadline (完成时限) on or after this day' })
  dueFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The task’s deadline on or before this day' })
  dueTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: '签收: true = acknowledged, false = not yet' })
  acknowledged?: boolean | null;

  @Field(() => [Urgency], { nullable: true, description: 'The light on asOf (红灯 OVERDUE, 黄灯 DUE_SOON, DONE, NONE)' })
  urgency?: Urgency[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day the urgency filter speaks for; today (China) by default' })
  asOf?: string | null;
}

@InputType()
export class ProgressReportFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  assignmentId?: string | null;

  @Field(() => ID, { nullable: true })
  milestoneId?: string | null;
}

/** 报告进度: a unit's report on its assignment (or on one milestone of it). */
@ArgsType()
export class ReportProgressArgs {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID, { nullable: true, description: 'Report on this milestone of the task; omitted = the task as a whole' })
  milestoneId?: string | null;

  @Field(() => LocalDate, { description: 'The day the report speaks for (not in the future)' })
  @IsPastDate()
  reportDate: string;

  @Field(() => ProgressStatus)
  status: ProgressStatus;

  @Field()
  @NotBlank('note')
  @MaxLength(2000)
  note: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'evidenceUrl must be an http(s) link' })
  @MaxLength(500)
  evidenceUrl?: string | null;
}
