import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { badInput, conflict, toId } from '../../common/errors';
import { pathOf, RowError } from '../../common/sheet-import/layout';
import type { Actor } from '../../common/context';
import type { ImportAnswer, ImportTypes, Planned, SheetImport } from '../../common/sheet-import/sheet-import';
import { ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { UnitKind } from '../organization/enums';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Assignment } from './assignment.entity';
import { PlanKind } from './enums';
import { KeyWork } from './key-work.entity';
import { Plan } from './plan.entity';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';
import type { TaskListRowInput, TaskListRowResult } from './task-import.types';
import { type KeyWorkSeed, normaliseTaskList, printedTask, type RowProblem, type TargetSeed, type TaskItemSeed } from './task-list.parser';
import { TASK_LIST_SHEET } from './task-list.sheet';

export interface TaskListImportArgs {
  documentId: string;
  jurisdictionId: string;
  name: string;
  year?: number | null;
}

/** A row the parser read as a task, under its key work and target. */
interface ReadTask {
  keyWork: KeyWorkSeed;
  target: TargetSeed;
  item: TaskItemSeed;
}

export type Assignee = { unitId: number; isLead: boolean; viaAllCommunities: boolean };

/** What both layouts read once per sheet: the plan's arguments, checked, and the units names resolve to. */
export interface PlanTarget {
  year: number | null;
  documentId: number;
  jurisdictionId: number;
  name: string;
  /** Unit ids of the issuing office by name and alias. */
  unitIds: Map<string, number>;
  /** Every community's unit under the office: what "各社区" means. */
  communityUnitIds: number[];
}

interface TaskListContext extends PlanTarget {
  assigneesOf: (item: { units: string[]; allCommunities: boolean }) => Assignee[];
  keyWorks: KeyWorkSeed[];
  problems: Map<number, { code: RowProblem; reason: string }>;
  tasks: Map<number, ReadTask>;
}

/** The figures of a task-list import beyond the counts. */
export interface TaskListFigures {
  planId: string | null;
  keyWorks: number;
  targets: number;
  tasks: number;
  milestones: number;
  assignments: number;
}

/** The cell each of the parser's problems is about. */
const cell = (field: string) =>
  pathOf(
    TASK_LIST_SHEET,
    TASK_LIST_SHEET.columns.find((c) => c.field === field)!,
  );
const PROBLEM_CELL: Record<RowProblem, string> = {
  NO_KEY_WORK: cell('keyWork'),
  NO_TARGET: cell('target'),
  CONTENT_REQUIRED: cell('content'),
  UNKNOWN_DEADLINE: cell('deadline'),
  YEAR_REQUIRED: cell('deadline'),
  BAD_DATE: cell('deadline'),
};

/** Key works → targets → tasks, keeping only the rows that import. */
function kept(keyWorks: KeyWorkSeed[], planned: Array<Planned<{ change: ReadTask } & ImportTypes>>): KeyWorkSeed[] {
  const items = new Set(planned.map((p) => p.change.item));
  return keyWorks.map((kw) => ({ ...kw, targets: kw.targets.map((t) => ({ ...t, items: t.items.filter((i) => items.has(i)) })).filter((t) => t.items.length) })).filter((kw) => kw.targets.length);
}

/**
 * 任务清单导入: an xlsx in the layout of 000's attachment (重点工作 / 目标内容 / 工作内容 / 责任单位 /
 * 完成时限), read with the same parser as the seeds. Preview says per row what will be added or why it
 * is rejected; the commit creates the plan in one transaction and only when no row is rejected.
 */
type TaskList = { args: TaskListImportArgs; input: TaskListRowInput; context: TaskListContext; row: TaskListRowResult; change: ReadTask; figures: TaskListFigures };

