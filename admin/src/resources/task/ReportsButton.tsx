import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { type AssignmentReportsQuery, AssignmentReportsDocument } from '../../graphql/generated';
import { Attachments } from '../attachment/Attachments';
import { StatusChip } from '../common/fields';

type Report = NonNullable<AssignmentReportsQuery['Assignment']>['reports'][number];

/** 进度报告: an assignment's reports, newest first, each with its photos and scans (added here, after reporting). */
export const ReportsButton = ({ assignmentId, task }: { assignmentId: string; task: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [reports, setReports] = useState<Report[] | null>(null);
  const open = () =>
    request(AssignmentReportsDocument, { id: assignmentId }).then(
      (d) => setReports([...(d.Assignment?.reports ?? [])].reverse()),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  return (
    <>
      <Button size="small" onClick={open} data-testid="progress-reports">
        {translate('app.tasks.reports')}
      </Button>
      <Dialog open={reports !== null} onClose={() => setReports(null)} fullWidth maxWidth="md">
        <DialogTitle>{task}</DialogTitle>
        <DialogContent>
          {reports?.length === 0 && <Typography>{translate('app.tasks.no_reports')}</Typography>}
          {reports?.map((r, i) => (
            <Box key={r.id} data-testid="progress-report" sx={{ py: 1 }}>
              {i > 0 && <Divider sx={{ mb: 1 }} />}
              <Typography variant="subtitle2" component="div">
                {r.reportDate} <StatusChip enumName="ProgressStatus" status={r.status} /> {r.milestone ? `· ${r.milestone.text}` : ''}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {r.note}
              </Typography>
              {r.evidenceUrl && (
                <Typography variant="caption" component="div">
                  {translate('app.tasks.evidence')}：{r.evidenceUrl}
                </Typography>
              )}
              <Attachments target="ProgressReport" id={r.id} />
            </Box>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReports(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
