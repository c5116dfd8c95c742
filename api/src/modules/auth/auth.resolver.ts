import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { Role } from '../../common/roles';
import { unscoped } from '../../common/scope';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { ChangePasswordArgs, CreateUserArgs, LoginResult, PasswordReset, UpdateUserArgs, UserFilter } from './auth.inputs';
import { User } from './user.entity';

/** Signing in (the only operation open to anonymous callers) and choosing one's own password. */
@Resolver()
export class LoginResolver {
  @Mutation(() => LoginResult, {
    description: 'Signs in; the token goes in "Authorization: Bearer <token>". RATE_LIMITED (reason LOGIN_LOCKED or TOO_MANY_ATTEMPTS, retryAfter) after repeated failures',
  })
  login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: AppContext): Promise<LoginResult> {
    return ctx.services.auth.login(username, password, ctx);
  }

  @Authorized()
  @Mutation(() => LoginResult, { description: 'Changes the signed-in user’s own password (needs the current one); ends every other session and returns a new token' })
  changePassword(@Args(() => ChangePasswordArgs, { validate: true }) a: ChangePasswordArgs, @Ctx() ctx: AppContext): Promise<LoginResult> {
    return ctx.services.auth.changePassword(a.current, a.next, ctx);
  }
}

@Resolver(() => User)
@Authorized()
export class UserResolver extends createCrudResolver({
  type: User,
  name: 'User',
  plural: 'Users',
  filter: UserFilter,
  createArgs: CreateUserArgs,
  updateArgs: UpdateUserArgs,
  service: (ctx) => ctx.services.user,
  // Nobody else lists or reads users (names, roles, units); every signed-in user reads itself with `me`.
  readRoles: [Role.ADMIN],
  writeRoles: [Role.ADMIN],
}) {
  @Query(() => User, { description: 'The signed-in user' })
  me(@Ctx() ctx: AppContext): Promise<User | null> {
    // one's own account, also while a root user looks at one office (X-Office)
    return unscoped(() => ctx.services.user.get(ctx.user!.id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PasswordReset, {
    description:
      'Resets another user’s password to a temporary one the server makes, answered this once: the user’s sessions end and the next sign-in opens only me and changePassword until they choose their own (audited PASSWORD_RESET). One’s own password: changePassword (reason OWN_PASSWORD)',
  })
  resetUserPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<PasswordReset> {
    return ctx.services.user.resetPassword(toId(id), ctx);
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() u: User, @Ctx() ctx: AppContext): Promise<Unit | null> {
    return ctx.loaders.ref(Unit, u.unitId);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: 'The office the user works in; null: the root, acting anywhere' })
  jurisdiction(@Root() u: User, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    return ctx.loaders.ref(Jurisdiction, u.jurisdictionId);
  }
}
