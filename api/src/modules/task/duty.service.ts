import { type DataSource, type EntityManager, In, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService, type CrudOptions } from '../../common/crud.service';
import { type Recurrence, recurrencePeriods } from '../../common/deadline';
import { dayBefore, todayInChina } from '../../common/dates';
import { badInput, forbidden, toId } from '../../common/errors';
import { Role } from '../../common/roles';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { documentExpired, PolicyDocument } from '../policy/policy-document.entity';
import { Assignment } from './assignment.entity';
import { DutyReport } from './duty-report.entity';
import { type DutyOccurrence, type DutyOccurrenceConnection, OccurrenceStatus } from './duty.types';
import { DeadlineKind } from './enums';
import { KeyWork } from './key-work.entity';
import { Plan } from './plan.entity';
import { assignedOn, backdatingOf, checkReportDate } from './progress.rules';
import { TaskItem } from './task-item.entity';

/*
 * 定期工作 (issue 16): a task whose deadline is a recurrence (每季度召开联席会议, 每月开展联合执法…) makes one
 * occurrence per period for each responsible unit. An occurrence is done when the unit reported it done
 * as often as the period asks, on or before the day asked; overdue once its due day has passed without
 * that. Periods run from the later of the day the unit was assigned, the task's 自…起 day and 1 January
 * of the plan's year, and stop with the plan's archive day or the document's validity.
 */

export interface DutyScope {
  asOf: string;
  /** The periods that overlap [from, to] (default: 1 January of asOf's year to asOf). */
  from?: string | null;
  to?: string | null;
  unitId?: string | null;
  planId?: string | null;
  taskItemId?: string | null;
  /** Only these assignments. */
  assignmentIds?: readonly number[];
  /** Only these plans (an office's, for its bulletin). */
  planIds?: readonly number[];
}

/** At most this many occurrences in one answer: a longer window is refused, naming `to`. */
export const MAX_OCCURRENCES = 2000;

/** The largest page of `DutyService.page`. */
export const MAX_OCCURRENCES_PER_PAGE = 100;

/** What an office's view of its duties asks for (定期工作落实情况): a scope, a status, a page. */
export interface DutyPageQuery extends Omit<DutyScope, 'assignmentIds' | 'planIds'> {
  /** Only the plans this office issued (one out of the viewer's reach has none to show). */
  jurisdictionId?: string | null;
  status?: OccurrenceStatus | null;
  /** 0-based. */
  page: number;
  perPage: number;
}

/** The worst first: missed, then still to do, then done late, then done. */
const WORST_FIRST: Record<OccurrenceStatus, number> = { OVERDUE: 0, OPEN: 1, HELD_LATE: 2, HELD: 3 };

export const recurrenceOf = (t: TaskItem): Recurrence | null =>
  t.deadlineKind === DeadlineKind.RECURRING && t.recurrenceUnit ? { unit: t.recurrenceUnit, times: t.recurrenceTimes ?? 1, lagMonths: t.recurrenceLagMonths ?? 0 } : null;

export class DutyService {
  constructor(private readonly ds: DataSource) {}

