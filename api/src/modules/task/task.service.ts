import { type DataSource, type EntityManager, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DeadlineError, type ReadDeadline, readDeadline } from '../../common/deadline';
import type { Actor } from '../../common/context';
import { CrudService, type CrudOptions } from '../../common/crud.service';
import { badInput, conflict, forbidden, toId } from '../../common/errors';
import { todayInChina } from '../../common/dates';
import { checkFilter, likePattern, type ListQuery } from '../../common/query';
import { Role } from '../../common/roles';
import { type TransactionRunner, writeLock } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { Assignment } from './assignment.entity';
import { notify } from '../notification/notification.service';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { ProgressReport as ProgressReportEntity, type ProgressReport } from './progress-report.entity';
import { Target } from './target.entity';
import { deadlineColumns } from './task-list.parser';
import { backdatingOf, checkReportDate } from './progress.rules';
import type { AssignmentFilter, PlanFilter, ProgressReportFilter, TaskItemFilter } from './task.inputs';
import type { Urgency } from './supervision.entities';
import { TaskItem } from './task-item.entity';

/*
 * 任务清单 as living records (issue 16). The office that issued a plan corrects any level of it; a
 * deadline is typed as printed and read by the one grammar (common/deadline.ts) in the plan's year;
 * a record with progress reported beneath it is not deleted (HAS_PROGRESS: archive the plan instead).
 */

/** Progress reports beneath a record of the plan, by level (the SQL that finds them). */
const UNDER: Record<string, string> = {
  Plan: 'r.assignmentId IN (SELECT a.id FROM assignment a JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId WHERE k.planId = :id)',
  KeyWork: 'r.assignmentId IN (SELECT a.id FROM assignment a JOIN task_item t ON t.id = a.taskItemId WHERE t.keyWorkId = :id)',
  Target: 'r.assignmentId IN (SELECT a.id FROM assignment a JOIN task_item t ON t.id = a.taskItemId WHERE t.targetId = :id)',
  TaskItem: 'r.assignmentId IN (SELECT a.id FROM assignment a WHERE a.taskItemId = :id)',
  Milestone: 'r.milestoneId = :id',
  Assignment: 'r.assignmentId = :id',
};

/** Refuses (CONFLICT, HAS_PROGRESS) deleting a record with progress reported beneath it. */
async function refuseWithProgress(em: EntityManager, typeName: string, id: number): Promise<void> {
  const reported = await em.getRepository(ProgressReportEntity).createQueryBuilder('r').where(UNDER[typeName], { id }).getCount();
  if (reported > 0) throw conflict(`${reported} progress report(s) were made on this ${typeName}: it is kept; archive the plan instead (archivedOn)`, undefined, 'HAS_PROGRESS', { reports: reported });
}

/** The refusal of each of the deadline grammar's problems (common/deadline.ts). */
const DEADLINE_REFUSALS = {
  UNKNOWN_DEADLINE: { reason: 'UNKNOWN_DEADLINE' },
  YEAR_REQUIRED: { reason: 'YEAR_REQUIRED' },
  BAD_DATE: { reason: 'BAD_DATE' },
} as const;

/** A deadline typed as printed, read in the plan's year, or a field error naming the input. */
function read(text: string, year: number | null, field: string): ReadDeadline {
  try {
    return readDeadline(text, { year });
  } catch (err) {
    if (err instanceof DeadlineError) throw badInput(field, err.message, DEADLINE_REFUSALS[err.code].reason);
    throw err;
  }
}

const yearOfPlan = async (em: EntityManager, keyWorkId: number) => (await em.findOneByOrFail(Plan, { id: (await em.findOneByOrFail(KeyWork, { id: keyWorkId })).planId })).year;

/** A plan's task and milestone deadlines read again in its year (after the year changes). */
async function rereadDeadlines(em: EntityManager, planId: number, year: number | null): Promise<void> {
  const keyWorks = await em.find(KeyWork, { where: { planId } });
  if (!keyWorks.length) return;
  const tasks = await em.find(TaskItem, { where: { keyWorkId: In(keyWorks.map((k) => k.id)) } });
  const changed: TaskItem[] = [];
  for (const t of tasks) {
    if (!t.deadlineText) continue;
    const next = deadlineColumns(read(t.deadlineText, year, 'year'));
    if (next.dueDate !== t.dueDate) changed.push(Object.assign(t, next));
  }
  if (changed.length) await em.save(TaskItem, changed);
  const milestones = tasks.length ? await em.find(Milestone, { where: { taskItemId: In(tasks.map((t) => t.id)) } }) : [];
  const moved = milestones.filter((m) => {
    const due = read(m.deadlineText, year, 'year').due;
    return due !== null && due !== m.dueDate && Object.assign(m, { dueDate: due });
  });
  if (moved.length) await em.save(Milestone, moved);
}

