import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { todayInChina } from '../../common/dates';
import { LocalDate } from '../../common/scalars';
import { Assignment } from './assignment.entity';
import { ProgressStatus } from './enums';
import { DeadlineConnection, OpenDeadlineState, RollupConnection, RollupLevel, UnitProgressConnection } from './progress.types';
import { MAX_PANEL_PAGE } from './progress.panels';
import { TaskBulletin } from './bulletin';

const scopeArgs = { nullable: true } as const;

/** The office's questions about task progress, each as of a date so answers are reproducible. */
@Resolver()
@Authorized()
export class ProgressResolver {
  @Query(() => DeadlineConnection, {
    description: `首页: open deadlines of the viewer’s office (a unit’s staff: their unit) as of a day, overdue or due within \`days\`, earliest first, a page (1–${MAX_PANEL_PAGE}) at a time with the total; counted in SQL`,
  })
  deadlinePage(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Arg('state', () => OpenDeadlineState) state: OpenDeadlineState,
    @Arg('days', () => Int, { defaultValue: 30, description: 'DUE_SOON: from asOf to asOf + days (0–366)' }) days: number,
    @Arg('unitId', () => ID, scopeArgs) unitId: string | null,
    @Arg('planId', () => ID, scopeArgs) planId: string | null,
    @Arg('page', () => Int, { defaultValue: 0, description: '0-based page number' }) page: number,
    @Arg('perPage', () => Int, { defaultValue: 10, description: `Deadlines per page (1–${MAX_PANEL_PAGE})` }) perPage: number,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.progressPanels.deadlines({ asOf, unitId, planId, page, perPage }, state, days, ctx.user, ctx.loaders);
  }

  @Query(() => UnitProgressConnection, {
    description: `首页 各单位进度: the units of the viewer’s office with their assignments counted as of a day (in SQL), the most overdue first, a page (1–${MAX_PANEL_PAGE}) at a time`,
  })
  unitProgressPage(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Arg('unitId', () => ID, scopeArgs) unitId: string | null,
    @Arg('planId', () => ID, scopeArgs) planId: string | null,
    @Arg('page', () => Int, { defaultValue: 0, description: '0-based page number' }) page: number,
    @Arg('perPage', () => Int, { defaultValue: 10, description: `Units per page (1–${MAX_PANEL_PAGE})` }) perPage: number,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.progressPanels.units({ asOf, unitId, planId, page, perPage }, ctx.user);
  }

  @Query(() => TaskBulletin, {
    description: '通报: the task lists an office issued, by responsible unit as of a day (done, late, due in 30 days, overdue, duties missed), the worst first; /bulletin.pdf prints it',
  })
  taskBulletin(@Arg('jurisdictionId', () => ID) jurisdictionId: string, @Arg('asOf', () => LocalDate) asOf: string, @Ctx() ctx: AppContext) {
    return ctx.services.bulletin.of(jurisdictionId, asOf);
  }

  @Query(() => RollupConnection, {
    description: `Assignment counts by unit, plan, key work, target or task as of a day, counted in SQL, a page (1–${MAX_PANEL_PAGE}) of rows at a time with the total`,
  })
  taskRollup(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Arg('by', () => RollupLevel) by: RollupLevel,
    @Arg('unitId', () => ID, scopeArgs) unitId: string | null,
    @Arg('planId', () => ID, scopeArgs) planId: string | null,
    @Arg('page', () => Int, { defaultValue: 0, description: '0-based page number' }) page: number,
    @Arg('perPage', () => Int, { defaultValue: 100, description: `Rows per page (1–${MAX_PANEL_PAGE})` }) perPage: number,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.progressPanels.rollup({ asOf, unitId, planId, page, perPage }, by, ctx.user);
  }
}

@Resolver(() => Assignment)
@Authorized()
export class AssignmentStatusResolver {
  @FieldResolver(() => ProgressStatus, { description: 'The latest whole-task report on or before asOf (default today); NOT_STARTED without one' })
  status(@Root() a: Assignment, @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null, @Ctx() ctx: AppContext) {
    const day = asOf ?? todayInChina();
    return ctx.loaders.named(`assignmentStatus:${day}`, () => new DataLoader<number, ProgressStatus>((ids) => ctx.services.progress.statusOf(ids, day))).load(a.id);
  }
}
