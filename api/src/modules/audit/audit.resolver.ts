import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { toId } from '../../common/errors';
import { ListArgs, ListMetadata } from '../../common/list';
import { ListSize } from '../../common/query-limits';
import { Role } from '../../common/roles';
import { AuditEvent } from './audit-event.entity';
import { AuditEventFilter } from './audit.inputs';
import { AuditReference } from './audit-references';

/** The audit trail is read-only: there is no mutation for it in the schema. */
@Resolver(() => AuditEvent)
@Authorized(Role.ADMIN, Role.PARTY_OFFICE, Role.AUDITOR)
export class AuditResolver {
  @Query(() => AuditEvent, { nullable: true })
  AuditEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.audit.get(toId(id));
  }

  @Query(() => [AuditEvent], { description: 'Audit events, newest first' })
  allAuditEvents(@Args() list: ListArgs, @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null, @Ctx() ctx: AppContext) {
    return ctx.services.audit.list({ ...list, filter });
  }

  @Query(() => ListMetadata)
  async _allAuditEventsMeta(@Args() _list: ListArgs, @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null, @Ctx() ctx: AppContext): Promise<ListMetadata> {
    return { count: await ctx.services.audit.count({ filter }) };
  }

  @FieldResolver(() => [AuditReference], {
    description: 'The records the event names, by id: the record itself and each id in before and after, with their names; a record outside the reader’s scope is not named',
  })
  @ListSize(20)
  references(@Root() event: AuditEvent, @Ctx() ctx: AppContext): Promise<AuditReference[]> {
    return ctx.services.audit.references(event, ctx.loaders);
  }
}
