import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { ImportCounts, ImportRow } from '../../common/sheet-import/sheet-import.types';
import { DeadlineKind, RecurrenceUnit } from './enums';

@InputType({ description: 'One sheet row below the header, cells in the order 重点工作, 目标内容, 工作内容, 责任单位, 完成时限' })
export class TaskListRowInput {
  @Field(() => Int, { description: 'Row number in the sheet, for messages' })
  line: number;

  @Field(() => [String])
  @MaxLength(2000, { each: true })
  cells: string[];
}

@ObjectType({
  implements: ImportRow,
  description: 'What importing one task-list row does. reasonCode (rejected): NO_KEY_WORK, NO_TARGET, CONTENT_REQUIRED, UNKNOWN_DEADLINE, YEAR_REQUIRED, BAD_DATE, UNKNOWN_UNIT, NO_UNITS',
})
export class TaskListRowResult extends ImportRow {
  @Field(() => String, { nullable: true })
  keyWork: string | null;

  @Field(() => String, { nullable: true })
  target: string | null;

  @Field(() => String, { nullable: true })
  content: string | null;

  @Field(() => [String], { description: 'Units as understood, lead first' })
  units: string[];

  @Field({ description: 'Includes 各社区 (every community of the jurisdiction)' })
  allCommunities: boolean;

  @Field(() => DeadlineKind, { nullable: true })
  deadlineKind: DeadlineKind | null;

  @Field(() => LocalDate, { nullable: true })
  dueDate: string | null;

  @Field(() => String, { nullable: true, description: '完成时限 as printed' })
  deadlineText: string | null;

  @Field(() => RecurrenceUnit, { nullable: true, description: 'RECURRING: how often' })
  recurrenceUnit: RecurrenceUnit | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING: at least this many times each period' })
  recurrenceTimes: number | null;

  @Field({ description: 'The deadline names no year: it was read in the plan’s year' })
  yearFromContext: boolean;
}

@ObjectType({ implements: ImportCounts, description: 'The outcome of a task-list import (a preview when committed is false); every row that imports adds a task' })
export class TaskListImportResult extends ImportCounts {
  @Field(() => ID, { nullable: true, description: 'The plan created (after a commit)' })
  planId: string | null;

  @Field(() => Int)
  keyWorks: number;

  @Field(() => Int)
  targets: number;

  @Field(() => Int)
  tasks: number;

  @Field(() => Int)
  assignments: number;

  @Field(() => [TaskListRowResult])
  rows: TaskListRowResult[];
}
