import { addDays, daysBetween } from '../../common/dates';
import { readDeadline } from '../../common/deadline';
import { chineseNumber } from '../../modules/task/action-plan.parser';
import { type CityBase, Dice, moment, type Part, scaled, type Setting, Table, type Organisation } from './model';

/*
 * 任务清单: a plan for each office the organisation names (org.offices.plans), each with key
 * works (重点工作) → targets (目标内容) → task items (工作内容), deadlines as printed and read by the
 * deadline grammar, some with dated milestones. Each task goes to 1–5 units of the plan's
 * jurisdiction or of its direct children (the rule the task service enforces), the first leading.
 * Progress reports are dated between the day the assignment was made and the set's today, in order,
 * never after today: in progress first, done later; a milestone's report says it is done.
 * Recurring duties (定期) have no progress reports: they are reported per period, not here.
 */

/** The deadlines as a plan of year y prints them (the benchmark's plans are of 2024). */
const deadlines = (y: number) => [
  '长期坚持',
  `${y}年底前`,
  `${y + 1}年上半年`,
  `${y + 1}年基本实现全覆盖`,
  `${y}年完成，并长期坚持`,
  `${y}年9月底前`,
  `${y + 1}年3月31日前`,
  `${y + 1}年9月底前`,
  `自${y + 1}年起`,
  '每季度',
  '每月不少于2次',
];
const KEY_WORKS = ['强化党建引领', '健全组织体系', '提升物业服务', '规范业委会运行', '推进小区治理', '加强队伍建设', '完善考评机制', '办好民生实事', '强化监督管理', '营造共建氛围'];
const VERBS = ['推动', '指导', '组织', '督促', '建立', '完善', '开展', '落实'];
const OBJECTS = ['小区党支部全覆盖', '业委会党员占比提升', '物业企业党组织组建', '红色物业示范点创建', '12345 诉求闭环办理', '公共收益公开', '楼长制落实', '联席会议制度'];

