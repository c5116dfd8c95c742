import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { AuthService, UserService } from './auth.service';
import { LoginResolver, UserResolver } from './auth.resolver';
import { User } from './user.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit, config, limits }: ModuleKit) => ({
  auth: new AuthService(ds, tx, audit, config, limits),
  user: new UserService(ds, tx, audit, { entity: User, typeName: 'User', searchColumns: ['username', 'displayName'], auditOmit: ['passwordHash'] }),
});

/** 用户与登录: users, roles, sessions, passwords. */
export const authModule: ApiModule = {
  name: 'auth',
  entities: [User],
  services,
  resolvers: [LoginResolver, UserResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
