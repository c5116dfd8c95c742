import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { type ConsoleModule, crudScreens } from '../common/module';
import { MOVES_SELECTION, STEPS_SELECTION } from '../common/workflow.selections';
import { messages } from './messages';

const load = () => import('./practicalMatters');

/** 实事 / 微实事: a compound's practical matters, opened, worked on and closed with evidence; kept by the community's staff and the office. */
export const practicalMatterModule: ConsoleModule = {
  name: 'practical-matter',
  menuGroup: 'work',
  resources: ({ edit, role }) => [{ name: 'PracticalMatter', icon: VolunteerActivismIcon, ...crudScreens(load, 'PracticalMatter', edit || role === 'UNIT_STAFF'), recordRepresentation: 'title' }],
  statusColors: { PracticalMatterStatus: { OPEN: 'warning', IN_PROGRESS: 'info', CLOSED: 'success' } },
  selections: {
    PracticalMatter: {
      list: `compound { name } community { name } ownerUnit { name } ${MOVES_SELECTION}`,
      one: `steps { ${STEPS_SELECTION} }`,
    },
  },
  messages,
};
