import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { gqlRequest } from '../../dataProvider';
import { formatFen, newIdempotencyKey, today } from './money';

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

type Failure = { message: string; body?: { errors?: Record<string, string>; extensions?: Record<string, unknown> } };

/**
 * One move of a payout (提交, 审批通过, 退回, 登记发放, 作废, 撤回修改) behind a confirmation dialog.
 * The dialog takes one idempotency key when it opens and sends it with every try, so a double
 * click or a retry after a lost response acts once.
 */
export const PayoutTransitionButton = ({ payout, to, onDone }: { payout: PayoutRef; to: string; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const paying = to === 'PAID';
  const reasonRequired = NEEDS_REASON.includes(to);

  const start = () => {
    setKey(newIdempotencyKey());
    setReason('');
    setReference('');
    setPaidOn(today());
    setErrors({});
    setError(null);
    setOpen(true);
  };

  /** The API's CONFLICT reasons, in the user's language and with the figures. */
  const explain = (f: Failure): string => {
    const x = f.body?.extensions ?? {};
    const money = (fen: unknown) => formatFen(typeof fen === 'number' ? fen : null, locale);
    if (x.reason === 'OVER_BUDGET') {
      return translate('app.payouts.over_budget', { year: payout.budgetYear, amount: money(payout.amountFen), budget: money(x.budgetFen), committed: money(x.committedFen), available: money(x.availableFen) });
    }
    if (x.reason === 'NO_BUDGET') return translate('app.payouts.no_budget', { year: payout.budgetYear });
    return translate(f.message, { _: f.message });
  };

  const confirm = async () => {
    const missing: Record<string, string> = {};
    if (reasonRequired && !reason.trim()) missing.reason = 'ra.validation.required';
    if (paying && !reference.trim()) missing.paymentReference = 'ra.validation.required';
    if (paying && !paidOn) missing.paidOn = 'ra.validation.required';
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length) return;
    const name = MUTATION[to];
    const paidArgs = paying ? ', $ref: String!, $on: LocalDate!' : '';
    const paidUse = paying ? ', paymentReference: $ref, paidOn: $on' : '';
    setBusy(true);
    try {
      await gqlRequest(
        `mutation($id: ID!, $k: String, $r: String${reasonRequired ? '!' : ''}${paidArgs}) { ${name}(id: $id, idempotencyKey: $k, reason: $r${paidUse}) { id status } }`,
        { id: payout.id, k: key, r: reason.trim() || null, ...(paying ? { ref: reference.trim(), on: paidOn } : {}) },
        true,
      );
      notify(`app.payouts.done.${to}`, { type: 'success' });
      setOpen(false);
      onDone();
    } catch (e) {
      const f = e as Failure;
      if (f.body?.errors && Object.keys(f.body.errors).some((k) => ['reason', 'paymentReference', 'paidOn'].includes(k))) setErrors(f.body.errors);
      else setError(explain(f));
    } finally {
      setBusy(false);
    }
  };
  const helper = (k: string) => (errors[k] ? translate(errors[k], { _: errors[k] }) : undefined);

  return (
    <>
      <Button label={`app.payouts.action.${to}`} onClick={start} color={COLOR[to]} variant={to === 'APPROVED' || to === 'PAID' ? 'contained' : 'text'} data-testid={`payout-action-${to}`} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`app.payouts.action.${to}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography variant="body1" data-testid="payout-dialog-summary">
              {translate(`app.payouts.confirm.${to}`, { recipient: payout.recipientName, amount: formatFen(payout.amountFen, locale), year: payout.budgetYear })}
            </Typography>
            {paying && (
              <>
                <MuiTextField
                  label={translate('resources.Payout.fields.paymentReference')}
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                  required
                  error={!!errors.paymentReference}
                  helperText={helper('paymentReference') ?? translate('app.payouts.reference_help')}
                  slotProps={{ htmlInput: { 'data-testid': 'payout-reference' } }}
                />
                <MuiTextField
                  type="date"
                  label={translate('resources.Payout.fields.paidOn')}
                  value={paidOn}
                  onChange={(e) => setPaidOn(e.target.value)}
                  required
                  error={!!errors.paidOn}
                  helperText={helper('paidOn')}
                  slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'payout-paid-on' } }}
                />
              </>
            )}
            <MuiTextField
              label={translate(reasonRequired ? `app.payouts.reason_required.${to}` : 'app.payouts.reason_optional')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required={reasonRequired}
              multiline
              minRows={2}
              error={!!errors.reason}
              helperText={helper('reason')}
              slotProps={{ htmlInput: { 'data-testid': 'payout-reason' } }}
            />
            {error && (
              <Alert severity="error" data-testid="payout-error">
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label={`app.payouts.action.${to}`} color={COLOR[to]} variant="contained" disabled={busy} onClick={confirm} data-testid="payout-confirm" />
        </DialogActions>
      </Dialog>
    </>
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