/** 计划: created by an office (its own by default); a new year re-reads the deadlines printed without one. */
/** 任务清单; listed by the unit given tasks in it (我的任务's plan filter) and by whether it is archived. */
export class PlanService extends CrudService<Plan, PlanFilter> {
  protected applyFilter(qb: SelectQueryBuilder<Plan>, filter: PlanFilter): void {
    const { unitId, archived, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (unitId)
      qb.andWhere('e.id IN (SELECT k.planId FROM key_work k JOIN task_item t ON t.keyWorkId = k.id JOIN assignment a ON a.taskItemId = t.id WHERE a.unitId = :planUnit)', {
        planUnit: toId(unitId, 'filter.unitId'),
      });
    if (archived === true) qb.andWhere('e.archivedOn IS NOT NULL');
    if (archived === false) qb.andWhere('e.archivedOn IS NULL');
  }

  protected async validate(em: EntityManager, next: Plan, before: Plan | null): Promise<void> {
    if (before && next.year !== before.year) await rereadDeadlines(em, next.id, next.year);
  }

  protected async beforeDelete(em: EntityManager, row: Plan): Promise<void> {
    await refuseWithProgress(em, 'Plan', row.id);
  }
}

/** 重点工作 / 专项行动 and 目标内容: kept while progress is reported beneath them. */
export class KeyWorkService extends CrudService<KeyWork> {
  protected async validate(_em: EntityManager, next: KeyWork, before: KeyWork | null): Promise<void> {
    if (before && next.planId !== before.planId) throw badInput('planId', 'A key work stays in its plan', 'BELONGS_ELSEWHERE');
    next.aliases ??= [];
  }

  protected async beforeDelete(em: EntityManager, row: KeyWork): Promise<void> {
    await refuseWithProgress(em, 'KeyWork', row.id);
  }
}

export class TargetService extends CrudService<Target> {
  protected async beforeDelete(em: EntityManager, row: Target): Promise<void> {
    await refuseWithProgress(em, 'Target', row.id);
  }
}

/** 工作内容 / 措施, filterable by plan and by the unit assigned to them; the deadline read from its text. */
export class TaskItemService extends CrudService<TaskItem, TaskItemFilter> {
  protected applyFilter(qb: SelectQueryBuilder<TaskItem>, filter: TaskItemFilter): void {
    const { planId, jurisdictionId, unitId, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (planId) qb.andWhere('e.keyWorkId IN (SELECT k.id FROM key_work k WHERE k.planId = :planId)', { planId: toId(planId, 'filter.planId') });
    if (jurisdictionId)
      qb.andWhere('e.keyWorkId IN (SELECT k.id FROM key_work k JOIN plan p ON p.id = k.planId WHERE p.jurisdictionId = :issuer)', { issuer: toId(jurisdictionId, 'filter.jurisdictionId') });
    if (unitId) qb.andWhere('e.id IN (SELECT a.taskItemId FROM assignment a WHERE a.unitId = :unitId)', { unitId: toId(unitId, 'filter.unitId') });
  }

  protected async validate(em: EntityManager, next: TaskItem, before: TaskItem | null): Promise<void> {
    if (before && next.keyWorkId !== before.keyWorkId) throw badInput('keyWorkId', 'A task stays under its key work', 'BELONGS_ELSEWHERE');
    if (next.targetId != null) {
      const target = await em.findOneBy(Target, { id: next.targetId });
      if (!target || target.keyWorkId !== next.keyWorkId) throw badInput('targetId', 'The target belongs to another key work', 'BELONGS_ELSEWHERE');
    }
    if (!before || next.deadlineText !== before.deadlineText) {
      Object.assign(next, deadlineColumns(read(next.deadlineText ?? '', await yearOfPlan(em, next.keyWorkId), 'deadlineText')));
    }
  }

  protected async beforeDelete(em: EntityManager, row: TaskItem): Promise<void> {
    await refuseWithProgress(em, 'TaskItem', row.id);
  }
}

/** 节点: a dated step of a task; its deadline must name a day. */
export class MilestoneService extends CrudService<Milestone> {
  protected async validate(em: EntityManager, next: Milestone, before: Milestone | null): Promise<void> {
    if (before && next.taskItemId !== before.taskItemId) throw badInput('taskItemId', 'A milestone stays in its task', 'BELONGS_ELSEWHERE');
    if (before && next.deadlineText === before.deadlineText) return;
    const task = await em.findOneByOrFail(TaskItem, { id: next.taskItemId });
    const d = read(next.deadlineText, await yearOfPlan(em, task.keyWorkId), 'deadlineText');
    if (d.due === null) throw badInput('deadlineText', `A milestone is a dated step: "${d.printed}" names no day`, 'MILESTONE_NEEDS_DATE');
    next.dueDate = d.due;
  }

