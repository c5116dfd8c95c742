import { ListSize } from '../../common/query-limits';
import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RatingImportResult, RatingSheetRowInput } from './rating-import.types';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { childrenOf } from '../../common/loaders';
import { EDITORS } from '../../common/roles';
import { PropertyCompany } from '../organization/property-company.entity';
import { rate, type RatingOutcome } from './rating-calculator';
import { ListStatus } from './rating.enums';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import {
  CreateRatingArgs,
  CreateRatingPeriodArgs,
  CreateRatingSchemeArgs,
  RatingFilter,
  RatingPeriodFilter,
  RatingSchemeFilter,
  UpdateRatingArgs,
  UpdateRatingPeriodArgs,
  UpdateRatingSchemeArgs,
} from './rating.inputs';

@ObjectType({ description: 'What a rating comes to, computed from its scores and the scheme (never typed)' })
export class RatingResult {
  @Field({ description: 'Every criterion has a score' })
  complete: boolean;

  @Field(() => [String], { description: 'Criteria still without a score' })
  missing: string[];

  @Field(() => Float, { nullable: true, description: 'Weighted total, 0–100' })
  total: number | null;

  @Field(() => Int, { nullable: true })
  stars: number | null;

  @Field(() => ListStatus, { nullable: true, description: 'Null while incomplete, unless a black-list reason already holds' })
  listStatus: ListStatus | null;

  @Field(() => [String], { description: 'Why it is on a list' })
  reasons: string[];
}

/** The outcome of each rating asked for in this request: periods, schemes, criteria and scores loaded once per batch. */
const outcomeOf = (ctx: AppContext, r: Rating): Promise<RatingOutcome> =>
  ctx.loaders
    .named(
      'ratingOutcome',
      () =>
        new DataLoader<Rating, RatingOutcome, number>(
          async (ratings) => {
            const periods = await ctx.loaders.byId(RatingPeriod).loadMany(ratings.map((x) => x.periodId));
            const schemes = await ctx.loaders.byId(RatingScheme).loadMany(periods.map((p) => (p as RatingPeriod).schemeId));
            const [criteria, scores] = await Promise.all([
              childrenOf(ctx.loaders, RatingCriterion, 'schemeId', { sortOrder: 'ASC' }).loadMany(schemes.map((s) => (s as RatingScheme).id)),
              childrenOf(ctx.loaders, RatingScore, 'ratingId').loadMany(ratings.map((x) => x.id)),
            ]);
            return ratings.map((x, i) => rate(schemes[i] as RatingScheme, criteria[i] as RatingCriterion[], new Map((scores[i] as RatingScore[]).map((s) => [s.criterionId, s.score])), x));
          },
          { cacheKeyFn: (x) => x.id },
        ),
    )
    .load(r);

@Resolver(() => RatingScheme)
@Authorized()
export class RatingSchemeResolver extends createCrudResolver({
  type: RatingScheme,
  name: 'RatingScheme',
  plural: 'RatingSchemes',
  filter: RatingSchemeFilter,
  createArgs: CreateRatingSchemeArgs,
  updateArgs: UpdateRatingSchemeArgs,
  service: (ctx) => ctx.services.ratingScheme,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => [RatingCriterion])
  criteria(@Root() s: RatingScheme, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, RatingCriterion, 'schemeId', { sortOrder: 'ASC' }).load(s.id);
  }

  @ListSize(50)
  @FieldResolver(() => [RatingPeriod])
  periods(@Root() s: RatingScheme, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, RatingPeriod, 'schemeId', { startDate: 'ASC' }).load(s.id);
  }
}

@Resolver(() => RatingPeriod)
@Authorized()
export class RatingPeriodResolver extends createCrudResolver({
  type: RatingPeriod,
  name: 'RatingPeriod',
  plural: 'RatingPeriods',
  filter: RatingPeriodFilter,
  createArgs: CreateRatingPeriodArgs,
  updateArgs: UpdateRatingPeriodArgs,
  service: (ctx) => ctx.services.ratingPeriod,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => RatingScheme)
  scheme(@Root() p: RatingPeriod, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingScheme, p.schemeId);
  }
}

@Resolver(() => Rating)
@Authorized()
export class RatingResolver extends createCrudResolver({
  type: Rating,
  name: 'Rating',
  plural: 'Ratings',
  filter: RatingFilter,
  createArgs: CreateRatingArgs,
  updateArgs: UpdateRatingArgs,
  service: (ctx) => ctx.services.rating,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => RatingPeriod)
  period(@Root() r: Rating, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingPeriod, r.periodId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() r: Rating, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, r.propertyCompanyId);
  }

  @FieldResolver(() => [RatingScore])
  scores(@Root() r: Rating, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, RatingScore, 'ratingId').load(r.id);
  }

  @FieldResolver(() => RatingResult, { description: 'Total, stars and 红黑榜 status, computed' })
  result(@Root() r: Rating, @Ctx() ctx: AppContext) {
    return outcomeOf(ctx, r);
  }
}

/** 评分表导入: preview and commit of an office's rating sheet. */
@Resolver()
@Authorized()
export class RatingImportResolver {
  @Query(() => RatingImportResult, { description: 'What importing these sheet rows into the period would do, row by row, with the totals they come to; writes nothing' })
  ratingImportPreview(@Arg('periodId', () => ID) periodId: string, @Arg('rows', () => [RatingSheetRowInput], { validate: true }) rows: RatingSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.ratingImport.run({ periodId }, rows, false, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => RatingImportResult, { description: 'Imports sheet rows in one transaction; refused (nothing written) if any row is rejected' })
  importRatings(@Arg('periodId', () => ID) periodId: string, @Arg('rows', () => [RatingSheetRowInput], { validate: true }) rows: RatingSheetRowInput[], @Ctx() ctx: AppContext) {
    return ctx.services.ratingImport.run({ periodId }, rows, true, ctx);
  }
}
