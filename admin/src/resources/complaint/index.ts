import FeedbackIcon from '@mui/icons-material/Feedback';
import QueryStatsIcon from '@mui/icons-material/QueryStats';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { MOVES_SELECTION, STEPS_SELECTION } from '../common/workflow.selections';
import { messages } from './messages';

const load = () => import('./complaints');

/** 投诉: received, assigned to a unit, handled and closed; the unit's staff record results from the complaint's page. */
export const complaintModule: ConsoleModule = {
  name: 'complaint',
  menuGroup: 'work',
  resources: ({ edit }) => [
    {
      name: 'Complaint',
      icon: FeedbackIcon,
      ...crudScreens(load, 'Complaint', edit),
      recordRepresentation: 'summary',
    },
  ],
  routes: () => [{ path: '/complaint-figures', component: screen(() => import('./ComplaintFigures'), 'ComplaintFiguresPage') }],
  // 投诉办理统计: for the offices and their auditors
  menu: [{ group: 'work', to: '/complaint-figures', label: 'app.complaint_figures.menu', icon: QueryStatsIcon, testId: 'menu-complaint-figures', visible: (v) => v.role !== 'UNIT_STAFF' }],
  statusColors: { ComplaintStatus: { RECEIVED: 'warning', ASSIGNED: 'info', HANDLED: 'primary', CLOSED: 'success' } },
  selections: {
    Complaint: {
      list: `compound { name } community { name } propertyCompany { name } assignedUnit { name } ${MOVES_SELECTION}`,
      one: `steps { ${STEPS_SELECTION} }`,
    },
  },
  messages,
};
