import { TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';
import { today } from '../common/dates';
import { MutationDialog } from '../common/MutationDialog';

interface CaseRef {
  id: string;
  status: string;
  compound?: { name: string };
}

/**
 * One step of a site's way to acceptance (检查, 上级验收, 街道验收, 未通过, 重新申报): the day it
 * happened (today by default, never in the future) and, for 未通过, why.
 */
export const AdvanceCaseButton = ({ record, to, onDone }: { record: CaseRef; to: string; onDone: () => void }) => {
  const translate = useTranslate();
  const rejecting = to === 'REJECTED';
  return (
    <MutationDialog
      label={`app.awards.to.${to}`}
      color={rejecting ? 'error' : 'primary'}
      maxWidth="xs"
      testids={{ open: `case-advance-${to}`, confirm: 'case-step-confirm' }}
      initial={() => ({ date: today(), reason: '' })}
      required={rejecting ? ['reason'] : []}
      submit={(v) =>
        gqlRequest(
          'mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!, $r: String) { advanceAwardCase(id: $id, to: $to, date: $d, reason: $r) { id status } }',
          { id: record.id, to, d: v.date, r: v.reason.trim() || null },
          true,
        )
      }
      success="app.awards.advanced"
      successArgs={{ status: translate(`enums.AwardCaseStatus.${to}`) }}
      onDone={onDone}
    >
      {(form) => (
        <>
          {record.compound && <Typography variant="body2">{record.compound.name}</Typography>}
          <MuiTextField
            type="date"
            label={translate('app.awards.step_date')}
            {...form.field('date')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'case-step-date' } }}
          />
          <MuiTextField
            label={translate(rejecting ? 'app.awards.reject_reason' : 'app.awards.step_note')}
            {...form.field('reason')}
            required={rejecting}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'case-step-reason' } }}
          />
        </>
      )}
    </MutationDialog>
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
