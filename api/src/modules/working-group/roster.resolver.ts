import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { Replay } from '../idempotency/idempotency';
import { EDITORS } from '../../common/roles';
import { Membership } from './membership.entity';
import { SuccessionResult } from './succession.service';
import { ReorderMembershipsArgs, SuccessionInput } from './working-group.inputs';
import { RosterImportResult, RosterRowInput } from './roster-import.types';

/** Roster workflows beyond plain edits: succession (继任) and reordering. */
@Resolver()
@Authorized()
export class RosterResolver {
  @Query(() => SuccessionResult, { description: 'What recordSuccession would do, without doing it' })
  successionPreview(@Arg('input', () => SuccessionInput, { validate: true }) input: SuccessionInput, @Ctx() ctx: AppContext) {
    return ctx.services.succession.preview(input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => SuccessionResult, {
    description: "A post changed hands on a date: the predecessor's seats end the day before and pass to the successor",
  })
  @Replay((_claim, event, ctx) => ctx.services.succession.fromAudit(event))
  recordSuccession(@Arg('input', () => SuccessionInput, { validate: true }) input: SuccessionInput, @Ctx() ctx: AppContext) {
    return ctx.services.succession.record(input, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => [Membership], { description: "Sets the published order of one role's current seats" })
  @Replay((_claim, event, ctx) => ctx.services.membership.inOrder(((event?.after as { order?: number[] } | null)?.order ?? []).map(Number)))
  reorderMemberships(@Args(() => ReorderMembershipsArgs, { validate: true }) args: ReorderMembershipsArgs, @Ctx() ctx: AppContext) {
    return ctx.services.membership.reorder(args, ctx);
  }

  @Query(() => RosterImportResult, { description: 'What importing these sheet rows into the group would do, row by row; writes nothing' })
  rosterImportPreview(@Arg('groupId', () => ID) groupId: string, @Arg('rows', () => [RosterRowInput], { validate: true }) rows: RosterRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.rosterImport.run({ groupId }, rows, false, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => RosterImportResult, { description: 'Imports sheet rows in one transaction; refused (nothing written) if any row is rejected' })
  importRoster(@Arg('groupId', () => ID) groupId: string, @Arg('rows', () => [RosterRowInput], { validate: true }) rows: RosterRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.rosterImport.run({ groupId }, rows, true, ctx);
  }
}
