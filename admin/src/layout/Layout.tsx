import { Box, Divider, Typography } from '@mui/material';
import { type ReactNode, useReducer } from 'react';
import { AppBar, Layout as RaLayout, Logout, Menu, TitlePortal, UserMenu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { getUser } from '../authProvider';
import { MODULES } from '../modules';
import { ChangePassword, ChangePasswordMenuItem } from '../resources/auth/ChangePassword';
import { viewerOf } from '../viewer';
import { MuiLocale } from './MuiLocale';
import { OfficeBanner, OfficeIndicator } from './Office';

/**
 * Menu groups: a resource joins one with `options: { menuGroup }` in its module, and stays out of
 * the menu with `options={{ menu: false }}` (reachable by link and reference only).
 */
const GROUPS = [
  { key: 'ratings', label: 'app.menu.ratings' },
  { key: 'sharing', label: 'app.menu.sharing' },
  { key: 'system', label: 'app.menu.system' },
] as const;

const GroupTitle = ({ group, label }: { group: string; label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return open ? (
    <Typography variant="overline" component="div" color="text.secondary" sx={{ px: 2, pt: 1.5, lineHeight: 2 }} data-testid={`menu-group-${group}`}>
      {translate(label)}
    </Typography>
  ) : (
    <Divider sx={{ my: 1 }} />
  );
};

/** The default menu, plus the modules' own entries (我的任务 for unit members, 待审批 for the office); grouped resources under their title. */
const AppMenu = () => {
  const viewer = viewerOf(usePermissions().permissions);
  const resources = useResourceDefinitions();
  const listed = Object.keys(resources).filter((name) => resources[name].hasList && resources[name].options?.menu !== false);
  const inGroup = (name: string) => resources[name].options?.menuGroup as string | undefined;
  return (
    <Menu>
      <Menu.DashboardItem />
      {MODULES.flatMap((m) => m.menu ?? [])
        .filter((e) => e.visible(viewer))
        .map((e) => (
          <Menu.Item key={e.to} to={e.to} primaryText={e.label} leftIcon={<e.icon />} data-testid={e.testId} />
        ))}
      {listed
        .filter((name) => !inGroup(name))
        .map((name) => (
          <Menu.ResourceItem key={name} name={name} />
        ))}
      {GROUPS.map((g) => {
        const members = listed.filter((name) => inGroup(name) === g.key);
        if (!members.length) return null;
        return [<GroupTitle key={g.key} group={g.key} label={g.label} />, ...members.map((name) => <Menu.ResourceItem key={name} name={name} data-testid={`menu-${name}`} />)];
      })}
    </Menu>
  );
};

/** What the modules put in the app bar (the notification bell), in module order. */
const MODULE_ITEMS = MODULES.flatMap((m) => m.appBar ?? []);

/**
 * The page's title, then the office the user works in (a root user's office picker); on a phone the
 * office is a line under the title. Then the modules' items (the bell), then the user menu.
 */
const AppAppBar = () => (
  <AppBar
    userMenu={
      <UserMenu>
        <ChangePasswordMenuItem />
        <Logout />
      </UserMenu>
    }
  >
    <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: { xs: 'column', sm: 'row' }, alignItems: { sm: 'center' }, py: { xs: 0.5, sm: 0 } }}>
      <TitlePortal sx={{ flex: { xs: 'none', sm: 1 }, minWidth: 0, lineHeight: { xs: 1.4 } }} />
      <OfficeIndicator />
    </Box>
    {MODULE_ITEMS.map((Item, i) => (
      <Item key={i} />
    ))}
  </AppBar>
);

/** While the password is one someone else set, every page is the change-password form (the API refuses the rest). */
export const Layout = ({ children }: { children: ReactNode }) => {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  return (
    <MuiLocale>
      <RaLayout menu={AppMenu} appBar={AppAppBar}>
        {getUser()?.mustChangePassword ? (
          <ChangePassword required onDone={changed} />
        ) : (
          <>
            <OfficeBanner />
            {children}
          </>
        )}
      </RaLayout>
    </MuiLocale>
  );
};
