import { Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { gqlRequest } from '../../dataProvider';
import { today } from '../common/dates';
import { MutationDialog } from '../common/MutationDialog';
import { formatFen } from './money';

export interface PayoutRef {
  id: string;
  status: string;
  amountFen: number;
  recipientName: string;
  budgetYear: number;
  submittedById: string | null;
  nextStatuses: string[];
}

/** The mutation for each target state; all take an idempotency key. */
const MUTATION: Record<string, string> = {
  SUBMITTED: 'submitPayout',
  APPROVED: 'approvePayout',
  REJECTED: 'rejectPayout',
  PAID: 'markPayoutPaid',
  CANCELLED: 'cancelPayout',
  DRAFT: 'reopenPayout',
};
const ORDER = ['SUBMITTED', 'APPROVED', 'PAID', 'REJECTED', 'CANCELLED', 'DRAFT'];
const NEEDS_REASON = ['REJECTED', 'CANCELLED'];
const COLOR: Record<string, 'primary' | 'success' | 'error' | 'inherit'> = { SUBMITTED: 'primary', APPROVED: 'success', PAID: 'success', REJECTED: 'error', CANCELLED: 'error', DRAFT: 'inherit' };

/**
 * One move of a payout (提交, 审批通过, 退回, 登记发放, 作废, 撤回修改) behind a confirmation dialog.
 * The dialog takes one idempotency key when it opens and sends it with every try, so a double
 * click or a retry after a lost response acts once.
 */
export const PayoutTransitionButton = ({ payout, to, onDone }: { payout: PayoutRef; to: string; onDone: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const paying = to === 'PAID';
  const reasonRequired = NEEDS_REASON.includes(to);
  const name = MUTATION[to];
  const paidArgs = paying ? ', $ref: String!, $on: LocalDate!' : '';
  const paidUse = paying ? ', paymentReference: $ref, paidOn: $on' : '';

  return (
    <MutationDialog
      label={`app.payouts.action.${to}`}
      color={COLOR[to]}
      variant={to === 'APPROVED' || to === 'PAID' ? 'contained' : 'text'}
      confirmLabel={`app.payouts.action.${to}`}
      confirmColor={COLOR[to]}
      testids={{ open: `payout-action-${to}`, confirm: 'payout-confirm', error: 'payout-error' }}
      initial={() => ({ reason: '', paymentReference: '', paidOn: today() })}
      required={[...(reasonRequired ? (['reason'] as const) : []), ...(paying ? (['paymentReference', 'paidOn'] as const) : [])]}
      submit={(v, key) =>
        gqlRequest(
          `mutation($id: ID!, $k: String, $r: String${reasonRequired ? '!' : ''}${paidArgs}) { ${name}(id: $id, idempotencyKey: $k, reason: $r${paidUse}) { id status } }`,
          { id: payout.id, k: key, r: v.reason.trim() || null, ...(paying ? { ref: v.paymentReference.trim(), on: v.paidOn } : {}) },
          true,
        )
      }
      success={`app.payouts.done.${to}`}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Typography variant="body1" data-testid="payout-dialog-summary">
            {translate(`app.payouts.confirm.${to}`, { recipient: payout.recipientName, amount: formatFen(payout.amountFen, locale), year: payout.budgetYear })}
          </Typography>
          {paying && (
            <>
              <MuiTextField
                label={translate('resources.Payout.fields.paymentReference')}
                {...form.field('paymentReference')}
                helperText={form.field('paymentReference').helperText ?? translate('app.payouts.reference_help')}
                required
                slotProps={{ htmlInput: { 'data-testid': 'payout-reference' } }}
              />
              <MuiTextField
                type="date"
                label={translate('resources.Payout.fields.paidOn')}
                {...form.field('paidOn')}
                required
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'payout-paid-on' } }}
              />
            </>
          )}
          <MuiTextField
            label={translate(reasonRequired ? `app.payouts.reason_required.${to}` : 'app.payouts.reason_optional')}
            {...form.field('reason')}
            required={reasonRequired}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'payout-reason' } }}
          />
        </>
      )}
    </MutationDialog>
  );
};

/** The moves the signed-in user may make (the API's nextStatuses: maker-checker applied there). */
export const PayoutActions = ({ payout, onDone, only = ORDER }: { payout: PayoutRef; onDone: () => void; only?: string[] }) => {
  const translate = useTranslate();
  const own = payout.status === 'SUBMITTED' && !!payout.submittedById && payout.submittedById === getUser()?.id;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="payout-actions">
      {ORDER.filter((s) => only.includes(s) && payout.nextStatuses.includes(s)).map((to) => (
        <PayoutTransitionButton key={to} payout={payout} to={to} onDone={onDone} />
      ))}
      {own && (
        <Typography variant="body2" color="text.secondary" data-testid="own-submission">
          {translate('app.payouts.own_submission')}
        </Typography>
      )}
    </Stack>
  );
};
