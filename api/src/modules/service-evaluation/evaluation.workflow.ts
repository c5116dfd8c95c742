import { Role } from '../../common/roles';
import { defineWorkflow } from '../../common/workflow/workflow';
import { CommitteeStanding } from '../owners-committee/committee.enums';
import { standing } from '../owners-committee/committee.rules';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { EvaluationStatus, MeetingConvenor } from './evaluation.enums';
import { ServiceEvaluation, ServiceEvaluationStep } from './service-evaluation.entity';

const { RECORDED, INTERVIEWED, RECTIFIED, REPLACEMENT_STARTED, REPLACED, RETAINED } = EvaluationStatus;
const OFFICE = [Role.ADMIN, Role.PARTY_OFFICE] as const;

/**
 * 考评结果运用 (001 四(四)5): over 50% dissatisfaction the town interviews the company (约谈); rectified, the
 * matter closes; not rectified, the owners' meeting starts replacing the company — convened by the owners'
 * committee, or, where the compound has none in office, by the town or community — and decides to
 * replace or retain it. Every step is dated by hand and signed. The office moves it, and so does the
 * staff of the evaluation's responsible unit (e.g. 基层治理服务中心) for its own evaluations.
 */
export const EVALUATION_WORKFLOW = defineWorkflow({
  name: 'ServiceEvaluation',
  entity: ServiceEvaluation,
  statuses: EvaluationStatus,
  initial: RECORDED,
  step: { entity: ServiceEvaluationStep, owner: 'evaluationId' },
  roles: [...OFFICE, Role.UNIT_STAFF],
  dated: 'given',
  action: (to) => `EVALUATION_${to}`,
  fields: { followUp: { description: '约谈及整改情况: what was said and done', maxLength: 2000, requiredFor: [INTERVIEWED, RECTIFIED] } },
  transitions: [
    { from: [RECORDED], to: INTERVIEWED, guard: ownUnit },
    { from: [INTERVIEWED], to: RECTIFIED, guard: ownUnit },
    { from: [INTERVIEWED], to: REPLACEMENT_STARTED, reason: 'Say how the rectification fell short', guard: ownUnit },
    { from: [REPLACEMENT_STARTED], to: REPLACED, guard: ownUnit },
    { from: [REPLACEMENT_STARTED], to: RETAINED, guard: ownUnit },
  ],
  stageFields: {
    interviewedOn: { stage: INTERVIEWED, value: 'date', description: '约谈日期' },
    rectifiedOn: { stage: RECTIFIED, value: 'date', description: '整改到位日期' },
    replacementStartedOn: { stage: REPLACEMENT_STARTED, value: 'date', description: '启动更换物业程序日期' },
    decidedOn: { stage: REPLACED, value: 'date', description: '业主大会表决更换日期' },
    retainedOn: { stage: RETAINED, value: 'date', description: '业主大会表决续聘日期' },
  },
  async onTransitionStart(m) {
    const set: Partial<ServiceEvaluation> = {};
    if (typeof m.fields.followUp === 'string' && m.fields.followUp.trim()) set.followUp = m.fields.followUp.trim();
    if (m.to === REPLACEMENT_STARTED) {
      const committees = await m.em.find(OwnersCommittee, { where: { compoundId: m.row.compoundId } });
      const s = standing(committees, m.date);
      set.convenor = s === CommitteeStanding.IN_OFFICE || s === CommitteeStanding.REELECTION_DUE ? MeetingConvenor.COMMITTEE : MeetingConvenor.COMMUNITY;
    }
    return set;
  },
});

function ownUnit(row: ServiceEvaluation, actor: { user?: { role: Role; unitId?: number | null } | null }) {
  return actor.user?.role === Role.UNIT_STAFF && actor.user.unitId !== row.responsibleUnitId
    ? { reason: 'ROLE' as const, message: 'Only the evaluation’s responsible unit (or the office) follows it up' }
    : null;
}
