/*
 * The baseline's M1 moves (submitPayout, approvePayout) as the payout workflow makes them
 * (api/src/modules/incentive/payout.workflow.ts), written in SQL: in one transaction the budget (for an
 * approval) and the payout locked, the maker-checker rule read from the steps, the budget checked,
 * `UPDATE … WHERE id = ? AND status = ? AND version = ?` touching exactly one row, one step row, one
 * audit event, and for a submission a notification to each other PARTY_OFFICE user of the office.
 */
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { Refusal, type Viewer } from './errors';
import { todayInChina } from './sql';

type To = 'SUBMITTED' | 'APPROVED';
const FROM: Record<To, string> = { SUBMITTED: 'DRAFT', APPROVED: 'SUBMITTED' };
const ACTION: Record<To, string> = { SUBMITTED: 'SUBMIT', APPROVED: 'APPROVE' };

const rows = async (c: PoolConnection, sql: string, params: unknown[] = []) => (await c.query<RowDataPacket[]>(sql, params))[0];
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

export async function payoutMove(pool: Pool, viewer: Viewer, to: To, v: Record<string, unknown>): Promise<unknown> {
  const id = Number(v.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Refusal('BAD_USER_INPUT', 'id is not an id', 'NOT_AN_ID');
  if (to === 'APPROVED' && viewer.role !== 'PARTY_OFFICE') throw new Refusal('FORBIDDEN', 'Only the office may approve', 'ROLE');
  const c = await pool.getConnection();
  try {
    await c.beginTransaction();
    const [head] = await rows(c, 'SELECT p.programmeId, p.budgetYear, g.jurisdictionId, g.name AS programme FROM payout p JOIN incentive_programme g ON g.id = p.programmeId WHERE p.id = ?', [id]);
    // the office that issued the programme writes its payouts (common/scope.ts "issued"); others do not see it
    if (!head || (viewer.jurisdictionId != null && head.jurisdictionId !== viewer.jurisdictionId)) throw new Refusal('NOT_FOUND', `Payout ${id} not found`);
    const [budget] = to === 'APPROVED' ? await rows(c, 'SELECT id, amountFen FROM incentive_budget WHERE programmeId = ? AND year = ? FOR UPDATE', [head.programmeId, head.budgetYear]) : [];
    if (to === 'APPROVED' && !budget) throw new Refusal('CONFLICT', `No ${head.budgetYear} budget is set`, 'NO_BUDGET');
    const [row] = await rows(c, 'SELECT * FROM payout WHERE id = ? FOR UPDATE', [id]);
    if (row.status !== FROM[to]) throw new Refusal('CONFLICT', `Payout ${id} is ${row.status}; it cannot move to ${to}`, 'INVALID_TRANSITION');
    const steps = await rows(c, 'SELECT fromStatus, toStatus, actorId FROM payout_transition WHERE payoutId = ? ORDER BY id', [id]);
    if (to === 'APPROVED') {
      const submitted = steps.filter((s) => s.toStatus === 'SUBMITTED').at(-1);
      if (submitted?.actorId === viewer.userId) throw new Refusal('FORBIDDEN', 'You submitted this payout: another member of the office must check it', 'MAKER_CHECKER');
      const [{ committed }] = await rows(c, "SELECT COALESCE(SUM(amountFen), 0) AS committed FROM payout WHERE programmeId = ? AND budgetYear = ? AND status IN ('APPROVED', 'PAID')", [
        head.programmeId,
        head.budgetYear,
      ]);
      if (Number(row.amountFen) > Number(budget.amountFen) - Number(committed)) throw new Refusal('CONFLICT', 'Approving would exceed the budget', 'OVER_BUDGET');
    }
    const day = todayInChina();
    const [update] = await c.query<ResultSetHeader>('UPDATE payout SET status = ?, version = version + 1 WHERE id = ? AND status = ? AND version = ?', [to, id, row.status, row.version]);
    if (update.affectedRows !== 1) throw new Refusal('CONFLICT', `Payout ${id} was changed by someone else meanwhile; reload it and try again`, 'STALE');
    await c.query('INSERT INTO payout_transition (payoutId, fromStatus, toStatus, actorId, actorName, reason, stepDate, signedInAt, signedInFrom, signerIp) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)', [
      id,
      row.status,
      to,
      viewer.userId,
      viewer.username,
      day,
      viewer.signedInAt ?? null,
      viewer.signedInFrom ?? null,
      viewer.ip ?? null,
    ]);
    const snapshot = (status: string, version: number) => ({ ...row, status, version, amountFen: Number(row.amountFen) });
    await c.query('INSERT INTO audit_event (actorId, actorName, action, entityType, entityId, beforeJson, afterJson, requestId, jurisdictionId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      viewer.userId,
      viewer.username,
      ACTION[to],
      'Payout',
      String(id),
      JSON.stringify(snapshot(row.status, row.version)),
      JSON.stringify({ ...snapshot(to, row.version + 1), reason: null, date: day }),
      randomUUID(),
      head.jurisdictionId,
    ]);
    if (to === 'SUBMITTED') {
      const checkers = await rows(c, "SELECT id FROM app_user WHERE jurisdictionId = ? AND role = 'PARTY_OFFICE' AND active = 1 AND id <> ? ORDER BY id", [head.jurisdictionId, viewer.userId]);
      if (checkers.length) {
        const params = { programme: head.programme, recipient: row.recipientName, amount: yuan(Number(row.amountFen)) };
        const title = `奖励发放待审批：${params.recipient} ${params.amount} 元（${params.programme}）`.slice(0, 200);
        await c.query(
          `INSERT INTO notification (userId, kind, paramsJson, title, link, entityType, entityId, actorId, actorName) VALUES ${checkers.map(() => "(?, 'PAYOUT_SUBMITTED', ?, ?, ?, 'Payout', ?, ?, ?)").join(', ')}`,
          checkers.flatMap((u) => [u.id, JSON.stringify(params), title, `#/Payout/${id}/show`, String(id), viewer.userId, viewer.username]),
        );
      }
    }
    await c.commit();
    const field = to === 'SUBMITTED' ? 'submitPayout' : 'approvePayout';
    return { [field]: { id: String(id), status: to, amountFen: Number(row.amountFen), recipientName: row.recipientName, budgetYear: row.budgetYear } };
  } catch (err) {
    await c.rollback();
    throw err;
  } finally {
    c.release();
  }
}
