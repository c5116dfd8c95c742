import type { EntityManager } from 'typeorm';
import { AppError, conflict, dbViolation, ErrorCode } from '../../common/errors';
import { fenToYuan } from '../../common/money';
import { EDITORS, Role } from '../../common/roles';
import { unscoped } from '../../common/scope';
import { writeLock } from '../../common/transactions';
import { type Denial, defineWorkflow, type MoveContext } from '../../common/workflow/workflow';
import { signingSession } from '../auth/session';
import { notify } from '../notification/notification.service';
import { committedFen } from './budget.service';
import { PayoutStatus } from './incentive.enums';
import { IncentiveBudget } from './budget.entity';
import { IncentiveProgramme } from './incentive.entities';
import { Payout, PayoutTransition } from './payout.entity';

const { DRAFT, SUBMITTED, APPROVED, PAID, REJECTED, CANCELLED } = PayoutStatus;
const OFFICE = [Role.PARTY_OFFICE] as const;

/** The audit action each target state writes. */
const ACTION: Record<PayoutStatus, string> = { DRAFT: 'REOPEN', SUBMITTED: 'SUBMIT', APPROVED: 'APPROVE', REJECTED: 'REJECT', PAID: 'PAY', CANCELLED: 'CANCEL' };

/** Maker-checker: whoever signed the submission may not decide on it. */
const notTheMaker = (_row: Payout, actor: { user: { id: number } | null }, stages: { SUBMITTED?: { actorId: number | null } }): Denial | null =>
  actor.user && stages.SUBMITTED?.actorId === actor.user.id ? { reason: 'MAKER_CHECKER', message: 'You submitted this payout: another member of the office must check it' } : null;

/**
 * 审批与发放: draft → submitted → approved → paid. A submission can be taken back to draft (by its
 * submitter or the office) and a rejected payout revised as a draft; cancelled and paid are final.
 * Maker-checker (the submitter may not approve or reject), PARTY_OFFICE for money decisions, the
 * budget for approvals. Rows are locked in one order (budget → payout) and the engine's conditional
 * UPDATE makes each move happen once; the payment reference is UNIQUE.
 */
export const PAYOUT_WORKFLOW = defineWorkflow({
  name: 'Payout',
  entity: Payout,
  statuses: PayoutStatus,
  initial: DRAFT,
  step: { entity: PayoutTransition, owner: 'payoutId' },
  roles: EDITORS,
  dated: 'today',
  action: (to) => ACTION[to],
  stepValues: signingSession,
  fields: { paymentReference: { description: 'Voucher or bank reference (凭证号); unique in the paying office’s books', maxLength: 100, requiredFor: [PAID] } },
  transitions: [
    { from: [DRAFT], to: SUBMITTED, mutation: { name: 'submitPayout', description: 'Draft → submitted (the maker signs it)' } },
    {
      from: [SUBMITTED],
      to: APPROVED,
      roles: OFFICE,
      guard: notTheMaker,
      mutation: {
        name: 'approvePayout',
        description: 'Submitted → approved: PARTY_OFFICE, not the submitter, within the year’s budget',
        // a payment made last year is recorded with the approval it had then: 付款日期 may not precede the approval's day
        dateArg: 'decidedOn',
        dateDescription: 'The day the approval was decided (default today; not before the submission, not in the future)',
        dateDefault: 'today',
      },
    },
    {
      from: [SUBMITTED],
      to: REJECTED,
      roles: OFFICE,
      guard: notTheMaker,
      reason: 'Say why: a reason is required to reject or cancel a payout',
      mutation: { name: 'rejectPayout', description: 'Submitted → rejected, with a reason: PARTY_OFFICE, not the submitter' },
    },
    {
      from: [APPROVED],
      to: PAID,
      roles: OFFICE,
      mutation: {
        name: 'markPayoutPaid',
        description: 'Approved → paid, with the voucher number and date: PARTY_OFFICE. Send an idempotencyKey so a retry cannot pay twice',
        dateArg: 'paidOn',
        dateDescription: 'The day the money left (not before the approval)',
      },
    },
    {
      from: [DRAFT],
      to: CANCELLED,
      reason: 'Say why: a reason is required to reject or cancel a payout',
      mutation: { name: 'cancelPayout', description: 'Draft or approved → cancelled, with a reason (approved ones: PARTY_OFFICE)' },
    },
    { from: [APPROVED], to: CANCELLED, roles: OFFICE, reason: 'Say why: a reason is required to reject or cancel a payout', mutation: { name: 'cancelPayout', description: '' } },
    {
      from: [SUBMITTED],
      to: DRAFT,
      clears: [SUBMITTED, APPROVED],
      guard: (_row, actor, stages) =>
        actor.user?.role === Role.PARTY_OFFICE || (actor.user && stages.SUBMITTED?.actorId === actor.user.id)
          ? null
          : { reason: 'ROLE', message: 'Only the submitter or the office may take a submission back' },
      mutation: { name: 'reopenPayout', description: 'Submitted (taken back by its submitter or the office) or rejected → draft, to be revised' },
    },
    { from: [REJECTED], to: DRAFT, clears: [SUBMITTED, APPROVED], mutation: { name: 'reopenPayout', description: '' } },
  ],
  stageFields: {
    submittedById: { stage: SUBMITTED, value: 'actorId', description: 'Who submitted it (the maker); may not approve it' },
    submittedAt: { stage: SUBMITTED, value: 'at' },
    approvedById: { stage: APPROVED, value: 'actorId' },
    approvedAt: { stage: APPROVED, value: 'at' },
    approvedOn: { stage: APPROVED, value: 'date', description: 'The day the approval was decided (审批日期)' },
    submittedOn: { stage: SUBMITTED, value: 'date', description: 'The day it was submitted' },
    paidById: { stage: PAID, value: 'actorId' },
  },
  // Lock order: budget, then payout, in every transaction that touches both.
  prepare: async (em, head, to) => (to === APPROVED ? lockBudget(em, await head()) : null),
  async onTransitionStart(m) {
    if (m.to === APPROVED) await checkBudget(m.em, m.prepared as IncentiveBudget, m.row);
    if (m.to === PAID) {
      const paymentReference = m.fields.paymentReference as string;
      if (await referenceInBooks(m.em, m.row.programmeId, paymentReference)) throw referenceUsed(paymentReference);
      return { paidOn: m.date, paymentReference };
    }
  },
  onViolation: (err, fields) => (dbViolation(err) === 'unique' ? referenceUsed(String(fields.paymentReference)) : undefined),
  onTransitionEnd: (m, after) => (m.to === SUBMITTED ? notifyCheckers(m, after) : Promise.resolve()),
});

