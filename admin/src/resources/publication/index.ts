import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { type ConsoleModule, screen } from '../common/module';
import { MOVES_SELECTION, STEPS_SELECTION } from '../common/workflow.selections';
import { messages } from './messages';

const load = () => import('./rectifications');

/** 红黑榜发布: published editions and the rectifications a black-list entry opens (a workflow). */
export const publicationModule: ConsoleModule = {
  name: 'publication',
  menuGroup: 'ratings',
  resources: () => [
    {
      name: 'Rectification',
      icon: BuildCircleIcon,
      list: screen(load, 'RectificationList'),
      show: screen(load, 'RectificationShow'),
      recordRepresentation: (r) => r.propertyCompany?.name ?? r.id,
    },
    { name: 'RatingPublication' },
  ],
  statusColors: { RectificationStatus: { REQUIRED: 'error', INTERVIEWED: 'warning', SUBMITTED: 'info', ACCEPTED: 'success', CANCELLED: 'default' } },
  selections: {
    Rectification: {
      list: `propertyCompany { name uscc } period { code } publication { revision publishedOn } ${MOVES_SELECTION}`,
      one: `steps { ${STEPS_SELECTION} }`,
    },
  },
  messages,
};
