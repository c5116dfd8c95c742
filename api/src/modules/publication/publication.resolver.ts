import { ListSize } from '../../common/query-limits';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { childrenOf } from '../../common/loaders';
import { EDITORS } from '../../common/roles';
import { PropertyCompany } from '../organization/property-company.entity';
import { RatingPeriod, RatingScheme } from '../rating/rating.entities';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PublishedEntry, RatingPublication, Rectification } from './publication.entities';
import { RECTIFICATION_WORKFLOW } from './rectification.workflow';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { PublishedEntryFilter, PublishRatingPeriodArgs, RatingPublicationFilter, RectificationFilter } from './publication.inputs';
import { PublicationPreview } from './publication.types';

@Resolver(() => RatingPublication)
@Authorized()
export class RatingPublicationResolver extends createReadResolver({
  type: RatingPublication,
  name: 'RatingPublication',
  plural: 'RatingPublications',
  filter: RatingPublicationFilter,
  service: (ctx) => ctx.services.ratingPublication,
}) {
  @FieldResolver(() => Jurisdiction, { nullable: true, description: 'The office that published it (whose scheme it is); null: the platform' })
  async publishedBy(@Root() p: RatingPublication, @Ctx() ctx: AppContext): Promise<Jurisdiction | null> {
    const period = await ctx.loaders.ref(RatingPeriod, p.periodId);
    const scheme = await ctx.loaders.ref(RatingScheme, period?.schemeId);
    return ctx.loaders.ref(Jurisdiction, scheme?.jurisdictionId);
  }

  @Query(() => PublicationPreview, { description: 'What publishing the period now would publish: ranked entries, incomplete ratings, changes since the latest edition' })
  ratingPublicationPreview(@Arg('periodId', () => ID) periodId: string, @Ctx() ctx: AppContext): Promise<PublicationPreview> {
    return ctx.services.publication.preview(toId(periodId, 'periodId'));
  }

  @Authorized(...EDITORS)
  @Mutation(() => RatingPublication, {
    description:
      'Publishes the period’s ratings as a frozen edition (公布). The first is revision 1; a later one is a correction and needs a reason. Refused while a rating is incomplete or when nothing changed.',
  })
  publishRatingPeriod(@Args(() => PublishRatingPeriodArgs, { validate: true }) a: PublishRatingPeriodArgs, @Ctx() ctx: AppContext) {
    return ctx.services.publication.publish(toId(a.periodId, 'periodId'), a, ctx);
  }

  @FieldResolver(() => RatingPeriod)
  period(@Root() p: RatingPublication, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingPeriod, p.periodId);
  }

  @ListSize(1000)
  @FieldResolver(() => [PublishedEntry], { description: 'The frozen entries, by rank' })
  entries(@Root() p: RatingPublication, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, PublishedEntry, 'publicationId', { rank: 'ASC', id: 'ASC' }).load(p.id);
  }
}

@Resolver(() => PublishedEntry)
@Authorized()
export class PublishedEntryResolver extends createReadResolver({
  type: PublishedEntry,
  name: 'PublishedEntry',
  plural: 'PublishedEntries',
  filter: PublishedEntryFilter,
  service: (ctx) => ctx.services.publishedEntry,
}) {
  @FieldResolver(() => RatingPublication)
  publication(@Root() e: PublishedEntry, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingPublication, e.publicationId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() e: PublishedEntry, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, e.propertyCompanyId);
  }
}

@Resolver(() => Rectification)
@Authorized()
export class RectificationResolver extends withWorkflow({
  base: createReadResolver({ type: Rectification, name: 'Rectification', plural: 'Rectifications', filter: RectificationFilter, service: (ctx) => ctx.services.rectification }),
  decl: RECTIFICATION_WORKFLOW,
  workflow: (ctx) => ctx.services.rectification.workflow as never,
}) {
  @FieldResolver(() => RatingPeriod)
  period(@Root() r: Rectification, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingPeriod, r.periodId);
  }

  @FieldResolver(() => PropertyCompany)
  propertyCompany(@Root() r: Rectification, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, r.propertyCompanyId);
  }

  @FieldResolver(() => RatingPublication, { description: 'The edition that (last) listed the company' })
  publication(@Root() r: Rectification, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(RatingPublication, r.publicationId);
  }
}
