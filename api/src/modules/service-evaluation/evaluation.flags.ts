import type { CompoundFlagDef } from '../organization/compound-flags';
import { EvaluationStatus } from './evaluation.enums';
import { DISSATISFACTION_MAX } from './evaluation.rules';
import { ServiceEvaluation, ServiceEvaluationStep } from './service-evaluation.entity';

/** The interview rule as a condition on a compound (alias `e`) on the day `:asOf` (organization/compound-flags.ts). */
export const EVALUATION_FLAGS: CompoundFlagDef[] = [
  {
    flag: 'INTERVIEW_DUE',
    description: '应约谈: an evaluation by the day found owners’ dissatisfaction over 50% and no interview was held by then (001 四(四)5)',
    condition: (ds) => {
      const v = ds.getMetadata(ServiceEvaluation).tableName;
      const st = ds.getMetadata(ServiceEvaluationStep).tableName;
      return `EXISTS (SELECT 1 FROM ${v} v WHERE v.compoundId = e.id AND v.evaluatedOn <= :asOf AND v.dissatisfactionRate > ${DISSATISFACTION_MAX} AND NOT EXISTS (SELECT 1 FROM ${st} s WHERE s.evaluationId = v.id AND s.toStatus = '${EvaluationStatus.INTERVIEWED}' AND s.stepDate <= :asOf))`;
    },
  },
];
