import DataLoader from 'dataloader';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { addDays, daysBetween } from '../../common/dates';
import { badInput, toId } from '../../common/errors';
import { Role } from '../../common/roles';
import { currentViewer, jurisdictionTree, readCondition } from '../../common/scope';
import type { CurrentUser } from '../../common/context';
import { childrenOf, type Loaders } from '../../common/loaders';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Unit } from '../organization/unit.entity';
import { Assignment } from './assignment.entity';
import { ProgressStatus } from './enums';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { DeadlineConnection, type DeadlineEntry, OpenDeadlineState, RollupConnection, RollupLevel, type RollupRow, UnitProgressConnection, type UnitProgressRow } from './progress.types';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';
import type { DutyService } from './duty.service';
import { OccurrenceStatus } from './duty.types';
import { DeadlineKind } from './enums';

/*
 * 首页的任务面板 (issue 17 item 1; issue 18 A2): the overdue and due-soon deadlines a page at a time with
 * their total, and the roll-up per unit, counted and rolled up in SQL. This file is the rule, written
 * once as SQL conditions on one assignment `a` as of a day:
 *
 * - live:     its plan is not archived by the day (archivedOn null or after it);
 * - expired:  its plan's document ended before the day (validTo < day): shown as expired, never overdue;
 * - status:   its latest whole-task report (milestoneId null) dated on or before the day, by date then
 *             id; NOT_STARTED without one (read from the assignment's own latest report when that one
 *             is dated on or before the day: progress.latest.ts);
 * - open:     a deadline of it (the task's own dueDate, or one of the task's milestones) while the
 *             status is not DONE, and for a milestone while no DONE report on that milestone is dated
 *             on or before the day;
 * - overdue:  an open deadline before the day (not expired); due soon: an open deadline from the day
 *             to day + N (not expired).
 *
 * ProgressService.states() computes the same in memory for the bulletin and the supervision lights;
 * test/progress-panels.test.ts checks on generated data with fixed dates that both agree.
 *
 * Scope: the one scope rule on the assignments (the main table: common/scope.ts adds its condition),
 * and the viewer's office: a unit's staff see their unit's, an office the units of its area (the
 * plans of the levels above it assign units everywhere, and the street's home is about its own).
 */

export const MAX_PANEL_PAGE = 100;
/** A task's milestones in the order TaskItem.milestones gives them (the key its loader is kept under). */
const MILESTONE_ORDER = { sortOrder: 'ASC', id: 'ASC' } as const;

export interface PanelQuery {
  asOf: string;
  unitId?: string | null;
  planId?: string | null;
  page?: number;
  perPage?: number;
}

/**
 * The status as of the day: the assignment's own latest report when it is dated on or before the day
 * (progress.latest.ts keeps it), none without reports, else its latest report on or before the day.
 */
const STATUS =
  '(CASE WHEN a.latestReportOn IS NULL THEN NULL WHEN a.latestReportOn <= :asOf THEN a.latestStatus' +
  ' ELSE (SELECT sr.status FROM progress_report sr WHERE sr.assignmentId = a.id AND sr.milestoneId IS NULL AND sr.reportDate <= :asOf ORDER BY sr.reportDate DESC, sr.id DESC LIMIT 1) END)';
const NOT_DONE = `COALESCE(${STATUS}, :notStarted) <> :done`;
const NOT_EXPIRED = `(doc.validTo IS NULL OR doc.validTo >= :asOf)`;
const MILESTONE_DONE = (milestone: string) =>
  `EXISTS (SELECT 1 FROM progress_report mr WHERE mr.assignmentId = a.id AND mr.milestoneId = ${milestone} AND mr.status = :done AND mr.reportDate <= :asOf)`;
/** Every deadline of every task: its own (when it has a date) and its milestones'. */
const DEADLINES =
  '(SELECT dt.id AS taskItemId, NULL AS milestoneId, dt.dueDate AS dueDate FROM task_item dt WHERE dt.dueDate IS NOT NULL' +
  ' UNION ALL SELECT dm.taskItemId AS taskItemId, dm.id AS milestoneId, dm.dueDate AS dueDate FROM milestone dm)';
