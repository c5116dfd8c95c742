import type { WorkflowView } from '../common/workflow';

/** 示范点创建验收 in the console: the moves and the timeline of an award case (the rules are the API's). */
export const AWARD_CASE_VIEW: WorkflowView = {
  resource: 'AwardCase',
  statusEnum: 'AwardCaseStatus',
  label: (_from, to) => `app.awards.to.${to}`,
  color: (_from, to) => (to === 'REJECTED' ? 'error' : 'primary'),
  summary: (record) => record.compound?.name,
  reasonLabel: (_from, _to, required) => (required ? 'app.awards.reject_reason' : 'app.awards.step_note'),
  dateLabel: 'app.awards.step_date',
  success: () => 'app.awards.advanced',
  testids: { open: (_from, to) => `case-advance-${to}`, confirm: 'case-step-confirm', date: 'case-step-date', reason: 'case-step-reason', timeline: 'case-steps' },
  stepError: (s) => s.toStatus === 'REJECTED',
};
