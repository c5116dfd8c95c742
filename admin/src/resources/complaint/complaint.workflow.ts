import type { WorkflowView } from '../common/workflow';

/** Going back from HANDLED to ASSIGNED is a result sent back (the API asks a reason for it); closing from RECEIVED is not accepting it. */
const actionOf = (from: string | null, to: string) =>
  from === 'HANDLED' && to === 'ASSIGNED' ? 'return' : from === 'RECEIVED' && to === 'CLOSED' ? 'reject' : ({ ASSIGNED: 'assign', HANDLED: 'handle', CLOSED: 'close' } as Record<string, string>)[to];

/** 投诉 in the console: 转办 / 办结 / 回访关闭 / 退回重办 / 不予受理, and the timeline. */
export const COMPLAINT_VIEW: WorkflowView = {
  resource: 'Complaint',
  statusEnum: 'ComplaintStatus',
  order: ['ASSIGNED', 'HANDLED', 'CLOSED'],
  label: (from, to) => `app.complaints.action.${actionOf(from, to)}`,
  color: (from, to) => (['return', 'reject'].includes(actionOf(from, to)) ? 'warning' : 'primary'),
  variant: (from, to) => (['handle', 'close'].includes(actionOf(from, to)) ? 'contained' : 'text'),
  summary: (record) => record.summary,
  reasonLabel: (from, to) => (['return', 'reject'].includes(actionOf(from, to)) ? 'app.complaints.why' : 'app.complaints.step_note'),
  dateLabel: 'app.complaints.step_date',
  fieldLabel: (name) => `resources.Complaint.fields.${name}`,
  success: () => 'app.complaints.done',
  testids: {
    open: (from, to) => `complaint-${actionOf(from, to)}`,
    confirm: 'complaint-confirm',
    error: 'complaint-error',
    date: 'complaint-date',
    reason: 'complaint-reason',
    field: (name) => `complaint-${name}`,
    timeline: 'complaint-steps',
  },
  stepLabel: (s) => (actionOf(s.fromStatus, s.toStatus) === 'return' ? 'app.complaints.returned' : actionOf(s.fromStatus, s.toStatus) === 'reject' ? 'app.complaints.rejected' : undefined),
  stepError: (s) => ['return', 'reject'].includes(actionOf(s.fromStatus, s.toStatus)),
};
