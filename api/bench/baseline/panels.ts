/*
 * The baseline's A2: the home page's task panels (overdue and due-soon deadlines, a page each with the
 * total, and the roll-up per unit), the rule of api/src/modules/task/progress.panels.ts written as SQL by
 * hand: per panel one page query (the total by a window), one query for the page's assignments with
 * their unit, task, key work and plan (one-to-one: joined), and one for the tasks' milestones; one
 * grouped query for the units.
 */
import type { Pool } from 'mysql2/promise';
import { Refusal, type Viewer } from './errors';
import { groupBy, id, iso, q, readable, type Tree, within } from './sql';

// the assignment's own latest report when it is on or before the day (the schema keeps it: progress.latest.ts), else a look among its reports
const STATUS = `(CASE WHEN a.latestReportOn IS NULL THEN NULL WHEN a.latestReportOn <= ? THEN a.latestStatus
  ELSE (SELECT sr.status FROM progress_report sr WHERE sr.assignmentId = a.id AND sr.milestoneId IS NULL AND sr.reportDate <= ? ORDER BY sr.reportDate DESC, sr.id DESC LIMIT 1) END)`;
const MILESTONE_DONE = (milestone: string) => `EXISTS (SELECT 1 FROM progress_report mr WHERE mr.assignmentId = a.id AND mr.milestoneId = ${milestone} AND mr.status = 'DONE' AND mr.reportDate <= ?)`;
const NOT_EXPIRED = '(doc.validTo IS NULL OR doc.validTo >= ?)';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The live assignments of the office's units in scope as of the day: FROM … WHERE, and its parameters. */
function live(tree: Tree, viewer: Viewer, asOf: string): { from: string; params: unknown[] } {
  if (viewer.role === 'UNIT_STAFF') throw new Refusal('BAD_USER_INPUT', 'the baseline answers for an office', 'ROLE');
  const down = readable(tree, viewer.jurisdictionId, 'downward');
  const area = viewer.jurisdictionId == null ? null : tree.subtree(viewer.jurisdictionId);
  return {
    from: `assignment a JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId LEFT JOIN policy_document doc ON doc.id = p.documentId
      WHERE (p.archivedOn IS NULL OR p.archivedOn > ?) AND ${within('p.jurisdictionId', down)}
        AND ${area ? `a.unitId IN (SELECT ou.id FROM unit ou WHERE ${within('ou.jurisdictionId', area)})` : '1 = 1'}`,
    params: [asOf],
  };
}

function page(v: unknown, fallback: number): number {
  const n = v == null ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Refusal('BAD_USER_INPUT', 'perPage must be between 1 and 100', 'OUT_OF_RANGE');
  return n;
}

async function deadlinePanel(pool: Pool, tree: Tree, viewer: Viewer, asOf: string, state: 'OVERDUE' | 'DUE_SOON', days: number, perPage: number): Promise<unknown> {
  const base = live(tree, viewer, asOf);
  const due = state === 'OVERDUE' ? 'd.dueDate < ?' : 'd.dueDate >= ? AND d.dueDate <= ?';
  const dueParams = state === 'OVERDUE' ? [asOf] : [asOf, addDays(asOf, days)];
  const rows = await q<{ assignmentId: number; milestoneId: number | null; total: number }>(
    pool,
    `SELECT a.id AS assignmentId, d.milestoneId, COUNT(*) OVER () AS total
       FROM ${base.from.replace(
         'LEFT JOIN policy_document doc ON doc.id = p.documentId',
         `LEFT JOIN policy_document doc ON doc.id = p.documentId
          JOIN (SELECT dt.id AS taskItemId, NULL AS milestoneId, dt.dueDate AS dueDate FROM task_item dt WHERE dt.dueDate IS NOT NULL
                UNION ALL SELECT dm.taskItemId, dm.id, dm.dueDate FROM milestone dm) d ON d.taskItemId = a.taskItemId`,
       )}
        AND COALESCE(${STATUS}, 'NOT_STARTED') <> 'DONE' AND ${NOT_EXPIRED} AND (d.milestoneId IS NULL OR NOT ${MILESTONE_DONE('d.milestoneId')}) AND ${due}
      ORDER BY d.dueDate, a.id, d.milestoneId LIMIT ?`,
    [...base.params, asOf, asOf, asOf, asOf, ...dueParams, perPage],
  );
  if (!rows.length) return { totalCount: 0, nodes: [], __typename: 'DeadlineConnection' };
  const assignments = await q(
    pool,
    `SELECT a.id, a.acknowledgedAt, a.taskItemId, u.id AS unitId, u.name AS unitName, t.content, t.title, t.deadlineKind, t.dueDate, t.deadlineText,
            k.id AS keyWorkId, p.id AS planId, p.name AS planName
       FROM assignment a JOIN unit u ON u.id = a.unitId JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId
      WHERE a.id IN (${[...new Set(rows.map((r) => r.assignmentId))].join(', ')})`,
  );
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const milestones = await q(
    pool,
    `SELECT id, taskItemId, text, dueDate, deadlineText FROM milestone WHERE taskItemId IN (${[...new Set(assignments.map((a) => a.taskItemId))].join(', ')}) ORDER BY sortOrder, id`,
  );
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const milestonesOf = groupBy(milestones, (m) => m.taskItemId);
  const nodes = rows.flatMap((r) => {
    const a = byId.get(r.assignmentId);
    if (!a) return [];
    const m = r.milestoneId == null ? null : (milestoneById.get(r.milestoneId) ?? null);
    const dueDate = (m ? m.dueDate : a.dueDate) as string;
    return [
      {
        dueDate,
        deadlineText: m ? m.deadlineText : a.deadlineText,
        daysOverdue: daysBetween(dueDate, asOf),
        task: {
          id: id(a.taskItemId),
          content: a.content,
          title: a.title,
          deadlineKind: a.deadlineKind,
          keyWork: { id: id(a.keyWorkId), plan: { id: id(a.planId), name: a.planName, __typename: 'Plan' }, __typename: 'KeyWork' },
          milestones: (milestonesOf.get(String(a.taskItemId)) ?? []).map((x) => ({ id: id(x.id), text: x.text, dueDate: x.dueDate, __typename: 'Milestone' })),
          __typename: 'TaskItem',
        },
        milestone: m ? { id: id(m.id), text: m.text, __typename: 'Milestone' } : null,
        assignment: { id: id(a.id), acknowledgedAt: iso(a.acknowledgedAt), unit: { id: id(a.unitId), name: a.unitName, __typename: 'Unit' }, __typename: 'Assignment' },
        __typename: 'DeadlineEntry',
      },
    ];
  });
  return { totalCount: Number(rows[0].total), nodes, __typename: 'DeadlineConnection' };
}

