import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { Assignment } from './assignment.entity';
import { Milestone } from './milestone.entity';
import { TaskItem } from './task-item.entity';

/** One deadline of one assignment: the task's own, or one of its milestones'. */
@ObjectType({ description: 'A deadline an assignment has (overdue, or falling due soon)' })
export class DeadlineEntry {
  @Field(() => Assignment)
  assignment: Assignment;

  @Field(() => TaskItem)
  task: TaskItem;

  @Field(() => Milestone, { nullable: true, description: "Null: the task's own deadline" })
  milestone: Milestone | null;

  @Field(() => LocalDate)
  dueDate: string;

  @Field(() => String, { nullable: true, description: 'The deadline as printed' })
  deadlineText: string | null;

  @Field(() => Int, { description: 'Days past due (negative: days left) as of the date asked' })
  daysOverdue: number;
}

export enum RollupLevel {
  UNIT = 'UNIT',
  PLAN = 'PLAN',
  KEY_WORK = 'KEY_WORK',
  TARGET = 'TARGET',
  TASK = 'TASK',
}
registerEnumType(RollupLevel, { name: 'RollupLevel', description: 'What the roll-up groups assignments by' });

/** The counts of a progress row, declared once for the roll-up's rows and the home page's units. */
@ObjectType()
abstract class ProgressCounts {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  notStarted: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int, { description: 'Not done, with a deadline (task or milestone) passed' })
  overdue: number;

  @Field(() => Int, { description: 'In a plan whose validity has ended: shown as expired, not overdue' })
  expired: number;
}

@ObjectType({ description: 'Assignment counts for one unit, plan, key work, target or task, as of a date' })
export class RollupRow extends ProgressCounts {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unit name, plan name, key work, target or task title' })
  label: string;

  @Field(() => Int, { description: '定期工作: periods of recurring duties from 1 January of asOf’s year to asOf (one per unit and period)' })
  occurrences: number;

  @Field(() => Int, { description: 'Of those, done as often as required (on time or late)' })
  occurrencesHeld: number;

  @Field(() => Int, { description: 'Of those, overdue: the due day passed without it being done' })
  occurrencesOverdue: number;
}

export enum OpenDeadlineState {
  OVERDUE = 'OVERDUE',
  DUE_SOON = 'DUE_SOON',
}
registerEnumType(OpenDeadlineState, { name: 'OpenDeadlineState', description: 'Which open deadlines: 已逾期 (before the day) or 即将到期 (from the day to day + days)' });

/** 首页: one page of open deadlines, and how many there are in all. */
@ObjectType({ description: 'One page of open deadlines (earliest first) and how many there are in all' })
export class DeadlineConnection {
  @Field(() => Int, { description: 'Open deadlines matching the question, in the viewer’s office' })
  totalCount: number;

  @Field(() => [DeadlineEntry], { description: 'This page: earliest due first' })
  nodes: DeadlineEntry[];
}

/** 各单位进度: one unit's assignments counted as of a day. */
@ObjectType({ description: 'One unit’s assignments as of a date, counted in SQL' })
export class UnitProgressRow extends ProgressCounts {
  @Field(() => ID, { description: 'The unit' })
  id: string;

  @Field({ description: 'The unit’s name' })
  label: string;
}

@ObjectType({ description: 'One page of units, the most overdue first, and how many units there are in all' })
export class UnitProgressConnection {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [UnitProgressRow])
  nodes: UnitProgressRow[];
}

@ObjectType({ description: 'One page of roll-up rows (units the most overdue first; plans, key works, targets and tasks in their order) and how many rows there are in all' })
export class RollupConnection {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [RollupRow])
  nodes: RollupRow[];
}
