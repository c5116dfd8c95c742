/*
 * The in-memory oracle for the SQL of modules/task/progress.panels.ts: the overdue and due-soon
 * deadlines, the roll-ups and the bulletin's counts rebuilt from ProgressService.states() (every
 * assignment with its reports, the way they were computed before issue 18 moved them into SQL). Tests
 * compare the two on generated data; nothing in the API uses this.
 */
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { addDays, daysBetween } from '../src/common/dates';
import { Unit } from '../src/modules/organization/unit.entity';
import type { DutyService } from '../src/modules/task/duty.service';
import { OccurrenceStatus } from '../src/modules/task/duty.types';
import { ProgressStatus } from '../src/modules/task/enums';
import { ProgressReport } from '../src/modules/task/progress-report.entity';
import type { AssignmentState, ProgressScope, ProgressService } from '../src/modules/task/progress.service';
import { RollupLevel, type RollupRow } from '../src/modules/task/progress.types';
import { Target } from '../src/modules/task/target.entity';

export interface OracleDeadline {
  assignmentId: number;
  unitId: number;
  milestoneId: number | null;
  dueDate: string;
  daysOverdue: number;
}

/** A roll-up row as the API answers it. */
export type OracleRow = RollupRow;

export function progressOracle(ds: DataSource, progress: ProgressService, duty: DutyService) {
  const entry = (s: AssignmentState, o: AssignmentState['open'][number], asOf: string): OracleDeadline => ({
    assignmentId: s.assignment.id,
    unitId: s.assignment.unitId,
    milestoneId: o.milestone?.id ?? null,
    dueDate: o.dueDate,
    daysOverdue: daysBetween(o.dueDate, asOf),
  });
  const byDue = (a: OracleDeadline, b: OracleDeadline) => a.dueDate.localeCompare(b.dueDate);

  return {
    /** 已逾期: deadlines before the date not reported done by then (expired plans excluded). */
    async overdue(scope: ProgressScope): Promise<OracleDeadline[]> {
      const states = await progress.states(scope);
      return states
        .filter((s) => !s.expired)
        .flatMap((s) => s.open.filter((o) => o.dueDate < scope.asOf).map((o) => entry(s, o, scope.asOf)))
        .sort(byDue);
    },

    /** 即将到期: open deadlines from the date to N days after it. */
    async dueSoon(scope: ProgressScope, within: number): Promise<OracleDeadline[]> {
      const until = addDays(scope.asOf, within);
      const states = await progress.states(scope);
      return states
        .filter((s) => !s.expired)
        .flatMap((s) => s.open.filter((o) => o.dueDate >= scope.asOf && o.dueDate <= until).map((o) => entry(s, o, scope.asOf)))
        .sort(byDue);
    },

    /** Counts per unit, plan, key work, target or task, with the recurring duties' periods. */
    async rollup(scope: ProgressScope, level: RollupLevel): Promise<OracleRow[]> {
      const states = await progress.states(scope);
      const units = level === RollupLevel.UNIT ? await ds.getRepository(Unit).findBy({ id: In([...new Set(states.map((s) => s.assignment.unitId))]) }) : [];
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const targetIds = [...new Set(states.map((s) => s.task.targetId).filter((id): id is number => id != null))];
      const targets = level === RollupLevel.TARGET && targetIds.length ? await ds.getRepository(Target).findBy({ id: In(targetIds) }) : [];
      const targetName = new Map(targets.map((t) => [t.id, `(${t.number})${t.title}`]));
      const keyOf = (s: AssignmentState): [number, string] => {
        switch (level) {
          case RollupLevel.UNIT:
            return [s.assignment.unitId, unitName.get(s.assignment.unitId) ?? String(s.assignment.unitId)];
          case RollupLevel.PLAN:
            return [s.plan.id, s.plan.name];
          case RollupLevel.KEY_WORK:
            return [s.keyWork.id, `${s.keyWork.number} ${s.keyWork.title}`];
          case RollupLevel.TARGET:
            return s.task.targetId != null ? [s.task.targetId, targetName.get(s.task.targetId) ?? ''] : [-s.keyWork.id, `${s.keyWork.number} ${s.keyWork.title}`];
          default:
            return [s.task.id, s.task.title ?? s.task.content.slice(0, 40)];
        }
      };
      const occurrences = new Map<number, Awaited<ReturnType<DutyService['occurrences']>>>();
      for (const o of await duty.occurrences({ asOf: scope.asOf, unitId: scope.unitId, planId: scope.planId })) {
        occurrences.set(o.assignment.id, [...(occurrences.get(o.assignment.id) ?? []), o]);
      }
      const rows = new Map<number, OracleRow>();
      for (const s of states) {
        const [id, label] = keyOf(s);
        const row = rows.get(id) ?? { id: String(id), label, total: 0, notStarted: 0, inProgress: 0, done: 0, overdue: 0, expired: 0, occurrences: 0, occurrencesHeld: 0, occurrencesOverdue: 0 };
        for (const o of occurrences.get(s.assignment.id) ?? []) {
          row.occurrences++;
          if (o.status === OccurrenceStatus.HELD || o.status === OccurrenceStatus.HELD_LATE) row.occurrencesHeld++;
          else if (o.status === OccurrenceStatus.OVERDUE) row.occurrencesOverdue++;
        }
        row.total++;
        if (s.status === ProgressStatus.DONE) row.done++;
        else if (s.status === ProgressStatus.IN_PROGRESS) row.inProgress++;
        else row.notStarted++;
        if (s.expired) row.expired++;
        else if (s.open.some((o) => o.dueDate < scope.asOf)) row.overdue++;
        rows.set(id, row);
      }
      return [...rows.values()];
    },

    /** The bulletin's counts per unit of the given plans (expired left out): total, done, late, due in 30 days, overdue. */
    async bulletin(planIds: number[], asOf: string): Promise<Array<{ unitId: string; total: number; done: number; late: number; due: number; overdue: number }>> {
      const states = (await progress.states({ asOf, planIds })).filter((s) => !s.expired);
      const until = addDays(asOf, 30);
      const doneOn = new Map<number, string>();
      const doneIds = states.filter((s) => s.status === ProgressStatus.DONE).map((s) => s.assignment.id);
      if (doneIds.length) {
        const reports = await ds
          .getRepository(ProgressReport)
          .createQueryBuilder('r')
          .where('r.assignmentId IN (:...ids) AND r.milestoneId IS NULL AND r.status = :done AND r.reportDate <= :asOf', { ids: doneIds, done: ProgressStatus.DONE, asOf })
          .orderBy('r.reportDate', 'ASC')
          .getMany();
        for (const r of reports) if (!doneOn.has(r.assignmentId)) doneOn.set(r.assignmentId, r.reportDate);
      }
      const rows = new Map<number, { unitId: string; total: number; done: number; late: number; due: number; overdue: number }>();
      for (const s of states) {
        const r = rows.get(s.assignment.unitId) ?? rows.set(s.assignment.unitId, { unitId: String(s.assignment.unitId), total: 0, done: 0, late: 0, due: 0, overdue: 0 }).get(s.assignment.unitId)!;
        r.total++;
        if (s.status === ProgressStatus.DONE) {
          r.done++;
          if (s.task.dueDate && (doneOn.get(s.assignment.id) ?? '') > s.task.dueDate) r.late++;
        } else if (s.open.some((o) => o.dueDate < asOf)) r.overdue++;
        else if (s.open.some((o) => o.dueDate <= until)) r.due++;
      }
      return [...rows.values()];
    },
  };
}
