import type { AuthChecker } from 'type-graphql';
import type { AppContext } from './context';
import { forbidden, unauthenticated } from './errors';
import type { Role } from './roles';

const PASSWORD_CHANGE_OPENS = ['me', 'changePassword'];

/** `@Authorized()` = any signed-in user; `@Authorized(roles)` = one of those roles. */
export const authChecker: AuthChecker<AppContext & { authError?: string }, Role> = ({ context, info }, roles) => {
  if (!context.user) throw unauthenticated(context.authError ?? 'Sign in first');
  // A password someone else set opens only `me` and `changePassword` (nested fields come through those).
  if (context.user.mustChangePassword && !info.path.prev && !PASSWORD_CHANGE_OPENS.includes(info.fieldName)) {
    throw forbidden('Someone else set your password: choose your own with changePassword first', 'PASSWORD_CHANGE_REQUIRED');
  }
  if (roles.length > 0 && !roles.includes(context.user.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${context.user.role}`, 'ROLE');
  }
  return true;
};
