import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { toOptionalId } from '../../common/errors';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Indicator, IndicatorMeasurement } from './indicator.entities';
import { CreateIndicatorArgs, CreateIndicatorMeasurementArgs, IndicatorFilter, IndicatorMeasurementFilter, UpdateIndicatorArgs, UpdateIndicatorMeasurementArgs } from './indicator.inputs';
import { IndicatorActual } from './indicator-rollup';
import { IndicatorStatus } from './indicator.service';

const asOfArg = { nullable: true, description: 'Default: today' } as const;

/** One computation per indicator, date and place per request, shared by `actual`, `actualDetail` and `status`. */
const actualOf = (ctx: AppContext, i: Indicator, asOf: string, jurisdictionId?: number) =>
  ctx.loaders
    .named(
      `indicatorActual:${asOf}:${jurisdictionId ?? '*'}`,
      () => new DataLoader<Indicator, IndicatorActual, number>((all) => ctx.services.indicatorProgress.actuals(all, asOf, jurisdictionId), { cacheKeyFn: (x) => x.id }),
    )
    .load(i);

const placeArg = { nullable: true, description: 'Default: the indicator’s scope' } as const;

@Resolver(() => Indicator)
@Authorized()
export class IndicatorResolver extends createCrudResolver({
  type: Indicator,
  name: 'Indicator',
  plural: 'Indicators',
  filter: IndicatorFilter,
  createArgs: CreateIndicatorArgs,
  updateArgs: UpdateIndicatorArgs,
  service: (ctx) => ctx.services.indicator,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Jurisdiction)
  scope(@Root() i: Indicator, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, i.scopeId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Computed from compounds where it can be; else the latest measurement typed for the jurisdiction on or before asOf; else, for counts, the sum of the jurisdictions below it (shares are not averaged). actualDetail says which.',
  })
  async actual(@Root() i: Indicator, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Arg('jurisdictionId', () => ID, placeArg) jurisdictionId: string | null, @Ctx() ctx: AppContext) {
    return (await actualOf(ctx, i, asOf ?? todayInChina(), toOptionalId(jurisdictionId, 'jurisdictionId') ?? undefined)).value;
  }

  @FieldResolver(() => IndicatorActual, { description: 'The actual with how it was obtained: typed, rolled up from the jurisdictions below (and how many of them reported), computed, or none' })
  actualDetail(@Root() i: Indicator, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Arg('jurisdictionId', () => ID, placeArg) jurisdictionId: string | null, @Ctx() ctx: AppContext) {
    return actualOf(ctx, i, asOf ?? todayInChina(), toOptionalId(jurisdictionId, 'jurisdictionId') ?? undefined);
  }

  @FieldResolver(() => IndicatorStatus, { description: 'On track, at risk, met or missed as of the date, in the indicator’s scope' })
  async status(@Root() i: Indicator, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Ctx() ctx: AppContext) {
    const day = asOf ?? todayInChina();
    return ctx.services.indicatorProgress.status(i, await actualOf(ctx, i, day), day);
  }

  @FieldResolver(() => [IndicatorMeasurement])
  measurements(@Root() i: Indicator, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, IndicatorMeasurement, 'indicatorId', { measuredOn: 'ASC', id: 'ASC' }).load(i.id);
  }
}

@Resolver(() => IndicatorMeasurement)
@Authorized()
export class IndicatorMeasurementResolver extends createCrudResolver({
  type: IndicatorMeasurement,
  name: 'IndicatorMeasurement',
  plural: 'IndicatorMeasurements',
  filter: IndicatorMeasurementFilter,
  createArgs: CreateIndicatorMeasurementArgs,
  updateArgs: UpdateIndicatorMeasurementArgs,
  service: (ctx) => ctx.services.indicatorMeasurement,
  // a community types its own figures (scope: common/scope.ts, 'fact'); the office removes
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {}
