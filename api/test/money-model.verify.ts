import type { DataSource } from 'typeorm';
import type { Actor as ServiceActor } from '../src/common/context';
import { Loaders } from '../src/common/loaders';
import { Payout } from '../src/modules/incentive/payout.entity';
import type { Services } from '../src/common/context';
import { type Model, nextStatuses } from './money-model.model';
import { asModel, modelView, type Real } from './money-model.commands';

/*
 * The money invariants, read from the database itself after every command (not from the API's
 * answers): one payment per payout, amounts as the rule says (or as edited while a draft), approver
 * ≠ submitter, committed ≤ budget, nothing leaves PAID or CANCELLED, one audit event per change,
 * and the rows equal the model. `Payout.nextStatuses` is checked for every actor against the model.
 */

export interface VerifyContext {
  ds: DataSource;
  services: Services;
  /** Each actor as the services see it (the signed-in user of a request). */
  serviceActors: Map<string, ServiceActor>;
  /** The last audit_event id before the sequence's first payout mutation. */
  auditAfter: number;
  /** Rule line amounts as stored, by recipient role. */
  ruleFen: Map<string, number | null>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fail(m: Model, what: string): never {
  throw new Error(`invariant broken after ${m.commands} command(s): ${what}`);
}

export async function verify(m: Model, r: Real, v: VerifyContext): Promise<void> {
  const rows = await v.ds.getRepository(Payout).find({ where: { programmeId: r.programmeId }, order: { id: 'ASC' } });
  const ids = rows.map((p) => p.id);

  // the rows are what the model expects (status, amount, version, signers, voucher); the signers are
  // read from the transitions, as the API reads them (payout.workflow.ts stageFields)
  const wf = v.services.payoutWorkflow;
  const withSigners = await Promise.all(
    rows.map(async (p) => {
      const st = await wf.stagesOf(v.ds.manager, p.id);
      return { ...p, submittedById: st.SUBMITTED?.actorId ?? null, approvedById: st.APPROVED?.actorId ?? null, paidById: st.PAID?.actorId ?? null };
    }),
  );
  const got = JSON.stringify(withSigners.map((p) => asModel(p)));
  const want = JSON.stringify(m.payouts.map(modelView));
  if (got !== want) fail(m, `payout rows ${got}\n  model        ${want}`);

  for (const p of withSigners) {
    const mp = m.payouts.find((x) => x.id === p.id)!;
    // amounts as the rule says, unless edited while a draft
    const ruleFen = v.ruleFen.get(p.recipientRole);
    if (!mp.edited && p.amountFen !== ruleFen) fail(m, `payout ${p.id} is ${p.amountFen} fen, its rule line says ${ruleFen}`);
    if (p.ruleVersion !== 1) fail(m, `payout ${p.id} names rule version ${p.ruleVersion}; the rule was never edited`);
    // approver ≠ submitter on the row
    const { approvedById, submittedById } = p;
    if (approvedById !== null && (submittedById === null || num(approvedById) === num(submittedById))) fail(m, `payout ${p.id} approved by ${approvedById}, submitted by ${submittedById}`);
    for (const [name, actor] of v.serviceActors) {
      const api = await v.services.payoutWorkflow.nextStatuses(
        rows.find((x) => x.id === p.id)!,
        actor,
        new Loaders(v.ds),
      );
      const model = nextStatuses(mp, { name, role: actor.user!.role as never, id: actor.user!.id });
      if (JSON.stringify(api) !== JSON.stringify(model)) fail(m, `nextStatuses of payout ${p.id} (${p.status}) for ${name}: API ${JSON.stringify(api)}, model ${JSON.stringify(model)}`);
    }
  }

  if (ids.length) {
    const steps: Array<{ payoutId: unknown; fromStatus: string | null; toStatus: string; actorId: unknown }> = await v.ds.query(
      `SELECT payoutId, fromStatus, toStatus, actorId FROM payout_transition WHERE payoutId IN (${ids.join(',')}) ORDER BY id`,
    );
    for (const id of ids) {
      const log = steps.filter((s) => num(s.payoutId) === id);
      const mp = m.payouts.find((x) => x.id === id)!;
      if (log.length !== mp.transitions) fail(m, `payout ${id} has ${log.length} transitions, the model ${mp.transitions}`);
      if (log.filter((s) => s.toStatus === 'PAID').length > 1) fail(m, `payout ${id} was paid twice`);
      let submitter: number | null = null;
      log.forEach((s, i) => {
        // an unbroken chain: nothing leaves PAID or CANCELLED, every step starts where the last ended
        if (s.fromStatus !== (i === 0 ? null : log[i - 1].toStatus)) fail(m, `payout ${id} step ${i} goes ${s.fromStatus} → ${s.toStatus} after ${log[i - 1]?.toStatus}`);
        if (s.fromStatus === 'PAID' || s.fromStatus === 'CANCELLED') fail(m, `payout ${id} left ${s.fromStatus}`);
        if (s.toStatus === 'SUBMITTED') submitter = num(s.actorId);
        if ((s.toStatus === 'APPROVED' || s.toStatus === 'REJECTED') && num(s.actorId) === submitter) fail(m, `payout ${id} was checked (${s.toStatus}) by its submitter ${submitter}`);
      });
    }
  }

  // exactly the audit events the model expects, in order: one per change, none for refusals and
  // replays, one for a whole generation; so a payment is audited once
  // (other lanes write their own programmes' events meanwhile: this sequence's records are named)
  const named = [
    ['Payout', ids],
    ['AwardCase', m.cases.map((c) => c.id)],
    ['IncentiveBudget', r.budgetId === null ? [] : [r.budgetId]],
  ] as const;
  const where = named.filter(([, list]) => list.length).map(([type, list]) => `(entityType = '${type}' AND entityId IN (${list.map((i) => `'${i}'`).join(',')}))`);
  const events: Array<{ entityType: string; entityId: string; action: string }> = await v.ds.query(
    `SELECT entityType, entityId, action FROM audit_event WHERE id > ? AND (${where.join(' OR ')}) ORDER BY id`,
    [v.auditAfter],
  );
  const trail = events.map((e) => `${e.entityType}:${e.entityId}:${e.action}`);
  if (trail.join(' ') !== m.audit.join(' ')) fail(m, `audit trail ${JSON.stringify(trail)}, the model ${JSON.stringify(m.audit)}`);

  // the budget is as set and never exceeded by approved + paid
  const [money] = await v.ds.query(
    `SELECT (SELECT amountFen FROM incentive_budget WHERE programmeId = ? AND year = ?) AS budget,
            (SELECT COALESCE(SUM(amountFen), 0) FROM payout WHERE programmeId = ? AND budgetYear = ? AND status IN ('APPROVED', 'PAID')) AS committed`,
    [r.programmeId, m.year, r.programmeId, m.year],
  );
  const budget = num(money.budget);
  if (budget !== m.budgetFen) fail(m, `budget ${budget}, the model ${m.budgetFen}`);
  if (Number(money.committed) > (budget ?? 0)) fail(m, `committed ${Number(money.committed)} fen exceeds the budget ${budget}`);
}
