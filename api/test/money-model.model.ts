/*
 * The money model: what the payout rules (README "Incentive awards and payouts") say should happen,
 * written independently of the services so the model-based test can compare the two.
 */

export type Status = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'PAID' | 'REJECTED' | 'CANCELLED';
export type Role = 'ADMIN' | 'PARTY_OFFICE' | 'UNIT_STAFF';
export type RecipientRole = 'PROPERTY_COMPANY' | 'COMMUNITY';

/** The payout workflow as the README states it (not imported from the code under test). */
export const FLOW: Record<Status, Status[]> = {
  DRAFT: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['APPROVED', 'REJECTED', 'DRAFT'],
  APPROVED: ['PAID', 'CANCELLED'],
  REJECTED: ['DRAFT'],
  PAID: [],
  CANCELLED: [],
};

/** The audit action each move writes. */
export const ACTION: Record<Status, string> = { DRAFT: 'REOPEN', SUBMITTED: 'SUBMIT', APPROVED: 'APPROVE', REJECTED: 'REJECT', PAID: 'PAY', CANCELLED: 'CANCEL' };

export const MUTATION: Record<Status, string> = {
  DRAFT: 'reopenPayout',
  SUBMITTED: 'submitPayout',
  APPROVED: 'approvePayout',
  REJECTED: 'rejectPayout',
  PAID: 'markPayoutPaid',
  CANCELLED: 'cancelPayout',
};

export interface ActorRef {
  name: string;
  role: Role;
  id: number;
}

export interface ModelPayout {
  id: number;
  caseIdx: number;
  recipientRole: RecipientRole;
  /** The rule line's amount when generated; the payout keeps it unless edited as a draft. */
  ruleAmountFen: number;
  amountFen: number;
  edited: boolean;
  status: Status;
  version: number;
  submittedById: number | null;
  approvedById: number | null;
  paidById: number | null;
  paymentReference: string | null;
  transitions: number;
}

/** A request that succeeded with an idempotency key: the same request again is a replay. */
export interface KeyedRequest {
  key: string;
  to: Status;
  payoutId: number;
  actor: string;
  reason: string | null;
  paymentReference: string | null;
}

export interface Model {
  year: number;
  budgetFen: number | null;
  lines: Array<{ recipientRole: RecipientRole; amountFen: number | null }>;
  cases: Array<{ id: number; generated: boolean }>;
  payouts: ModelPayout[];
  keys: KeyedRequest[];
  /** Voucher numbers recorded on a payout (UNIQUE across payouts). */
  references: string[];
  /** The audit events the sequence should have written, in order, as `type:id:action`. */
  audit: string[];
  commands: number;
}

export type Outcome = { ok: true; replay?: boolean } | { ok: false; code: string; reason?: string; field?: string };
const refuse = (code: string, reason?: string, field?: string): Outcome => ({ ok: false, code, ...(reason ? { reason } : {}), ...(field ? { field } : {}) });

const editor = (a: ActorRef) => a.role === 'ADMIN' || a.role === 'PARTY_OFFICE';
const office = (a: ActorRef) => a.role === 'PARTY_OFFICE';

export const committedFen = (m: Model) => m.payouts.filter((p) => p.status === 'APPROVED' || p.status === 'PAID').reduce((s, p) => s + p.amountFen, 0);

/** Why the actor may not move the payout, as the README's maker-checker and role rules say; null if allowed. */
export function denial(p: ModelPayout, to: Status, a: ActorRef): 'ROLE' | 'MAKER_CHECKER' | null {
  const submitter = p.submittedById === a.id;
  switch (to) {
    case 'SUBMITTED':
      return editor(a) ? null : 'ROLE';
    case 'APPROVED':
    case 'REJECTED':
      if (!office(a)) return 'ROLE'; // an ADMIN runs the system but does not sign payments
      return submitter ? 'MAKER_CHECKER' : null;
    case 'PAID':
      return office(a) ? null : 'ROLE';
    case 'CANCELLED':
      return (p.status === 'APPROVED' ? office(a) : editor(a)) ? null : 'ROLE';
    case 'DRAFT':
      if (p.status === 'SUBMITTED') return submitter || office(a) ? null : 'ROLE';
      return editor(a) ? null : 'ROLE';
  }
}

