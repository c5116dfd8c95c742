import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService, type CrudOptions } from '../../common/crud.service';
import { badInput, forbidden, toId } from '../../common/errors';
import { Role } from '../../common/roles';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { Assignment } from './assignment.entity';
import { Milestone } from './milestone.entity';
import type { ProgressReport } from './progress-report.entity';
import { backdatingOf, checkReportDate } from './progress.rules';
import type { ProgressReportFilter, TaskItemFilter } from './task.inputs';
import type { TaskItem } from './task-item.entity';

/** 工作内容 / 措施, filterable by plan and by the unit assigned to them. */
export class TaskItemService extends CrudService<TaskItem, TaskItemFilter> {
  protected applyFilter(qb: SelectQueryBuilder<TaskItem>, filter: TaskItemFilter): void {
    const { planId, unitId, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (planId) qb.andWhere('e.keyWorkId IN (SELECT k.id FROM key_work k WHERE k.planId = :planId)', { planId: toId(planId, 'filter.planId') });
    if (unitId) qb.andWhere('e.id IN (SELECT a.taskItemId FROM assignment a WHERE a.unitId = :unitId)', { unitId: toId(unitId, 'filter.unitId') });
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
    const assignment = await em.findOneByOrFail(Assignment, { id: next.assignmentId });
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
