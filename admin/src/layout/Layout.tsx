import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu } from 'react-admin';
import { getUser } from '../authProvider';

/** The default menu, plus 我的任务 for users who belong to a unit. */
const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    {getUser()?.unitId && <Menu.Item to="/my-tasks" primaryText="app.tasks.mine" leftIcon={<AssignmentIcon />} data-testid="menu-my-tasks" />}
    <Menu.ResourceItems />
  </Menu>
);

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout menu={AppMenu}>{children}</RaLayout>;
