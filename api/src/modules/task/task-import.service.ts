import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Actor } from '../../common/context';
import { badInput, conflict, toId } from '../../common/errors';
import { UnitKind } from '../organization/enums';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { Assignment } from './assignment.entity';
import { PlanKind } from './enums';
import { KeyWork } from './key-work.entity';
import { Plan } from './plan.entity';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';
import type { TaskListImportResult, TaskListRowInput, TaskListRowResult } from './task-import.types';
import { type KeyWorkSeed, normaliseTaskList } from './task-list.parser';

const MAX_ROWS = 500;

export interface TaskListImportInput {
  documentId: string;
  jurisdictionId: string;
  name: string;
  rows: TaskListRowInput[];
}

/**
 * 任务清单导入: an xlsx in the layout of 000's attachment (重点工作 / 目标内容 / 工作内容 / 责任单位 /
 * 完成时限), read with the same parser as the seeds. Preview says per row what will be added or why it
 * is rejected; the commit creates the plan in one transaction and only when no row is rejected.
 */
export class TaskImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  run(input: TaskListImportInput, commit: boolean, actor: Actor): Promise<TaskListImportResult> {
    const documentId = toId(input.documentId, 'documentId');
    const jurisdictionId = toId(input.jurisdictionId, 'jurisdictionId');
    const name = input.name.trim();
    if (!name) throw badInput('name', 'name cannot be empty');
    if (!input.rows.length) throw badInput('rows', 'The sheet has no rows');
    if (input.rows.length > MAX_ROWS) throw badInput('rows', `At most ${MAX_ROWS} rows at a time`);
    const work = async (em: EntityManager): Promise<TaskListImportResult> => {
      if (!(await em.existsBy(PolicyDocument, { id: documentId }))) throw badInput('documentId', `documentId: no PolicyDocument with id ${documentId}`);
      const jurisdiction = await em.findOneBy(Jurisdiction, { id: jurisdictionId });
      if (!jurisdiction) throw badInput('jurisdictionId', `jurisdictionId: no Jurisdiction with id ${jurisdictionId}`);
      if (await em.existsBy(Plan, { documentId, name })) throw conflict('This document already has a plan with that name', 'name');
      const { result, keyWorks, assigneesOf } = await this.plan(em, jurisdictionId, input.rows);
      if (!commit) return result;
      if (result.rejected > 0) throw badInput('rows', `${result.rejected} row(s) are rejected; nothing was imported. Fix the sheet and import again`);
      const plan = await em.save(Plan, em.create(Plan, { documentId, jurisdictionId, name, kind: PlanKind.TASK_LIST }));
      let assignments = 0;
      for (const [k, kw] of keyWorks.entries()) {
        const keyWork = await em.save(KeyWork, em.create(KeyWork, { planId: plan.id, number: kw.number, title: kw.title, aliases: kw.aliases, sortOrder: k + 1 }));
        for (const [t, tg] of kw.targets.entries()) {
          const target = await em.save(Target, em.create(Target, { keyWorkId: keyWork.id, number: tg.number, title: tg.title, sortOrder: t + 1 }));
          for (const item of tg.items) {
            const task = await em.save(
              TaskItem,
              em.create(TaskItem, {
                keyWorkId: keyWork.id,
                targetId: target.id,
                content: item.content,
                unitsPrinted: item.unitsPrinted,
                deadlineKind: item.deadline.kind,
                deadlineText: item.deadline.printed,
                dueDate: item.deadline.due,
                sortOrder: item.row,
              }),
            );
            const units = assigneesOf(item);
            await em.save(Assignment, units.map((u, i) => em.create(Assignment, { taskItemId: task.id, ...u, sortOrder: i + 1 })));
            assignments += units.length;
          }
        }
      }
      await this.audit.record(em, actor, { action: 'IMPORT', entityType: 'Plan', entityId: plan.id, after: { name, documentId, tasks: result.tasks, assignments } });
      return { ...result, committed: true, planId: String(plan.id) };
    };
    return commit ? this.tx.run(work) : work(this.ds.manager);
  }

  private async plan(em: EntityManager, jurisdictionId: number, rows: TaskListRowInput[]) {
    const units = await em.find(Unit, { where: { jurisdictionId } });
    const children = await em.find(Jurisdiction, { where: { parentId: jurisdictionId } });
    const communityUnits = children.length ? await em.find(Unit, { where: { jurisdictionId: In(children.map((c) => c.id)), kind: UnitKind.COMMUNITY }, order: { jurisdictionId: 'ASC' } }) : [];
    const unitIds = new Map<string, number>();
    for (const u of units) for (const n of [u.name, ...u.aliases]) unitIds.set(n, u.id);
    /** The units a task is assigned to, each once: the named ones (the first leads), then every community for 各社区. */
    const assigneesOf = (item: { units: string[]; allCommunities: boolean }) =>
      [
        ...item.units.map((u, i) => ({ unitId: unitIds.get(u) as number, isLead: i === 0, viaAllCommunities: false })),
        ...(item.allCommunities ? communityUnits.map((c) => ({ unitId: c.id, isLead: false, viaAllCommunities: true })) : []),
      ].filter((u, i, all) => all.findIndex((x) => x.unitId === u.unitId) === i);

    const problems = new Map<number, { code: string; reason: string }>();
    const keyWorks: KeyWorkSeed[] = normaliseTaskList(
      rows.map((r) => ({ page: 1, cells: r.cells })),
      (index, code, reason) => problems.set(index, { code, reason }),
    );
    const results: TaskListRowResult[] = rows.map((r, index) => ({
      line: r.line,
      status: 'REJECT',
      keyWork: null,
      target: null,
      content: null,
      units: [],
      allCommunities: false,
      deadlineKind: null,
      dueDate: null,
      reasonCode: problems.get(index)?.code ?? null,
      reason: problems.get(index)?.reason ?? null,
    }));
    let tasks = 0;
    let assignments = 0;
    for (const kw of keyWorks) {
      for (const tg of kw.targets) {
        tg.items = tg.items.filter((item) => {
          const row = results[item.index];
          Object.assign(row, { keyWork: `${kw.number}、${kw.title}`, target: `(${tg.number})${tg.title}`, content: item.content, units: item.units, allCommunities: item.allCommunities, deadlineKind: item.deadline.kind, dueDate: item.deadline.due });
          const unknown = item.units.filter((u) => !unitIds.has(u));
          if (unknown.length) {
            Object.assign(row, { reasonCode: 'UNKNOWN_UNIT', reason: `Unknown unit(s): ${unknown.join('、')}` });
            return false;
          }
          if (!item.units.length && !item.allCommunities) {
            Object.assign(row, { reasonCode: 'NO_UNITS', reason: '责任单位 is empty' });
            return false;
          }
          row.status = 'ADD';
          tasks++;
          assignments += assigneesOf(item).length;
          return true;
        });
      }
    }
    const kept = keyWorks.map((kw) => ({ ...kw, targets: kw.targets.filter((t) => t.items.length) })).filter((kw) => kw.targets.length);
    const result: TaskListImportResult = {
      committed: false,
      planId: null,
      keyWorks: kept.length,
      targets: kept.reduce((s, kw) => s + kw.targets.length, 0),
      tasks,
      assignments,
      rejected: results.filter((r) => r.status === 'REJECT').length,
      rows: results,
    };
    return { result, keyWorks: kept, assigneesOf };
  }
}
