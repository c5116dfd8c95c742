import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { Compound } from '../organization/compound.entity';
import { PartyOrganization } from './party-organization.entity';
import { CreatePartyOrganizationArgs, PartyOrganizationFilter, UpdatePartyOrganizationArgs } from './party-organization.inputs';

@Resolver(() => PartyOrganization)
@Authorized()
export class PartyOrganizationResolver extends createCrudResolver({
  type: PartyOrganization,
  name: 'PartyOrganization',
  plural: 'PartyOrganizations',
  filter: PartyOrganizationFilter,
  createArgs: CreatePartyOrganizationArgs,
  updateArgs: UpdatePartyOrganizationArgs,
  service: (ctx) => ctx.services.partyOrganization,
  // the community records what it knows of its compounds (scope: common/scope.ts, 'fact'); the office removes
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {}

/** A compound's party organisations. */
@Resolver(() => Compound)
@Authorized()
export class CompoundPartyOrganizationsResolver {
  @FieldResolver(() => [PartyOrganization])
  partyOrganizations(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, PartyOrganization, 'compoundId', { formedOn: 'ASC', id: 'ASC' }).load(c.id);
  }
}
