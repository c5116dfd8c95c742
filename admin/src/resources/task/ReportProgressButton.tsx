import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export interface ReportTarget {
  assignmentId: string;
  task: string;
  milestones: Array<{ id: string; text: string; dueDate: string }>;
}

/** 报告进度: date, status, what was done, a link to the evidence; optionally for one milestone. */
export const ReportProgressButton = ({ target, onDone }: { target: ReportTarget; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ reportDate: today(), status: 'IN_PROGRESS', note: '', evidenceUrl: '', milestoneId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async () => {
    setErrors({});
    setError(null);
    try {
      await gqlRequest(
        `mutation($a: ID!, $m: ID, $d: LocalDate!, $s: ProgressStatus!, $n: String!, $u: String) {
          reportProgress(assignmentId: $a, milestoneId: $m, reportDate: $d, status: $s, note: $n, evidenceUrl: $u) { id } }`,
        { a: target.assignmentId, m: form.milestoneId || null, d: form.reportDate, s: form.status, n: form.note, u: form.evidenceUrl || null },
        true,
      );
      notify('app.tasks.reported', { type: 'success' });
      setOpen(false);
      onDone();
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> } }).body;
      if (body?.errors) setErrors(body.errors);
      else setError((e as Error).message);
    }
  };
  const helper = (k: string) => (errors[k] ? translate(errors[k], { _: errors[k] }) : undefined);

  return (
    <>
      <Button label="app.tasks.report" onClick={() => setOpen(true)} data-testid="report-progress" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.tasks.report')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Alert severity="info" icon={false}>{target.task}</Alert>
            {target.milestones.length > 0 && (
              <MuiTextField select label={translate('app.tasks.milestone')} value={form.milestoneId} onChange={set('milestoneId')}>
                <MenuItem value="">{translate('app.tasks.whole_task')}</MenuItem>
                {target.milestones.map((m) => (
                  <MenuItem key={m.id} value={m.id}>
                    {m.text}
                  </MenuItem>
                ))}
              </MuiTextField>
            )}
            <MuiTextField type="date" label={translate('app.tasks.report_date')} value={form.reportDate} onChange={set('reportDate')} error={!!errors.reportDate} helperText={helper('reportDate')} slotProps={{ inputLabel: { shrink: true } }} />
            <MuiTextField select label={translate('app.tasks.status')} value={form.status} onChange={set('status')} slotProps={{ htmlInput: { 'data-testid': 'report-status' } }}>
              {['NOT_STARTED', 'IN_PROGRESS', 'DONE'].map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`enums.ProgressStatus.${s}`)}
                </MenuItem>
              ))}
            </MuiTextField>
            <MuiTextField label={translate('app.tasks.note')} value={form.note} onChange={set('note')} multiline minRows={3} error={!!errors.note} helperText={helper('note')} slotProps={{ htmlInput: { 'data-testid': 'report-note' } }} />
            <MuiTextField label={translate('app.tasks.evidence')} value={form.evidenceUrl} onChange={set('evidenceUrl')} error={!!errors.evidenceUrl} helperText={helper('evidenceUrl')} />
            {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="app.tasks.submit" variant="contained" onClick={submit} data-testid="report-submit" />
        </DialogActions>
      </Dialog>
    </>
  );
};
