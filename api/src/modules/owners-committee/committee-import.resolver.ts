import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { FACT_KEEPERS } from '../../common/roles';
import { CommitteeImportResult, CommitteeSheetRowInput } from './committee-import.types';

/** 业委会名册导入 (committee-import.service.ts): preview, then commit; a community's staff import their own community's committees. */
@Resolver()
@Authorized()
export class CommitteeImportResolver {
  @Query(() => CommitteeImportResult, { description: 'What importing these committee sheet rows would do, row by row and committee by committee; writes nothing' })
  committeeImportPreview(@Arg('rows', () => [CommitteeSheetRowInput], { validate: true }) rows: CommitteeSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.committeeImport.run({}, rows, false, ctx);
  }

  @Authorized(...FACT_KEEPERS)
  @Mutation(() => CommitteeImportResult, { description: 'Imports committee sheet rows in one transaction; refused (nothing written) if any row is rejected' })
  importCommittees(@Arg('rows', () => [CommitteeSheetRowInput], { validate: true }) rows: CommitteeSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.committeeImport.run({}, rows, true, ctx);
  }
}
