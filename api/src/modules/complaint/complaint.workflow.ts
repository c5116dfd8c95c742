import { Role } from '../../common/roles';
import { defineWorkflow } from '../../common/workflow/workflow';
import { notify } from '../notification/notification.service';
import { Complaint, ComplaintStep } from './complaint.entity';
import { ComplaintStatus } from './complaint.enums';

const { RECEIVED, ASSIGNED, HANDLED, CLOSED } = ComplaintStatus;
const OFFICE = [Role.ADMIN, Role.PARTY_OFFICE] as const;

/**
 * 投诉办理: the office assigns a received complaint to the unit named on it (承办单位), the unit
 * (or the office) records what it did, the office closes it after following up, or sends it back
 * with a reason. A complaint that is not accepted (重复, 不属于物业服务) is closed at once, with a
 * reason. Every step is dated by hand and signed.
 */
export const COMPLAINT_WORKFLOW = defineWorkflow({
  name: 'Complaint',
  entity: Complaint,
  statuses: ComplaintStatus,
  initial: RECEIVED,
  step: { entity: ComplaintStep, owner: 'complaintId' },
  roles: OFFICE,
  dated: 'given',
  action: (to) => `COMPLAINT_${to}`,
  fields: { result: { description: '办理结果: what was done', maxLength: 2000, requiredFor: [HANDLED] } },
  transitions: [
    {
      from: [RECEIVED],
      to: ASSIGNED,
      guard: (row) => (row.assignedUnitId === null ? { reason: 'REQUIRED', message: 'Name the responsible unit (assignedUnitId) before assigning the complaint' } : null),
    },
    {
      from: [ASSIGNED],
      to: HANDLED,
      roles: [...OFFICE, Role.UNIT_STAFF],
      guard: (row, actor) =>
        actor.user?.role === Role.UNIT_STAFF && actor.user.unitId !== row.assignedUnitId ? { reason: 'ROLE', message: 'Only the unit the complaint is assigned to may record its result' } : null,
    },
    { from: [HANDLED], to: CLOSED },
    { from: [HANDLED], to: ASSIGNED, reason: 'Say why the result is not accepted', clears: [HANDLED], stamp: false },
    { from: [RECEIVED], to: CLOSED, reason: 'Say why the complaint is not accepted' },
  ],
  stageFields: {
    assignedOn: { stage: ASSIGNED, value: 'date', description: '转办' },
    handledOn: { stage: HANDLED, value: 'date', description: '办结' },
    closedOn: { stage: CLOSED, value: 'date', description: '关闭' },
  },
  // the day it was disposed (complaint.rules.ts): 办结, or a close without handling; cleared when sent back
  async onTransitionStart(m) {
    if (m.to === HANDLED) return { result: String(m.fields.result).trim(), disposedOn: m.date };
    if (m.to === CLOSED && m.from === RECEIVED) return { disposedOn: m.date };
    if (m.to === ASSIGNED && m.from === HANDLED) return { disposedOn: null };
  },
  // the staff of the unit it is handed (or handed back) to are told, in the move's transaction
  onTransitionEnd: async (m, after) => {
    if (m.to === ASSIGNED) {
      await notify(m.em, {
        recipients: { units: [after.assignedUnitId] },
        kind: m.from === HANDLED ? 'COMPLAINT_RETURNED' : 'COMPLAINT_ASSIGNED',
        params: { summary: [...after.summary].slice(0, 40).join(''), date: m.date },
        body: m.reason,
        link: `#/Complaint/${after.id}/show`,
        entityType: 'Complaint',
        entityId: after.id,
        actor: m.actor,
      });
    }
  },
});
