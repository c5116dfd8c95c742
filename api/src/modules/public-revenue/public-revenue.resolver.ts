import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { CreateRevenueAuditArgs, CreateRevenueDisclosureArgs, RevenueDisclosureFilter, RevenueRecordFilter, UpdateRevenueAuditArgs, UpdateRevenueDisclosureArgs } from './public-revenue.inputs';
import { disclosureDueOn, DisclosureStatus, disclosureStatus, latestDueQuarter } from './public-revenue.rules';
import { RevenueAudit } from './revenue-audit.entity';
import { RevenueDisclosure } from './revenue-disclosure.entity';

const AS_OF = { nullable: true, description: 'The day (default: today in China)' } as const;

@Resolver(() => RevenueDisclosure)
@Authorized()
export class RevenueDisclosureResolver extends createCrudResolver({
  type: RevenueDisclosure,
  name: 'RevenueDisclosure',
  plural: 'RevenueDisclosures',
  filter: RevenueDisclosureFilter,
  createArgs: CreateRevenueDisclosureArgs,
  updateArgs: UpdateRevenueDisclosureArgs,
  service: (ctx) => ctx.services.revenueDisclosure,
  // the community records what was posted in its compounds; the office removes a record made in error
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => LocalDate, { description: 'Due by the end of the first month of the next quarter (Q1 → 30 April)' })
  dueOn(@Root() d: RevenueDisclosure) {
    return disclosureDueOn(d.year, d.quarter);
  }

  @FieldResolver(() => DisclosureStatus, { description: 'On time or late (as of the day; before it was disclosed, due or overdue)' })
  status(@Root() d: RevenueDisclosure, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return disclosureStatus(d.year, d.quarter, d.disclosedOn, asOf ?? todayInChina());
  }

  @FieldResolver(() => Compound)
  compound(@Root() d: RevenueDisclosure, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, d.compoundId);
  }

  @FieldResolver(() => Jurisdiction)
  community(@Root() d: RevenueDisclosure, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, d.communityId);
  }
}

@Resolver(() => RevenueAudit)
@Authorized()
export class RevenueAuditResolver extends createCrudResolver({
  type: RevenueAudit,
  name: 'RevenueAudit',
  plural: 'RevenueAudits',
  filter: RevenueRecordFilter,
  createArgs: CreateRevenueAuditArgs,
  updateArgs: UpdateRevenueAuditArgs,
  service: (ctx) => ctx.services.revenueAudit,
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Compound)
  compound(@Root() a: RevenueAudit, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, a.compoundId);
  }
}

/** A quarter's disclosure at a compound, whether or not one was made. */
@ObjectType({ description: 'A quarter’s disclosure at a compound on a day: due when, where it stands, and the record if one was made' })
export class QuarterDisclosure {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  quarter: number;

  @Field(() => LocalDate)
  dueOn: string;

  @Field(() => DisclosureStatus)
  status: DisclosureStatus;

  @Field(() => RevenueDisclosure, { nullable: true })
  disclosure: RevenueDisclosure | null;
}

@Resolver(() => Compound)
export class CompoundRevenueResolver {
  @FieldResolver(() => [QuarterDisclosure], {
    description: '公共收益公示 by quarter: the last `quarters` quarters due by the day (default 4, at most 12), latest first, each with its record or its lateness',
  })
  disclosureQuarters(
    @Root() c: Compound,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | undefined,
    @Arg('quarters', () => Int, { nullable: true, defaultValue: 4 }) quarters: number,
    @Ctx() ctx: AppContext,
  ): Promise<QuarterDisclosure[]> {
    const day = asOf ?? todayInChina();
    const n = Math.max(1, Math.min(12, quarters));
    return childrenOf(ctx.loaders, RevenueDisclosure, 'compoundId', { year: 'DESC', quarter: 'DESC' })
      .load(c.id)
      .then((rows: RevenueDisclosure[]) => {
        const out: QuarterDisclosure[] = [];
        let { year, quarter } = latestDueQuarter(day);
        for (let k = 0; k < n; k++) {
          const rec = rows.find((r) => r.year === year && r.quarter === quarter) ?? null;
          out.push(
            Object.assign(new QuarterDisclosure(), { year, quarter, dueOn: disclosureDueOn(year, quarter), status: disclosureStatus(year, quarter, rec?.disclosedOn ?? null, day), disclosure: rec }),
          );
          ({ year, quarter } = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 });
        }
        return out;
      });
  }

  @FieldResolver(() => [RevenueAudit], { description: '公共收益年度审计, latest year first' })
  revenueAudits(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, RevenueAudit, 'compoundId', { year: 'DESC' }).load(c.id);
  }
}
