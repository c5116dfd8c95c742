import { Authorized, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { Compound } from '../organization/compound.entity';
import { OwnersCommittee } from './owners-committee.entity';
import { CreateOwnersCommitteeArgs, OwnersCommitteeFilter, UpdateOwnersCommitteeArgs } from './owners-committee.inputs';

@Resolver(() => OwnersCommittee)
@Authorized()
export class OwnersCommitteeResolver extends createCrudResolver({
  type: OwnersCommittee,
  name: 'OwnersCommittee',
  plural: 'OwnersCommittees',
  filter: OwnersCommitteeFilter,
  createArgs: CreateOwnersCommitteeArgs,
  updateArgs: UpdateOwnersCommitteeArgs,
  service: (ctx) => ctx.services.ownersCommittee,
  // the community records what it knows of its compounds (scope: common/scope.ts, 'fact'); the office removes
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Float, { nullable: true, description: 'Party members as a percentage of members' })
  partyShare(@Root() c: OwnersCommittee) {
    return c.memberCount && c.partyMemberCount != null ? Math.round((c.partyMemberCount / c.memberCount) * 10000) / 100 : null;
  }

  @FieldResolver(() => Boolean, { description: 'Below the 50% party-member share the documents ask for' })
  belowPartyShare(@Root() c: OwnersCommittee) {
    return Boolean(c.memberCount && c.partyMemberCount != null && c.partyMemberCount * 2 < c.memberCount);
  }
}

/** A compound's committees, term by term. */
@Resolver(() => Compound)
@Authorized()
export class CompoundCommitteesResolver {
  @FieldResolver(() => [OwnersCommittee])
  ownersCommittees(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, OwnersCommittee, 'compoundId', { formedOn: 'ASC', id: 'ASC' }).load(c.id);
  }
}
