import { registerEnumType } from 'type-graphql';

/** 计划类别: a task list (000: 重点工作 → 目标内容 → 工作内容) or special actions (004: 专项行动 → 措施). */
export enum PlanKind {
  TASK_LIST = 'TASK_LIST',
  SPECIAL_ACTIONS = 'SPECIAL_ACTIONS',
}
registerEnumType(PlanKind, { name: 'PlanKind', description: '任务清单 / 专项行动' });

/** 完成时限的类别 */
export enum DeadlineKind {
  /** 长期坚持 */
  ONGOING = 'ONGOING',
  /** due by a date (year-only deadlines resolve to the period's last day) */
  DUE = 'DUE',
  /** "2024年完成，并长期坚持": due by a date, then ongoing */
  DUE_THEN_ONGOING = 'DUE_THEN_ONGOING',
  /** 每月 / 每季度…: a duty that comes round every period (common/deadline.ts) */
  RECURRING = 'RECURRING',
}
registerEnumType(DeadlineKind, { name: 'DeadlineKind', description: '长期坚持 / 限期完成 / 限期完成并长期坚持 / 定期（每周、每月、每季度…）' });

/** How often a recurring duty comes round (common/deadline.ts RECURRENCE_UNITS). */
export enum RecurrenceUnit {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(RecurrenceUnit, {
  name: 'RecurrenceUnit',
  description: '周期',
  valuesConfig: { WEEK: { description: '每周' }, MONTH: { description: '每月' }, QUARTER: { description: '每季度' }, HALF_YEAR: { description: '每半年' }, YEAR: { description: '每年' } },
});

/** 进度 reported by a unit. Overdue and expired are derived from dates, never stored. */
export enum ProgressStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(ProgressStatus, { name: 'ProgressStatus', description: '未开始 / 进行中 / 已完成' });
