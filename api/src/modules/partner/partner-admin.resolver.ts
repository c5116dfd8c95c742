import { Args, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { Role } from '../../common/roles';
import { PartnerAccess, PartnerKey } from './partner-key.entities';
import { IssuePartnerKeyArgs, PartnerAccessFilter, PartnerKeyFilter, RevokePartnerKeyArgs } from './partner.inputs';

@ObjectType({ description: 'A newly issued key: `secret` is shown this once and cannot be read again' })
export class IssuedPartnerKey {
  @Field(() => PartnerKey)
  key: PartnerKey;

  @Field({ description: 'The API key to hand to the partner (send as X-Api-Key). Not stored: copy it now.' })
  secret: string;
}

/** Partner keys: ADMIN issues and revokes; ADMIN and AUDITOR see the list. */
@Resolver(() => PartnerKey)
@Authorized(Role.ADMIN, Role.AUDITOR)
export class PartnerKeyResolver extends createReadResolver({
  type: PartnerKey,
  name: 'PartnerKey',
  plural: 'PartnerKeys',
  filter: PartnerKeyFilter,
  service: (ctx) => ctx.services.partnerKey,
  readRoles: [Role.ADMIN, Role.AUDITOR],
}) {
  @Authorized(Role.ADMIN)
  @Mutation(() => IssuedPartnerKey, { description: 'Issues a partner API key; the key is in the answer and nowhere else' })
  issuePartnerKey(@Args(() => IssuePartnerKeyArgs, { validate: true }) a: IssuePartnerKeyArgs, @Ctx() ctx: AppContext) {
    return ctx.services.partnerKey.issue(a, ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PartnerKey, { description: 'Revokes a key: its next request gets UNAUTHENTICATED' })
  revokePartnerKey(@Args(() => RevokePartnerKeyArgs, { validate: true }) a: RevokePartnerKeyArgs, @Ctx() ctx: AppContext) {
    return ctx.services.partnerKey.revoke(toId(a.id), a.reason, ctx);
  }
}

/** The partner access log, for the office's data-sharing audit. */
@Resolver(() => PartnerAccess)
@Authorized(Role.ADMIN, Role.AUDITOR, Role.PARTY_OFFICE)
export class PartnerAccessResolver extends createReadResolver({
  type: PartnerAccess,
  name: 'PartnerAccess',
  plural: 'PartnerAccesses',
  filter: PartnerAccessFilter,
  service: (ctx) => ctx.services.partnerAccess,
  readRoles: [Role.ADMIN, Role.AUDITOR, Role.PARTY_OFFICE],
}) {}
