import { IsInt, IsOptional, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { BaseFilterInput } from '../../common/filters';
import { ListSize } from '../../common/query-limits';
import { FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { User } from '../auth/user.entity';
import { Assignment } from './assignment.entity';
import { DutyReport } from './duty-report.entity';
import { MAX_OCCURRENCES, MAX_OCCURRENCES_PER_PAGE } from './duty.service';
import { DutyOccurrence, DutyOccurrenceConnection, OccurrenceStatus } from './duty.types';

@InputType()
export class DutyReportFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  assignmentId?: string | null;

  @Field(() => String, { nullable: true })
  periodKey?: string | null;
}

/** 报告落实: a unit reports that its recurring duty was carried out once. */
@ArgsType()
export class ReportDutyArgs {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalDate, { description: 'The day it was held or done (not in the future)' })
  @IsPastDate()
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'The period it counts for (2025Q3…); default the one heldOn falls in' })
  @IsOptional()
  @MaxLength(10)
  periodKey?: string | null;

  @Field({ description: '会议纪要 / 情况' })
  @NotBlank('note')
  @MaxLength(5000)
  note: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'evidenceUrl must be an http(s) link' })
  @MaxLength(500)
  evidenceUrl?: string | null;

  @Field(() => Int, { nullable: true, description: '参会人数, where it is a meeting' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  attendance?: number | null;
}

const optional = { nullable: true } as const;

/** 定期工作落实情况: the occurrences an office follows, a page at a time. */
@ArgsType()
export class DutyOccurrencePageArgs {
  @Field(() => LocalDate, { description: 'Where each stands on this day' })
  asOf: string;

  @Field(() => LocalDate, { nullable: true, description: 'The periods that overlap [from, to] (default 1 January of asOf’s year to asOf)' })
  from?: string | null;

  @Field(() => LocalDate, optional)
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the plans this office (jurisdiction) issued' })
  jurisdictionId?: string | null;

  @Field(() => ID, optional)
  planId?: string | null;

  @Field(() => ID, optional)
  taskItemId?: string | null;

  @Field(() => ID, optional)
  unitId?: string | null;

  @Field(() => OccurrenceStatus, { nullable: true, description: 'Only these on the pages (the counts stay those of every status)' })
  status?: OccurrenceStatus | null;

  // the range is checked by the service, as list arguments are (OUT_OF_RANGE)
  @Field(() => Int, { defaultValue: 0, description: '0-based page number' })
  page: number;

  @Field(() => Int, { defaultValue: 25, description: `Occurrences per page (1–${MAX_OCCURRENCES_PER_PAGE})` })
  perPage: number;
}

@Resolver(() => DutyReport)
@Authorized()
export class DutyReportResolver extends createReadResolver({ type: DutyReport, name: 'DutyReport', plural: 'DutyReports', filter: DutyReportFilter, service: (ctx) => ctx.services.dutyReport }) {
  // the office and unit staff, as for progress reports (duty.service.ts says whose)
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => DutyReport, { description: 'Reports one holding of a recurring duty; unit staff only for their own unit. Never edited: a correction is a newer report' })
  reportDuty(@Args(() => ReportDutyArgs, { validate: true }) args: ReportDutyArgs, @Ctx() ctx: AppContext) {
    return ctx.services.dutyReport.create({ ...args }, ctx);
  }

  @FieldResolver(() => Assignment)
  assignment(@Root() r: DutyReport, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Assignment, r.assignmentId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who reported (display name)' })
  async reportedBy(@Root() r: DutyReport, @Ctx() ctx: AppContext) {
    return (await ctx.loaders.ref(User, r.reportedById))?.displayName ?? null;
  }
}

@Resolver()
@Authorized()
export class DutyResolver {
  @ListSize(MAX_OCCURRENCES)
  @Query(() => [DutyOccurrence], {
    description: `定期工作: each period of each recurring duty for each responsible unit that overlaps [from, to] (default 1 January of asOf’s year to asOf), where it stands on asOf; at most ${MAX_OCCURRENCES}`,
  })
  async dutyOccurrences(
    @Arg('asOf', () => LocalDate) asOf: string,
    @Arg('from', () => LocalDate, optional) from: string | null,
    @Arg('to', () => LocalDate, optional) to: string | null,
    @Arg('unitId', () => ID, optional) unitId: string | null,
    @Arg('planId', () => ID, optional) planId: string | null,
    @Arg('taskItemId', () => ID, optional) taskItemId: string | null,
    @Arg('status', () => OccurrenceStatus, optional) status: OccurrenceStatus | null,
    @Ctx() ctx: AppContext,
  ) {
    const all = await ctx.services.duty.occurrences({ asOf, from, to, unitId, planId, taskItemId });
    return status ? all.filter((o) => o.status === status) : all;
  }

  @Query(() => DutyOccurrenceConnection, {
    description: `定期工作落实情况: the occurrences in scope a page at a time, the worst (overdue) first, with the counts of all of them; at most ${MAX_OCCURRENCES} in scope`,
  })
  dutyOccurrencePage(@Args(() => DutyOccurrencePageArgs, { validate: true }) args: DutyOccurrencePageArgs, @Ctx() ctx: AppContext) {
    return ctx.services.duty.page({ ...args });
  }
}
