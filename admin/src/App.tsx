import { Admin, type CoreLayoutProps, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { lazyCanAccess, lazyDataProvider } from './dataProvider/lazy';
import { i18nProvider } from './i18n';
import { MODULES } from './modules';
import { screen } from './resources/common/module';
import { viewerOf } from './viewer';

// Loaded once signed in, with the data provider (dataProvider/lazy.ts): the sign-in page needs none of them.
const Dashboard = screen<typeof import('./Dashboard'), { permissions: unknown }>(() => import('./Dashboard'), 'Dashboard');
const Layout = screen<typeof import('./layout/Layout'), CoreLayoutProps>(() => import('./layout/Layout'), 'Layout');

/**
 * The console: every module's resources and pages for the signed-in role (admin/src/modules.ts).
 * Menus and routes follow the role — editing screens exist only for ADMIN and PARTY_OFFICE, users
 * only for ADMIN, the audit trail not for UNIT_STAFF — and the API enforces the same. Buttons and
 * pages that would send a delete, create or update follow the schema (canAccess: dataProvider/capabilities.ts).
 */
const consoleAuth = { ...authProvider, canAccess: lazyCanAccess };

export const App = () => (
  <Admin dataProvider={lazyDataProvider} authProvider={consoleAuth} i18nProvider={i18nProvider} dashboard={Dashboard} layout={Layout} title="app.title" requireAuth disableTelemetry>
    {(role: string) => {
      const viewer = viewerOf(role);
      return [
        <CustomRoutes key="routes">{MODULES.flatMap((m) => m.routes?.(viewer) ?? []).map((r) => (r ? <Route key={r.path} path={r.path} element={<r.component />} /> : null))}</CustomRoutes>,
        ...MODULES.flatMap((m) => m.resources?.(viewer) ?? []).map((r) => (r ? <Resource key={r.name} {...r} /> : null)),
      ];
    }}
  </Admin>
);
