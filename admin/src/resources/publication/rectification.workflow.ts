import type { WorkflowView } from '../common/workflow';

const ACTION: Record<string, string> = { INTERVIEWED: 'interview', SUBMITTED: 'submit', ACCEPTED: 'accept' };
/** Going back from SUBMITTED to INTERVIEWED is a return of the report (the API asks a reason for it). */
const actionOf = (from: string | null, to: string) => (from === 'SUBMITTED' && to === 'INTERVIEWED' ? 'return' : ACTION[to]);

/** 整改 in the console: 记录约谈 / 提交整改报告 / 验收通过 / 退回整改, and the timeline. */
export const RECTIFICATION_VIEW: WorkflowView = {
  resource: 'Rectification',
  statusEnum: 'RectificationStatus',
  label: (from, to) => `app.rectifications.action.${actionOf(from, to)}`,
  color: (from, to) => (actionOf(from, to) === 'return' ? 'warning' : 'primary'),
  variant: (from, to) => (actionOf(from, to) === 'accept' ? 'contained' : 'text'),
  summary: (record, from, to, { translate }) => translate(`app.rectifications.confirm.${actionOf(from, to)}`, { company: record.propertyCompany?.name ?? '', period: record.period?.code ?? '' }),
  reasonLabel: (from, to) => (actionOf(from, to) === 'return' ? 'app.rectifications.return_reason' : 'app.rectifications.step_note'),
  dateLabel: 'app.rectifications.step_date',
  success: () => 'app.rectifications.done',
  testids: {
    open: (from, to) => `rectification-${actionOf(from, to)}`,
    confirm: 'rectification-confirm',
    error: 'rectification-error',
    date: 'rectification-date',
    reason: 'rectification-reason',
    timeline: 'rectification-steps',
  },
  stepLabel: (s) => (actionOf(s.fromStatus, s.toStatus) === 'return' ? 'app.rectifications.returned' : undefined),
  stepError: (s) => actionOf(s.fromStatus, s.toStatus) === 'return' || s.toStatus === 'REQUIRED',
};
