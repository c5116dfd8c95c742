import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { type DataSource, In } from 'typeorm';
import { todayInChina } from '../../common/dates';
import { percent } from '../../common/percent';
import { notFound, toId } from '../../common/errors';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { loadJurisdictionTree } from '../organization/jurisdiction-tree';
import { JurisdictionLevel } from '../organization/enums';
import { Complaint } from './complaint.entity';
import { sameDayLastYear } from './complaint.rules';

/*
 * 投诉办理统计 as of a day, per area, over the complaints received from 1 January of that day's year
 * (the year to date), compared with the same days of the year before:
 * - received, and receivedLastYear (1 January to the same day a year before; change = the % rise, a
 *   fall negative: 004's 信访投诉量下降15%以上 is a change of −15 or below);
 * - disposed by the day: on time (on or before the due day) or late; overdue: not disposed and past
 *   the due day; within the limit: not yet due;
 * - 处置率 (handlingRate): disposed of those that had to be (disposed + overdue); 按期处置率 (onTimeRate):
 *   on time of the same. A complaint still within its limit is in neither.
 * complaint.rules.ts says when a complaint is disposed and what its due day is.
 */

/** Counts of one compound's complaints (complaintCounts), summed into an area's. */
export interface ComplaintCounts {
  received: number;
  receivedLastYear: number;
  disposed: number;
  onTime: number;
  late: number;
  overdue: number;
  withinLimit: number;
}

const ZERO: ComplaintCounts = { received: 0, receivedLastYear: 0, disposed: 0, onTime: 0, late: 0, overdue: 0, withinLimit: 0 };
/** The counts of several compounds (or communities) added up. */
export const sumCounts = (all: Iterable<ComplaintCounts>): ComplaintCounts => [...all].reduce(add, ZERO);
function add(a: ComplaintCounts, b: ComplaintCounts): ComplaintCounts {
  return {
    received: a.received + b.received,
    receivedLastYear: a.receivedLastYear + b.receivedLastYear,
    disposed: a.disposed + b.disposed,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    overdue: a.overdue + b.overdue,
    withinLimit: a.withinLimit + b.withinLimit,
  };
}

/** The % change from last year's count to this year's (null when last year had none). */
export const change = (c: Pick<ComplaintCounts, 'received' | 'receivedLastYear'>): number | null => percent(c.received - c.receivedLastYear, c.receivedLastYear);
/** The fall from last year's count (004's 下降15%以上), % (a rise is negative). */
export const decrease = (c: Pick<ComplaintCounts, 'received' | 'receivedLastYear'>): number | null => percent(c.receivedLastYear - c.received, c.receivedLastYear);
export const handlingRate = (c: ComplaintCounts): number | null => percent(c.disposed, c.disposed + c.overdue);
export const onTimeRate = (c: ComplaintCounts): number | null => percent(c.onTime, c.disposed + c.overdue);

/**
 * The counts of each compound's complaints as of the day (one grouped statement over the complaints of
 * this year to date and of the same days last year; the scope rule narrows it to what the viewer reads).
 */
export async function complaintCounts(ds: DataSource, where: { communityIds: number[] } | { compoundIds: number[] }, asOf: string): Promise<Map<number, ComplaintCounts & { communityId: number }>> {
  const ids = 'communityIds' in where ? where.communityIds : where.compoundIds;
  const out = new Map<number, ComplaintCounts & { communityId: number }>();
  if (!ids.length) return out;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const lastDay = sameDayLastYear(asOf);
  const lastStart = `${lastDay.slice(0, 4)}-01-01`;
  const thisYear = 'c.receivedOn >= :yearStart';
  const disposed = `${thisYear} AND c.disposedOn IS NOT NULL AND c.disposedOn <= :asOf`;
  const open = `${thisYear} AND (c.disposedOn IS NULL OR c.disposedOn > :asOf)`;
  const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const rows: Array<Record<string, string | number | null>> = await ds
    .getRepository(Complaint)
    .createQueryBuilder('c')
    .select('c.compoundId', 'compoundId')
    .addSelect('c.communityId', 'communityId')
    .addSelect(sum(thisYear), 'received')
    .addSelect(sum('c.receivedOn <= :lastDay'), 'receivedLastYear')
    .addSelect(sum(disposed), 'disposed')
    .addSelect(sum(`${disposed} AND c.disposedOn <= c.dueOn`), 'onTime')
    .addSelect(sum(`${disposed} AND c.disposedOn > c.dueOn`), 'late')
    .addSelect(sum(`${open} AND c.dueOn < :asOf`), 'overdue')
    .addSelect(sum(`${open} AND c.dueOn >= :asOf`), 'withinLimit')
    .where('communityIds' in where ? 'c.communityId IN (:...ids)' : 'c.compoundId IN (:...ids)', { ids })
    .andWhere('((c.receivedOn >= :lastStart AND c.receivedOn <= :lastDay) OR (c.receivedOn >= :yearStart AND c.receivedOn <= :asOf))', { lastStart, lastDay, yearStart, asOf })
    .groupBy('c.compoundId')
    .addGroupBy('c.communityId')
    .getRawMany();
  for (const r of rows) {
    const n = (k: string) => Number(r[k] ?? 0);
    out.set(Number(r.compoundId), {
      communityId: Number(r.communityId),
      received: n('received'),
      receivedLastYear: n('receivedLastYear'),
      disposed: n('disposed'),
      onTime: n('onTime'),
      late: n('late'),
      overdue: n('overdue'),
      withinLimit: n('withinLimit'),
    });
  }
  return out;
}