/** 待审批: the paying office's PARTY_OFFICE members other than the submitter (who may not approve) are told, in the move's transaction. */
async function notifyCheckers(m: MoveContext<PayoutStatus, Payout>, p: Payout): Promise<void> {
  const programme = await m.em.findOneByOrFail(IncentiveProgramme, { id: p.programmeId });
  await notify(m.em, {
    recipients: { offices: [programme.jurisdictionId], officeRoles: [Role.PARTY_OFFICE] },
    kind: 'PAYOUT_SUBMITTED',
    params: { programme: programme.name, recipient: p.recipientName, amount: fenToYuan(p.amountFen) },
    link: `#/Payout/${p.id}/show`,
    entityType: 'Payout',
    entityId: p.id,
    actor: m.actor,
  });
}

/**
 * Whether the office paying from this programme has recorded the voucher on any of its programmes: a
 * voucher is one payment in one office's books (UNIQUE (programmeId, paymentReference) guards the
 * programme itself). Read past the scope rule, within exactly that office: another office may use
 * the same number in its own books.
 */
async function referenceInBooks(em: EntityManager, programmeId: number, paymentReference: string): Promise<boolean> {
  return unscoped(async () => {
    const programme = await em.findOneByOrFail(IncentiveProgramme, { id: programmeId });
    const qb = em.createQueryBuilder(Payout, 'p').innerJoin(IncentiveProgramme, 'g', 'g.id = p.programmeId').where('p.paymentReference = :paymentReference', { paymentReference });
    if (programme.jurisdictionId == null) qb.andWhere('g.jurisdictionId IS NULL');
    else qb.andWhere('g.jurisdictionId = :office', { office: programme.jurisdictionId });
    return qb.getExists();
  });
}

const referenceUsed = (ref: string) => conflict(`Payment reference ${ref} is already recorded on another payout`, 'paymentReference', 'REFERENCE_USED');

async function lockBudget(em: EntityManager, p: Payout): Promise<IncentiveBudget> {
  const budget = await em.findOne(IncentiveBudget, { where: { programmeId: p.programmeId, year: p.budgetYear }, ...writeLock(em) });
  if (!budget) {
    const programme = await em.findOneBy(IncentiveProgramme, { id: p.programmeId });
    throw new AppError(ErrorCode.CONFLICT, `No ${p.budgetYear} budget is set for “${programme?.name ?? p.programmeId}”: set the year’s budget before approving`, {
      field: 'budget',
      reason: 'NO_BUDGET',
    });
  }
  return budget;
}

async function checkBudget(em: EntityManager, budget: IncentiveBudget, row: Payout): Promise<void> {
  const committed = await committedFen(em, budget.programmeId, budget.year);
  const available = budget.amountFen - committed;
  if (row.amountFen > available) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `Approving ${fenToYuan(row.amountFen)} yuan would exceed the ${budget.year} budget: budget ${fenToYuan(budget.amountFen)}, committed ${fenToYuan(committed)}, available ${fenToYuan(available)} yuan`,
      { field: 'amount', reason: 'OVER_BUDGET', budgetFen: budget.amountFen, committedFen: committed, availableFen: available },
    );
  }
}
