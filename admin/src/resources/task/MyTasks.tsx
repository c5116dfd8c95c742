import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { MyTasksDocument, type MyTasksQuery } from '../../graphql/generated';
import { StatusChip } from '../common/fields';
import { ReportProgressButton } from './ReportProgressButton';
import { ReportsButton } from './ReportsButton';
import { AcknowledgeButton, ReportDutyButton, UrgencyChip, Urgings } from './SupervisionParts';

type Row = MyTasksQuery['allAssignments'][number];

/** 我的任务: what the signed-in user's unit must do (lead or co-responsible), and reporting on it. */
export const MyTasks = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const unitId = getUser()?.unitId;
  const [rows, setRows] = useState<Row[] | null>(null);
  const load = useCallback(() => {
    if (!unitId) return setRows([]);
    request(MyTasksDocument, { unitId }).then(
      (d) => setRows(d.allAssignments),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [unitId, notify]);
  useEffect(load, [load]);

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.tasks.mine" />
      {!unitId && <Typography>{translate('app.tasks.no_unit')}</Typography>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="my-tasks">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.tasks.plan')}</TableCell>
              <TableCell>{translate('app.tasks.task')}</TableCell>
              <TableCell>{translate('app.tasks.role')}</TableCell>
              <TableCell>{translate('app.tasks.deadline')}</TableCell>
              <TableCell>{translate('app.tasks.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="my-task">
                <TableCell sx={{ minWidth: 160 }}>
                  {r.taskItem.keyWork.plan.name}
                  <br />
                  {r.taskItem.keyWork.number} {r.taskItem.keyWork.title}
                </TableCell>
                <TableCell>
                  {r.taskItem.content}
                  <Urgings urgings={r.urgings} />
                  {r.taskItem.milestones.map((m) => (
                    <Typography key={m.id} variant="caption" sx={{ display: 'block' }}>
                      ▸ {m.text}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>{translate(r.isLead ? 'app.tasks.lead' : 'app.tasks.co')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {r.taskItem.deadlineText ?? '—'}
                  <br />
                  <UrgencyChip urgency={r.urgency} nextDueOn={r.nextDueOn} />
                </TableCell>
                <TableCell>
                  <StatusChip enumName="ProgressStatus" status={r.status} />
                </TableCell>
                <TableCell>
                  <AcknowledgeButton assignmentId={r.id} acknowledgedAt={r.acknowledgedAt} onDone={load} />
                  {r.taskItem.deadlineKind === 'RECURRING' ? (
                    <ReportDutyButton assignmentId={r.id} task={r.taskItem.title ?? r.taskItem.content} onDone={load} />
                  ) : (
                    <ReportProgressButton target={{ assignmentId: r.id, task: r.taskItem.title ?? r.taskItem.content, milestones: r.taskItem.milestones }} onDone={load} />
                  )}
                  <ReportsButton assignmentId={r.id} task={r.taskItem.title ?? r.taskItem.content} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
