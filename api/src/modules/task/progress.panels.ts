import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { addDays, daysBetween } from '../../common/dates';
import { badInput, toId } from '../../common/errors';
import { Role } from '../../common/roles';
import { currentViewer, jurisdictionTree } from '../../common/scope';
import type { CurrentUser } from '../../common/context';
import type { Loaders } from '../../common/loaders';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Unit } from '../organization/unit.entity';
import { Assignment } from './assignment.entity';
import { ProgressStatus } from './enums';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { DeadlineConnection, type DeadlineEntry, OpenDeadlineState, UnitProgressConnection, type UnitProgressRow } from './progress.types';
import { TaskItem } from './task-item.entity';

/*
 * 首页的任务面板 (issue 17 item 1; issue 18 A2): the overdue and due-soon deadlines a page at a time with
 * their total, and the roll-up per unit, counted and rolled up in SQL. This file is the rule, written
 * once as SQL conditions on one assignment `a` as of a day:
 *
 * - live:     its plan is not archived by the day (archivedOn null or after it);
 * - expired:  its plan's document ended before the day (validTo < day): shown as expired, never overdue;
 * - status:   its latest whole-task report (milestoneId null) dated on or before the day, by date then
 *             id; NOT_STARTED without one;
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

export interface PanelQuery {
  asOf: string;
  unitId?: string | null;
  planId?: string | null;
  page?: number;
  perPage?: number;
}

const STATUS = `(SELECT sr.status FROM progress_report sr WHERE sr.assignmentId = a.id AND sr.milestoneId IS NULL AND sr.reportDate <= :asOf ORDER BY sr.reportDate DESC, sr.id DESC LIMIT 1)`;
const NOT_DONE = `COALESCE(${STATUS}, :notStarted) <> :done`;
const NOT_EXPIRED = `(doc.validTo IS NULL OR doc.validTo >= :asOf)`;
const MILESTONE_DONE = (milestone: string) =>
  `EXISTS (SELECT 1 FROM progress_report mr WHERE mr.assignmentId = a.id AND mr.milestoneId = ${milestone} AND mr.status = :done AND mr.reportDate <= :asOf)`;
/** Every deadline of every task: its own (when it has a date) and its milestones'. */
const DEADLINES =
  '(SELECT dt.id AS taskItemId, NULL AS milestoneId, dt.dueDate AS dueDate FROM task_item dt WHERE dt.dueDate IS NOT NULL' +
  ' UNION ALL SELECT dm.taskItemId AS taskItemId, dm.id AS milestoneId, dm.dueDate AS dueDate FROM milestone dm)';
/** Not done, a deadline (the task's or an open milestone's) before the day. */
const HAS_OVERDUE = `(${NOT_DONE} AND ${NOT_EXPIRED} AND (t.dueDate < :asOf OR EXISTS (SELECT 1 FROM milestone om WHERE om.taskItemId = a.taskItemId AND om.dueDate < :asOf AND NOT ${MILESTONE_DONE('om.id')})))`;

export class ProgressPanels {
  constructor(private readonly ds: DataSource) {}

  /** The live assignments in scope as of the day, joined to their task, key work, plan and document. */
  private async assignments(q: PanelQuery, user: CurrentUser | null): Promise<SelectQueryBuilder<Assignment>> {
    const qb = this.ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(TaskItem, 't', 't.id = a.taskItemId')
      .innerJoin(KeyWork, 'k', 'k.id = t.keyWorkId')
      .innerJoin(Plan, 'p', 'p.id = k.planId')
      .leftJoin(PolicyDocument, 'doc', 'doc.id = p.documentId')
      .where('(p.archivedOn IS NULL OR p.archivedOn > :asOf)', { asOf: q.asOf, done: ProgressStatus.DONE, notStarted: ProgressStatus.NOT_STARTED });
    if (q.unitId) qb.andWhere('a.unitId = :unitId', { unitId: toId(q.unitId, 'unitId') });
    if (q.planId) qb.andWhere('p.id = :planId', { planId: toId(q.planId, 'planId') });
    if (user?.role === Role.UNIT_STAFF) {
      // a unit's staff: their own unit's assignments (none without a unit)
      qb.andWhere('a.unitId = :ownUnit', { ownUnit: user.unitId ?? -1 });
    } else {
      const viewer = currentViewer();
      if (viewer?.jurisdictionId != null) {
        const area = (await jurisdictionTree(this.ds)).subtree(viewer.jurisdictionId);
        qb.andWhere(`a.unitId IN (SELECT ou.id FROM unit ou WHERE ou.jurisdictionId IN (${area.length ? area.map(Number).join(', ') : 'NULL'}))`);
      }
    }
    return qb;
  }