  protected async beforeDelete(em: EntityManager, row: Milestone): Promise<void> {
    await refuseWithProgress(em, 'Milestone', row.id);
  }
}

/** The light of assignments on a day (SupervisionService.urgencyOf). */
type Lights = (ids: readonly number[], asOf: string) => Promise<Array<{ urgency: Urgency }>>;
/** The urgency filter is worked out over the assignments the other filters leave: at most this many (a unit has a few dozen). */
export const MAX_URGENCY_CANDIDATES = 1000;
/** The ids the urgency filter left (internal: never in the GraphQL filter). */
type ResolvedFilter = AssignmentFilter & { onlyIds?: number[] };

/**
 * 分工: a unit of the plan's office, or of a community under it, leads or shares a task. Its list
 * (我的任务) filters by plan, the task's deadline, 签收 and the light, and searches the task's words.
 */
export class AssignmentService extends CrudService<Assignment, AssignmentFilter> {
  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<Assignment>,
    private readonly lights: () => Lights,
  ) {
    super(ds, tx, audit, opts);
  }

  async list(q: ListQuery<AssignmentFilter>): Promise<Assignment[]> {
    return super.list({ ...q, filter: await this.byLight(q.filter) });
  }

  async count(filter: AssignmentFilter | null | undefined): Promise<number> {
    return super.count(await this.byLight(filter));
  }

