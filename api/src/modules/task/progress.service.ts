import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { toId } from '../../common/errors';
import { groupBy } from '../../common/loaders';
import { documentExpired, PolicyDocument } from '../policy/policy-document.entity';
import { Assignment } from './assignment.entity';
import { ProgressStatus } from './enums';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { ProgressReport } from './progress-report.entity';
import { TaskItem } from './task-item.entity';

export interface ProgressScope {
  asOf: string;
  unitId?: string | null;
  planId?: string | null;
  /** Only these assignments (an assignment's light, a page of them). */
  assignmentIds?: readonly number[];
  /** Only these plans (an office's, for its bulletin). */
  planIds?: readonly number[];
}

/** Where one assignment stands on a date. Everything here is derived from dates and reports. */
export interface AssignmentState {
  assignment: Assignment;
  task: TaskItem;
  keyWork: KeyWork;
  plan: Plan;
  status: ProgressStatus;
  expired: boolean;
  /** Deadlines not met: the task's own and its milestones', each not reported done by the date. */
  open: Array<{ milestone: Milestone | null; dueDate: string; deadlineText: string | null }>;
}

/**
 * 进度: where each assignment stands as of a date, in memory — for a bounded set of assignments (a page's
 * lights, its statuses). The counts and pages over many (the home page, roll-ups, the bulletin, the daily
 * reminder pass) are computed in SQL by the same rule in progress.panels.ts; test/progress-oracle.ts
 * rebuilds them from these states to check the SQL.
 * An assignment's status is its latest whole-task report on or before the date; a deadline is met
 * when the task (or, for a milestone, that milestone) was reported DONE on or before the date.
 * Tasks of a plan whose document has expired are "expired", never "overdue".
 */
export class ProgressService {
  constructor(private readonly ds: DataSource) {}

  async states(scope: ProgressScope): Promise<AssignmentState[]> {
    const qb = this.ds.getRepository(Assignment).createQueryBuilder('a');
    if (scope.unitId) qb.andWhere('a.unitId = :unitId', { unitId: toId(scope.unitId, 'unitId') });
    if (scope.assignmentIds) {
      if (!scope.assignmentIds.length) return [];
      qb.andWhere('a.id IN (:...assignmentIds)', { assignmentIds: [...scope.assignmentIds] });
    }
    if (scope.planIds) {
      if (!scope.planIds.length) return [];
      qb.andWhere('a.taskItemId IN (SELECT t.id FROM task_item t JOIN key_work k ON k.id = t.keyWorkId WHERE k.planId IN (:...planIds))', { planIds: [...scope.planIds] });
    }
    if (scope.planId) {
      qb.andWhere('a.taskItemId IN (SELECT t.id FROM task_item t JOIN key_work k ON k.id = t.keyWorkId WHERE k.planId = :planId)', { planId: toId(scope.planId, 'planId') });
    }
    const assignments = await qb.orderBy('a.taskItemId', 'ASC').addOrderBy('a.sortOrder', 'ASC').getMany();
    if (!assignments.length) return [];
    const taskIds = [...new Set(assignments.map((a) => a.taskItemId))];
    const tasks = await this.ds.getRepository(TaskItem).findBy({ id: In(taskIds) });
    const keyWorks = await this.ds.getRepository(KeyWork).findBy({ id: In([...new Set(tasks.map((t) => t.keyWorkId))]) });
    const plans = await this.ds.getRepository(Plan).findBy({ id: In([...new Set(keyWorks.map((k) => k.planId))]) });
    const docs = await this.ds.getRepository(PolicyDocument).findBy({ id: In([...new Set(plans.map((p) => p.documentId))]) });
    const milestones = await this.ds.getRepository(Milestone).find({ where: { taskItemId: In(taskIds) }, order: { dueDate: 'ASC', id: 'ASC' } });
    const reports = await this.ds
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where('r.assignmentId IN (:...ids)', { ids: assignments.map((a) => a.id) })
      .andWhere('r.reportDate <= :asOf', { asOf: scope.asOf })
      .orderBy('r.reportDate', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const reportGroups = groupBy(
      assignments.map((a) => a.id),
      reports,
      (r) => r.assignmentId,
    );
    const milestoneGroups = groupBy(taskIds, milestones, (m) => m.taskItemId);

    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const kwById = new Map(keyWorks.map((k) => [k.id, k]));
    const planById = new Map(plans.map((p) => [p.id, p]));
    const docById = new Map(docs.map((d) => [d.id, d]));
    const reportsOf = new Map(assignments.map((a, i) => [a.id, reportGroups[i]]));
    const milestonesOf = new Map(taskIds.map((id, i) => [id, milestoneGroups[i]]));
    // an archived plan counts no longer from its archive day: nothing of it is due, overdue or rolled up
    const live = assignments.filter((a) => {
      const plan = planById.get(kwById.get(taskById.get(a.taskItemId)!.keyWorkId)!.planId)!;
      return plan.archivedOn === null || plan.archivedOn > scope.asOf;
    });
    return live.map((assignment) => {
      const task = taskById.get(assignment.taskItemId) as TaskItem;
      const keyWork = kwById.get(task.keyWorkId) as KeyWork;
      const plan = planById.get(keyWork.planId) as Plan;
      const doc = docById.get(plan.documentId);
      const mine = reportsOf.get(assignment.id) ?? [];
      const whole = mine.filter((r) => r.milestoneId == null);
      const status = whole.at(-1)?.status ?? ProgressStatus.NOT_STARTED;
      const doneMilestones = new Set(mine.filter((r) => r.milestoneId != null && r.status === ProgressStatus.DONE).map((r) => r.milestoneId));
      const open: AssignmentState['open'] = [];
      if (status !== ProgressStatus.DONE) {
        for (const m of (milestonesOf.get(task.id) ?? []).filter((x) => !doneMilestones.has(x.id))) {
          open.push({ milestone: m, dueDate: m.dueDate, deadlineText: m.deadlineText });
        }
        if (task.dueDate) open.push({ milestone: null, dueDate: task.dueDate, deadlineText: task.deadlineText });
      }
      return { assignment, task, keyWork, plan, status, expired: documentExpired(doc, scope.asOf), open };
    });
  }

  /** One assignment's status as of a date (for Assignment.status). */
  async statusOf(assignmentIds: readonly number[], asOf: string): Promise<ProgressStatus[]> {
    const reports = await this.ds
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where('r.assignmentId IN (:...ids)', { ids: [...assignmentIds] })
      .andWhere('r.milestoneId IS NULL AND r.reportDate <= :asOf', { asOf })
      .orderBy('r.reportDate', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    const latest = new Map<number, ProgressStatus>();
    for (const r of reports) latest.set(r.assignmentId, r.status);
    return assignmentIds.map((id) => latest.get(id) ?? ProgressStatus.NOT_STARTED);
  }
}
