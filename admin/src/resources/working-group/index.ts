import BadgeIcon from '@mui/icons-material/Badge';
import GroupsIcon from '@mui/icons-material/Groups';
import PeopleIcon from '@mui/icons-material/People';
import WorkIcon from '@mui/icons-material/Work';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const groups = () => import('./workingGroups');
const memberships = () => import('./memberships');
const people = () => import('./people');
const posts = () => import('./posts');

/** 工作专班: groups and their rosters, people, posts and who holds them. */
export const workingGroupModule: ConsoleModule = {
  name: 'working-group',
  resources: ({ edit }) => [
    {
      name: 'WorkingGroup',
      icon: GroupsIcon,
      list: screen(groups, 'WorkingGroupList'),
      show: screen(groups, 'WorkingGroupShow'),
      edit: edit ? screen(groups, 'WorkingGroupEdit') : undefined,
      create: edit ? screen(groups, 'WorkingGroupCreate') : undefined,
      recordRepresentation: 'name',
    },
    {
      name: 'Membership',
      icon: BadgeIcon,
      list: screen(memberships, 'MembershipList'),
      edit: edit ? screen(memberships, 'MembershipEdit') : undefined,
      create: edit ? screen(memberships, 'MembershipCreate') : undefined,
    },
    {
      name: 'Person',
      icon: PeopleIcon,
      list: screen(people, 'PersonList'),
      show: screen(people, 'PersonShow'),
      edit: edit ? screen(people, 'PersonEdit') : undefined,
      create: edit ? screen(people, 'PersonCreate') : undefined,
      recordRepresentation: 'name',
    },
    {
      name: 'Post',
      icon: WorkIcon,
      list: screen(posts, 'PostList'),
      show: screen(posts, 'PostShow'),
      edit: edit ? screen(posts, 'PostEdit') : undefined,
      create: edit ? screen(posts, 'PostCreate') : undefined,
      recordRepresentation: 'title',
    },
    { name: 'PostHolding' },
  ],
  messages,
};
