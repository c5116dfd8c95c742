import AssessmentIcon from '@mui/icons-material/Assessment';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { MOVES_SELECTION, STEPS_SELECTION } from '../common/workflow.selections';
import { messages } from './messages';

const load = () => import('./evaluations');

/** 物业服务考评: half-yearly evaluations of a compound's property service and their follow-up (约谈, 整改, 更换物业). */
export const serviceEvaluationModule: ConsoleModule = {
  name: 'service-evaluation',
  menuGroup: 'ratings',
  resources: ({ edit, role }) => [
    { name: 'ServiceEvaluation', icon: AssessmentIcon, ...crudScreens(load, 'ServiceEvaluation', edit || role === 'UNIT_STAFF'), recordRepresentation: (r) => `${r.year} H${r.half}` },
  ],
  statusColors: { EvaluationStatus: { RECORDED: 'default', INTERVIEWED: 'info', RECTIFIED: 'success', REPLACEMENT_STARTED: 'warning', REPLACED: 'error', RETAINED: 'success' } },
  selections: {
    ServiceEvaluation: {
      list: `compound { id name } propertyCompany { id name } responsibleUnit { id name } interviewDue ${MOVES_SELECTION}`,
      one: `steps { ${STEPS_SELECTION} }`,
    },
  },
  compoundSections: [
    { key: 'evaluations', order: 30, title: 'app.evaluations.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundEvaluations') },
  ],
  messages,
};