/** The day the task was first reported done (whole-task reports on or before the day). */
const FIRST_DONE = `(SELECT MIN(fr.reportDate) FROM progress_report fr WHERE fr.assignmentId = a.id AND fr.milestoneId IS NULL AND fr.status = :done AND fr.reportDate <= :asOf)`;
/** Not expired, a deadline (the task's or a milestone's not reported done) before the day: overdue unless the status is DONE. */
const PAST_DUE = `(${NOT_EXPIRED} AND (t.dueDate < :asOf OR EXISTS (SELECT 1 FROM milestone om WHERE om.taskItemId = a.taskItemId AND om.dueDate < :asOf AND NOT ${MILESTONE_DONE('om.id')})))`;
/**
 * The counting's inner table is kept whole (a LIMIT no count reaches): MariaDB would otherwise merge it
 * into the grouping and evaluate each assignment's status once per SUM that names it (five times).
 */
const MATERIALIZE = 1_000_000_000;

/** Where a row of assignments is counted: by unit, plan, key work, target (or, without one, its key work), task. */
const GROUP_KEY: Record<RollupLevel, string> = {
  [RollupLevel.UNIT]: 'a.unitId',
  [RollupLevel.PLAN]: 'p.id',
  [RollupLevel.KEY_WORK]: 'k.id',
  // special actions have no targets: their measures count under the action itself (a negative key)
  [RollupLevel.TARGET]: 'COALESCE(t.targetId, 0 - k.id)',
  [RollupLevel.TASK]: 't.id',
};

/** One group's counts as SQL gave them. */
interface Counted {
  key: number;
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  overdue: number;
  expired: number;
  /** Bulletin only: done after the task's own deadline; not done, not overdue, a deadline within 30 days. */
  late: number;
  due: number;
  /** The unit's name, when grouped by unit (joined in the same statement). */
  unit: string | null;
}

/** Whose assignments: the viewer's office area (the home page), or all the scope rule lets the viewer read. */
type Reach = { user: CurrentUser | null; area: boolean; loaders?: Loaders };

export class ProgressPanels {
  constructor(
    private readonly ds: DataSource,
    private readonly duty: DutyService,
  ) {}

  /** The live assignments in scope as of the day, joined to their task, key work, plan and document. */
  private async assignments(q: PanelQuery, reach: Reach): Promise<SelectQueryBuilder<Assignment>> {
    const qb = this.ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(TaskItem, 't', 't.id = a.taskItemId')
      .innerJoin(KeyWork, 'k', 'k.id = t.keyWorkId')
      .innerJoin(Plan, 'p', 'p.id = k.planId')
      .leftJoin(PolicyDocument, 'doc', 'doc.id = p.documentId')
      .where('(p.archivedOn IS NULL OR p.archivedOn > :asOf)', { asOf: q.asOf, done: ProgressStatus.DONE, notStarted: ProgressStatus.NOT_STARTED });
    // The scope rule filters the assignments (the main table) through their tasks' plans; its own
    // condition on the joined plan as well lets MariaDB leave out the plans the viewer does not read
    // before it reads their tasks (the county's overdue page: 56 → 40 ms at city scale).
    const plans = readCondition(this.ds, Plan, 'p');
    if (plans) qb.andWhere(plans);
    if (q.unitId) qb.andWhere('a.unitId = :unitId', { unitId: toId(q.unitId, 'unitId') });
    if (q.planId) qb.andWhere('p.id = :planId', { planId: toId(q.planId, 'planId') });
    const user = reach.user;
    if (user?.role === Role.UNIT_STAFF) {
      // a unit's staff: their own unit's assignments (none without a unit)
      qb.andWhere('a.unitId = :ownUnit', { ownUnit: user.unitId ?? -1 });
    } else if (reach.area) {
      const viewer = currentViewer();
      if (viewer?.jurisdictionId != null) {
        // the area's units as a list of ids, read once a request: MariaDB then reads only their assignments
        // (a sub-select on unit is applied late, after every assignment's status: three times slower at city scale)
        const units = await this.areaUnits(viewer.jurisdictionId, reach.loaders);
        qb.andWhere(`a.unitId IN (${units.length ? units.join(', ') : 'NULL'})`);
      }
    }
    return qb;
  }

