import type { AuthChecker } from 'type-graphql';
import type { AppContext } from './context';
import { forbidden, unauthenticated } from './errors';
import type { Role } from './roles';

/** `@Authorized()` = any signed-in user; `@Authorized(roles)` = one of those roles. */
export const authChecker: AuthChecker<AppContext & { authError?: string }, Role> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated(context.authError ?? 'Sign in first');
  if (roles.length > 0 && !roles.includes(context.user.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${context.user.role}`);
  }
  return true;
};