export const taskListImport: SheetImport<TaskList> = {
  layout: TASK_LIST_SHEET,
  action: 'IMPORT',
  entityType: 'Plan',

  async load(em, args, rows) {
    const target = await loadPlanTarget(em, args);
    const { unitIds, communityUnitIds } = target;
    /** The units a task is assigned to, each once: the named ones (the first leads), then every community for 各社区. */
    const assigneesOf = (item: { units: string[]; allCommunities: boolean }) =>
      onceEach([
        ...item.units.map((u, i) => ({ unitId: unitIds.get(u) as number, isLead: i === 0, viaAllCommunities: false })),
        ...(item.allCommunities ? communityUnitIds.map((unitId) => ({ unitId, isLead: false, viaAllCommunities: true })) : []),
      ]);

    // the table is read as a whole (merged cells, headings repeated on each page), then row by row
    const problems: TaskListContext['problems'] = new Map();
    const keyWorks = normaliseTaskList(
      rows.map((r) => ({ page: 1, cells: r.cells })),
      (index, code, reason) => problems.set(index, { code, reason }),
      target.year,
    );
    const tasks = new Map<number, ReadTask>();
    for (const keyWork of keyWorks) for (const tg of keyWork.targets) for (const item of tg.items) tasks.set(item.index, { keyWork, target: tg, item });
    return { ...target, assigneesOf, keyWorks, problems, tasks };
  },

  describe: emptyRow,

  plan({ index, answer: row }, ctx) {
    const problem = ctx.problems.get(index);
    if (problem) throw new RowError(problem.code, PROBLEM_CELL[problem.code], problem.reason);
    const task = ctx.tasks.get(index)!; // a row the parser did not refuse is a task
    const { keyWork: kw, target: tg, item } = task;
    Object.assign(row, {
      keyWork: `${kw.number}、${kw.title}`,
      target: `(${tg.number})${tg.title}`,
      content: item.content,
      units: item.units,
      allCommunities: item.allCommunities,
      leadUnits: item.units.slice(0, 1),
      deadlineKind: item.deadline.kind,
      dueDate: item.deadline.due,
      deadlineText: item.deadline.printed,
      recurrenceUnit: item.deadline.recurrence?.unit ?? null,
      recurrenceTimes: item.deadline.recurrence?.times ?? null,
      yearFromContext: item.deadline.yearFromContext,
    });
    const unknown = item.units.filter((u) => !ctx.unitIds.has(u));
    if (unknown.length) throw new RowError('UNKNOWN_UNIT', cell('units'), `Unknown unit(s): ${unknown.join('、')}`);
    if (!item.units.length && !item.allCommunities) throw new RowError('NO_UNITS', cell('units'), '责任单位 is empty');
    return { status: ImportRowStatus.ADD, change: task };
  },

  summarise(planned, ctx) {
    const keyWorks = kept(ctx.keyWorks, planned);
    return {
      planId: null,
      keyWorks: keyWorks.length,
      targets: keyWorks.reduce((s, kw) => s + kw.targets.length, 0),
      tasks: planned.length,
      milestones: 0,
      assignments: planned.reduce((s, p) => s + ctx.assigneesOf(p.change.item).length, 0),
    };
  },

  async apply(em, planned, ctx, answer) {
    const { documentId, jurisdictionId, name, year } = ctx;
    const plan = await em.save(Plan, em.create(Plan, { documentId, jurisdictionId, name, year, kind: PlanKind.TASK_LIST }));
    const assignments = await writeTasks(em, plan.id, kept(ctx.keyWorks, planned), ctx.assigneesOf);
    return { entityId: plan.id, after: { name, documentId, tasks: answer.tasks, assignments }, answer: { planId: String(plan.id) } };
  },
};

/** The answer both layouts give: the counts, the figures, a row per sheet row. */
export type TaskImportAnswer = ImportAnswer<{ args: TaskListImportArgs; input: TaskListRowInput; context: object; row: TaskListRowResult; change: unknown; figures: TaskListFigures }>;
type Importer = { run(args: TaskListImportArgs, rows: TaskListRowInput[], commit: boolean, actor: Actor): Promise<TaskImportAnswer> };

/**
 * 任务清单导入 in the layout the plan's kind names: TASK_LIST, 000's table (taskListImport); SPECIAL_ACTIONS,
 * 004's actions (action-plan-import.service.ts). Both make a new plan, previewed row by row first.
 */
export class TaskImportService {
  constructor(private readonly importers: Record<PlanKind, Importer>) {}

  run(kind: PlanKind, args: TaskListImportArgs, rows: TaskListRowInput[], commit: boolean, actor: Actor): Promise<TaskImportAnswer> {
    return this.importers[kind].run(args, rows, commit, actor);
  }
}

