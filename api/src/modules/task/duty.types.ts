import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { Assignment } from './assignment.entity';
import { DutyReport } from './duty-report.entity';
import { TaskItem } from './task-item.entity';

export enum OccurrenceStatus {
  OPEN = 'OPEN',
  HELD = 'HELD',
  HELD_LATE = 'HELD_LATE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(OccurrenceStatus, {
  name: 'OccurrenceStatus',
  description: 'Where one period of a recurring duty stands on a day',
  valuesConfig: {
    OPEN: { description: '未到期: not (yet) done as often as required, and its due day has not passed' },
    HELD: { description: '已落实: done as often as required by its due day' },
    HELD_LATE: { description: '逾期落实: done as often as required, the last time after its due day' },
    OVERDUE: { description: '逾期未落实: its due day has passed without it being done as often as required' },
  },
});

/** One period of a recurring duty for one responsible unit, as of a day. */
@ObjectType({ description: '定期工作的一期: one period of a recurring duty for one unit, as of a day' })
export class DutyOccurrence {
  @Field(() => Assignment)
  assignment: Assignment;

  @Field(() => TaskItem)
  task: TaskItem;

  @Field({ description: '2025Q3, 2025-07, 2025H2, 2025 or 2025W27' })
  periodKey: string;

  @Field(() => LocalDate)
  starts: string;

  @Field(() => LocalDate)
  ends: string;

  @Field(() => LocalDate, { description: 'Done by this day (the period’s last, or later where printed: 每季度第一个月的月底前)' })
  dueOn: string;

  @Field(() => Int, { description: 'How many times the period asks for (每月不少于2次 → 2)' })
  required: number;

  @Field(() => Int, { description: 'How many times it was reported done on or before the day asked' })
  held: number;

  @Field(() => OccurrenceStatus)
  status: OccurrenceStatus;

  @Field(() => [DutyReport], { description: 'The reports that count for it, oldest first' })
  reports: DutyReport[];
}

/**
 * 定期工作落实情况: one page of the occurrences an office follows (worst first), with the counts of all
 * of them in scope, whatever the status asked for (应报 / 已报 / 逾期 / 未到期).
 */
@ObjectType({ description: '定期工作落实情况: one page of occurrences, the worst first, with the counts of every occurrence in scope' })
export class DutyOccurrenceConnection {
  @Field(() => Int, { description: 'Occurrences matching every filter, the status included (what the pages hold)' })
  totalCount: number;

  @Field(() => Int, { description: '应报: occurrences in scope, whatever their status' })
  expected: number;

  @Field(() => Int, { description: '已报: done as often as required (HELD and HELD_LATE)' })
  reported: number;

  @Field(() => Int, { description: '其中逾期落实: of those, done after the due day (HELD_LATE)' })
  reportedLate: number;

  @Field(() => Int, { description: '逾期: due day passed without it being done (OVERDUE)' })
  overdue: number;

  @Field(() => Int, { description: '未到期: not done yet, its due day still ahead (OPEN)' })
  open: number;

  @Field(() => [DutyOccurrence], { description: 'This page: overdue first, then open, done late, done; earlier due days first' })
  nodes: DutyOccurrence[];
}
