/*
 * The baseline's console operations: A1 (a plan's task list as react-admin asks for it) and A3 (a page of
 * the roster's memberships), hand-written: one page query and its count, then one IN (…) query per
 * nesting level, each with the scope rule of the signed-in office (api/src/common/scope.ts).
 */
import type { Pool } from 'mysql2/promise';
import { Refusal, type Viewer } from './errors';
import { bool, groupBy, id, iso, q, readable, type Row, type Tree, within } from './sql';

function paging(v: Record<string, unknown>): { limit: number; offset: number; order: 'ASC' | 'DESC' } {
  const perPage = v.perPage == null ? 25 : Number(v.perPage);
  const page = v.page == null ? 0 : Number(v.page);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) throw new Refusal('BAD_USER_INPUT', 'perPage must be between 1 and 1000', 'OUT_OF_RANGE');
  if (!Number.isInteger(page) || page < 0) throw new Refusal('BAD_USER_INPUT', 'page must be 0 or more', 'OUT_OF_RANGE');
  if ((v.sortField ?? 'id') !== 'id') throw new Refusal('BAD_USER_INPUT', 'the baseline sorts by id only', 'BAD_SORT');
  const order = String(v.sortOrder ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new Refusal('BAD_USER_INPUT', 'sortOrder must be ASC or DESC', 'BAD_SORT');
  return { limit: perPage, offset: page * perPage, order };
}

const idOf = (v: unknown, field: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Refusal('BAD_USER_INPUT', `${field} is not an id`, 'NOT_AN_ID');
  return n;
};

