import { Assignment } from '../api/src/modules/task/assignment.entity';
import { PlanKind } from '../api/src/modules/task/enums';
import { KeyWork } from '../api/src/modules/task/key-work.entity';
import { Milestone } from '../api/src/modules/task/milestone.entity';
import { Plan } from '../api/src/modules/task/plan.entity';
import { Target } from '../api/src/modules/task/target.entity';
import { TaskItem } from '../api/src/modules/task/task-item.entity';
import type { SeedData, Seeder } from './load';
// How 000's broken table is normalised (merged cells, page breaks, wraps, a key work spelled two ways, the
// row printed one column left) is explained and done in api/src/modules/task/task-list.parser.ts.
import { deadlineColumns, normaliseTaskList, printedTask } from '../api/src/modules/task/task-list.parser';
import { readDeadline } from '../api/src/common/deadline';

const STREET = 'jur:青阳街道';

/** Unit keys of every community of a street: what "各社区" means (14 for 青阳街道). */
function communitiesOf(data: SeedData, street: string): string[] {
  const communities = new Set(data.organization.jurisdictions.filter((j) => j.parent === street && j.level === 'COMMUNITY').map((j) => j.key));
  return data.organization.units.filter((u) => u.kind === 'COMMUNITY' && communities.has(u.jurisdiction)).map((u) => u.key);
}

function unitKey(data: SeedData, street: string, name: string): string {
  const streetName = street.replace(/^jur:/, '');
  const unit = data.organization.units.find((u) => u.jurisdiction === street && (u.name === name || u.aliases.includes(name)));
  if (!unit) throw new Error(`Task seeds name a unit "${name}" that ${streetName} does not have`);
  return unit.key;
}

/** The year a document was issued in: its deadlines printed without a year (11月15日前, 年底前) fall in it. */
function yearOf(data: SeedData, document: string): number | null {
  const d = data.documents.find((x) => x.key === document);
  const day = d?.issueDate ?? d?.validFrom ?? null;
  return day ? Number(day.slice(0, 4)) : null;
}

/** A printed deadline read by the one grammar (common/deadline.ts), which must say what the seed says. */
function seedDeadline(text: string, year: number | null, due: string | null) {
  const read = readDeadline(text, { year });
  if (read.due !== due) throw new Error(`The seeds read "${text}" as due ${due}; the deadline grammar reads ${read.due}`);
  return read;
}

/**
 * 000's task list and 004's special actions. Interpretations, stated once:
 * - 000 prints no 牵头单位 column; the first unit in a row's 责任单位 is taken as the lead, the others
 *   as co-responsible (the usual convention in such lists).
 * - "各社区" becomes one assignment per community of the issuing street, never a unit.
 * - A 004 measure has no deadline of its own: it is due by the latest date in its action's 工作目标
 *   ("年底前" → 2024-12-31), or ongoing when the goal names none; dated steps are milestones.
 */
