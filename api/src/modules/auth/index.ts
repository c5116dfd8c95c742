import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { AuthService, UserService } from './auth.service';
import { LoginResolver, UserResolver } from './auth.resolver';
import { User } from './user.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit, config, limits }: ModuleKit) => ({
  auth: new AuthService(ds, tx, audit, config, limits),
  user: new UserService(ds, tx, audit, { entity: User, typeName: 'User', searchColumns: ['username', 'displayName'], auditOmit: ['passwordHash'] }),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  LOGIN_LOCKED: 'The account is locked after repeated failed sign-ins: wait extensions.retryAfter seconds',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins from one IP: wait extensions.retryAfter seconds',
  WRONG_PASSWORD: 'The current password given to change it is wrong',
  SAME_PASSWORD: 'The new password is the same as the current one',
  OWN_ACCOUNT: 'An administrator cannot take away their own admin role or deactivate their own account',
  OWN_PASSWORD: 'An administrator resets other users’ passwords; their own they change with changePassword (it needs the current one)',
  UNIT_ELSEWHERE: 'A UNIT_STAFF user’s jurisdiction is not the one their unit belongs to',
} as const;

/** 用户与登录: users, roles, sessions, passwords. */
export const authModule: ApiModule = {
  name: 'auth',
  entities: [User],
  services,
  resolvers: [LoginResolver, UserResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