/** A1: allTaskItems(filter: { planId }) with keyWork { plan } and assignments { unit }, and its count. */
export async function taskList(pool: Pool, tree: Tree, viewer: Viewer, v: Record<string, unknown>): Promise<unknown> {
  const { limit, offset, order } = paging(v);
  const filter = (v.filter ?? {}) as Record<string, unknown>;
  const down = readable(tree, viewer.jurisdictionId, 'downward');
  const where = [`t.keyWorkId IN (SELECT k.id FROM key_work k JOIN plan p ON p.id = k.planId WHERE ${within('p.jurisdictionId', down)})`];
  const params: unknown[] = [];
  if (filter.planId != null) {
    where.push('t.keyWorkId IN (SELECT k.id FROM key_work k WHERE k.planId = ?)');
    params.push(idOf(filter.planId, 'filter.planId'));
  }
  const cond = where.join(' AND ');
  const [tasks, [{ n }]] = await Promise.all([
    q(
      pool,
      `SELECT t.content, t.createdAt, t.deadlineKind, t.deadlineText, t.dueDate, t.id, t.keyWorkId, t.number, t.ongoingFrom, t.recurrenceLagMonths, t.recurrenceTimes,
              t.recurrenceUnit, t.sortOrder, t.sourceClauseId, t.sourceDocumentId, t.targetId, t.title, t.unitsPrinted, t.updatedAt
         FROM task_item t WHERE ${cond} ORDER BY t.id ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    ),
    q<{ n: number }>(pool, `SELECT COUNT(*) AS n FROM task_item t WHERE ${cond}`, params),
  ]);
  const taskIds = tasks.map((t) => t.id as number);
  const keyWorkIds = [...new Set(tasks.map((t) => t.keyWorkId as number))];
  const [keyWorks, assignments] = taskIds.length
    ? await Promise.all([
        q(pool, `SELECT k.id, k.planId FROM key_work k WHERE k.id IN (${keyWorkIds.join(', ')}) AND k.planId IN (SELECT p.id FROM plan p WHERE ${within('p.jurisdictionId', down)})`),
        q(
          pool,
          `SELECT a.id, a.taskItemId, a.unitId, a.isLead, a.viaAllCommunities FROM assignment a
            WHERE a.taskItemId IN (${taskIds.join(', ')}) AND a.taskItemId IN (SELECT t.id FROM task_item t JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId WHERE ${within('p.jurisdictionId', down)})
            ORDER BY a.sortOrder, a.id`,
        ),
      ])
    : [[], []];
  const planIds = [...new Set(keyWorks.map((k) => k.planId as number))];
  const unitIds = [...new Set(assignments.map((a) => a.unitId as number))];
  const [plans, units] = await Promise.all([
    planIds.length ? q(pool, `SELECT p.id, p.year, p.jurisdictionId FROM plan p WHERE p.id IN (${planIds.join(', ')}) AND ${within('p.jurisdictionId', down)}`) : [],
    unitIds.length ? q(pool, `SELECT u.id, u.name FROM unit u WHERE u.id IN (${unitIds.join(', ')}) AND ${within('u.jurisdictionId', down)}`) : [],
  ]);
  const planOf = new Map(plans.map((p) => [p.id, { id: id(p.id), year: p.year, jurisdictionId: id(p.jurisdictionId), __typename: 'Plan' }]));
  const keyWorkOf = new Map(keyWorks.map((k) => [k.id, { id: id(k.id), planId: id(k.planId), plan: planOf.get(k.planId) ?? null, __typename: 'KeyWork' }]));
  const unitOf = new Map(units.map((u) => [u.id, { id: id(u.id), name: u.name, __typename: 'Unit' }]));
  const assignmentsOf = groupBy(assignments, (a) => a.taskItemId);
  const items = tasks.map((t: Row) => ({
    content: t.content,
    createdAt: iso(t.createdAt),
    deadlineKind: t.deadlineKind,
    deadlineText: t.deadlineText,
    dueDate: t.dueDate,
    id: id(t.id),
    keyWorkId: id(t.keyWorkId),
    number: t.number,
    ongoingFrom: t.ongoingFrom,
    recurrenceLagMonths: t.recurrenceLagMonths,
    recurrenceTimes: t.recurrenceTimes,
    recurrenceUnit: t.recurrenceUnit,
    sortOrder: t.sortOrder,
    sourceClauseId: id(t.sourceClauseId),
    sourceDocumentId: id(t.sourceDocumentId),
    targetId: id(t.targetId),
    title: t.title,
    unitsPrinted: t.unitsPrinted,
    updatedAt: iso(t.updatedAt),
    keyWork: keyWorkOf.get(t.keyWorkId) ?? null,
    assignments: (assignmentsOf.get(String(t.id)) ?? []).map((a) => ({
      id: id(a.id),
      unitId: id(a.unitId),
      isLead: bool(a.isLead),
      viaAllCommunities: bool(a.viaAllCommunities),
      unit: unitOf.get(a.unitId) ?? null,
      __typename: 'Assignment',
    })),
    __typename: 'TaskItem',
  }));
  return { items, total: { count: Number(n), __typename: 'ListMetadata' } };
}

/** A3: allMemberships, a page of the roster's seats, and its count. */
export async function membershipPage(pool: Pool, tree: Tree, viewer: Viewer, v: Record<string, unknown>): Promise<unknown> {
  const { limit, offset, order } = paging(v);
  const filter = (v.filter ?? {}) as Record<string, unknown>;
  const where = [`m.groupId IN (SELECT g.id FROM working_group g WHERE ${within('g.jurisdictionId', readable(tree, viewer.jurisdictionId, 'subtree'))})`];
  const params: unknown[] = [];
  if (filter.groupId != null) {
    where.push('m.groupId = ?');
    params.push(idOf(filter.groupId, 'filter.groupId'));
  }
  const cond = where.join(' AND ');
  const [rows, [{ n }]] = await Promise.all([
    q(
      pool,
      `SELECT m.concurrent, m.createdAt, m.groupId, m.id, m.personId, m.postId, m.role, m.sortOrder, m.sourceClauseId, m.sourceDocumentId, m.updatedAt, m.validFrom, m.validTo
         FROM membership m WHERE ${cond} ORDER BY m.id ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    ),
    q<{ n: number }>(pool, `SELECT COUNT(*) AS n FROM membership m WHERE ${cond}`, params),
  ]);
  const items = rows.map((m) => ({
    concurrent: bool(m.concurrent),
    createdAt: iso(m.createdAt),
    groupId: id(m.groupId),
    id: id(m.id),
    personId: id(m.personId),
    postId: id(m.postId),
    role: m.role,
    sortOrder: m.sortOrder,
    sourceClauseId: id(m.sourceClauseId),
    sourceDocumentId: id(m.sourceDocumentId),
    updatedAt: iso(m.updatedAt),
    validFrom: m.validFrom,
    validTo: m.validTo,
    __typename: 'Membership',
  }));
  return { items, total: { count: Number(n), __typename: 'ListMetadata' } };
}
