import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { gqlRequest } from '../../dataProvider';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface Entry {
  dueDate: string;
  deadlineText: string | null;
  daysOverdue: number;
  task: { content: string; title: string | null };
  milestone: { text: string } | null;
  assignment: { unit: { name: string } };
}
interface Rollup {
  id: string;
  label: string;
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  overdue: number;
}

/** 各单位进度 as an Excel sheet, for the office's weekly report. */
async function exportRollup(rows: Rollup[], translate: (k: string, o?: object) => string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(translate('app.tasks.by_unit').slice(0, 31));
  ws.addRow([
    translate('resources.Unit.name', { smart_count: 1 }),
    translate('app.tasks.total'),
    translate('enums.ProgressStatus.NOT_STARTED'),
    translate('enums.ProgressStatus.IN_PROGRESS'),
    translate('enums.ProgressStatus.DONE'),
    translate('app.tasks.overdue'),
  ]).font = { bold: true };
  rows.forEach((r) => ws.addRow([r.label, r.total, r.notStarted, r.inProgress, r.done, r.overdue]));
  ws.columns = [{ width: 20 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([await book.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  a.download = `${translate('app.tasks.by_unit')}-${today()}.xlsx`;
  a.click();
}

const ENTRY = 'dueDate deadlineText daysOverdue task { content title } milestone { text } assignment { unit { name } }';

/** Overdue and due-soon deadlines, and progress per unit, as of today (a unit user sees its own unit). */
export const TaskPanels = () => {
  const translate = useTranslate();
  const unitId = getUser()?.role === 'UNIT_STAFF' ? getUser()?.unitId : null;
  const [data, setData] = useState<{ overdue: Entry[]; soon: Entry[]; units: Rollup[] } | null>(null);
  useEffect(() => {
    gqlRequest<{ overdue: Entry[]; soon: Entry[]; units: Rollup[] }>(
      `query($d: LocalDate!, $u: ID) {
        overdue: overdueTasks(asOf: $d, unitId: $u) { ${ENTRY} }
        soon: dueSoonTasks(asOf: $d, days: 30, unitId: $u) { ${ENTRY} }
        units: taskRollup(asOf: $d, by: UNIT, unitId: $u) { id label total notStarted inProgress done overdue }
      }`,
      { d: today(), u: unitId ?? null },
    ).then(setData, () => undefined);
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
                  <TableCell align="right" data-testid="done">{u.done}</TableCell>
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
