import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Box, Collapse, Divider, List, ListItemButton, ListItemText } from '@mui/material';
import { type ReactNode, useReducer, useState } from 'react';
import { AppBar, Layout as RaLayout, Logout, Menu, TitlePortal, UserMenu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { getUser } from '../authProvider';
import { MODULES } from '../modules';
import { MENU_GROUPS, type MenuGroup } from '../resources/common/module';
import { ChangePassword, ChangePasswordMenuItem } from '../resources/auth/ChangePassword';
import { viewerOf } from '../viewer';
import { MuiLocale } from './MuiLocale';
import { OfficeBanner, OfficeIndicator } from './Office';

/** The groups the user closed, kept in the browser (every group is open until closed). */
const CLOSED_KEY = 'menu.closed';
const readClosed = (): string[] => {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(CLOSED_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** A group's title, which opens and closes it; with the sidebar folded to icons, a divider. */
const GroupTitle = ({ group, open, onToggle }: { group: MenuGroup; open: boolean; onToggle: () => void }) => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const label = translate(`app.menu.${group}`);
  if (!sidebarOpen) return <Divider sx={{ my: 0.5 }} />;
  return (
    <ListItemButton
      onClick={onToggle}
      dense
      aria-expanded={open}
      aria-label={translate(open ? 'app.menu.collapse' : 'app.menu.expand', { group: label })}
      data-testid={`menu-group-${group}`}
      data-open={open}
      sx={{ py: 0.25, color: 'text.secondary' }}
    >
      <ListItemText primary={label} slotProps={{ primary: { variant: 'overline', sx: { lineHeight: 2, fontWeight: 600 } } }} />
      {open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
    </ListItemButton>
  );
};

/**
 * The menu in groups (工作, 组织, 奖励, 评星, 系统): each module names the group of its entries (我的任务,
 * 待审批 …) and of its resources' lists (`menuGroup`, or a resource's `options.menuGroup`); a
 * resource stays out of the menu with `options={{ menu: false }}`. Groups open and close (the choice
 * is kept); folded to icons, the sidebar shows every item with a divider between groups.
 */
const AppMenu = () => {
  const viewer = viewerOf(usePermissions().permissions);
  const resources = useResourceDefinitions();
  const [sidebarOpen] = useSidebarState();
  const [closed, setClosed] = useState(readClosed);
  const toggle = (g: MenuGroup) =>
    setClosed((c) => {
      const next = c.includes(g) ? c.filter((x) => x !== g) : [...c, g];
      localStorage.setItem(CLOSED_KEY, JSON.stringify(next));
      return next;
    });
  const listed = (name: string) => resources[name]?.hasList && resources[name].options?.menu !== false;
  const items: Record<MenuGroup, ReactNode[]> = { work: [], organization: [], incentives: [], ratings: [], system: [] };
  for (const m of MODULES) {
    for (const e of (m.menu ?? []).filter((e) => e.visible(viewer))) {
      items[e.group].push(<Menu.Item key={e.to} to={e.to} primaryText={e.label} leftIcon={<e.icon />} data-testid={e.testId} />);
    }
    for (const r of m.resources?.(viewer) ?? []) {
      if (!r || !listed(r.name)) continue;
      const group = (r.options?.menuGroup as MenuGroup | undefined) ?? m.menuGroup ?? 'system';
      items[group].push(<Menu.ResourceItem key={r.name} name={r.name} data-testid={`menu-${r.name}`} />);
    }
  }
  return (
    <Menu>
      <Menu.DashboardItem />
      {MENU_GROUPS.filter((g) => items[g].length).map((g) => {
        const open = !sidebarOpen || !closed.includes(g);
        return (
          <Box key={g} data-testid={`menu-section-${g}`}>
            <GroupTitle group={g} open={open} onToggle={() => toggle(g)} />
            <Collapse in={open} unmountOnExit>
              <List disablePadding>{items[g]}</List>
            </Collapse>
          </Box>
        );
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

/**
 * On a phone the page is as wide as the phone: react-admin's layout takes the width of its widest
 * content (min-width: fit-content, for a desktop's wide tables), so one long line would make the
 * whole page scroll sideways; below `sm` the frame holds to the screen and the content wraps.
 */
const PHONE_WIDTH = {
  minWidth: { xs: 0, sm: 'fit-content' },
  '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: { xs: 0 } },
} as const;

/** While the password is one someone else set, every page is the change-password form (the API refuses the rest). */
export const Layout = ({ children }: { children: ReactNode }) => {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  return (
    <MuiLocale>
      <RaLayout menu={AppMenu} appBar={AppAppBar} sx={PHONE_WIDTH}>
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
