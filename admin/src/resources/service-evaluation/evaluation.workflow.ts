import type { WorkflowView } from '../common/workflow';

const ACTION: Record<string, string> = { INTERVIEWED: 'interview', RECTIFIED: 'rectified', REPLACEMENT_STARTED: 'replace', REPLACED: 'replaced', RETAINED: 'retained' };

/** 考评后续 in the console: 约谈 / 整改到位 / 启动更换物业程序 / 表决更换 / 表决续聘, and the timeline. */
export const EVALUATION_VIEW: WorkflowView = {
  resource: 'ServiceEvaluation',
  statusEnum: 'EvaluationStatus',
  order: ['INTERVIEWED', 'RECTIFIED', 'REPLACEMENT_STARTED', 'REPLACED', 'RETAINED'],
  label: (_from, to) => `app.evaluations.action.${ACTION[to]}`,
  color: (_from, to) => (to === 'REPLACEMENT_STARTED' || to === 'REPLACED' ? 'warning' : 'primary'),
  variant: (_from, to) => (to === 'INTERVIEWED' || to === 'RECTIFIED' ? 'contained' : 'text'),
  summary: (record) => `${record.year} H${record.half}`,
  reasonLabel: (_from, to) => (to === 'REPLACEMENT_STARTED' ? 'app.evaluations.why' : 'app.evaluations.step_note'),
  dateLabel: 'app.evaluations.step_date',
  fieldLabel: (name) => `resources.ServiceEvaluation.fields.${name}`,
  success: () => 'app.evaluations.done',
  testids: {
    open: (_from, to) => `evaluation-${ACTION[to]}`,
    confirm: 'evaluation-confirm',
    error: 'evaluation-error',
    date: 'evaluation-date',
    reason: 'evaluation-reason',
    field: (name) => `evaluation-${name}`,
    timeline: 'evaluation-steps',
  },
};