export async function seedTasks(seeder: Seeder, data: SeedData): Promise<void> {
  const communities = communitiesOf(data, STREET);
  const assign = async (taskKey: string, taskId: number, units: Array<{ key: string; lead: boolean; viaAll: boolean }>) => {
    const seen = new Set<string>();
    let order = 0;
    for (const u of units) {
      if (seen.has(u.key)) continue;
      seen.add(u.key);
      await seeder.put(`assign:${taskKey}:${u.key}`, Assignment, 'Assignment', {
        taskItemId: taskId,
        unitId: seeder.ref(u.key),
        isLead: u.lead,
        viaAllCommunities: u.viaAll,
        sortOrder: ++order,
      });
    }
  };
  const everyCommunity = (lead: boolean) => communities.map((key) => ({ key, lead, viaAll: true }));

  // 000: 重点工作 → 目标内容 → 工作内容
  const list = data.taskList;
  const listSource = seeder.source(list.source);
  const listYear = yearOf(data, list.document);
  const planId = await seeder.put('plan:000', Plan, 'Plan', {
    documentId: seeder.ref(list.document),
    name: list.title,
    kind: PlanKind.TASK_LIST,
    jurisdictionId: seeder.ref(STREET),
    year: listYear,
    archivedOn: null,
    ...listSource,
  });
  for (const [k, kw] of normaliseTaskList(list.rows, undefined, listYear).entries()) {
    const kwKey = `kw:000:${kw.number}`;
    const keyWorkId = await seeder.put(kwKey, KeyWork, 'KeyWork', {
      planId,
      number: kw.number,
      title: kw.title,
      aliases: kw.aliases,
      goal: null,
      leadPrinted: null,
      responsiblePrinted: null,
      sortOrder: k + 1,
      ...listSource,
    });
    for (const [t, target] of kw.targets.entries()) {
      const targetId = await seeder.put(`target:000:${kw.number}:${target.number}`, Target, 'Target', {
        keyWorkId,
        number: target.number,
        title: target.title,
        sortOrder: t + 1,
        ...listSource,
      });
      for (const item of target.items) {
        const taskKey = `task:000:${item.row}`;
        const taskId = await seeder.put(taskKey, TaskItem, 'TaskItem', {
          keyWorkId,
          targetId,
          number: null,
          title: null,
          ...printedTask(item),
          ...listSource,
        });
        await assign(taskKey, taskId, [...item.units.map((name, i) => ({ key: unitKey(data, STREET, name), lead: i === 0, viaAll: false })), ...(item.allCommunities ? everyCommunity(false) : [])]);
      }
    }
  }

  // 004: 专项行动 → 主要措施 (+ 节点)
  const actions = data.actions;
  const actionsYear = yearOf(data, actions.document);
  const actionsPlanId = await seeder.put(actions.plan.key, Plan, 'Plan', {
    documentId: seeder.ref(actions.document),
    name: actions.plan.name,
    kind: PlanKind.SPECIAL_ACTIONS,
    jurisdictionId: seeder.ref(STREET),
    year: actionsYear,
    archivedOn: null,
    ...seeder.source(actions.plan.source),
  });
  for (const [a, action] of actions.actions.entries()) {
    const source = seeder.source(action.source);
    const keyWorkId = await seeder.put(action.key, KeyWork, 'KeyWork', {
      planId: actionsPlanId,
      number: action.number,
      title: action.title,
      aliases: [],
      goal: action.goal,
      leadPrinted: action.leadPrinted,
      responsiblePrinted: action.responsiblePrinted,
      sortOrder: a + 1,
      ...source,
    });
    const latest = [...action.goalDeadlines].sort((x, y) => x.due.localeCompare(y.due)).at(-1);
    const units = [
      ...action.leadUnits.map((key) => ({ key, lead: true, viaAll: false })),
      ...(action.leadAllCommunities ? everyCommunity(true) : []),
      ...action.responsibleUnits.map((key) => ({ key, lead: false, viaAll: false })),
      ...(action.responsibleAllCommunities ? everyCommunity(false) : []),
    ];
    for (const [m, measure] of action.measures.entries()) {
      const taskId = await seeder.put(measure.key, TaskItem, 'TaskItem', {
        keyWorkId,
        targetId: null,
        number: measure.number,
        title: measure.title,
        content: measure.text,
        unitsPrinted: null,
        ...(latest ? deadlineColumns(seedDeadline(latest.text, actionsYear, latest.due)) : { ...deadlineColumns(readDeadline('长期坚持')), deadlineText: null }),
        sortOrder: m + 1,
        ...source,
      });
      for (const [s, ms] of measure.milestones.entries()) {
        const due = seedDeadline(ms.deadlineText, actionsYear, ms.due).due as string;
        await seeder.put(ms.key, Milestone, 'Milestone', { taskItemId: taskId, text: ms.text, deadlineText: ms.deadlineText, dueDate: due, sortOrder: s + 1, ...source });
      }
      await assign(measure.key, taskId, units);
    }
  }
}
