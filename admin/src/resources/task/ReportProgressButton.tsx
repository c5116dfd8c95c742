import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import { Alert, Button, Chip, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { uploadFile } from '../attachment/files';
import { ReportProgressDocument, type ProgressStatus } from '../../graphql/generated';
import { today } from '../common/dates';
import { enumChoices } from '../common/enums';
import { MutationDialog } from '../common/MutationDialog';

export interface ReportTarget {
  assignmentId: string;
  task: string;
  milestones: Array<{ id: string; text: string; dueDate: string }>;
}

/**
 * 报告进度: date, status, what was done, photos (on a phone the camera opens: accept image/*, capture)
 * and a link to the evidence; optionally for one milestone. The photos are uploaded as the report's
 * attachments once the API has taken the report (a report is never edited: its files come with it).
 */
export const ReportProgressButton = ({ target, onDone }: { target: ReportTarget; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [photos, setPhotos] = useState<File[]>([]);
  const send = async (v: Record<string, string>) => {
    const { reportProgress } = await request(ReportProgressDocument, {
      assignmentId: target.assignmentId,
      milestoneId: v.milestoneId || null,
      reportDate: v.reportDate,
      status: v.status as ProgressStatus, // one of the select's choices (enumChoices)
      note: v.note,
      evidenceUrl: v.evidenceUrl || null,
    });
    const taken = photos;
    setPhotos([]);
    for (const file of taken) {
      try {
        await uploadFile('ProgressReport', reportProgress.id, file);
      } catch (e) {
        // the report stands (sending it again would report twice): say which photo is missing
        notify('app.tasks.photos_failed', { type: 'warning', messageArgs: { error: `${file.name}：${errorText(e as Failure)}` } });
      }
    }
  };
  return (
    <MutationDialog
      label="app.tasks.report"
      confirmLabel="app.tasks.submit"
      testids={{ open: 'report-progress', confirm: 'report-submit' }}
      initial={() => ({ reportDate: today(), status: 'IN_PROGRESS', note: '', evidenceUrl: '', milestoneId: '' })}
      submit={send}
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
          <Stack spacing={1} data-testid="report-photos">
            <Typography variant="subtitle2">{translate('app.tasks.photos')}</Typography>
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
              {photos.map((f, i) => (
                <Chip key={`${f.name}-${i}`} label={f.name} onDelete={() => setPhotos((p) => p.filter((_, j) => j !== i))} data-testid="report-photo" sx={{ maxWidth: '100%' }} />
              ))}
            </Stack>
            <Button component="label" variant="outlined" startIcon={<AddAPhotoIcon />} sx={{ alignSelf: 'flex-start' }} data-testid="report-photo-add">
              {translate('app.tasks.photos_add')}
              <input
                hidden
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                data-testid="report-photo-input"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  setPhotos((p) => [...p, ...files]);
                }}
              />
            </Button>
            <Typography variant="caption" color="text.secondary">
              {translate('app.tasks.photos_hint')}
            </Typography>
          </Stack>
          <MuiTextField label={translate('app.tasks.evidence')} {...form.field('evidenceUrl')} />
        </>
      )}
    </MutationDialog>
  );
};