  /**
   * The light is read, not stored (supervision.service.ts): the urgency filter asks it of the
   * assignments the other filters (and the scope rule) leave, and keeps the ids that match.
   */
  private async byLight(filter: AssignmentFilter | null | undefined): Promise<ResolvedFilter | null | undefined> {
    if (!filter?.urgency?.length) return filter;
    const { urgency, asOf, ...rest } = filter;
    checkFilter(filter);
    const qb = this.ds.getRepository(Assignment).createQueryBuilder('e').select('e.id', 'id');
    this.applyFilter(qb, rest);
    const candidates = (await qb.limit(MAX_URGENCY_CANDIDATES + 1).getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    if (candidates.length > MAX_URGENCY_CANDIDATES)
      throw badInput('filter.urgency', `The light is worked out for at most ${MAX_URGENCY_CANDIDATES} assignments: narrow the filter (unit, plan)`, 'TOO_MANY', { max: MAX_URGENCY_CANDIDATES });
    const lit = await this.lights()(candidates, asOf ?? todayInChina());
    const wanted = new Set(urgency);
    return { ...rest, onlyIds: candidates.filter((_, i) => wanted.has(lit[i].urgency)) };
  }

  protected applyFilter(qb: SelectQueryBuilder<Assignment>, filter: ResolvedFilter): void {
    const { q, planId, dueFrom, dueTo, acknowledged, urgency: _urgency, asOf: _asOf, onlyIds, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (q?.trim())
      qb.andWhere(
        "e.taskItemId IN (SELECT t.id FROM task_item t JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId WHERE t.content LIKE :aq ESCAPE '!' OR t.title LIKE :aq ESCAPE '!' OR k.title LIKE :aq ESCAPE '!' OR p.name LIKE :aq ESCAPE '!')",
        { aq: likePattern(q) },
      );
    if (planId) qb.andWhere('e.taskItemId IN (SELECT t.id FROM task_item t JOIN key_work k ON k.id = t.keyWorkId WHERE k.planId = :aPlan)', { aPlan: toId(planId, 'filter.planId') });
    if (dueFrom) qb.andWhere('e.taskItemId IN (SELECT t.id FROM task_item t WHERE t.dueDate >= :dueFrom)', { dueFrom });
    if (dueTo) qb.andWhere('e.taskItemId IN (SELECT t.id FROM task_item t WHERE t.dueDate <= :dueTo)', { dueTo });
    if (acknowledged === true) qb.andWhere('e.acknowledgedAt IS NOT NULL');
    if (acknowledged === false) qb.andWhere('e.acknowledgedAt IS NULL');
    if (onlyIds) {
      if (onlyIds.length) qb.andWhere('e.id IN (:...onlyIds)', { onlyIds });
      else qb.andWhere('1 = 0');
    }
  }

  protected async validate(em: EntityManager, next: Assignment, before: Assignment | null): Promise<void> {
    if (before && (next.taskItemId !== before.taskItemId || next.unitId !== before.unitId)) throw badInput('unitId', 'Assign the task to another unit as a new assignment', 'BELONGS_ELSEWHERE');
    if (before) return;
    const task = await em.findOneByOrFail(TaskItem, { id: next.taskItemId });
    const plan = await em.findOneByOrFail(Plan, { id: (await em.findOneByOrFail(KeyWork, { id: task.keyWorkId })).planId });
    const unit = await em.findOneBy(Unit, { id: next.unitId });
    const parent = unit ? (await em.findOneBy(Jurisdiction, { id: unit.jurisdictionId }))?.parentId : null;
    if (!unit || (unit.jurisdictionId !== plan.jurisdictionId && parent !== plan.jurisdictionId))
      throw badInput('unitId', 'The unit is neither of the plan’s office nor of a community under it', 'BELONGS_ELSEWHERE');
    if (next.sortOrder == null || next.sortOrder === 0) next.sortOrder = (await em.count(Assignment, { where: { taskItemId: next.taskItemId } })) + 1;
  }

  protected async beforeDelete(em: EntityManager, row: Assignment): Promise<void> {
    await refuseWithProgress(em, 'Assignment', row.id);
  }

  /** 立项交办: the unit's staff are told of a task given to them, in the same transaction. */
  protected async afterInsert(em: EntityManager, saved: Assignment, _input: ObjectLiteral, actor: Actor): Promise<void> {
    const task = await em.findOneByOrFail(TaskItem, { id: saved.taskItemId });
    await notify(em, {
      recipients: { units: [saved.unitId] },
      kind: 'TASK_ASSIGNED',
      params: { task: [...(task.title ?? task.content)].slice(0, 40).join(''), deadline: task.deadlineText ?? '—' },
      link: '#/my-tasks',
      entityType: 'Assignment',
      entityId: saved.id,
      actor,
    });
  }
}

/**
 * 进度报告. A report is never edited or deleted: a correction is a newer report. Unit staff report
 * only on their own unit's assignments; the office may report for any unit. How far back a report
 * may be dated: progress.rules.ts.
 */
export class ProgressReportService extends CrudService<ProgressReport, ProgressReportFilter> {
  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<ProgressReport>,
    private readonly backdateDays: number,
  ) {
    super(ds, tx, audit, opts);
  }

  async create(input: ObjectLiteral, actor: Actor): Promise<ProgressReport> {
    return super.create({ ...input, reportedById: actor.user?.id ?? null }, actor);
  }

  protected async validate(em: EntityManager, next: ProgressReport, _before: ProgressReport | null, actor: Actor): Promise<void> {
    // locked: reports on one assignment are written one after the other, so keeping its latest report
    // (progress.latest.ts) never waits on another's new report while that one waits on the assignment
    const assignment = await em.findOneOrFail(Assignment, { where: { id: next.assignmentId }, ...writeLock(em) });
    if (actor.user?.role === Role.UNIT_STAFF && assignment.unitId !== actor.user.unitId) {
      throw forbidden("Unit staff report only on their own unit's assignments", 'ROLE');
    }
    checkReportDate(next.reportDate, assignment, actor, this.backdateDays);
    if (next.milestoneId != null) {
      const milestone = await em.findOneByOrFail(Milestone, { id: next.milestoneId });
      if (milestone.taskItemId !== assignment.taskItemId) throw badInput('milestoneId', 'The milestone belongs to another task', 'BELONGS_ELSEWHERE');
    }
  }

  protected auditAction(row: ProgressReport, creating: boolean): string {
    return creating && backdatingOf(row.reportDate, this.backdateDays) ? 'PROGRESS_BACKDATED' : super.auditAction(row, creating);
  }

  /** An ADMIN's correction dated further back than the limit says so in its audit event. */
  protected async auditSnapshot(em: EntityManager, row: ProgressReport): Promise<ObjectLiteral> {
    const backdated = backdatingOf(row.reportDate, this.backdateDays);
    return { ...(await super.auditSnapshot(em, row)), ...(backdated ? { backdated } : {}) };
  }
}
