import type { Outcome } from './client';

export interface Verdict {
  acknowledged: number;
  unanswered: number;
  refused: number;
  /** Acknowledged writes whose effect is not in the database. */
  lost: Outcome[];
  /** Writes (answered or not) whose effect is there more than once. */
  duplicated: Outcome[];
  /** Acknowledged writes with no audit row claimed by their key. */
  withoutAudit: Outcome[];
  /** Audit rows of the writers with no key, or one key claimed for several of them. */
  unmatchedAudit: number;
  /** Acknowledged writes applied by an earlier attempt whose answer was lost: answered from their key. */
  answeredFromKey: number;
  /** Of those, the ones applied before the crash and answered after it. */
  acrossCrash: number;
  /** Writes applied although never acknowledged (the client gave up on them): allowed, counted. */
  appliedUnanswered: number;
}

interface Row {
  [k: string]: unknown;
}
type Query = (sql: string, params?: unknown[]) => Promise<Row[]>;

/**
 * Compares what the clients were told with what the database holds: every acknowledged write's
 * effect exactly once, no write's effect twice, and exactly one audit row per applied write (the
 * row its key was claimed with), nothing unclaimed.
 */
export async function verify(query: Query, outcomes: Outcome[], auditFromId: number, killAt: number, restartAt: number): Promise<Verdict> {
  const v: Verdict = {
    acknowledged: 0,
    unanswered: 0,
    refused: 0,
    lost: [],
    duplicated: [],
    withoutAudit: [],
    unmatchedAudit: 0,
    answeredFromKey: 0,
    acrossCrash: 0,
    appliedUnanswered: 0,
  };
  for (const o of outcomes) {
    const [row] = await query(o.spec.check.sql, o.spec.check.params);
    const n = Number(row.n);
    if (o.acknowledged) v.acknowledged++;
    else if (o.refusal) v.refused++;
    else v.unanswered++;
    if (n > o.spec.check.expect) v.duplicated.push(o);
    else if (o.acknowledged && n < o.spec.check.expect) v.lost.push(o);
    else if (!o.acknowledged && n === o.spec.check.expect) v.appliedUnanswered++;
  }

  const actors = [...new Set(outcomes.map((o) => o.spec.actorId))];
  if (!actors.length) return v;
  const marks = actors.map(() => '?').join(',');
  const claims = await query(`SELECT actorId, idemKey, auditEventId FROM idempotency_key WHERE actorId IN (${marks})`, actors);
  const events = await query(`SELECT id, requestId, UNIX_TIMESTAMP(at) * 1000 AS atMs FROM audit_event WHERE actorId IN (${marks}) AND id > ?`, [...actors, auditFromId]);
  const eventAt = new Map(events.map((e) => [Number(e.id), Number(e.atMs)]));
  const eventRequest = new Map(events.map((e) => [Number(e.id), String(e.requestId)]));
  const claimOf = new Map(claims.map((c) => [`${c.actorId}:${c.idemKey}`, c.auditEventId === null ? null : Number(c.auditEventId)]));
  const claimsPerEvent = new Map<number, number>();
  for (const c of claims) if (c.auditEventId !== null) claimsPerEvent.set(Number(c.auditEventId), (claimsPerEvent.get(Number(c.auditEventId)) ?? 0) + 1);
  for (const id of eventAt.keys()) if (claimsPerEvent.get(id) !== 1) v.unmatchedAudit++;

  for (const o of outcomes) {
    if (!o.acknowledged) continue;
    const eventId = claimOf.get(`${o.spec.actorId}:${o.key}`);
    const at = eventId == null ? undefined : eventAt.get(eventId);
    if (at === undefined) {
      v.withoutAudit.push(o);
      continue;
    }
    // The attempt that was answered is the last one; a row written by another came from an answer that was lost.
    if (eventRequest.get(eventId!) === `${o.key}.${o.attempts}`) continue;
    v.answeredFromKey++;
    if (at < killAt && (o.answeredAt ?? 0) > restartAt) v.acrossCrash++;
  }
  return v;
}