@ObjectType({ description: '投诉办理统计: one area’s complaints of the year to date, as of a day (complaint-figures.ts states the rules)' })
export class ComplaintFigures {
  @Field(() => ID)
  jurisdictionId: string;

  @Field()
  jurisdiction: string;

  @Field(() => Int, { description: 'Received from 1 January to the day' })
  received: number;

  @Field(() => Int, { description: 'Received from 1 January to the same day, a year before' })
  receivedLastYear: number;

  @Field(() => Float, { nullable: true, description: 'Year-on-year change of received, % (a fall is negative); null when last year had none' })
  change: number | null;

  @Field(() => Int, { description: 'Disposed by the day (办结, or closed as not accepted)' })
  disposed: number;

  @Field(() => Int, { description: 'Disposed on or before the due day' })
  onTime: number;

  @Field(() => Int, { description: 'Disposed after the due day' })
  late: number;

  @Field(() => Int, { description: 'Not disposed, past the due day' })
  overdue: number;

  @Field(() => Int, { description: 'Not disposed, not yet due' })
  withinLimit: number;

  @Field(() => Float, { nullable: true, description: '处置率 %: disposed of those due (disposed + overdue); null when none was due' })
  handlingRate: number | null;

  @Field(() => Float, { nullable: true, description: '按期处置率 %: on time of those due' })
  onTimeRate: number | null;
}

@ObjectType({ description: 'An area’s complaint figures, and those of each area directly under it' })
export class ComplaintFiguresReport {
  @Field(() => LocalDate)
  asOf: string;

  @Field(() => LocalDate, { description: '1 January of the day’s year' })
  from: string;

  @Field(() => ComplaintFigures)
  area: ComplaintFigures;

  @Field(() => [ComplaintFigures], { description: 'The areas directly under it (a street’s communities), most overdue first' })
  parts: ComplaintFigures[];
}

const figures = (j: Pick<Jurisdiction, 'id' | 'name'>, c: ComplaintCounts): ComplaintFigures => ({
  jurisdictionId: String(j.id),
  jurisdiction: j.name,
  ...c,
  change: change(c),
  handlingRate: handlingRate(c),
  onTimeRate: onTimeRate(c),
});

export class ComplaintFiguresService {
  constructor(private readonly ds: DataSource) {}

  /** An area's figures and its children's, in three reads (the area, the tree, the grouped counts). */
  async report(jurisdictionId: string, asOf = todayInChina()): Promise<ComplaintFiguresReport> {
    const id = toId(jurisdictionId, 'jurisdictionId');
    const area = await this.ds.getRepository(Jurisdiction).findOneBy({ id });
    if (!area) throw notFound('Jurisdiction', id);
    const tree = await loadJurisdictionTree(this.ds);
    const communitiesUnder = (j: number) => tree.subtree(j).flatMap((n) => (n.level === JurisdictionLevel.COMMUNITY ? [n.id] : []));
    const counts = await complaintCounts(this.ds, { communityIds: communitiesUnder(id) }, asOf);
    const byCommunity = new Map<number, ComplaintCounts>();
    for (const c of counts.values()) byCommunity.set(c.communityId, add(byCommunity.get(c.communityId) ?? ZERO, c));
    const total = (j: number) => communitiesUnder(j).reduce((s, c) => add(s, byCommunity.get(c) ?? ZERO), ZERO);
    const childIds = tree
      .subtree(id)
      .filter((n) => n.parentId === id)
      .map((n) => n.id);
    const children = childIds.length ? await this.ds.getRepository(Jurisdiction).find({ select: { id: true, name: true }, where: { id: In(childIds) }, order: { id: 'ASC' } }) : [];
    const parts = children.map((j) => figures(j, total(j.id))).sort((a, b) => b.overdue - a.overdue || b.late - a.late || b.received - a.received);
    return { asOf, from: `${asOf.slice(0, 4)}-01-01`, area: figures(area, total(id)), parts };
  }
}
