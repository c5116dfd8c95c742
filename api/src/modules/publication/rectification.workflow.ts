import { EDITORS } from '../../common/roles';
import { defineWorkflow } from '../../common/workflow/workflow';
import { Rectification, RectificationStep } from './publication.entities';
import { RectificationStatus } from './publication.enums';

const { REQUIRED, INTERVIEWED, SUBMITTED, ACCEPTED, CANCELLED } = RectificationStatus;
const OPEN = [REQUIRED, INTERVIEWED, SUBMITTED];

/**
 * 整改: opened by publication for each black-listed property company, then moved by the office
 * through 约谈 → 提交整改 → 验收, each step dated by hand and signed. A returned report goes back
 * to INTERVIEWED (with a reason). Publication alone cancels a rectification that a corrected
 * edition no longer lists, and reopens one that it lists again.
 */
export const RECTIFICATION_WORKFLOW = defineWorkflow({
  name: 'Rectification',
  entity: Rectification,
  statuses: RectificationStatus,
  initial: REQUIRED,
  step: { entity: RectificationStep, owner: 'rectificationId' },
  roles: EDITORS,
  dated: 'given',
  action: (to) => `RECTIFICATION_${to}`,
  transitions: [
    { from: [REQUIRED], to: INTERVIEWED },
    { from: [INTERVIEWED], to: SUBMITTED },
    { from: [SUBMITTED], to: ACCEPTED },
    { from: [SUBMITTED], to: INTERVIEWED, reason: 'Say why the rectification report is returned', clears: [SUBMITTED], stamp: false },
    { from: OPEN, to: CANCELLED, system: true },
    { from: [CANCELLED], to: REQUIRED, system: true, clears: [INTERVIEWED, SUBMITTED, ACCEPTED, CANCELLED] },
  ],
  stageFields: {
    requiredOn: { stage: REQUIRED, value: 'date', description: 'Listed on the black list (the edition’s publication day)' },
    interviewedOn: { stage: INTERVIEWED, value: 'date', description: '约谈 held' },
    submittedOn: { stage: SUBMITTED, value: 'date', description: 'Rectification report submitted' },
    acceptedOn: { stage: ACCEPTED, value: 'date', description: 'Rectification accepted: the bar on bidding ends this day' },
    cancelledOn: { stage: CANCELLED, value: 'date', description: 'Cancelled by a corrected edition' },
  },
});
