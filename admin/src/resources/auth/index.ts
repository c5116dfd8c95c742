import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const users = () => import('./users');

/** 用户: users are ADMIN's alone; everyone changes their own password (the page the layout also forces after a reset). */
export const authModule: ConsoleModule = {
  name: 'auth',
  menuGroup: 'system',
  resources: ({ role }) => [
    role === 'ADMIN'
      ? {
          name: 'User',
          icon: ManageAccountsIcon,
          list: screen(users, 'UserList'),
          edit: screen(users, 'UserEdit'),
          create: screen(users, 'UserCreate'),
          recordRepresentation: 'username',
        }
      : null,
  ],
  routes: () => [{ path: '/change-password', component: screen(() => import('./ChangePassword'), 'ChangePassword') }],
  messages,
};
