import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { TaskPanelsDocument, type TaskPanelsQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';

type Entry = TaskPanelsQuery['overdue'][number];
type Rollup = TaskPanelsQuery['units'][number];

/** 各单位进度 as an Excel sheet, for the office's weekly report. */
function exportRollup(rows: Rollup[], translate: (k: string, o?: object) => string): Promise<void> {
  const title = translate('app.tasks.by_unit');
  const headers = [
    translate('resources.Unit.name', { smart_count: 1 }),
    translate('app.tasks.total'),
    translate('enums.ProgressStatus.NOT_STARTED'),
    translate('enums.ProgressStatus.IN_PROGRESS'),
    translate('enums.ProgressStatus.DONE'),
    translate('app.tasks.overdue'),
  ];
  return downloadXlsx({ headers, rows: rows.map((r) => [r.label, r.total, r.notStarted, r.inProgress, r.done, r.overdue]) }, title, `${title}-${today()}.xlsx`);
}

/** Overdue and due-soon deadlines, and progress per unit, as of today (a unit user sees its own unit). */
export const TaskPanels = () => {
  const translate = useTranslate();
  const unitId = getUser()?.role === 'UNIT_STAFF' ? getUser()?.unitId : null;
  const [data, setData] = useState<TaskPanelsQuery | null>(null);
  useEffect(() => {
    request(TaskPanelsDocument, { asOf: today(), unitId: unitId ?? null }).then(setData, () => undefined);
  }, [unitId]);
  if (!data) return null;
  const list = (entries: Entry[], testid: string) =>
    entries.length === 0 ? (
      <Typography variant="body2">{translate('app.tasks.none')}</Typography>
    ) : (
      <Table size="small" data-testid={testid}>
        <TableBody>
          {entries.slice(0, 10).map((e, i) => (
            <TableRow key={i}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.dueDate}</TableCell>
              <TableCell>{e.assignment.unit.name}</TableCell>
              <TableCell>{e.milestone?.text ?? e.task.title ?? e.task.content.slice(0, 60)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6">
            {translate('app.tasks.overdue')}（{data.overdue.length}）
          </Typography>
          {list(data.overdue, 'overdue-panel')}
          <Typography variant="h6" sx={{ mt: 2 }}>
            {translate('app.tasks.due_soon')}（{data.soon.length}）
          </Typography>
          {list(data.soon, 'due-soon-panel')}
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6">
            {translate('app.tasks.by_unit')}
            <Button label="app.export.xlsx" onClick={() => exportRollup(data.units, translate)} data-testid="export-rollup">
              <GridOnIcon />
            </Button>
          </Typography>
          <Table size="small" data-testid="unit-rollup">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.Unit.name', { smart_count: 1 })}</TableCell>
                <TableCell align="right">{translate('enums.ProgressStatus.NOT_STARTED')}</TableCell>
                <TableCell align="right">{translate('enums.ProgressStatus.IN_PROGRESS')}</TableCell>
                <TableCell align="right">{translate('enums.ProgressStatus.DONE')}</TableCell>
                <TableCell align="right">{translate('app.tasks.overdue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.units.map((u) => (
                <TableRow key={u.id} data-testid={`rollup-${u.label}`}>
                  <TableCell>{u.label}</TableCell>
                  <TableCell align="right">{u.notStarted}</TableCell>
                  <TableCell align="right">{u.inProgress}</TableCell>
                  <TableCell align="right" data-testid="done">
                    {u.done}
                  </TableCell>
                  <TableCell align="right">{u.overdue}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
};
