import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu } from 'react-admin';
import { getUser } from '../authProvider';
import { useCanEdit } from '../resources/common/actions';

/** The default menu, plus 我的任务 for users who belong to a unit and 待审批 for the office. */
const AppMenu = () => {
  const edit = useCanEdit();
  return (
    <Menu>
      <Menu.DashboardItem />
      {getUser()?.unitId && <Menu.Item to="/my-tasks" primaryText="app.tasks.mine" leftIcon={<AssignmentIcon />} data-testid="menu-my-tasks" />}
      {edit && <Menu.Item to="/approvals" primaryText="app.approvals.title" leftIcon={<FactCheckIcon />} data-testid="menu-approvals" />}
      <Menu.ResourceItems />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout menu={AppMenu}>{children}</RaLayout>;
