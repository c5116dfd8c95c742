import { print } from 'graphql';
import type { AuthProvider } from 'react-admin';
import { LoginDocument, type LoginMutation, type LoginMutationVariables, type Role, type SessionFragment } from './graphql/generated';
import { i18nProvider } from './i18n';

const TOKEN = 'wydj.token';
const USER = 'wydj.user';

export type { Role };
interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
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
/** Keeps a new session (sign-in or password change). */
export const storeSession = (s: SessionFragment) => {
  localStorage.setItem(TOKEN, s.token);
  localStorage.setItem(USER, JSON.stringify({ ...s.user, expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword }));
};
const clear = () => {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
};

/** Roles that may edit documents, organisations and rosters (the server enforces the same). */
export const canEdit = (role: unknown): boolean => role === 'ADMIN' || role === 'PARTY_OFFICE';

/** Sign-in on the `login` mutation (authProvider.graphql); the JWT goes into every request (see dataProvider). */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
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
