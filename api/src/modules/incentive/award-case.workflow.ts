import { EDITORS } from '../../common/roles';
import { defineWorkflow } from '../../common/workflow/workflow';
import { AwardCase, AwardCaseStep } from './award-case.entity';
import { AwardCaseStatus } from './incentive.enums';

const { APPLIED, INSPECTED, SUPERIOR_ACCEPTED, STREET_ACCEPTED, REJECTED } = AwardCaseStatus;

/**
 * 示范点创建验收 (000 三(四)): acceptance needs both the superior department and then the street;
 * any stage before acceptance may end in rejection, and a rejected site may apply again on the same
 * case (which clears the earlier stages). Every step is dated by hand and signed.
 */
export const AWARD_CASE_WORKFLOW = defineWorkflow({
  name: 'AwardCase',
  entity: AwardCase,
  statuses: AwardCaseStatus,
  initial: APPLIED,
  step: { entity: AwardCaseStep, owner: 'caseId' },
  roles: EDITORS,
  dated: 'given',
  action: (to) => `CASE_${to}`,
  transitions: [
    { from: [APPLIED], to: INSPECTED },
    { from: [INSPECTED], to: SUPERIOR_ACCEPTED },
    { from: [SUPERIOR_ACCEPTED], to: STREET_ACCEPTED },
    { from: [APPLIED, INSPECTED, SUPERIOR_ACCEPTED], to: REJECTED, reason: 'Say why the site is rejected' },
    { from: [REJECTED], to: APPLIED, clears: [INSPECTED, SUPERIOR_ACCEPTED, STREET_ACCEPTED, REJECTED] },
  ],
  stageFields: {
    appliedOn: { stage: APPLIED, value: 'date', description: '申报: the day of the (latest) application' },
    inspectedOn: { stage: INSPECTED, value: 'date', description: '检查' },
    superiorAcceptedOn: { stage: SUPERIOR_ACCEPTED, value: 'date', description: '上级部门验收通过' },
    streetAcceptedOn: { stage: STREET_ACCEPTED, value: 'date', description: '街道验收通过: the date that picks the rule in force' },
    rejectedOn: { stage: REJECTED, value: 'date', description: '未通过' },
  },
});
