import BadgeIcon from '@mui/icons-material/Badge';
import GroupsIcon from '@mui/icons-material/Groups';
import PeopleIcon from '@mui/icons-material/People';
import WorkIcon from '@mui/icons-material/Work';
import { type ConsoleModule, crudScreens } from '../common/module';
import { messages } from './messages';

const groups = () => import('./workingGroups');
const memberships = () => import('./memberships');
const people = () => import('./people');
const posts = () => import('./posts');

/** 工作专班: groups and their rosters, people, posts and who holds them. */
export const workingGroupModule: ConsoleModule = {
  name: 'working-group',
  menuGroup: 'organization',
  resources: ({ edit }) => [
    {
      name: 'WorkingGroup',
      icon: GroupsIcon,
      ...crudScreens(groups, 'WorkingGroup', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'Membership',
      icon: BadgeIcon,
      ...crudScreens(memberships, 'Membership', edit, ['list', 'edit', 'create']),
    },
    {
      name: 'Person',
      icon: PeopleIcon,
      ...crudScreens(people, 'Person', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'Post',
      icon: WorkIcon,
      ...crudScreens(posts, 'Post', edit),
      recordRepresentation: 'title',
    },
    { name: 'PostHolding' },
  ],
  messages,
};
