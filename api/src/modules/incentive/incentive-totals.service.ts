import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { DataSource } from 'typeorm';
import { toOptionalId } from '../../common/errors';
import { fenToYuan } from '../../common/money';
import { COMMITTED, PayoutStatus, RecipientRole } from './incentive.enums';
import type { TotalsFilter } from './incentive.inputs';
import { Payout } from './payout.entity';

export enum IncentiveTotalsBy {
  YEAR = 'YEAR',
  PROGRAMME = 'PROGRAMME',
  RECIPIENT = 'RECIPIENT',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(IncentiveTotalsBy, { name: 'IncentiveTotalsBy', description: 'How to group committed and paid amounts' });

/** Committed (approved or paid) and paid amounts of one group. */
@ObjectType({ description: 'Committed (approved + paid) and paid amounts of one group' })
export class IncentiveTotal {
  @Field({ description: 'Stable key of the group, e.g. "2024", "programme:1", "PROPERTY_COMPANY:3", "community:7"' })
  key: string;

  @Field({ description: 'What the group is: a year, a programme, a recipient or a community name' })
  label: string;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => ID, { nullable: true })
  programmeId: number | null;

  @Field(() => RecipientRole, { nullable: true })
  recipientRole: RecipientRole | null;

  @Field(() => ID, { nullable: true, description: 'The community (for COMMUNITY, and for community recipients)' })
  communityId: number | null;

  @Field(() => GraphQLSafeInt)
  committedFen: number;

  @Field(() => GraphQLSafeInt)
  paidFen: number;

  @Field(() => Int)
  payoutCount: number;

  @Field({ description: 'Committed in yuan' })
  get committed(): string {
    return fenToYuan(this.committedFen);
  }

  @Field({ description: 'Paid in yuan' })
  get paid(): string {
    return fenToYuan(this.paidFen);
  }
}

/** Committed / paid amounts of one programme-year budget. */
export interface BudgetUse {
  committedFen: number;
  paidFen: number;
}

/** 预算执行: sums over payouts, grouped for reports and budget gauges. */
export class IncentiveTotalsService {
  constructor(private readonly ds: DataSource) {}

  async totals(by: IncentiveTotalsBy, filter: TotalsFilter | null | undefined): Promise<IncentiveTotal[]> {
    const qb = this.ds
      .getRepository(Payout)
      .createQueryBuilder('p')
      .select('SUM(CASE WHEN p.status = :paid THEN p.amountFen ELSE 0 END)', 'paidFen')
      .addSelect('SUM(p.amountFen)', 'committedFen')
      .addSelect('COUNT(*)', 'payoutCount')
      .where('p.status IN (:...committed)', { committed: COMMITTED, paid: PayoutStatus.PAID });
    if (filter?.year != null) qb.andWhere('p.budgetYear = :year', { year: filter.year });
    const programmeId = toOptionalId(filter?.programmeId, 'filter.programmeId');
    if (programmeId != null) qb.andWhere('p.programmeId = :programmeId', { programmeId });
    switch (by) {
      case IncentiveTotalsBy.YEAR:
        qb.addSelect('p.budgetYear', 'year').groupBy('p.budgetYear').orderBy('p.budgetYear', 'ASC');
        break;
      case IncentiveTotalsBy.PROGRAMME:
        qb.innerJoin('incentive_programme', 'g', 'g.id = p.programmeId')
          .addSelect('p.programmeId', 'programmeId')
          .addSelect('g.name', 'label')
          .groupBy('p.programmeId')
          .addGroupBy('g.name')
          .orderBy('p.programmeId', 'ASC');
        break;
      case IncentiveTotalsBy.RECIPIENT:
        qb.addSelect('p.recipientRole', 'recipientRole')
          .addSelect('p.recipientCompanyId', 'companyId')
          .addSelect('p.recipientJurisdictionId', 'communityId')
          .addSelect('MAX(p.recipientName)', 'label')
          .groupBy('p.recipientRole')
          .addGroupBy('p.recipientCompanyId')
          .addGroupBy('p.recipientJurisdictionId')
          .orderBy('MAX(p.recipientName)', 'ASC');
        break;
      case IncentiveTotalsBy.COMMUNITY:
        qb.innerJoin('award_case', 'c', 'c.id = p.caseId')
          .innerJoin('jurisdiction', 'j', 'j.id = c.communityId')
          .addSelect('c.communityId', 'communityId')
          .addSelect('j.name', 'label')
          .groupBy('c.communityId')
          .addGroupBy('j.name')
          .orderBy('j.name', 'ASC');
        break;
    }
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => {
      const t = new IncentiveTotal();
      const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      t.year = num(r.year);
      t.programmeId = num(r.programmeId);
      t.recipientRole = (r.recipientRole as RecipientRole) ?? null;
      t.communityId = num(r.communityId);
      t.committedFen = Number(r.committedFen ?? 0);
      t.paidFen = Number(r.paidFen ?? 0);
      t.payoutCount = Number(r.payoutCount ?? 0);
      t.label = r.label != null ? String(r.label) : String(t.year);
      t.key =
        by === IncentiveTotalsBy.YEAR
          ? String(t.year)
          : by === IncentiveTotalsBy.PROGRAMME
            ? `programme:${t.programmeId}`
            : by === IncentiveTotalsBy.COMMUNITY
              ? `community:${t.communityId}`
              : `${t.recipientRole}:${r.companyId ?? r.communityId}`;
      return t;
    });
  }

  /** Committed and paid per "programmeId:year" key, in one query for all keys asked. */
  async use(keys: readonly string[]): Promise<BudgetUse[]> {
    const pairs = keys.map((k) => k.split(':').map(Number) as [number, number]);
    const rows = await this.ds
      .getRepository(Payout)
      .createQueryBuilder('p')
      .select('p.programmeId', 'programmeId')
      .addSelect('p.budgetYear', 'year')
      .addSelect('SUM(p.amountFen)', 'committedFen')
      .addSelect('SUM(CASE WHEN p.status = :paid THEN p.amountFen ELSE 0 END)', 'paidFen')
      .where('p.status IN (:...committed)', { committed: COMMITTED, paid: PayoutStatus.PAID })
      .andWhere('p.programmeId IN (:...programmes)', { programmes: [...new Set(pairs.map((p) => p[0]))] })
      .andWhere('p.budgetYear IN (:...years)', { years: [...new Set(pairs.map((p) => p[1]))] })
      .groupBy('p.programmeId')
      .addGroupBy('p.budgetYear')
      .getRawMany<{ programmeId: number; year: number; committedFen: string | number; paidFen: string | number }>();
    const map = new Map(rows.map((r) => [`${Number(r.programmeId)}:${Number(r.year)}`, { committedFen: Number(r.committedFen), paidFen: Number(r.paidFen) }]));
    return keys.map((k) => map.get(k) ?? { committedFen: 0, paidFen: 0 });
  }
}
