import type { WorkflowView } from '../common/workflow';
import { formatFen } from './money';

const COLOR: Record<string, 'primary' | 'success' | 'error' | 'inherit'> = { SUBMITTED: 'primary', APPROVED: 'success', PAID: 'success', REJECTED: 'error', CANCELLED: 'error', DRAFT: 'inherit' };

/** 提交, 审批通过, 退回, 登记发放, 作废, 撤回修改: a payout's moves in the console (maker-checker and the budget are the API's). */
export const PAYOUT_VIEW: WorkflowView = {
  resource: 'Payout',
  statusEnum: 'PayoutStatus',
  order: ['SUBMITTED', 'APPROVED', 'PAID', 'REJECTED', 'CANCELLED', 'DRAFT'],
  label: (_from, to) => `app.payouts.action.${to}`,
  color: (_from, to) => COLOR[to],
  variant: (_from, to) => (to === 'APPROVED' || to === 'PAID' ? 'contained' : 'text'),
  summary: (p, _from, to, { translate, locale }) => translate(`app.payouts.confirm.${to}`, { recipient: p.recipientName, amount: formatFen(p.amountFen, locale), year: p.budgetYear }),
  reasonLabel: (_from, to, required) => (required ? `app.payouts.reason_required.${to}` : 'app.payouts.reason_optional'),
  dateLabel: (_from, to) => (to === 'APPROVED' ? 'resources.Payout.fields.approvedOn' : 'resources.Payout.fields.paidOn'),
  fieldLabel: (name) => `resources.Payout.fields.${name}`,
  fieldHelp: (name) => (name === 'paymentReference' ? 'app.payouts.reference_help' : undefined),
  success: (to) => `app.payouts.done.${to}`,
  testids: {
    open: (_from, to) => `payout-action-${to}`,
    confirm: 'payout-confirm',
    error: 'payout-error',
    date: 'payout-paid-on',
    reason: 'payout-reason',
    field: () => 'payout-reference',
    summary: 'payout-dialog-summary',
    moves: 'payout-actions',
    timeline: 'payout-steps',
  },
  stepError: (s) => s.toStatus === 'REJECTED' || s.toStatus === 'CANCELLED',
};
