import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { DeadlineKind, PlanKind, ProgressStatus } from './enums';

@InputType()
export class PlanFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => PlanKind, { nullable: true })
  kind?: PlanKind | null;
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
