import type { SheetLayout } from '../../common/sheet-import/layout';

/**
 * 专项行动方案: a plan in the layout of 004 (专项行动 → 工作目标 → 主要措施, with 牵头单位 and 责任单位
 * per action), one row per 主要措施. Sent as cells in this order; the xlsx may put the columns in any
 * order, the header row says which is which. The action's cells (专项行动, 工作目标, 目标时限, 牵头单位,
 * 责任单位) are written on its first row: blank below it (merged cells) continues the action, as does the
 * same text repeated. action-plan.parser.ts reads the rows together.
 *
 * - 目标时限: the deadline(s) 工作目标 prints ("年底前", "至2024年12月底" and "2025年上半年", one per line).
 *   The measures are due by the latest of them; blank: 长期坚持. A column of its own, not picked out of
 *   the goal's prose: what the grammar reads is what the office wrote as a deadline.
 * - 时间节点: the measure's dated steps, one per line, "开展党员摸底排查（11月15日前完成）" or
 *   "11月15日前：开展党员摸底排查" (or a line that is only a deadline).
 */
export const ACTION_PLAN_SHEET: SheetLayout = {
  maxRows: 500,
  positional: true,
  columns: [
    { field: 'action', header: { zh: '专项行动', en: 'Special action' } },
    { field: 'goal', header: { zh: '工作目标', en: 'Goal' } },
    { field: 'goalDeadline', header: { zh: '目标时限', en: 'Goal deadline' } },
    { field: 'measure', header: { zh: '主要措施', en: 'Measure' }, required: 'CONTENT_REQUIRED' },
    { field: 'steps', header: { zh: '时间节点', en: 'Milestones' } },
    { field: 'lead', header: { zh: '牵头单位', en: 'Lead units' } },
    { field: 'responsible', header: { zh: '责任单位', en: 'Responsible units' } },
  ],
};
