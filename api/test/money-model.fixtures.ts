import fc from 'fast-check';
import type { Actor as ServiceActor } from '../src/common/context';
import { todayInChina } from '../src/common/dates';
import { AwardCase, AwardCaseStep } from '../src/modules/incentive/award-case.entity';
import { AwardCaseStatus, IncentiveTrigger, type PayoutStatus, RecipientRole as Recipient } from '../src/modules/incentive/incentive.enums';
import { IncentiveBudget } from '../src/modules/incentive/budget.entity';
import { IncentiveProgramme, IncentiveRule, IncentiveRuleLine } from '../src/modules/incentive/incentive.entities';
import type { TestApp } from './harness';
import type { Actor, Real } from './money-model.commands';
import { applyMove, expectMove, type Model, type MoveRequest, type RecipientRole, type Status } from './money-model.model';
import { verify } from './money-model.verify';

export const YEAR = 2024;

/** A sequence's fixed facts: the rule's lines, the budget (or none), how many accepted cases, how far the first case's payouts start. */
export const factsArb = fc.record({
  lines: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.integer({ min: 100, max: 5_000_000 }), fc.integer({ min: 100, max: 5_000_000 })).map(
        ([a, b]) =>
          [
            ['PROPERTY_COMPANY', a],
            ['COMMUNITY', b],
          ] as Array<[RecipientRole, number | null]>,
      ),
    },
    { weight: 3, arbitrary: fc.integer({ min: 100, max: 5_000_000 }).map((a) => [['COMMUNITY', a]] as Array<[RecipientRole, number | null]>) },
    { weight: 1, arbitrary: fc.constant([['COMMUNITY', null]] as Array<[RecipientRole, number | null]>) },
  ),
  /** The budget as a share of one case's total: none, too small for both lines, exactly one case, more. */
  budgetShare: fc.constantFrom(null, 0.5, 1, 1, 1.5, 3),
  cases: fc.integer({ min: 1, max: 2 }),
  start: fc.tuple(...[0, 1].map(() => fc.constantFrom<Status>('DRAFT', 'SUBMITTED', 'APPROVED', 'APPROVED', 'PAID'))),
});
export type Facts = typeof factsArb extends fc.Arbitrary<infer V> ? V : never;

export interface World {
  t: TestApp;
  actors: Actor[];
  serviceActors: Map<string, ServiceActor>;
  /** Compounds served by a property company, one per possible case (a case is unique per programme and site). */
  compounds: Array<{ id: number; communityId: number; companyId: number }>;
  stats: Map<string, number>;
}

const ACCEPTED = [
  [AwardCaseStatus.APPLIED, '2024-05-06'],
  [AwardCaseStatus.INSPECTED, '2024-06-01'],
  [AwardCaseStatus.SUPERIOR_ACCEPTED, '2024-06-20'],
  [AwardCaseStatus.STREET_ACCEPTED, '2024-07-01'],
] as const;

/**
 * A fresh programme, rule, budget and accepted cases, written as fixtures in one transaction: the
 * case workflow is incentives.test.ts's subject, and one commit instead of a dozen keeps a thousand
 * runs within minutes on MariaDB. From generation on, everything goes through the services: the
 * first case's payouts are generated and moved as far as `facts.start` says (office2 submits,
 * office3 approves when the budget allows, office1 pays), and the audit trail is counted from there.
 */