export function tasksPart(base: CityBase, s: Setting, org: Organisation): Part {
  const { scale, seed, prefix, label, year } = s;
  const dice = new Dice(seed + 2);
  const DEADLINES = deadlines(year);
  const plans = new Table('plan', base);
  const keyWorks = new Table('key_work', base);
  const targets = new Table('task_target', base);
  const items = new Table('task_item', base);
  const milestones = new Table('milestone', base);
  const assignments = new Table('assignment', base);
  const reports = new Table('progress_report', base);

  const offices = org.offices.plans;
  const taskTotal = scaled(20000, scale, offices.length * 4);
  // ~3 assignments a task, ~1.5 reports an assignment, as the issue measured
  const reportsPerAssignment = 1.5 / (1 - 2 / DEADLINES.length);

  const numbered = new Map<number, number>();
  const numberWithin = (targetId: number) => {
    const next = (numbered.get(targetId) ?? 0) + 1;
    numbered.set(targetId, next);
    return next <= 99 ? chineseNumber(next) : String(next);
  };

  for (const [p, office] of offices.entries()) {
    const doc = org.documents.get(office.id)!;
    const assignedOn = addDays(doc.issueDate, 14);
    const pool = [office, ...(org.childrenOf.get(office.id) ?? [])].flatMap((j) => org.unitsOf.get(j.id) ?? []).map((u) => u.id);
    const planId = plans.add({
      documentId: doc.id,
      name: `${label(office.name)}物业党建联建重点任务清单（${year}—${year + 1}年）`,
      kind: 'TASK_LIST',
      jurisdictionId: office.id,
      year,
      archivedOn: null,
      sourceDocumentId: null,
      sourceClauseId: null,
    });
    const tasks = Math.floor(taskTotal / offices.length) + (p < taskTotal % offices.length ? 1 : 0);
    const works = Math.min(10, Math.max(2, Math.round(tasks / 60)));
    const workIds: number[] = [];
    const targetIds: number[][] = [];
    for (let k = 0; k < works; k++) {
      const title = `${prefix}${KEY_WORKS[k % KEY_WORKS.length]}`;
      workIds.push(
        keyWorks.add({ planId, number: String(k + 1), title, aliases: '[]', goal: null, leadPrinted: null, responsiblePrinted: null, sortOrder: k + 1, sourceDocumentId: null, sourceClauseId: null }),
      );
      targetIds.push([1, 2].map((t) => targets.add({ keyWorkId: workIds[k], number: `${k + 1}.${t}`, title: `${title}目标${t}`, sortOrder: t, sourceDocumentId: null, sourceClauseId: null })));
    }
    for (let n = 0; n < tasks; n++) {
      const k = n % works;
      const printed = dice.pick(DEADLINES);
      const d = readDeadline(printed, { year });
      const taskId = items.add({
        keyWorkId: workIds[k],
        targetId: targetIds[k][n % 2],
        // numbered within its target as the documents print them (一是、二是…), in the order of the list
        number: numberWithin(targetIds[k][n % 2]),
        title: null,
        content: `${prefix}工作内容：${dice.pick(VERBS)}${dice.pick(OBJECTS)}（第${n + 1}项）`,
        unitsPrinted: null,
        deadlineKind: d.kind,
        deadlineText: printed,
        dueDate: d.due,
        sortOrder: n + 1,
        recurrenceUnit: d.recurrence?.unit ?? null,
        recurrenceTimes: d.recurrence?.times ?? null,
        recurrenceLagMonths: d.recurrence?.lagMonths ?? null,
        ongoingFrom: d.from,
        sourceDocumentId: null,
        sourceClauseId: null,
      });
      // a dated task sometimes has milestones before its due day (004's "11月15日前完成")
      const stages: Array<{ id: number; due: string }> = [];
      if (d.due && d.due > addDays(assignedOn, 60) && dice.chance(0.15)) {
        for (let m = 1; m <= dice.int(1, 2); m++) {
          const due = addDays(assignedOn, Math.floor((daysBetween(assignedOn, d.due) * m) / 3));
          const [y, mo, day] = due.split('-').map(Number);
          const text = `${y}年${mo}月${day}日前完成`;
          const mid = milestones.add({
            taskItemId: taskId,
            text: `${prefix}阶段目标${m}（${text}）`,
            deadlineText: text,
            dueDate: readDeadline(text).due,
            sortOrder: m,
            sourceDocumentId: null,
            sourceClauseId: null,
          });
          stages.push({ id: mid, due });
        }
      }
      const units = dice.sample(pool, dice.int(1, 5));
      for (const [i, unitId] of units.entries()) {
        const acknowledged = dice.chance(0.7) ? moment(addDays(assignedOn, dice.int(0, 10)), 2) : null;
        const assignmentId = assignments.add({
          taskItemId: taskId,
          unitId,
          isLead: i === 0 ? 1 : 0,
          viaAllCommunities: 0,
          sortOrder: i + 1,
          acknowledgedAt: acknowledged,
          acknowledgedById: null,
          createdAt: moment(assignedOn),
          updatedAt: moment(assignedOn),
        });
        if (d.kind !== 'RECURRING') report(assignmentId, assignedOn, d.due, stages);
      }
    }
  }

  /** The reports of one assignment: its milestones' (done by about their day), then the task's own, in date order. */
  function report(assignmentId: number, from: string, due: string | null, stages: Array<{ id: number; due: string }>): void {
    const span = daysBetween(from, s.today);
    const made: Array<{ milestoneId: number | null; reportDate: string; status: string }> = [];
    for (const stage of stages) {
      if (!dice.chance(0.75)) continue;
      const day = addDays(stage.due, dice.int(-20, 10));
      if (day >= from && day <= s.today) made.push({ milestoneId: stage.id, reportDate: day, status: 'DONE' });
    }
    const own = Math.max(0, Math.round(reportsPerAssignment + (dice.next() - 0.5) * 2.4) - made.length);
    const days = Array.from({ length: own }, () => addDays(from, dice.int(0, span))).sort();
    for (const [i, day] of days.entries()) {
      const last = i === days.length - 1;
      const finished = last && (due ? day >= addDays(due, -60) && dice.chance(0.7) : dice.chance(0.3));
      made.push({ milestoneId: null, reportDate: day, status: finished ? 'DONE' : i === 0 && dice.chance(0.1) ? 'NOT_STARTED' : 'IN_PROGRESS' });
    }
    made.sort((a, b) => a.reportDate.localeCompare(b.reportDate));
    for (const r of made) {
      reports.add({
        assignmentId,
        ...r,
        note: `${prefix}进度：${r.status === 'DONE' ? '已完成' : '推进中'}`,
        evidenceUrl: null,
        reportedById: null,
        createdAt: moment(r.reportDate, 8),
        updatedAt: moment(r.reportDate, 8),
      });
    }
  }

  return { name: 'tasks', tables: [plans, keyWorks, targets, items, milestones, assignments, reports].map((t) => ({ table: t.table, rows: t.rows })) };
}
