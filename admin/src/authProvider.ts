import type { AuthProvider } from 'react-admin';
import type { LoginMutation, LoginMutationVariables, OfficeFragment, Role, SessionFragment } from './graphql/generated';
import { i18nProvider } from './i18n';

const TOKEN = 'wydj.token';
const USER = 'wydj.user';
const OFFICE = 'wydj.office';

export type { Role };
interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** The office the user works in; null: the root (the platform), acting anywhere. Absent in a session stored before sign-in kept it. */
  jurisdictionId?: string | null;
  /** Its name and level, from `me` after sign-in (layout/Office.tsx); absent until then. */
  jurisdiction?: OfficeFragment['jurisdiction'];
  expiresAt: string;
  /** Someone else set the password: the layout shows only the change-password form until it is changed. */
  mustChangePassword?: boolean;
}

export const getToken = (): string | null => localStorage.getItem(TOKEN);
/** The signed-in user as stored at sign-in (role and unit drive what the console shows). */
export const getUser = (): StoredUser | null => {
  const raw = localStorage.getItem(USER);
  return raw ? (JSON.parse(raw) as StoredUser) : null;
};
/** Keeps a new session (sign-in or password change); the office's name already known for the same user and office is kept. */
export const storeSession = (s: SessionFragment) => {
  const before = getUser();
  const office = before && before.id === s.user.id && before.jurisdictionId === s.user.jurisdictionId ? { jurisdiction: before.jurisdiction } : {};
  localStorage.setItem(TOKEN, s.token);
  localStorage.setItem(USER, JSON.stringify({ ...s.user, ...office, expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword }));
};
/** Adds what `me` says of the user's office (its name and level: the anonymous login answer cannot carry them) to the stored user. */
export const storeOffice = (o: OfficeFragment) => {
  const user = getUser();
  if (user) localStorage.setItem(USER, JSON.stringify({ ...user, jurisdictionId: o.jurisdictionId, jurisdiction: o.jurisdiction }));
};

/** A root user (no jurisdiction of their own: the platform's), who may look at one office at a time. */
export const isRoot = (user = getUser()): boolean => user?.jurisdictionId === null;

/** The office a root user chose to look at (X-Office on every request); the root works as a user of that office would. */
export interface LookedAtOffice {
  id: string;
  name: string;
  level: string;
}
/** The office being looked at: only a root user's choice counts (the API ignores anyone else's header too). */
export const getOffice = (): LookedAtOffice | null => {
  const raw = localStorage.getItem(OFFICE);
  return raw && isRoot() ? (JSON.parse(raw) as LookedAtOffice) : null;
};
/** Keeps (or with null forgets: back to the whole platform) the office to look at; the caller reloads the data. */
export const setOffice = (office: LookedAtOffice | null) => {
  if (office) localStorage.setItem(OFFICE, JSON.stringify({ id: office.id, name: office.name, level: office.level }));
  else localStorage.removeItem(OFFICE);
};

const clear = () => {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
  localStorage.removeItem(OFFICE);
};

/** Roles that may edit documents, organisations and rosters (the server enforces the same). */
export const canEdit = (role: unknown): boolean => role === 'ADMIN' || role === 'PARTY_OFFICE';

/** Who records the facts of compounds (FACT_KEEPERS on the server): the office, and a community's or unit's staff within their scope. */
export const canRecordFacts = (role: unknown): boolean => canEdit(role) || role === 'UNIT_STAFF';

/** Sign-in on the `login` mutation (authProvider.graphql); the JWT goes into every request (see dataProvider). */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    // the console's operations and graphql-js are loaded here, not with the sign-in page
    const [{ LoginDocument }, { print }] = await Promise.all([import('./graphql/generated'), import('graphql')]);
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(LoginDocument), variables: { username, password } satisfies LoginMutationVariables }),
    });
    const body = (await res.json()) as { data?: LoginMutation; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    const failure = body.errors?.[0];
    if (failure) {
      const { code, reason, retryAfter } = failure.extensions ?? {};
      if (code === 'UNAUTHENTICATED') throw new Error('app.auth.wrong_credentials');
      // The login form passes no arguments to its notification: say the waiting time here, in the user's language.
      if (code === 'RATE_LIMITED')
        throw new Error(i18nProvider.translate(reason === 'LOGIN_LOCKED' ? 'app.auth.locked' : 'app.auth.too_many_attempts', { minutes: Math.ceil(Number(retryAfter) / 60) }));
      throw new Error(failure.message);
    }
    // a new session starts on the whole platform (or in the user's own office), never in an office someone chose before
    localStorage.removeItem(OFFICE);
    storeSession(body.data!.login);
  },
  async logout() {
    clear();
  },
  async checkAuth() {
    const user = getUser();
    if (!getToken() || !user || new Date(user.expiresAt).getTime() <= Date.now()) {
      clear();
      throw new Error('app.auth.session_expired');
    }
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clear();
      throw new Error('app.auth.session_expired');
    }
  },
  async getPermissions() {
    return getUser()?.role ?? null;
  },
  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('app.auth.session_expired');
    return { id: user.id, fullName: `${user.displayName}（${user.username}）` };
  },
};