async function writeTasks(em: EntityManager, planId: number, keyWorks: KeyWorkSeed[], assigneesOf: TaskListContext['assigneesOf']): Promise<number> {
  let assignments = 0;
  for (const [k, kw] of keyWorks.entries()) {
    const keyWork = await em.save(KeyWork, em.create(KeyWork, { planId, number: kw.number, title: kw.title, aliases: kw.aliases, sortOrder: k + 1 }));
    for (const [t, tg] of kw.targets.entries()) {
      const target = await em.save(Target, em.create(Target, { keyWorkId: keyWork.id, number: tg.number, title: tg.title, sortOrder: t + 1 }));
      for (const item of tg.items) {
        const task = await em.save(TaskItem, em.create(TaskItem, { keyWorkId: keyWork.id, targetId: target.id, ...printedTask(item) }));
        const units = assigneesOf(item);
        await writeAssignments(em, task.id, units);
        assignments += units.length;
      }
    }
  }
  return assignments;
}

/**
 * Checks a task-list import's arguments (the document, the office, a name not yet taken under the
 * document, the plan year) and reads the office's units and its communities' ones.
 */
export async function loadPlanTarget(em: EntityManager, args: TaskListImportArgs): Promise<PlanTarget> {
  const documentId = toId(args.documentId, 'documentId');
  const jurisdictionId = toId(args.jurisdictionId, 'jurisdictionId');
  const name = args.name.trim();
  if (!name) throw badInput('name', 'name cannot be empty', 'REQUIRED');
  const document = await em.findOneBy(PolicyDocument, { id: documentId });
  if (!document) throw badInput('documentId', `documentId: no PolicyDocument with id ${documentId}`, 'UNKNOWN_REFERENCE');
  if (args.year != null && !(Number.isInteger(args.year) && args.year >= 2000 && args.year <= 2100)) throw badInput('year', 'year must be from 2000 to 2100', 'OUT_OF_RANGE', { min: 2000, max: 2100 });
  const year = args.year ?? (document.issueDate ? Number(document.issueDate.slice(0, 4)) : null);
  if (!(await em.existsBy(Jurisdiction, { id: jurisdictionId }))) throw badInput('jurisdictionId', `jurisdictionId: no Jurisdiction with id ${jurisdictionId}`, 'UNKNOWN_REFERENCE');
  // importing the same sheet again under the same name is refused, not doubled
  if (await em.existsBy(Plan, { documentId, jurisdictionId, name })) throw conflict('This office already has a plan with that name under this document', 'name', 'DUPLICATE');

  const units = await em.find(Unit, { where: { jurisdictionId } });
  const children = await em.find(Jurisdiction, { where: { parentId: jurisdictionId } });
  const communityUnits = children.length ? await em.find(Unit, { where: { jurisdictionId: In(children.map((c) => c.id)), kind: UnitKind.COMMUNITY }, order: { jurisdictionId: 'ASC' } }) : [];
  const unitIds = new Map<string, number>();
  for (const u of units) for (const n of [u.name, ...u.aliases]) unitIds.set(n, u.id);
  return { year, documentId, jurisdictionId, name, unitIds, communityUnitIds: communityUnits.map((u) => u.id) };
}

/** Each unit once, the first mention kept (a unit named as lead and again as responsible leads). */
export function onceEach(units: Assignee[]): Assignee[] {
  return units.filter((u, i, all) => all.findIndex((x) => x.unitId === u.unitId) === i);
}

export async function writeAssignments(em: EntityManager, taskItemId: number, units: Assignee[]): Promise<void> {
  await em.save(
    Assignment,
    units.map((u, i) => em.create(Assignment, { taskItemId, ...u, sortOrder: i + 1 })),
  );
}

/** A row of the answer before it is read: every column of both layouts empty. */
export function emptyRow() {
  return {
    keyWork: null,
    target: null,
    goal: null,
    number: null,
    title: null,
    content: null,
    units: [],
    leadUnits: [],
    allCommunities: false,
    leadAllCommunities: false,
    deadlineKind: null,
    dueDate: null,
    deadlineText: null,
    recurrenceUnit: null,
    recurrenceTimes: null,
    yearFromContext: false,
    milestones: [],
  };
}
