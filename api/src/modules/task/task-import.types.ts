import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { ImportCounts, ImportRow } from '../../common/sheet-import/sheet-import.types';
import { DeadlineKind, RecurrenceUnit } from './enums';

@InputType({
  description:
    'One sheet row below the header, cells in the order of the layout: TASK_LIST 重点工作, 目标内容, 工作内容, 责任单位, 完成时限; SPECIAL_ACTIONS 专项行动, 工作目标, 目标时限, 主要措施, 时间节点, 牵头单位, 责任单位',
})
export class TaskListRowInput {
  @Field(() => Int, { description: 'Row number in the sheet, for messages' })
  line: number;

  @Field(() => [String])
  @MaxLength(2000, { each: true })
  cells: string[];
}

/** 节点 as an import reads it: the step as written, its deadline as printed and the day it means. */
@ObjectType({ description: 'A dated step of a measure as the import reads it (a Milestone once imported)' })
export class TaskListMilestone {
  @Field({ description: 'The step as written, with its deadline' })
  text: string;

  @Field({ description: 'The deadline as printed, e.g. 11月15日前完成' })
  deadlineText: string;

  @Field(() => LocalDate)
  dueDate: string;

  @Field({ description: 'The deadline names no year: it was read in the plan’s year' })
  yearFromContext: boolean;
}

@ObjectType({
  implements: ImportRow,
  description:
    'What importing one row of a task list (TASK_LIST: one task) or an action plan (SPECIAL_ACTIONS: one 主要措施 under its 专项行动) does. reasonCode (rejected): NO_KEY_WORK, NO_TARGET, CONTENT_REQUIRED, UNKNOWN_DEADLINE, YEAR_REQUIRED, BAD_DATE, UNKNOWN_UNIT, NO_UNITS; SPECIAL_ACTIONS also DUPLICATE_ACTION, ACTION_CELL_CONFLICT, MILESTONE_NEEDS_DATE, TOO_LONG',
})
export class TaskListRowResult extends ImportRow {
  @Field(() => String, { nullable: true, description: '重点工作 or 专项行动, with its number' })
  keyWork: string | null;

  @Field(() => String, { nullable: true })
  target: string | null;

  @Field(() => String, { nullable: true, description: 'SPECIAL_ACTIONS: the action’s 工作目标' })
  goal: string | null;

  @Field(() => String, { nullable: true, description: 'SPECIAL_ACTIONS: the measure’s number (一, 二 …)' })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'SPECIAL_ACTIONS: the measure’s heading, when its first sentence is one' })
  title: string | null;

  @Field(() => String, { nullable: true })
  content: string | null;

  @Field(() => [String], { description: 'Units as understood, lead first' })
  units: string[];

  @Field(() => [String], { description: 'The units among them that lead (TASK_LIST: the first; SPECIAL_ACTIONS: 牵头单位)' })
  leadUnits: string[];

  @Field({ description: 'Includes 各社区 (every community of the jurisdiction)' })
  allCommunities: boolean;

  @Field({ description: 'SPECIAL_ACTIONS: 各社区 lead' })
  leadAllCommunities: boolean;

  @Field(() => [TaskListMilestone], { description: 'SPECIAL_ACTIONS: the measure’s dated steps (时间节点)' })
  milestones: TaskListMilestone[];

  @Field(() => DeadlineKind, { nullable: true })
  deadlineKind: DeadlineKind | null;

  @Field(() => LocalDate, { nullable: true })
  dueDate: string | null;

  @Field(() => String, { nullable: true, description: '完成时限 as printed (SPECIAL_ACTIONS: the line of 目标时限 the measure is due by; null when it is blank, 长期坚持)' })
  deadlineText: string | null;

  @Field(() => RecurrenceUnit, { nullable: true, description: 'RECURRING: how often' })
  recurrenceUnit: RecurrenceUnit | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING: at least this many times each period' })
  recurrenceTimes: number | null;

  @Field({ description: 'The deadline names no year: it was read in the plan’s year' })
  yearFromContext: boolean;
}

@ObjectType({
  implements: ImportCounts,
  description: 'The outcome of a task-list import (a preview when committed is false); every row that imports adds a task (SPECIAL_ACTIONS: a measure; keyWorks counts the actions)',
})
export class TaskListImportResult extends ImportCounts {
  @Field(() => ID, { nullable: true, description: 'The plan created (after a commit)' })
  planId: string | null;

  @Field(() => Int)
  keyWorks: number;

  @Field(() => Int)
  targets: number;

  @Field(() => Int)
  tasks: number;

  @Field(() => Int, { description: 'Dated steps (SPECIAL_ACTIONS)' })
  milestones: number;

  @Field(() => Int)
  assignments: number;

  @Field(() => [TaskListRowResult])
  rows: TaskListRowResult[];
}
