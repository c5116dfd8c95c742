import { Alert, Button, Chip, TextField as MuiTextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { useErrorText } from '../../dataProvider/errors';
import { AcknowledgeAssignmentDocument, ReportDutyDocument, UrgeAssignmentDocument } from '../../graphql/generated';
import { today } from '../common/dates';
import { MutationDialog } from '../common/MutationDialog';

/*
 * 督办 in the console (issue 16): an assignment's light (黄灯 / 红灯), the unit's receipt (签收), the
 * office's 催办 as the unit sees it, a recurring duty's report (报告落实), and the office's 催办 form.
 */

const LIGHT: Record<string, 'default' | 'warning' | 'error' | 'success'> = { NONE: 'default', DUE_SOON: 'warning', OVERDUE: 'error', DONE: 'success' };

/** 黄灯 / 红灯, with the next deadline. */
export const UrgencyChip = ({ urgency, nextDueOn }: { urgency: string; nextDueOn?: string | null }) => {
  const translate = useTranslate();
  if (urgency === 'NONE' && !nextDueOn) return null;
  const label = `${translate(`enums.Urgency.${urgency}`)}${nextDueOn && urgency !== 'OVERDUE' ? ` · ${nextDueOn}` : ''}`;
  return <Chip size="small" color={LIGHT[urgency] ?? 'default'} label={label} data-testid="urgency" data-urgency={urgency} />;
};

/** 签收: once; afterwards the day it was acknowledged. */
export const AcknowledgeButton = ({ assignmentId, acknowledgedAt, onDone }: { assignmentId: string; acknowledgedAt?: string | null; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  if (acknowledgedAt) return <Chip size="small" variant="outlined" label={translate('app.tasks.acknowledged_on', { day: acknowledgedAt.slice(0, 10) })} data-testid="acknowledged" />;
  return (
    <Button
      size="small"
      variant="contained"
      data-testid="acknowledge"
      onClick={() =>
        request(AcknowledgeAssignmentDocument, { id: assignmentId }).then(
          () => {
            notify('app.tasks.acknowledge_done', { type: 'success' });
            onDone();
          },
          (e) => notify(errorText(e), { type: 'error' }),
        )
      }
    >
      {translate('app.tasks.acknowledge')}
    </Button>
  );
};

/** The office's 催办 notices, as the unit sees them on its task. */
export const Urgings = ({ urgings }: { urgings: Array<{ id: string; sentOn: string; message: string; dueBy?: string | null; sentBy?: string | null }> }) => {
  const translate = useTranslate();
  if (!urgings.length) return null;
  return (
    <>
      {urgings.map((u) => (
        <Alert key={u.id} severity="error" sx={{ mt: 0.5, py: 0 }} data-testid="urging">
          {translate('app.tasks.urging_line', { day: u.sentOn, by: u.sentBy ?? '—', message: u.message })}
          {u.dueBy ? translate('app.tasks.urging_due', { day: u.dueBy }) : ''}
        </Alert>
      ))}
    </>
  );
};

/** 报告落实: one holding of a recurring duty (the day, what was done, how many attended). */
export const ReportDutyButton = ({ assignmentId, task, onDone }: { assignmentId: string; task: string; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <MutationDialog
      label="app.tasks.report_duty"
      confirmLabel="app.tasks.submit"
      testids={{ open: 'report-duty', confirm: 'report-duty-submit' }}
      initial={() => ({ heldOn: today(), note: '', attendance: '', evidenceUrl: '' })}
      submit={(v) =>
        request(ReportDutyDocument, {
          assignmentId,
          heldOn: v.heldOn,
          note: v.note,
          attendance: v.attendance ? Number(v.attendance) : null,
          evidenceUrl: v.evidenceUrl || null,
        })
      }
      success="app.tasks.reported"
      onDone={onDone}
    >
      {(form) => (
        <>
          <Alert severity="info" icon={false}>
            {task}
          </Alert>
          <MuiTextField type="date" label={translate('app.tasks.held_on')} {...form.field('heldOn')} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiTextField label={translate('app.tasks.minutes')} {...form.field('note')} multiline minRows={3} slotProps={{ htmlInput: { 'data-testid': 'duty-note' } }} />
          <MuiTextField label={translate('app.tasks.attendance')} {...form.field('attendance')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          <MuiTextField label={translate('app.tasks.evidence')} {...form.field('evidenceUrl')} />
        </>
      )}
    </MutationDialog>
  );
};

/** 催办: the office's notice about an overdue assignment. */
export const UrgeButton = ({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <MutationDialog
      label="app.tasks.urge"
      confirmLabel="app.tasks.urge_send"
      testids={{ open: 'urge', confirm: 'urge-send' }}
      initial={() => ({ message: '', dueBy: '' })}
      submit={(v) => request(UrgeAssignmentDocument, { assignmentId, message: v.message, dueBy: v.dueBy || null })}
      success="app.tasks.urge_sent"
      onDone={onDone}
    >
      {(form) => (
        <>
          <MuiTextField label={translate('app.tasks.urge_message')} {...form.field('message')} multiline minRows={3} slotProps={{ htmlInput: { 'data-testid': 'urge-message' } }} />
          <MuiTextField type="date" label={translate('app.tasks.urge_due')} {...form.field('dueBy')} slotProps={{ inputLabel: { shrink: true } }} />
        </>
      )}
    </MutationDialog>
  );
};