/** The moves the actor may make (what `Payout.nextStatuses` must answer). */
export const nextStatuses = (p: ModelPayout, a: ActorRef): Status[] => FLOW[p.status].filter((to) => denial(p, to, a) === null);

export interface MoveRequest {
  to: Status;
  payout: ModelPayout;
  actor: ActorRef;
  key: string | null;
  reason: string | null;
  paymentReference: string | null;
}

/** Moves that sign money: PARTY_OFFICE only (an ADMIN runs the system but does not sign payments). */
const SIGNING: readonly Status[] = ['APPROVED', 'REJECTED', 'PAID'];

/**
 * The answer a payout transition must get, in the order the API checks: the actor's own key (keys
 * belong to the user who sent them), role, budget, table, signer, money.
 */
export function expectMove(m: Model, r: MoveRequest): Outcome {
  if (r.key) {
    const prior = m.keys.find((k) => k.key === r.key && k.actor === r.actor.name);
    if (prior) {
      const same = prior.to === r.to && prior.payoutId === r.payout.id && prior.reason === r.reason && prior.paymentReference === r.paymentReference;
      return same ? { ok: true, replay: true } : refuse('CONFLICT', 'KEY_REUSED', 'idempotencyKey');
    }
  }
  if (!editor(r.actor) || (SIGNING.includes(r.to) && !office(r.actor))) return refuse('FORBIDDEN');
  if (r.to === 'APPROVED' && m.budgetFen === null) return refuse('CONFLICT', 'NO_BUDGET', 'budget');
  if (!FLOW[r.payout.status].includes(r.to)) return refuse('CONFLICT', 'INVALID_TRANSITION', 'status');
  const denied = denial(r.payout, r.to, r.actor);
  if (denied) return refuse('FORBIDDEN', denied);
  if (r.to === 'APPROVED' && r.payout.amountFen > m.budgetFen! - committedFen(m)) return refuse('CONFLICT', 'OVER_BUDGET', 'amount');
  if (r.to === 'PAID' && m.references.includes(r.paymentReference!)) return refuse('CONFLICT', 'REFERENCE_USED', 'paymentReference');
  return { ok: true };
}

/** Applies a successful, non-replayed transition to the model. */
export function applyMove(m: Model, r: MoveRequest): void {
  const p = r.payout;
  p.status = r.to;
  p.version++;
  p.transitions++;
  m.audit.push(`Payout:${p.id}:${ACTION[r.to]}`);
  if (r.to === 'SUBMITTED') p.submittedById = r.actor.id;
  if (r.to === 'APPROVED') p.approvedById = r.actor.id;
  if (r.to === 'DRAFT') Object.assign(p, { submittedById: null, approvedById: null });
  if (r.to === 'PAID') {
    Object.assign(p, { paidById: r.actor.id, paymentReference: r.paymentReference });
    m.references.push(r.paymentReference!);
  }
  if (r.key) m.keys.push({ key: r.key, to: r.to, payoutId: p.id, actor: r.actor.name, reason: r.reason, paymentReference: r.paymentReference });
}

/** Generating a case's payouts: one per rule line, only once, only with every amount set. */
export function expectGenerate(m: Model, caseIdx: number, a: ActorRef): Outcome {
  if (!editor(a)) return refuse('FORBIDDEN');
  if (m.cases[caseIdx].generated) return refuse('CONFLICT', 'ALREADY_AWARDED', 'caseId');
  if (m.lines.some((l) => l.amountFen === null)) return refuse('CONFLICT', 'NO_AMOUNT', 'amount');
  return { ok: true };
}

/** Editing a draft's amount; anything submitted or later is frozen. */
export function expectEdit(p: ModelPayout, a: ActorRef): Outcome {
  if (!editor(a)) return refuse('FORBIDDEN');
  if (p.status !== 'DRAFT') return refuse('CONFLICT', 'FROZEN', 'amount');
  return { ok: true };
}

/** Setting the year's budget: never below what is committed. */
export function expectBudget(m: Model, amountFen: number, a: ActorRef): Outcome {
  if (!editor(a)) return refuse('FORBIDDEN');
  if (amountFen < committedFen(m)) return refuse('BAD_USER_INPUT', undefined, 'amount');
  return { ok: true };
}

export const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
