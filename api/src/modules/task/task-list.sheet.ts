import type { SheetLayout } from '../../common/sheet-import/layout';

/**
 * 任务清单: the table of 000's attachment, 重点工作 / 目标内容 / 工作内容 / 责任单位 / 完成时限, repeated
 * on every printed page. Sent as cells in this order: a blank heading cell continues the one above
 * (merged cells), so rows are read together by task-list.parser.ts, not cell by cell.
 */
export const TASK_LIST_SHEET: SheetLayout = {
  maxRows: 500,
  positional: true,
  columns: [
    { field: 'keyWork', header: { zh: '重点工作', en: 'Key work' } },
    { field: 'target', header: { zh: '目标内容', en: 'Target' } },
    { field: 'content', header: { zh: '工作内容', en: 'Task' } },
    { field: 'units', header: { zh: '责任单位', en: 'Responsible units' } },
    { field: 'deadline', header: { zh: '完成时限', en: 'Deadline' } },
  ],
};
