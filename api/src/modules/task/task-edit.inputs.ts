import { IsBoolean, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { NotBlank } from '../../common/validators';
import { PlanKind } from './enums';

/*
 * 任务清单 as living records (issue 16): the office that issued a plan corrects it — names, numbers,
 * deadlines (typed as printed and read by common/deadline.ts), lead and responsible units — with every
 * change audited. A record with progress reported beneath it is not deleted: the plan is archived.
 */

const YEAR = { nullable: true, description: '计划年度: a deadline typed without a year (11月15日前, 年底前) falls in it' } as const;

@ArgsType()
export class UpdatePlanArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(300)
  name?: string;

  @Field(() => Int, YEAR)
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => LocalDate, { nullable: true, description: '归档: from this day nothing of the plan is due or overdue (null: back in force)' })
  archivedOn?: string | null;
}

@ArgsType()
export class CreatePlanArgs extends UpdatePlanArgs {
  @Field(() => ID)
  documentId: string;

  @Field()
  name: string;

  @Field(() => PlanKind, { nullable: true, defaultValue: PlanKind.TASK_LIST })
  kind?: PlanKind;

  @Field(() => ID, { nullable: true, description: 'The issuing office (default: the user’s own)' })
  jurisdictionId?: string | null;
}

@ArgsType()
export class UpdateKeyWorkArgs {
  @Field(() => String, { nullable: true, description: 'Number as printed: 一, 二 …' })
  @NotBlank('number')
  @MaxLength(10)
  number?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('title')
  @MaxLength(300)
  title?: string;

  @Field(() => String, { nullable: true, description: '工作目标 (special actions)' })
  @IsOptional()
  @MaxLength(5000)
  goal?: string | null;

  @Field(() => String, { nullable: true, description: '牵头单位 as printed' })
  @IsOptional()
  @MaxLength(300)
  leadPrinted?: string | null;

  @Field(() => String, { nullable: true, description: '责任单位 as printed' })
  @IsOptional()
  @MaxLength(300)
  responsiblePrinted?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

@ArgsType()
export class CreateKeyWorkArgs extends UpdateKeyWorkArgs {
  @Field(() => ID)
  planId: string;

  @Field()
  number: string;

  @Field()
  title: string;
}

@ArgsType()
export class UpdateTargetArgs {
  @Field(() => String, { nullable: true, description: 'Number as printed: 一 for (一)' })
  @NotBlank('number')
  @MaxLength(10)
  number?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('title')
  @MaxLength(300)
  title?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

@ArgsType()
export class CreateTargetArgs extends UpdateTargetArgs {
  @Field(() => ID)
  keyWorkId: string;

  @Field()
  number: string;

  @Field()
  title: string;
}

@ArgsType()
export class UpdateTaskItemArgs {
  @Field(() => ID, { nullable: true, description: 'The 目标内容 it serves (a target of the same key work)' })
  targetId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10)
  number?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('content')
  @MaxLength(5000)
  content?: string;

  @Field(() => String, { nullable: true, description: '责任单位 as printed' })
  @IsOptional()
  @MaxLength(300)
  unitsPrinted?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '完成时限 as printed or typed (2025-03-31, 2025年3月底前, 2025年第一季度, 年底前, 长期坚持, 每月不少于1次…), read by the deadline grammar in the plan’s year',
  })
  @NotBlank('deadlineText')
  @MaxLength(100)
  deadlineText?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

@ArgsType()
export class CreateTaskItemArgs extends UpdateTaskItemArgs {
  @Field(() => ID)
  keyWorkId: string;

  @Field()
  content: string;

  @Field()
  deadlineText: string;
}

@ArgsType()
export class UpdateMilestoneArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('text')
  @MaxLength(2000)
  text?: string;

  @Field(() => String, { nullable: true, description: 'The step’s deadline as printed (11月15日前完成): it must name a day' })
  @NotBlank('deadlineText')
  @MaxLength(100)
  deadlineText?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

@ArgsType()
export class CreateMilestoneArgs extends UpdateMilestoneArgs {
  @Field(() => ID)
  taskItemId: string;

  @Field()
  text: string;

  @Field()
  deadlineText: string;
}

@ArgsType()
export class UpdateAssignmentArgs {
  @Field(() => Boolean, { nullable: true, description: '牵头: the unit leads the task' })
  @IsOptional()
  @IsBoolean()
  isLead?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

@ArgsType()
export class CreateAssignmentArgs extends UpdateAssignmentArgs {
  @Field(() => ID)
  taskItemId: string;

  @Field(() => ID, { description: 'A unit of the plan’s office or of a community under it' })
  unitId: string;
}
