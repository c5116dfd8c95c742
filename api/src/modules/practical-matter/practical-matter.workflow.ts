import { FACT_KEEPERS } from '../../common/roles';
import { defineWorkflow } from '../../common/workflow/workflow';
import { notify } from '../notification/notification.service';
import { PracticalMatter, PracticalMatterStep } from './practical-matter.entity';
import { PracticalMatterStatus } from './practical-matter.enums';

const { OPEN, IN_PROGRESS, CLOSED } = PracticalMatterStatus;

/**
 * 实事办理: opened (立项), worked on (推进), closed (销号) — closing needs evidence of what was done;
 * a closed matter found not done is reopened with a reason. The community's staff and the office move
 * it (the scope rule says whose compounds); every step dated by hand and signed.
 */
export const PRACTICAL_MATTER_WORKFLOW = defineWorkflow({
  name: 'PracticalMatter',
  entity: PracticalMatter,
  statuses: PracticalMatterStatus,
  initial: OPEN,
  step: { entity: PracticalMatterStep, owner: 'practicalMatterId' },
  roles: FACT_KEEPERS,
  dated: 'given',
  action: (to) => `PRACTICAL_MATTER_${to}`,
  fields: { evidence: { description: '销号佐证: what shows it done', maxLength: 2000, requiredFor: [CLOSED] } },
  transitions: [
    { from: [OPEN], to: IN_PROGRESS },
    { from: [OPEN, IN_PROGRESS], to: CLOSED },
    { from: [CLOSED], to: IN_PROGRESS, reason: 'Say why it is not done', clears: [CLOSED], stamp: false },
  ],
  stageFields: {
    openedOn: { stage: OPEN, value: 'date', description: '立项' },
    startedOn: { stage: IN_PROGRESS, value: 'date', description: '推进' },
    closedOn: { stage: CLOSED, value: 'date', description: '销号' },
  },
  async onTransitionStart(m) {
    if (m.to === CLOSED) return { evidence: String(m.fields.evidence).trim() };
  },
  // reopened as not done: the unit responsible is told why, in the move's transaction
  onTransitionEnd: async (m, after) => {
    if (m.from === CLOSED && after.ownerUnitId !== null) {
      await notify(m.em, {
        recipients: { units: [after.ownerUnitId] },
        kind: 'PRACTICAL_MATTER_REOPENED',
        params: { title: [...after.title].slice(0, 40).join(''), date: m.date },
        body: m.reason,
        link: `#/PracticalMatter/${after.id}/show`,
        entityType: 'PracticalMatter',
        entityId: after.id,
        actor: m.actor,
      });
    }
  },
});