async function unitPanel(pool: Pool, tree: Tree, viewer: Viewer, asOf: string, perPage: number): Promise<unknown> {
  const base = live(tree, viewer, asOf);
  const overdue = `(COALESCE(${STATUS}, 'NOT_STARTED') <> 'DONE' AND ${NOT_EXPIRED} AND (t.dueDate < ? OR EXISTS (SELECT 1 FROM milestone om WHERE om.taskItemId = a.taskItemId AND om.dueDate < ? AND NOT ${MILESTONE_DONE('om.id')})))`;
  const rows = await q(
    pool,
    `SELECT x.unitId, u.name AS label, COUNT(*) AS total, SUM(x.status = 'NOT_STARTED') AS notStarted, SUM(x.status = 'IN_PROGRESS') AS inProgress, SUM(x.status = 'DONE') AS done,
            SUM(x.overdue) AS overdue, SUM(x.expired) AS expired, COUNT(*) OVER () AS units
       FROM (SELECT a.unitId, COALESCE(${STATUS}, 'NOT_STARTED') AS status, CASE WHEN ${NOT_EXPIRED} THEN 0 ELSE 1 END AS expired, CASE WHEN ${overdue} THEN 1 ELSE 0 END AS overdue
               FROM ${base.from}) x JOIN unit u ON u.id = x.unitId
      GROUP BY x.unitId, u.name ORDER BY SUM(x.overdue) DESC, x.unitId LIMIT ?`,
    [asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, ...base.params, perPage],
  );
  return {
    totalCount: rows.length ? Number(rows[0].units) : 0,
    nodes: rows.map((r) => ({
      id: id(r.unitId),
      label: r.label,
      total: Number(r.total),
      notStarted: Number(r.notStarted),
      inProgress: Number(r.inProgress),
      done: Number(r.done),
      overdue: Number(r.overdue),
      expired: Number(r.expired),
      __typename: 'UnitProgressRow',
    })),
    __typename: 'UnitProgressConnection',
  };
}

/** A2: the TaskPanels document (overdue and due-soon pages, the units' page). */
export async function taskPanels(pool: Pool, tree: Tree, viewer: Viewer, v: Record<string, unknown>): Promise<unknown> {
  const asOf = String(v.asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Refusal('BAD_USER_INPUT', 'asOf must be a date YYYY-MM-DD', 'BAD_DATE');
  const deadlines = page(v.deadlines, 10);
  const [overdue, soon, units] = await Promise.all([
    deadlinePanel(pool, tree, viewer, asOf, 'OVERDUE', 30, deadlines),
    deadlinePanel(pool, tree, viewer, asOf, 'DUE_SOON', 30, deadlines),
    unitPanel(pool, tree, viewer, asOf, page(v.units, 10)),
  ]);
  return { overdue, soon, units };
}
