import type { WorkflowView } from '../common/workflow';

/** Going back from CLOSED is reopening (the API asks a reason for it). */
const actionOf = (from: string | null, to: string) => (from === 'CLOSED' ? 'reopen' : ({ IN_PROGRESS: 'start', CLOSED: 'close' } as Record<string, string>)[to]);

/** 实事 in the console: 推进 / 销号 (with evidence) / 重新打开, and the timeline. */
export const PRACTICAL_MATTER_VIEW: WorkflowView = {
  resource: 'PracticalMatter',
  statusEnum: 'PracticalMatterStatus',
  order: ['IN_PROGRESS', 'CLOSED'],
  label: (from, to) => `app.practical.action.${actionOf(from, to)}`,
  color: (from, to) => (actionOf(from, to) === 'reopen' ? 'warning' : 'primary'),
  variant: (from, to) => (actionOf(from, to) === 'close' ? 'contained' : 'text'),
  summary: (record) => record.title,
  reasonLabel: (from, to) => (actionOf(from, to) === 'reopen' ? 'app.practical.why' : 'app.practical.step_note'),
  dateLabel: 'app.practical.step_date',
  fieldLabel: (name) => `resources.PracticalMatter.fields.${name}`,
  success: () => 'app.practical.done',
  testids: {
    open: (from, to) => `practical-${actionOf(from, to)}`,
    confirm: 'practical-confirm',
    error: 'practical-error',
    date: 'practical-date',
    reason: 'practical-reason',
    field: (name) => `practical-${name}`,
    timeline: 'practical-steps',
  },
  stepLabel: (s) => (actionOf(s.fromStatus, s.toStatus) === 'reopen' ? 'app.practical.reopened' : undefined),
  stepError: (s) => actionOf(s.fromStatus, s.toStatus) === 'reopen',
};