  /** Every occurrence of the recurring duties in scope whose period overlaps the window, as of `asOf`. */
  async occurrences(scope: DutyScope): Promise<DutyOccurrence[]> {
    const from = scope.from ?? `${scope.asOf.slice(0, 4)}-01-01`;
    const to = scope.to ?? scope.asOf;
    if (to < from) throw badInput('to', `to (${to}) is before from (${from})`, 'END_BEFORE_START');
    const tq = this.ds.getRepository(TaskItem).createQueryBuilder('t').where('t.deadlineKind = :k', { k: DeadlineKind.RECURRING });
    if (scope.taskItemId) tq.andWhere('t.id = :id', { id: toId(scope.taskItemId, 'taskItemId') });
    if (scope.planId) tq.andWhere('t.keyWorkId IN (SELECT k.id FROM key_work k WHERE k.planId = :planId)', { planId: toId(scope.planId, 'planId') });
    if (scope.planIds) {
      if (!scope.planIds.length) return [];
      tq.andWhere('t.keyWorkId IN (SELECT k.id FROM key_work k WHERE k.planId IN (:...planIds))', { planIds: [...scope.planIds] });
    }
    const tasks = await tq.getMany();
    if (!tasks.length) return [];
    const aq = this.ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where('a.taskItemId IN (:...ids)', { ids: tasks.map((t) => t.id) });
    if (scope.unitId) aq.andWhere('a.unitId = :unitId', { unitId: toId(scope.unitId, 'unitId') });
    if (scope.assignmentIds) {
      if (!scope.assignmentIds.length) return [];
      aq.andWhere('a.id IN (:...assignmentIds)', { assignmentIds: [...scope.assignmentIds] });
    }
    const assignments = await aq.orderBy('a.taskItemId', 'ASC').addOrderBy('a.sortOrder', 'ASC').getMany();
    if (!assignments.length) return [];
    const keyWorks = await this.ds.getRepository(KeyWork).findBy({ id: In([...new Set(tasks.map((t) => t.keyWorkId))]) });
    const plans = await this.ds.getRepository(Plan).findBy({ id: In([...new Set(keyWorks.map((k) => k.planId))]) });
    const docs = await this.ds.getRepository(PolicyDocument).findBy({ id: In([...new Set(plans.map((p) => p.documentId))]) });
    const reports = await this.ds
      .getRepository(DutyReport)
      .createQueryBuilder('r')
      .where('r.assignmentId IN (:...ids)', { ids: assignments.map((a) => a.id) })
      .andWhere('r.heldOn <= :asOf', { asOf: scope.asOf })
      .orderBy('r.heldOn', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const planOf = new Map(keyWorks.map((k) => [k.id, plans.find((p) => p.id === k.planId)!]));
    const docById = new Map(docs.map((d) => [d.id, d]));
    const reportsOf = new Map<string, DutyReport[]>();
    for (const r of reports) {
      const key = `${r.assignmentId}|${r.periodKey}`;
      (reportsOf.get(key) ?? reportsOf.set(key, []).get(key)!).push(r);
    }

    const out: DutyOccurrence[] = [];
    for (const assignment of assignments) {
      const task = taskById.get(assignment.taskItemId)!;
      const recurrence = recurrenceOf(task);
      if (!recurrence) continue;
      const plan = planOf.get(task.keyWorkId)!;
      const doc = docById.get(plan.documentId);
      const starts = [assignedOn(assignment), task.ongoingFrom, plan.year ? `${plan.year}-01-01` : null]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)!;
      const stops = [to, plan.archivedOn ? dayBefore(plan.archivedOn) : null, doc?.validTo ?? null].filter((d): d is string => !!d).sort()[0];
      if (documentExpired(doc, from) || stops < from) continue;
      for (const p of recurrencePeriods(recurrence, from > starts ? from : starts, stops)) {
        if (p.ends < starts) continue;
        const mine = reportsOf.get(`${assignment.id}|${p.key}`) ?? [];
        const held = mine.length;
        const done = held >= recurrence.times;
        const last = mine.at(-1)?.heldOn ?? null;
        const status = done ? (last! <= p.due ? OccurrenceStatus.HELD : OccurrenceStatus.HELD_LATE) : scope.asOf > p.due ? OccurrenceStatus.OVERDUE : OccurrenceStatus.OPEN;
        out.push({ assignment, task, periodKey: p.key, starts: p.starts, ends: p.ends, dueOn: p.due, required: recurrence.times, held, status, reports: mine });
        if (out.length > MAX_OCCURRENCES) throw badInput('to', `More than ${MAX_OCCURRENCES} occurrences: ask for a shorter window, one plan or one unit`, 'TOO_MANY', { max: MAX_OCCURRENCES });
      }
    }
    return out;
  }