  /** The ids of the units in a jurisdiction's area (it and everything below it). */
  private areaUnits(jurisdictionId: number, loaders?: Loaders): Promise<number[]> {
    const read = async (): Promise<number[]> => {
      const area = (await jurisdictionTree(this.ds)).subtree(jurisdictionId);
      if (!area.length) return [];
      const rows = await this.ds
        .getRepository(Unit)
        .createQueryBuilder('u')
        .select('u.id', 'id')
        .where(`u.jurisdictionId IN (${area.map(Number).join(', ')})`)
        .orderBy('u.id')
        .getRawMany<{ id: number | string }>();
      return rows.map((r) => Number(r.id));
    };
    if (!loaders) return read();
    return loaders.named('panels:areaUnits', () => new DataLoader<number, number[]>(async (ids) => Promise.all(ids.map(() => read())), { batch: false })).load(jurisdictionId);
  }

  /** 已逾期 / 即将到期: one page of open deadlines, earliest first, and how many there are. */
  async deadlines(q: PanelQuery, state: OpenDeadlineState, days: number, user: CurrentUser | null, loaders?: Loaders): Promise<DeadlineConnection> {
    const { page, perPage } = checkPage(q);
    if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput('days', 'days must be between 0 and 366', 'OUT_OF_RANGE');
    const qb = this.openDeadlines(await this.assignments(q, { user, area: true, loaders }));
    if (state === OpenDeadlineState.OVERDUE) qb.andWhere('d.dueDate < :asOf');
    else qb.andWhere('d.dueDate >= :asOf AND d.dueDate <= :until', { until: addDays(q.asOf, days) });
    // the page and the total in one statement (a window over every match)
    const rows = await qb
      .clone()
      .select('a.id', 'assignmentId')
      .addSelect('d.milestoneId', 'milestoneId')
      .addSelect('COUNT(*) OVER ()', 'total')
      .orderBy('d.dueDate', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .addOrderBy('d.milestoneId', 'ASC')
      .offset(page * perPage)
      .limit(perPage)
      .getRawMany<{ assignmentId: number | string; milestoneId: number | string | null; total: number | string }>();
    const totalCount = rows.length ? Number(rows[0].total) : page > 0 ? Number((await qb.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0) : 0;
    return { totalCount, nodes: await this.entries(rows, q.asOf, loaders) };
  }

  /** The open deadlines (`d`) of the assignments: not done, not expired, a milestone not reported done. */
  private openDeadlines(qb: SelectQueryBuilder<Assignment>): SelectQueryBuilder<Assignment> {
    return qb
      .innerJoin(DEADLINES, 'd', 'd.taskItemId = a.taskItemId')
      .andWhere(NOT_DONE)
      .andWhere(NOT_EXPIRED)
      .andWhere(`(d.milestoneId IS NULL OR NOT ${MILESTONE_DONE('d.milestoneId')})`);
  }

  /**
   * For the daily reminder pass: the open deadlines of every live assignment due on or before `until`, in
   * (assignment, milestone) order after the given one, at most `limit` — so the pass walks the city in
   * batches and never holds it all.
   */
  async openDeadlineBatch(
    asOf: string,
    until: string,
    after: { assignmentId: number; milestoneId: number },
    limit: number,
  ): Promise<Array<{ assignmentId: number; milestoneId: number | null; dueDate: string }>> {
    const rows = await this.openDeadlines(await this.assignments({ asOf }, { user: null, area: false }))
      .andWhere('d.dueDate <= :until', { until })
      .andWhere('(a.id > :afterA OR (a.id = :afterA AND COALESCE(d.milestoneId, 0) > :afterM))', { afterA: after.assignmentId, afterM: after.milestoneId })
      .select('a.id', 'assignmentId')
      .addSelect('d.milestoneId', 'milestoneId')
      .addSelect('d.dueDate', 'dueDate')
      .orderBy('a.id', 'ASC')
      .addOrderBy('COALESCE(d.milestoneId, 0)', 'ASC')
      .limit(limit)
      .getRawMany<{ assignmentId: number | string; milestoneId: number | string | null; dueDate: string | Date }>();
    return rows.map((r) => ({ assignmentId: Number(r.assignmentId), milestoneId: r.milestoneId == null ? null : Number(r.milestoneId), dueDate: asDay(r.dueDate) }));
  }

  /**
   * The page's assignments with their units, tasks, key works and plans (one statement), and the tasks'
   * milestones (another): two statements whatever the page holds. What they read goes into the request's loaders
   * (units, key works, plans, each task's milestones), so the home page's nested fields cost nothing more
   * and the count is the same whichever panel answers first.
   */
  private async entries(rows: Array<{ assignmentId: number | string; milestoneId: number | string | null }>, asOf: string, loaders?: Loaders): Promise<DeadlineEntry[]> {
    if (!rows.length) return [];
    const assignments = await this.ds
      .getRepository(Assignment)
      .find({ where: { id: In(rows.map((r) => Number(r.assignmentId))) }, relations: { unitRel: true, taskItemRel: { keyWorkRel: { planRel: true } } } });
    const tasks = [...new Map(assignments.flatMap((a) => (a.taskItemRel ? [[a.taskItemId, a.taskItemRel] as const] : []))).values()];
    const taskIds = tasks.map((t) => t.id);
    const milestones = await this.ds.getRepository(Milestone).find({ where: { taskItemId: In(taskIds.length ? taskIds : [0]) }, order: MILESTONE_ORDER });
    if (loaders) {
      for (const a of assignments) if (a.unitRel) loaders.byId(Unit).prime(a.unitId, a.unitRel);
      for (const t of tasks) {
        const keyWork = t.keyWorkRel;
        if (!keyWork) continue;
        loaders.byId(KeyWork).prime(keyWork.id, keyWork);
        if (keyWork.planRel) loaders.byId(Plan).prime(keyWork.planRel.id, keyWork.planRel);
      }
      const byTask = childrenOf(loaders, Milestone, 'taskItemId', MILESTONE_ORDER);
      for (const t of tasks)
        byTask.prime(
          t.id,
          milestones.filter((m) => m.taskItemId === t.id),
        );
    }
    const assignmentById = new Map(assignments.map((a) => [a.id, a]));
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const milestoneById = new Map(milestones.map((m) => [m.id, m]));
    return rows.flatMap((r) => {
      const assignment = assignmentById.get(Number(r.assignmentId));
      const task = assignment && taskById.get(assignment.taskItemId);
      if (!assignment || !task) return [];
      const milestone = r.milestoneId == null ? null : (milestoneById.get(Number(r.milestoneId)) ?? null);
      const dueDate = milestone ? milestone.dueDate : task.dueDate!;
      return [{ assignment, task, milestone, dueDate, deadlineText: milestone ? milestone.deadlineText : task.deadlineText, daysOverdue: daysBetween(dueDate, asOf) }];
    });
  }

  /**
   * The assignments counted per group in one statement: each assignment's status, expiry and overdue
   * computed once in a derived table, then summed per group (the bulletin adds done-late and due-soon).
   * With a page: the most overdue first (then by key), and the number of groups from a window.
   */
  private async count(
    inner: SelectQueryBuilder<Assignment>,
    key: string,
    opts: { page?: { page: number; perPage: number }; order: 'overdue' | 'key'; until?: string; unitNames?: boolean },
  ): Promise<{ rows: Counted[]; groups: number }> {
    inner
      .select(key, 'g')
      .addSelect(`COALESCE(${STATUS}, :notStarted)`, 'status')
      .addSelect(`CASE WHEN ${NOT_EXPIRED} THEN 0 ELSE 1 END`, 'expired')
      .addSelect(`CASE WHEN ${PAST_DUE} THEN 1 ELSE 0 END`, 'pastDue');
    if (opts.until) {
      inner
        .addSelect(`CASE WHEN t.dueDate IS NOT NULL AND ${FIRST_DONE} > t.dueDate THEN 1 ELSE 0 END`, 'late')
        .addSelect(
          `CASE WHEN t.dueDate <= :until OR EXISTS (SELECT 1 FROM milestone um WHERE um.taskItemId = a.taskItemId AND um.dueDate <= :until AND NOT ${MILESTONE_DONE('um.id')}) THEN 1 ELSE 0 END`,
          'dueSoon',
        )
        .setParameter('until', opts.until);
    } else inner.addSelect('0', 'late').addSelect('0', 'dueSoon');
    inner.limit(MATERIALIZE);
    // counted per group first, then the groups named, ordered and paged (joining the unit's name before
    // grouping made MariaDB index the 23,500 rows of a county's assignments to find each unit's: 87 → 68 ms)
    const grouped = this.ds
      .createQueryBuilder()
      .from(`(${inner.getQuery()})`, 'x')
      .select('x.g', 'g')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN x.status = :notStarted THEN 1 ELSE 0 END)', 'notStarted')
      .addSelect('SUM(CASE WHEN x.status = :inProgress THEN 1 ELSE 0 END)', 'inProgress')
      .addSelect('SUM(CASE WHEN x.status = :done THEN 1 ELSE 0 END)', 'done')
      .addSelect('SUM(CASE WHEN x.status <> :done AND x.pastDue = 1 THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(x.expired)', 'expired')
      .addSelect('SUM(CASE WHEN x.status = :done THEN x.late ELSE 0 END)', 'late')
      .addSelect('SUM(CASE WHEN x.status <> :done AND x.pastDue = 0 AND x.expired = 0 THEN x.dueSoon ELSE 0 END)', 'due')
      .groupBy('x.g');
    const outer = this.ds
      .createQueryBuilder()
      .from(`(${grouped.getQuery()})`, 'y')
      .select(['g', 'total', 'notStarted', 'inProgress', 'done', 'overdue', 'expired', 'late', 'due'].map((c) => `y.${c} AS ${this.ds.driver.escape(c)}`))
      .setParameters({ ...inner.getParameters(), inProgress: ProgressStatus.IN_PROGRESS });
    if (opts.unitNames) outer.innerJoin(Unit, 'u', 'u.id = y.g').addSelect('u.name', 'unit');
    if (opts.order === 'overdue') outer.orderBy('y.overdue', 'DESC').addOrderBy('y.g', 'ASC');
    else outer.orderBy('y.g', 'ASC');
    if (opts.page)
      outer
        .addSelect('COUNT(*) OVER ()', 'groups')
        .offset(opts.page.page * opts.page.perPage)
        .limit(opts.page.perPage);
    const raw = await outer.getRawMany<Record<string, number | string>>();
    const rows = raw.map((r) => ({
      key: Number(r.g),
      total: Number(r.total),
      notStarted: Number(r.notStarted),
      inProgress: Number(r.inProgress),
      done: Number(r.done),
      overdue: Number(r.overdue),
      expired: Number(r.expired),
      late: Number(r.late),
      due: Number(r.due),
      unit: r.unit == null ? null : String(r.unit),
    }));
    return { rows, groups: opts.page && raw.length ? Number(raw[0].groups) : rows.length };
  }

  /** How many groups there are when the page asked for is past the last (the window had no row to tell). */
  private async groupCount(inner: SelectQueryBuilder<Assignment>, key: string): Promise<number> {
    return Number((await inner.select(`COUNT(DISTINCT ${key})`, 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
  }

  /**
   * One page of groups of the assignments, counted and labelled, and how many groups there are: units the
   * most overdue first (their names joined in), the other levels in their order (labels read after).
   */
  private async groupPage(q: PanelQuery, level: RollupLevel, reach: Reach): Promise<{ totalCount: number; nodes: UnitProgressRow[] }> {
    const { page, perPage } = checkPage(q);
    const key = GROUP_KEY[level];
    const inner = await this.assignments(q, reach);
    const counting = inner.clone();
    const byUnit = level === RollupLevel.UNIT;
    const { rows, groups } = await this.count(inner, key, { page: { page, perPage }, order: byUnit ? 'overdue' : 'key', unitNames: byUnit });
    const names = byUnit
      ? new Map(rows.map((r) => [r.key, r.unit ?? String(r.key)]))
      : await this.labels(
          level,
          rows.map((r) => r.key),
        );
    const nodes = rows.map(({ key: k, total, notStarted, inProgress, done, overdue, expired }) => ({
      id: String(k),
      label: names.get(k) ?? String(k),
      total,
      notStarted,
      inProgress,
      done,
      overdue,
      expired,
    }));
    const totalCount = rows.length || page === 0 ? groups : await this.groupCount(counting, key);
    return { totalCount, nodes };
  }

  /** 各单位进度: assignment counts per unit of the viewer's office, the most overdue first, a page of units and how many there are. */
  units(q: PanelQuery, user: CurrentUser | null, loaders?: Loaders): Promise<UnitProgressConnection> {
    return this.groupPage(q, RollupLevel.UNIT, { user, area: true, loaders });
  }

  /**
   * Assignment counts per unit, plan, key work, target or task as of a day, a page of groups at a time
   * (units the most overdue first, the others in their order), with the periods of recurring duties this
   * year counted for the page's groups only.
   */
  async rollup(q: PanelQuery, level: RollupLevel, user: CurrentUser | null): Promise<RollupConnection> {
    const key = GROUP_KEY[level];
    const reach = { user, area: false };
    const { totalCount, nodes: counted } = await this.groupPage(q, level, reach);
    const nodes: RollupRow[] = counted.map((n) => ({ ...n, occurrences: 0, occurrencesHeld: 0, occurrencesOverdue: 0 }));
    if (nodes.length) {
      // the recurring duties of the page's groups, and their periods
      const duties = await (
        await this.assignments(q, reach)
      )
        .andWhere('t.deadlineKind = :recurring', { recurring: DeadlineKind.RECURRING })
        .andWhere(`${key} IN (${nodes.map((n) => Number(n.id)).join(', ')})`)
        .select('a.id', 'id')
        .addSelect(key, 'g')
        .getRawMany<{ id: number | string; g: number | string }>();
      const groupOf = new Map(duties.map((d) => [Number(d.id), Number(d.g)]));
      const byKey = new Map(nodes.map((n) => [Number(n.id), n]));
      const occurrences = duties.length ? await this.duty.occurrences({ asOf: q.asOf, assignmentIds: [...groupOf.keys()] }) : [];
      for (const o of occurrences) {
        const row = byKey.get(groupOf.get(o.assignment.id)!);
        if (!row) continue;
        row.occurrences++;
        if (o.status === OccurrenceStatus.HELD || o.status === OccurrenceStatus.HELD_LATE) row.occurrencesHeld++;
        else if (o.status === OccurrenceStatus.OVERDUE) row.occurrencesOverdue++;
      }
    }
    return { totalCount, nodes };
  }

  /**
   * 通报: per responsible unit, the assignments of the plans an office issued (expired ones left out) as of
   * a day — done, done late, due in the next 30 days, overdue. Every unit (a printed table, bounded by
   * the units the office's plans assign); the caller adds the duties missed and sorts.
   */
  async bulletin(officeId: number, asOf: string): Promise<Counted[]> {
    const inner = (await this.assignments({ asOf }, { user: null, area: false })).andWhere('p.jurisdictionId = :office', { office: officeId }).andWhere(NOT_EXPIRED);
    return (await this.count(inner, 'a.unitId', { order: 'key', until: addDays(asOf, 30), unitNames: true })).rows;
  }

  /** The groups' names, one statement (two for targets, whose measures without one name their key work). */
  private async labels(level: RollupLevel, keys: number[]): Promise<Map<number, string>> {
    const ids = (xs: number[]) => In(xs.length ? xs : [0]);
    switch (level) {
      case RollupLevel.PLAN:
        return new Map((await this.ds.getRepository(Plan).find({ select: { id: true, name: true }, where: { id: ids(keys) } })).map((p) => [p.id, p.name]));
      case RollupLevel.KEY_WORK:
        return new Map((await this.ds.getRepository(KeyWork).findBy({ id: ids(keys) })).map((k) => [k.id, `${k.number} ${k.title}`]));
      case RollupLevel.TARGET: {
        const targets = await this.ds.getRepository(Target).findBy({ id: ids(keys.filter((k) => k > 0)) });
        const keyWorks = await this.ds.getRepository(KeyWork).findBy({ id: ids(keys.filter((k) => k < 0).map((k) => -k)) });
        return new Map([...targets.map((t): [number, string] => [t.id, `(${t.number})${t.title}`]), ...keyWorks.map((k): [number, string] => [-k.id, `${k.number} ${k.title}`])]);
      }
      default:
        return new Map((await this.ds.getRepository(TaskItem).findBy({ id: ids(keys) })).map((t) => [t.id, t.title ?? t.content.slice(0, 40)]));
    }
  }
}

/** A DATE column as the day it holds (mysql2 may hand a Date; SQLite a string). */
function asDay(v: string | Date): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

function checkPage(q: PanelQuery): { page: number; perPage: number } {
  const perPage = q.perPage ?? 10;
  const page = q.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PANEL_PAGE) throw badInput('perPage', `perPage must be between 1 and ${MAX_PANEL_PAGE}`, 'OUT_OF_RANGE');
  if (!Number.isInteger(page) || page < 0) throw badInput('page', 'page must be 0 or more', 'OUT_OF_RANGE');
  return { page, perPage };
}