  /** 已逾期 / 即将到期: one page of open deadlines, earliest first, and how many there are. */
  async deadlines(q: PanelQuery, state: OpenDeadlineState, days: number, user: CurrentUser | null, loaders?: Loaders): Promise<DeadlineConnection> {
    const { page, perPage } = checkPage(q);
    if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput('days', 'days must be between 0 and 366', 'OUT_OF_RANGE');
    const qb = (await this.assignments(q, user))
      .innerJoin(DEADLINES, 'd', 'd.taskItemId = a.taskItemId')
      .andWhere(NOT_DONE)
      .andWhere(NOT_EXPIRED)
      .andWhere(`(d.milestoneId IS NULL OR NOT ${MILESTONE_DONE('d.milestoneId')})`);
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

  /**
   * The page's assignments (with their units), tasks and milestones: three statements whatever the page
   * holds. The units go into the request's loader, so `assignment { unit }` costs nothing more.
   */
  private async entries(rows: Array<{ assignmentId: number | string; milestoneId: number | string | null }>, asOf: string, loaders?: Loaders): Promise<DeadlineEntry[]> {
    if (!rows.length) return [];
    const assignments = await this.ds.getRepository(Assignment).find({ where: { id: In(rows.map((r) => Number(r.assignmentId))) }, relations: { unitRel: true } });
    const tasks = await this.ds.getRepository(TaskItem).findBy({ id: In([...new Set(assignments.map((a) => a.taskItemId))]) });
    // asked even when the page has no milestone (no id matches 0): the same statements for every page
    const milestoneIds = rows.filter((r) => r.milestoneId != null).map((r) => Number(r.milestoneId));
    const milestones = await this.ds.getRepository(Milestone).findBy({ id: In(milestoneIds.length ? milestoneIds : [0]) });
    for (const a of assignments) if (a.unitRel) loaders?.byId(Unit).prime(a.unitId, a.unitRel);
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

  /** 各单位进度: assignment counts per unit, the most overdue first, a page of units and how many there are. */
  async units(q: PanelQuery, user: CurrentUser | null): Promise<UnitProgressConnection> {
    const { page, perPage } = checkPage(q);
    const inner = await this.assignments(q, user);
    const counting = inner.clone();
    inner
      .select('a.unitId', 'unitId')
      .addSelect(`COALESCE(${STATUS}, :notStarted)`, 'status')
      .addSelect(`CASE WHEN ${NOT_EXPIRED} THEN 0 ELSE 1 END`, 'expired')
      .addSelect(`CASE WHEN ${HAS_OVERDUE} THEN 1 ELSE 0 END`, 'overdue');
    const rows = await this.ds
      .createQueryBuilder()
      .from(`(${inner.getQuery()})`, 'x')
      .innerJoin(Unit, 'u', 'u.id = x.unitId')
      .select('x.unitId', 'unitId')
      .addSelect('u.name', 'label')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN x.status = :notStarted THEN 1 ELSE 0 END)', 'notStarted')
      .addSelect('SUM(CASE WHEN x.status = :inProgress THEN 1 ELSE 0 END)', 'inProgress')
      .addSelect('SUM(CASE WHEN x.status = :done THEN 1 ELSE 0 END)', 'done')
      .addSelect('SUM(x.overdue)', 'overdue')
      .addSelect('SUM(x.expired)', 'expired')
      // the number of units, with the page (a window over the groups)
      .addSelect('COUNT(*) OVER ()', 'units')
      .setParameters({ ...inner.getParameters(), inProgress: ProgressStatus.IN_PROGRESS })
      .groupBy('x.unitId')
      .addGroupBy('u.name')
      .orderBy('SUM(x.overdue)', 'DESC')
      .addOrderBy('x.unitId', 'ASC')
      .offset(page * perPage)
      .limit(perPage)
      .getRawMany<Record<string, number | string>>();
    const nodes: UnitProgressRow[] = rows.map((r) => ({
      id: String(r.unitId),
      label: String(r.label),
      total: Number(r.total),
      notStarted: Number(r.notStarted),
      inProgress: Number(r.inProgress),
      done: Number(r.done),
      overdue: Number(r.overdue),
      expired: Number(r.expired),
    }));
    const totalCount = rows.length ? Number(rows[0].units) : page > 0 ? Number((await counting.select('COUNT(DISTINCT a.unitId)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0) : 0;
    return { totalCount, nodes };
  }
}

function checkPage(q: PanelQuery): { page: number; perPage: number } {
  const perPage = q.perPage ?? 10;
  const page = q.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PANEL_PAGE) throw badInput('perPage', `perPage must be between 1 and ${MAX_PANEL_PAGE}`, 'OUT_OF_RANGE');
  if (!Number.isInteger(page) || page < 0) throw badInput('page', 'page must be 0 or more', 'OUT_OF_RANGE');
  return { page, perPage };
}
