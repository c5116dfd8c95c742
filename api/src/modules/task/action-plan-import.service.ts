import type { EntityManager } from 'typeorm';
import { readDeadline } from '../../common/deadline';
import { pathOf, RowError } from '../../common/sheet-import/layout';
import type { Planned, SheetImport } from '../../common/sheet-import/sheet-import';
import { ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { type ActionColumn, type ActionRowProblem, type ActionSeed, type MeasureSeed, readActionPlan, type UnitsSeed } from './action-plan.parser';
import { ACTION_PLAN_SHEET } from './action-plan.sheet';
import { PlanKind } from './enums';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { TaskItem } from './task-item.entity';
import { type Assignee, emptyRow, loadPlanTarget, onceEach, type PlanTarget, type TaskListFigures, type TaskListImportArgs, writeAssignments } from './task-import.service';
import type { TaskListRowInput, TaskListRowResult } from './task-import.types';
import { deadlineColumns } from './task-list.parser';

/** A row the parser read as a measure, under its action. */
interface ReadMeasure {
  action: ActionSeed;
  measure: MeasureSeed;
}

interface ActionPlanContext extends PlanTarget {
  assigneesOf: (action: ActionSeed) => Assignee[];
  actions: ActionSeed[];
  problems: Map<number, { code: ActionRowProblem; column: ActionColumn; reason: string }>;
  measures: Map<number, ReadMeasure>;
}

/** The input path of a column (`cells.<n>`): the cell a row error names. */
const cell = (field: ActionColumn) =>
  pathOf(
    ACTION_PLAN_SHEET,
    ACTION_PLAN_SHEET.columns.find((c) => c.field === field)!,
  );

/** Actions → measures, keeping only the rows that import. */
function kept(actions: ActionSeed[], planned: Array<Planned<ActionPlan>>): ActionSeed[] {
  const rows = new Set(planned.map((p) => p.change.measure));
  return actions.map((a) => ({ ...a, measures: a.measures.filter((m) => rows.has(m)) })).filter((a) => a.measures.length);
}

/** What a measure is due by: its action's goal deadline, or 长期坚持 (printed nowhere: deadlineText stays null, as the seeds write 004). */
const measureDeadline = (action: ActionSeed) => action.deadline ?? readDeadline('长期坚持');

type ActionPlan = { args: TaskListImportArgs; input: TaskListRowInput; context: ActionPlanContext; row: TaskListRowResult; change: ReadMeasure; figures: TaskListFigures };

/**
 * 专项行动方案导入: an xlsx in the layout of 004's 工作措施 (action-plan.sheet.ts), read by
 * action-plan.parser.ts into a SPECIAL_ACTIONS plan as seeds/load-tasks.ts writes 004: a KeyWork per
 * 专项行动 (goal, 牵头 / 责任单位 as printed), a TaskItem per 主要措施 due by the goal's latest deadline,
 * a Milestone per dated step, and the action's units assigned to each measure (lead units first, 各社区 =
 * every community of the street). Preview first; the commit writes all of it in one transaction, only
 * when no row is rejected.
 */
export const actionPlanImport: SheetImport<ActionPlan> = {
  layout: ACTION_PLAN_SHEET,
  action: 'IMPORT',
  entityType: 'Plan',

  async load(em, args, rows) {
    const target = await loadPlanTarget(em, args);
    const { unitIds, communityUnitIds } = target;
    const every = (isLead: boolean) => communityUnitIds.map((unitId) => ({ unitId, isLead, viaAllCommunities: true }));
    const named = (u: UnitsSeed, isLead: boolean) => u.units.map((name) => ({ unitId: unitIds.get(name) as number, isLead, viaAllCommunities: false }));
    /** Lead units, then 各社区 leading, then responsible units, then 各社区 responsible; each unit once. */
    const assigneesOf = ({ lead, responsible }: ActionSeed) =>
      onceEach([...named(lead, true), ...(lead.allCommunities ? every(true) : []), ...named(responsible, false), ...(responsible.allCommunities ? every(false) : [])]);

    // the rows are read as a whole (an action's cells on its first row, merged cells), then row by row
    const problems: ActionPlanContext['problems'] = new Map();
    const actions = readActionPlan(
      rows.map((r) => r.cells),
      (index, code, column, reason) => problems.set(index, { code, column, reason }),
      target.year,
    );
    const measures = new Map<number, ReadMeasure>();
    for (const action of actions) for (const measure of action.measures) measures.set(measure.index, { action, measure });
    return { ...target, assigneesOf, actions, problems, measures };
  },

  describe: emptyRow,

  plan({ index, answer: row }, ctx) {
    const problem = ctx.problems.get(index);
    if (problem) throw new RowError(problem.code, cell(problem.column), problem.reason);
    const read = ctx.measures.get(index)!; // a row the parser did not refuse is a measure
    const { action, measure } = read;
    const deadline = measureDeadline(action);
    Object.assign(row, {
      keyWork: `${action.number}${action.title}`,
      goal: action.goal,
      number: measure.number,
      title: measure.title,
      content: measure.content,
      units: [...action.lead.units, ...action.responsible.units.filter((u) => !action.lead.units.includes(u))],
      leadUnits: action.lead.units,
      allCommunities: action.lead.allCommunities || action.responsible.allCommunities,
      leadAllCommunities: action.lead.allCommunities,
      deadlineKind: deadline.kind,
      dueDate: deadline.due,
      deadlineText: action.deadline?.printed ?? null,
      recurrenceUnit: deadline.recurrence?.unit ?? null,
      recurrenceTimes: deadline.recurrence?.times ?? null,
      yearFromContext: deadline.yearFromContext,
      milestones: measure.milestones.map((m) => ({ text: m.text, deadlineText: m.deadline.printed, dueDate: m.deadline.due, yearFromContext: m.deadline.yearFromContext })),
    });
    // the action's units are written on its first row: that row answers for them
    if (index === action.index) {
      for (const column of ['lead', 'responsible'] as const) {
        const unknown = action[column].units.filter((u) => !ctx.unitIds.has(u));
        if (unknown.length) throw new RowError('UNKNOWN_UNIT', cell(column), `Unknown unit(s): ${unknown.join('、')}`);
      }
    }
    return { status: ImportRowStatus.ADD, change: read };
  },

  summarise(planned, ctx) {
    const actions = kept(ctx.actions, planned);
    return {
      planId: null,
      keyWorks: actions.length,
      targets: 0,
      tasks: planned.length,
      milestones: planned.reduce((s, p) => s + p.change.measure.milestones.length, 0),
      assignments: planned.reduce((s, p) => s + ctx.assigneesOf(p.change.action).length, 0),
    };
  },

  async apply(em, planned, ctx, answer) {
    const { documentId, jurisdictionId, name, year } = ctx;
    const plan = await em.save(Plan, em.create(Plan, { documentId, jurisdictionId, name, year, kind: PlanKind.SPECIAL_ACTIONS }));
    await writeActions(em, plan.id, kept(ctx.actions, planned), ctx.assigneesOf);
    return {
      entityId: plan.id,
      after: { name, documentId, kind: PlanKind.SPECIAL_ACTIONS, actions: answer.keyWorks, tasks: answer.tasks, milestones: answer.milestones, assignments: answer.assignments },
      answer: { planId: String(plan.id) },
    };
  },
};

async function writeActions(em: EntityManager, planId: number, actions: ActionSeed[], assigneesOf: ActionPlanContext['assigneesOf']): Promise<void> {
  for (const [a, action] of actions.entries()) {
    const keyWork = await em.save(
      KeyWork,
      em.create(KeyWork, {
        planId,
        number: action.number,
        title: action.title,
        aliases: [],
        goal: action.goal,
        leadPrinted: action.lead.printed || null,
        responsiblePrinted: action.responsible.printed || null,
        sortOrder: a + 1,
      }),
    );
    const units = assigneesOf(action);
    for (const [m, measure] of action.measures.entries()) {
      const task = await em.save(
        TaskItem,
        em.create(TaskItem, {
          keyWorkId: keyWork.id,
          targetId: null,
          number: measure.number,
          title: measure.title,
          content: measure.content,
          unitsPrinted: null,
          ...deadlineColumns(measureDeadline(action)),
          deadlineText: action.deadline?.printed ?? null,
          sortOrder: m + 1,
        }),
      );
      await em.save(
        Milestone,
        measure.milestones.map((s, i) => em.create(Milestone, { taskItemId: task.id, text: s.text, deadlineText: s.deadline.printed, dueDate: s.deadline.due, sortOrder: i + 1 })),
      );
      await writeAssignments(em, task.id, units);
    }
  }
}
