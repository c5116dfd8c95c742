import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/context';
import { assertPastDate, todayInChina } from '../../common/dates';
import { AppError, badInput, conflict, dbViolation, ErrorCode, forbidden, notFound } from '../../common/errors';
import { fenToYuan } from '../../common/money';
import { EDITORS, Role } from '../../common/roles';
import { type TransactionRunner, writeLock } from '../../common/transactions';
import { assertTransition } from '../../common/workflow';
import { committedFen } from './incentive-rule.service';
import { PAYOUT_FLOW, PayoutStatus } from './incentive.enums';
import { signingSession } from '../auth/session';
import { IncentiveBudget, IncentiveProgramme } from './incentive.entities';
import { Payout, PayoutTransition } from './payout.entity';
import type { PayoutService } from './payout.service';

export interface PayoutTransitionRequest {
  id: number;
  to: PayoutStatus;
  reason?: string | null;
  paymentReference?: string;
  paidOn?: string;
}

/** The audit action each target state writes. */
const ACTION: Record<PayoutStatus, string> = {
  DRAFT: 'REOPEN',
  SUBMITTED: 'SUBMIT',
  APPROVED: 'APPROVE',
  REJECTED: 'REJECT',
  PAID: 'PAY',
  CANCELLED: 'CANCEL',
};

const NEEDS_REASON: readonly PayoutStatus[] = [PayoutStatus.REJECTED, PayoutStatus.CANCELLED];

const MAKER_CHECKER = 'You submitted this payout: another member of the office must check it';

/**
 * 审批与发放: every payout state change. Maker-checker (the submitter may not approve or reject),
 * PARTY_OFFICE for money decisions, the budget for approvals, and exactly-once under concurrency:
 * rows are locked in one order (budget → payout) and the state is written by an UPDATE that names the
 * state read, so of many simultaneous calls one wins and the rest get CONFLICT. An idempotency key
 * (the mutation's argument or the Idempotency-Key header) is claimed with the audit event, as for
 * every write (common/idempotency.ts).
 */
export class PayoutWorkflowService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly payouts: PayoutService,
  ) {}

  async transition(req: PayoutTransitionRequest, actor: Actor): Promise<Payout> {
    const reason = req.reason?.trim() || null;
    if (NEEDS_REASON.includes(req.to) && !reason) throw badInput('reason', 'Say why: a reason is required to reject or cancel a payout');
    const paymentReference = req.paymentReference?.trim();
    if (req.to === PayoutStatus.PAID) {
      if (!paymentReference) throw badInput('paymentReference', 'paymentReference (the voucher number) is required to mark a payout paid');
      assertPastDate(req.paidOn ?? '', 'paidOn');
    }
    const head = await this.ds.getRepository(Payout).findOneBy({ id: req.id });
    if (!head) throw notFound('Payout', req.id);
    try {
      return await this.tx.run((em) => this.apply(em, head, { ...req, reason, paymentReference }, actor));
    } catch (err) {
      if (dbViolation(err) === 'unique') throw conflict(`Payment reference ${paymentReference} is already recorded on another payout`, 'paymentReference', 'REFERENCE_USED');
      throw err;
    }
  }

  /** What the actor may do next with the payout (the console shows only these buttons). */
  nextStatuses(row: Payout, actor: Actor): PayoutStatus[] {
    return PAYOUT_FLOW[row.status].filter((to) => this.denial(row, to, actor) === null);
  }

  private async apply(
    em: EntityManager,
    head: Payout,
    req: PayoutTransitionRequest,
    actor: Actor,
  ): Promise<Payout> {
    // Lock order: budget, then payout, in every transaction that touches both.
    const budget = req.to === PayoutStatus.APPROVED ? await this.lockBudget(em, head) : null;
    const row = await em.findOne(Payout, { where: { id: head.id }, ...writeLock(em) });
    if (!row) throw notFound('Payout', head.id);
    assertTransition(PAYOUT_FLOW, 'Payout', row.id, row.status, req.to);
    const denied = this.denial(row, req.to, actor);
    if (denied) throw forbidden(denied.message, denied.reason);

    const userId = actor.user?.id ?? null;
    const set: Partial<Payout> = { status: req.to };
    switch (req.to) {
      case PayoutStatus.SUBMITTED:
        Object.assign(set, { submittedById: userId, submittedAt: new Date() });
        break;
      case PayoutStatus.APPROVED:
        await this.checkBudget(em, budget!, row);
        Object.assign(set, { approvedById: userId, approvedAt: new Date() });
        break;
      case PayoutStatus.PAID:
        if (row.approvedAt && req.paidOn! < todayInChina(row.approvedAt)) throw badInput('paidOn', `paidOn ${req.paidOn} is before the approval (${todayInChina(row.approvedAt)})`);
        if (await em.exists(Payout, { where: { paymentReference: req.paymentReference } })) {
          throw conflict(`Payment reference ${req.paymentReference} is already recorded on another payout`, 'paymentReference', 'REFERENCE_USED');
        }
        Object.assign(set, { paidById: userId, paidOn: req.paidOn, paymentReference: req.paymentReference });
        break;
      case PayoutStatus.DRAFT:
        Object.assign(set, { submittedById: null, submittedAt: null, approvedById: null, approvedAt: null });
        break;
      default:
        break;
    }
    return this.payouts.writeChange(em, actor, row, set, {
      action: ACTION[req.to],
      step: { entity: PayoutTransition, values: { payoutId: row.id, fromStatus: row.status, toStatus: req.to, reason: req.reason ?? null, ...signingSession(actor) } },
      auditExtra: { reason: req.reason ?? null },
    });
  }

  /** Why the actor may not make this move, or null. Maker-checker lives here. */
  private denial(row: Payout, to: PayoutStatus, actor: Actor): { message: string; reason: string } | null {
    const why = this.denialMessage(row, to, actor);
    if (!why) return null;
    const makerChecker = why === MAKER_CHECKER;
    return { message: why, reason: makerChecker ? 'MAKER_CHECKER' : 'ROLE' };
  }

  private denialMessage(row: Payout, to: PayoutStatus, actor: Actor): string | null {
    const role = actor.user?.role;
    const office = role === Role.PARTY_OFFICE;
    const editor = !!role && (EDITORS as readonly Role[]).includes(role);
    const isSubmitter = !!actor.user && actor.user.id === row.submittedById;
    switch (to) {
      case PayoutStatus.SUBMITTED:
        return editor ? null : 'Only the party-building office or an administrator may submit payouts';
      case PayoutStatus.APPROVED:
      case PayoutStatus.REJECTED:
        if (!office) return 'Only the party-building office (PARTY_OFFICE) may approve or reject payouts';
        return isSubmitter ? MAKER_CHECKER : null;
      case PayoutStatus.PAID:
        return office ? null : 'Only the party-building office (PARTY_OFFICE) may mark payouts paid';
      case PayoutStatus.CANCELLED:
        if (row.status === PayoutStatus.APPROVED) return office ? null : 'Only the party-building office (PARTY_OFFICE) may cancel an approved payout';
        return editor ? null : 'Only the party-building office or an administrator may cancel drafts';
      case PayoutStatus.DRAFT:
        if (row.status === PayoutStatus.SUBMITTED) return isSubmitter || office ? null : 'Only the submitter or the office may take a submission back';
        return editor ? null : 'Only the party-building office or an administrator may revise payouts';
      default:
        return 'Not allowed';
    }
  }

  private async lockBudget(em: EntityManager, p: Payout): Promise<IncentiveBudget> {
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

  private async checkBudget(em: EntityManager, budget: IncentiveBudget, row: Payout): Promise<void> {
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
}
