import { Alert, MenuItem, TextField as MuiTextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { ReportProgressDocument, type ProgressStatus } from '../../graphql/generated';
import { today } from '../common/dates';
import { enumChoices } from '../common/enums';
import { MutationDialog } from '../common/MutationDialog';

export interface ReportTarget {
  assignmentId: string;
  task: string;
  milestones: Array<{ id: string; text: string; dueDate: string }>;
}

/** 报告进度: date, status, what was done, a link to the evidence; optionally for one milestone. */
export const ReportProgressButton = ({ target, onDone }: { target: ReportTarget; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <MutationDialog
      label="app.tasks.report"
      confirmLabel="app.tasks.submit"
      testids={{ open: 'report-progress', confirm: 'report-submit' }}
      initial={() => ({ reportDate: today(), status: 'IN_PROGRESS', note: '', evidenceUrl: '', milestoneId: '' })}
      submit={(v) =>
        request(ReportProgressDocument, {
          assignmentId: target.assignmentId,
          milestoneId: v.milestoneId || null,
          reportDate: v.reportDate,
          status: v.status as ProgressStatus, // one of the select's choices (enumChoices)
          note: v.note,
          evidenceUrl: v.evidenceUrl || null,
        })
      }
      success="app.tasks.reported"
      onDone={onDone}
    >
      {(form) => (
        <>
          <Alert severity="info" icon={false}>
            {target.task}
          </Alert>
          {target.milestones.length > 0 && (
            <MuiTextField select label={translate('app.tasks.milestone')} {...form.field('milestoneId')}>
              <MenuItem value="">{translate('app.tasks.whole_task')}</MenuItem>
              {target.milestones.map((m) => (
                <MenuItem key={m.id} value={m.id}>
                  {m.text}
                </MenuItem>
              ))}
            </MuiTextField>
          )}
          <MuiTextField type="date" label={translate('app.tasks.report_date')} {...form.field('reportDate')} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiTextField select label={translate('app.tasks.status')} {...form.field('status')} slotProps={{ htmlInput: { 'data-testid': 'report-status' } }}>
            {enumChoices('ProgressStatus').map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField label={translate('app.tasks.note')} {...form.field('note')} multiline minRows={3} slotProps={{ htmlInput: { 'data-testid': 'report-note' } }} />
          <MuiTextField label={translate('app.tasks.evidence')} {...form.field('evidenceUrl')} />
        </>
      )}
    </MutationDialog>
  );
};
