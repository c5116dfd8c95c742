import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { Role } from '../../common/roles';
import { Unit } from '../organization/unit.entity';
import { CreateUserArgs, LoginResult, UpdateUserArgs, UserFilter } from './auth.inputs';
import { User } from './user.entity';

/** The only operation open to anonymous callers. */
@Resolver()
export class LoginResolver {
  @Mutation(() => LoginResult, { description: 'Signs in; the token goes in "Authorization: Bearer <token>"' })
  login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: AppContext): Promise<LoginResult> {
    return ctx.services.auth.login(username, password, ctx.requestId);
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
  writeRoles: [Role.ADMIN],
}) {
  @Query(() => User, { description: 'The signed-in user' })
  me(@Ctx() ctx: AppContext): Promise<User | null> {
    return ctx.services.user.get(ctx.user!.id);
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() u: User, @Ctx() ctx: AppContext): Promise<Unit | null> {
    return ctx.loaders.ref(Unit, u.unitId);
  }
}
