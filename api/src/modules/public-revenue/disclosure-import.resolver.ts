import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { FACT_KEEPERS } from '../../common/roles';
import { DisclosureImportResult, DisclosureSheetRowInput } from './disclosure-import.types';

/** 公共收益公示台账导入 (disclosure-import.service.ts): preview, then commit; a community's staff import their own community's compounds. */
@Resolver()
@Authorized()
export class DisclosureImportResolver {
  @Query(() => DisclosureImportResult, { description: 'What importing these disclosure sheet rows would do, row by row; writes nothing' })
  disclosureImportPreview(@Arg('rows', () => [DisclosureSheetRowInput], { validate: true }) rows: DisclosureSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.disclosureImport.run({}, rows, false, ctx);
  }

  @Authorized(...FACT_KEEPERS)
  @Mutation(() => DisclosureImportResult, { description: 'Imports disclosure sheet rows in one transaction; refused (nothing written) if any row is rejected' })
  importRevenueDisclosures(@Arg('rows', () => [DisclosureSheetRowInput], { validate: true }) rows: DisclosureSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.disclosureImport.run({}, rows, true, ctx);
  }
}