  /**
   * 定期工作落实情况: a page of the occurrences in scope, the worst first (then the earliest due, then
   * task and unit order), with the counts of all of them whatever the status asked for, so an office
   * sees 应报 / 已报 / 逾期 while it reads one status. Bounded as `occurrences` is.
   */
  async page(q: DutyPageQuery): Promise<DutyOccurrenceConnection> {
    const { jurisdictionId, status, page, perPage, ...scope } = q;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_OCCURRENCES_PER_PAGE)
      throw badInput('perPage', `perPage must be between 1 and ${MAX_OCCURRENCES_PER_PAGE}`, 'OUT_OF_RANGE', { min: 1, max: MAX_OCCURRENCES_PER_PAGE });
    if (!Number.isInteger(page) || page < 0 || page > 10_000) throw badInput('page', 'page must be between 0 and 10000', 'OUT_OF_RANGE', { min: 0, max: 10_000 });
    const planIds = jurisdictionId ? (await this.ds.getRepository(Plan).find({ select: { id: true }, where: { jurisdictionId: toId(jurisdictionId, 'jurisdictionId') } })).map((p) => p.id) : undefined;
    const all = await this.occurrences({ ...scope, planIds });
    const count = (...of: OccurrenceStatus[]) => all.filter((o) => of.includes(o.status)).length;
    const chosen = (status ? all.filter((o) => o.status === status) : all).sort((a, b) => WORST_FIRST[a.status] - WORST_FIRST[b.status] || a.dueOn.localeCompare(b.dueOn));
    return {
      totalCount: chosen.length,
      expected: all.length,
      reported: count(OccurrenceStatus.HELD, OccurrenceStatus.HELD_LATE),
      reportedLate: count(OccurrenceStatus.HELD_LATE),
      overdue: count(OccurrenceStatus.OVERDUE),
      open: count(OccurrenceStatus.OPEN),
      nodes: chosen.slice(page * perPage, (page + 1) * perPage),
    };
  }
}

/**
 * 落实报告: a unit reports a holding of its recurring duty, for the period its day falls in unless it
 * names one (每季度第一个月的月底前: the quarter before). The same rules as a progress report: unit staff
 * report for their own unit only, not in the future, not before the assignment existed, and at most
 * the configured number of days back (an ADMIN's older correction is audited as such).
 */
export class DutyReportService extends CrudService<DutyReport> {
  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<DutyReport>,
    private readonly backdateDays: number,
  ) {
    super(ds, tx, audit, opts);
  }

  async create(input: ObjectLiteral, actor: Actor): Promise<DutyReport> {
    return super.create({ ...input, reportedById: actor.user?.id ?? null }, actor);
  }

  protected async validate(em: EntityManager, next: DutyReport, _before: DutyReport | null, actor: Actor): Promise<void> {
    const assignment = await em.findOneByOrFail(Assignment, { id: next.assignmentId });
    if (actor.user?.role === Role.UNIT_STAFF && assignment.unitId !== actor.user.unitId) throw forbidden("Unit staff report only on their own unit's duties", 'ROLE');
    const task = await em.findOneByOrFail(TaskItem, { id: assignment.taskItemId });
    const recurrence = recurrenceOf(task);
    if (!recurrence) throw badInput('assignmentId', 'The task is not a recurring duty: report its progress instead', 'NOT_APPLICABLE');
    checkReportDate(next.heldOn, assignment, actor, this.backdateDays, todayInChina(), 'heldOn');
    // the periods it may count for: the one its day falls in, and (done late, or due the month after) the ones before
    const year = Number(next.heldOn.slice(0, 4));
    const periods = recurrencePeriods(recurrence, `${year - 1}-01-01`, next.heldOn);
    if (!next.periodKey) next.periodKey = periods.at(-1)!.key;
    const period = periods.find((p) => p.key === next.periodKey);
    if (!period) throw badInput('periodKey', `${next.periodKey} is not a period of this duty that had begun by ${next.heldOn}`, 'NOT_APPLICABLE');
  }

  protected auditAction(row: DutyReport, creating: boolean): string {
    return creating && backdatingOf(row.heldOn, this.backdateDays) ? 'DUTY_BACKDATED' : super.auditAction(row, creating);
  }
}