export async function openSequence(w: World, facts: Facts, tag: string): Promise<{ model: Model; real: Real }> {
  const s = w.t.app.services;
  const lines = facts.lines.map(([recipientRole, amountFen]) => ({ recipientRole, amountFen }));
  const perCase = lines.reduce((sum, l) => sum + (l.amountFen ?? 0), 0);
  const budgetFen = facts.budgetShare === null ? null : Math.max(1, Math.round(perCase * facts.budgetShare));
  const office = w.serviceActors.get('office1')!.user!;
  const signed = { actorId: office.id, actorName: office.username };

  const fixture = await s.tx.run(async (em) => {
    const programme = await em.save(em.create(IncentiveProgramme, { name: `模型奖励 ${tag}`, trigger: IncentiveTrigger.DEMONSTRATION_SITE_ACCEPTED, description: null }));
    const rule = await em.save(em.create(IncentiveRule, { programmeId: programme.id, name: `模型规则 ${tag}`, printed: null, validFrom: '2024-01-01', validTo: null, note: null, version: 1 }));
    await em.insert(
      IncentiveRuleLine,
      lines.map((l, i) => ({ ruleId: rule.id, recipientRole: l.recipientRole as Recipient, amountFen: l.amountFen, printedAmount: null, note: null, sortOrder: i + 1 })),
    );
    const budget = budgetFen === null ? null : await em.save(em.create(IncentiveBudget, { programmeId: programme.id, year: YEAR, amountFen: budgetFen, note: null }));
    const cases: number[] = [];
    for (const site of w.compounds.slice(0, facts.cases)) {
      // the days of each stage are the steps' (award-case.workflow.ts)
      const c = await em.save(
        em.create(AwardCase, {
          programmeId: programme.id,
          compoundId: site.id,
          communityId: site.communityId,
          propertyCompanyId: site.companyId,
          year: YEAR,
          status: AwardCaseStatus.STREET_ACCEPTED,
          note: null,
        }),
      );
      await em.insert(
        AwardCaseStep,
        ACCEPTED.map(([to, day], i) => ({ caseId: c.id, fromStatus: i === 0 ? null : ACCEPTED[i - 1][0], toStatus: to, stepDate: day, reason: null, ...signed })),
      );
      cases.push(c.id);
    }
    return { programmeId: programme.id, budgetId: budget?.id ?? null, cases };
  });

  const model: Model = { year: YEAR, budgetFen, lines, cases: fixture.cases.map((id) => ({ id, generated: false })), payouts: [], keys: [], references: [], audit: [], commands: 0 };
  const [{ last }] = await w.t.app.ds.query('SELECT COALESCE(MAX(id), 0) AS last FROM audit_event');
  if (lines.every((l) => l.amountFen !== null)) {
    const made = await s.payout.generate(model.cases[0].id, w.serviceActors.get('office2')!);
    model.cases[0].generated = true;
    model.audit.push(`AwardCase:${model.cases[0].id}:GENERATE_PAYOUTS`);
    made.forEach((p, i) => {
      const fen = lines[i].amountFen!;
      model.payouts.push({
        id: p.id,
        caseIdx: 0,
        recipientRole: lines[i].recipientRole,
        ruleAmountFen: fen,
        amountFen: fen,
        edited: false,
        status: 'DRAFT',
        version: 1,
        submittedById: null,
        approvedById: null,
        paidById: null,
        paymentReference: null,
        transitions: 1,
      });
    });
  }
  const signers: Array<[Status, string]> = [
    ['SUBMITTED', 'office2'],
    ['APPROVED', 'office3'],
    ['PAID', 'office1'],
  ];
  for (const [i, payout] of model.payouts.entries()) {
    for (const [to, name] of signers.slice(0, signers.findIndex(([st]) => st === facts.start[i]) + 1)) {
      const req: MoveRequest = { to, payout, actor: w.actors.find((a) => a.name === name)!, key: null, reason: null, paymentReference: to === 'PAID' ? `MM-${tag}-start${i}` : null };
      if (!expectMove(model, req).ok) break;
      const paid = to === 'PAID';
      await s.payoutWorkflow.advance(
        payout.id,
        { to: to as PayoutStatus, fields: { paymentReference: req.paymentReference ?? undefined }, date: paid ? todayInChina() : null, dateField: paid ? 'paidOn' : undefined },
        w.serviceActors.get(name)!,
      );
      applyMove(model, req);
    }
  }

  const stored: Array<{ recipientRole: string; amountFen: unknown }> = await w.t.app.ds.query(
    'SELECT l.recipientRole, l.amountFen FROM incentive_rule_line l JOIN incentive_rule r ON r.id = l.ruleId WHERE r.programmeId = ?',
    [fixture.programmeId],
  );
  const ruleFen = new Map(stored.map((l) => [l.recipientRole, l.amountFen === null ? null : Number(l.amountFen)]));
  const context = { ds: w.t.app.ds, services: s, serviceActors: w.serviceActors, auditAfter: Number(last), ruleFen };
  const real: Real = { t: w.t, actors: w.actors, programmeId: fixture.programmeId, budgetId: fixture.budgetId, tag, refs: { n: 0 }, stats: w.stats, verify: (m, r) => verify(m, r, context) };
  await real.verify(model, real);
  return { model, real };
}
