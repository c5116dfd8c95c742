import { Arg, Args, Authorized, type ClassType, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BaseRecord } from './base.entity';
import type { AppContext } from './context';
import type { BaseFilter, CrudService } from './crud.service';
import { toId } from './errors';
import { ListArgs, ListMetadata } from './list';
import type { Role } from './roles';

export interface ReadResolverOptions<T extends BaseRecord, F extends BaseFilter> {
  type: ClassType<T>;
  /** Singular type name (Unit) and plural (Units): allUnits, _allUnitsMeta, createUnit… */
  name: string;
  plural: string;
  filter: ClassType<F>;
  service: (ctx: AppContext) => CrudService<T, F>;
  /** Who may read; default any signed-in user. */
  readRoles?: readonly Role[];
}

export interface CrudResolverOptions<T extends BaseRecord, F extends BaseFilter> extends ReadResolverOptions<T, F> {
  createArgs: ClassType;
  updateArgs: ClassType;
  /** Who may create, update and delete. Reading needs any signed-in user. */
  writeRoles: readonly Role[];
  /** Who may delete, when fewer than may write (facts a community records, the office removes). */
  deleteRoles?: readonly Role[];
}

/** The read operations react-admin expects: `Unit(id)`, `allUnits(…)`, `_allUnitsMeta(filter)`. */
export function createReadResolver<T extends BaseRecord, F extends BaseFilter>(o: ReadResolverOptions<T, F>) {
  @Resolver(() => o.type)
  @Authorized(...(o.readRoles ?? []))
  abstract class ReadResolver {
    @Query(() => o.type, { name: o.name, nullable: true, description: `One ${o.name} by id, or null` })
    getOne(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<T | null> {
      return o.service(ctx).get(toId(id));
    }

    @Query(() => [o.type], { name: `all${o.plural}`, description: `A page of ${o.plural}` })
    getAll(@Args() list: ListArgs, @Arg('filter', () => o.filter, { nullable: true }) filter: F | null, @Ctx() ctx: AppContext): Promise<T[]> {
      return o.service(ctx).list({ ...list, filter });
    }

    @Query(() => ListMetadata, { name: `_all${o.plural}Meta`, description: `How many ${o.plural} match the filter` })
    async getMeta(@Args() _list: ListArgs, @Arg('filter', () => o.filter, { nullable: true }) filter: F | null, @Ctx() ctx: AppContext): Promise<ListMetadata> {
      return { count: await o.service(ctx).count(filter) };
    }
  }
  return ReadResolver;
}

/**
 * The operations react-admin's GraphQL providers expect, for one type:
 * `Unit(id)`, `allUnits(page, perPage, sortField, sortOrder, filter)`, `_allUnitsMeta(filter)`,
 * `createUnit(…fields)`, `updateUnit(id, …fields)`, `deleteUnit(id)`. Each method is one service call.
 */
export function createCrudResolver<T extends BaseRecord, F extends BaseFilter>(o: CrudResolverOptions<T, F>) {
  @Resolver(() => o.type)
  @Authorized()
  abstract class CrudResolver extends createReadResolver(o) {
    @Authorized(...o.writeRoles)
    @Mutation(() => o.type, { name: `create${o.name}` })
    createOne(@Args(() => o.createArgs, { validate: true }) data: object, @Ctx() ctx: AppContext): Promise<T> {
      return o.service(ctx).create({ ...data }, ctx);
    }

    @Authorized(...o.writeRoles)
    @Mutation(() => o.type, { name: `update${o.name}` })
    updateOne(@Arg('id', () => ID) id: string, @Args(() => o.updateArgs, { validate: true }) data: object, @Ctx() ctx: AppContext): Promise<T> {
      return o.service(ctx).update(toId(id), { ...data }, ctx);
    }

    @Authorized(...(o.deleteRoles ?? o.writeRoles))
    @Mutation(() => o.type, { name: `delete${o.name}`, description: 'Deletes the record and returns it as it was' })
    deleteOne(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<T> {
      return o.service(ctx).delete(toId(id), ctx);
    }
  }
  return CrudResolver;
}
