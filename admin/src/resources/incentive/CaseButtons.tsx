import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';
import { today } from './money';

interface CaseRef {
  id: string;
  status: string;
  compound?: { name: string };
}
type Failure = { message: string; body?: { errors?: Record<string, string> } };

/**
 * One step of a site's way to acceptance (检查, 上级验收, 街道验收, 未通过, 重新申报): the day it
 * happened (today by default, never in the future) and, for 未通过, why.
 */
export const AdvanceCaseButton = ({ record, to, onDone }: { record: CaseRef; to: string; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rejecting = to === 'REJECTED';

  const start = () => {
    setDate(today());
    setReason('');
    setErrors({});
    setError(null);
    setOpen(true);
  };
  const confirm = async () => {
    if (rejecting && !reason.trim()) return setErrors({ reason: 'ra.validation.required' });
    setBusy(true);
    try {
      await gqlRequest(
        'mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!, $r: String) { advanceAwardCase(id: $id, to: $to, date: $d, reason: $r) { id status } }',
        { id: record.id, to, d: date, r: reason.trim() || null },
        true,
      );
      notify('app.awards.advanced', { type: 'success', messageArgs: { status: translate(`enums.AwardCaseStatus.${to}`) } });
      setOpen(false);
      onDone();
    } catch (e) {
      const f = e as Failure;
      if (f.body?.errors) setErrors(f.body.errors);
      else setError(f.message);
    } finally {
      setBusy(false);
    }
  };
  const helper = (k: string) => (errors[k] ? translate(errors[k], { _: errors[k] }) : undefined);

  return (
    <>
      <Button label={`app.awards.to.${to}`} onClick={start} color={rejecting ? 'error' : 'primary'} data-testid={`case-advance-${to}`} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate(`app.awards.to.${to}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {record.compound && <Typography variant="body2">{record.compound.name}</Typography>}
            <MuiTextField
              type="date"
              label={translate('app.awards.step_date')}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={!!errors.date}
              helperText={helper('date')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'case-step-date' } }}
            />
            <MuiTextField
              label={translate(rejecting ? 'app.awards.reject_reason' : 'app.awards.step_note')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required={rejecting}
              multiline
              minRows={2}
              error={!!errors.reason}
              helperText={helper('reason')}
              slotProps={{ htmlInput: { 'data-testid': 'case-step-reason' } }}
            />
            {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.confirm" variant="contained" disabled={busy} onClick={confirm} data-testid="case-step-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** 生成发放: one draft payout per recipient line of the rule in force on the street-acceptance day. */
export const GeneratePayoutsButton = ({ record, onDone }: { record: CaseRef & { streetAcceptedOn?: string | null }; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    try {
      const d = await gqlRequest<{ generateAwardPayouts: unknown[] }>('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id } }', { c: record.id }, true);
      notify('app.awards.generated', { type: 'success', messageArgs: { count: d.generateAwardPayouts.length } });
      onDone();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="app.awards.generate" variant="contained" onClick={() => setOpen(true)} disabled={busy} data-testid="generate-payouts" />
      <Confirm
        isOpen={open}
        title="app.awards.generate"
        content={translate('app.awards.generate_confirm', { date: record.streetAcceptedOn ?? '—' })}
        onConfirm={generate}
        onClose={() => setOpen(false)}
        loading={busy}
      />
    </>
  );
};
