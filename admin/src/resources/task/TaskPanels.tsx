import GridOnIcon from '@mui/icons-material/GridOn';
import { Box, Card, CardContent, Chip, Grid, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Button, useLocaleState, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { type HomeDeadlineFragment, type HomeUnitRowFragment, TaskPanelsDocument, type TaskPanelsQuery, UnitProgressDocument } from '../../graphql/generated';
import { formatDay, today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';
import { Figure } from '../common/Figure';
import { ReportProgressButton } from './ReportProgressButton';
import { AcknowledgeButton, ReportDutyButton } from './SupervisionParts';

/** How many deadlines the home page shows of each panel, and units a page (the lists behind hold the rest). */
const HOME_DEADLINES = 5;
const HOME_UNITS = 10;

/** The filtered list behind a figure: the open deadlines of a state, of one unit or all. */
export const deadlinesLink = (state: 'OVERDUE' | 'DUE_SOON', unitId?: string) => `/deadlines?state=${state}${unitId ? `&unitId=${unitId}` : ''}`;

const taskName = (e: HomeDeadlineFragment) => e.milestone?.text ?? e.task.title ?? e.task.content.slice(0, 60);

/**
 * Open deadlines as lines (they wrap on a phone, no table to scroll): the day, the unit, the task (a
 * link to its plan), days overdue; with `actions`, the unit's 签收 and 报告 on each line.
 */
export const DeadlineItems = ({ entries, testid, actions, onDone }: { entries: HomeDeadlineFragment[]; testid: string; actions?: boolean; onDone?: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (entries.length === 0)
    return (
      <Typography variant="body2" data-testid={testid} data-empty>
        {translate('app.tasks.none')}
      </Typography>
    );
  return (
    <Stack divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />} data-testid={testid}>
      {entries.map((e) => (
        <Box key={`${e.assignment.id}:${e.milestone?.id ?? ''}`} sx={{ py: 0.75 }} data-testid="deadline" data-assignment-id={e.assignment.id}>
          <Typography variant="body2" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, alignItems: 'center' }}>
            <Box component="span" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
              {formatDay(e.dueDate, locale)}
            </Box>
            {!actions && <span>{e.assignment.unit.name}</span>}
            {e.daysOverdue > 0 ? (
              <Chip size="small" color="error" label={translate('app.tasks.days_overdue', { days: e.daysOverdue })} />
            ) : (
              <Chip size="small" color="warning" variant="outlined" label={translate('app.tasks.days_left', { days: -e.daysOverdue })} />
            )}
          </Typography>
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <Link to={`/Plan/${e.task.keyWork.plan.id}/show`}>{taskName(e)}</Link>
            <Typography component="span" variant="caption" color="text.secondary">
              {' '}
              · {e.task.keyWork.plan.name}
            </Typography>
          </Typography>
          {actions && onDone && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
              <AcknowledgeButton assignmentId={e.assignment.id} acknowledgedAt={e.assignment.acknowledgedAt} onDone={onDone} />
              {e.task.deadlineKind === 'RECURRING' ? (
                <ReportDutyButton assignmentId={e.assignment.id} task={e.task.title ?? e.task.content} onDone={onDone} />
              ) : (
                <ReportProgressButton target={{ assignmentId: e.assignment.id, task: e.task.title ?? e.task.content, milestones: e.task.milestones }} onDone={onDone} />
              )}
            </Box>
          )}
        </Box>
      ))}
    </Stack>
  );
};

/** 各单位进度 as an Excel sheet, every unit (read a page of 100 at a time), for the office's weekly report. */
async function exportRollup(translate: (k: string, o?: object) => string): Promise<void> {
  const rows: HomeUnitRowFragment[] = [];
  for (let page = 0; ; page++) {
    const d = (await request(UnitProgressDocument, { asOf: today(), page, perPage: 100 })).unitProgressPage;
    rows.push(...d.nodes);
    if (d.nodes.length < 100 || rows.length >= d.totalCount) break;
  }
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

/** 各单位进度: the units of the office, the most overdue first, a page at a time; each overdue figure opens that unit's overdue list. */
const UnitRollup = ({ first }: { first: TaskPanelsQuery['units'] }) => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [data, setData] = useState(first);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  useEffect(() => {
    if (page === 0) setData(first);
    else request(UnitProgressDocument, { asOf: today(), page, perPage: HOME_UNITS }).then((d) => setData(d.unitProgressPage), denied);
  }, [page, first, denied]);
  const cell = { px: 0.75 };
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
          {translate('app.tasks.by_unit')}（{data.totalCount}）
          <Button label="app.export.xlsx" onClick={() => exportRollup(translate)} data-testid="export-rollup">
            <GridOnIcon />
          </Button>
        </Typography>
        <Table size="small" data-testid="unit-rollup" sx={{ '& td, & th': cell }}>
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
            {data.nodes.map((u) => (
              <TableRow key={u.id} data-testid={`rollup-${u.label}`}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{u.label}</TableCell>
                <TableCell align="right">{u.notStarted}</TableCell>
                <TableCell align="right">{u.inProgress}</TableCell>
                <TableCell align="right" data-testid="done">
                  {u.done}
                </TableCell>
                <TableCell align="right" data-testid="overdue">
                  {u.overdue > 0 ? (
                    <Link to={deadlinesLink('OVERDUE', u.id)} style={{ color: 'inherit', fontWeight: 600 }}>
                      {u.overdue}
                    </Link>
                  ) : (
                    0
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data.totalCount > HOME_UNITS && (
          <TablePagination
            component="div"
            count={data.totalCount}
            page={page}
            rowsPerPage={HOME_UNITS}
            rowsPerPageOptions={[]}
            onPageChange={(_, p) => setPage(p)}
            labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
            getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
          />
        )}
      </CardContent>
    </Card>
  );
};

/**
 * The office's task panels (a unit's staff: their unit's, with 签收 and 报告): how many deadlines are
 * overdue and due within 30 days, the first of each, and progress per unit, all counted by the API.
 */
export const TaskPanels = ({ unit = false, lead }: { unit?: boolean; lead?: ReactNode }) => {
  const translate = useTranslate();
  const [data, setData] = useState<TaskPanelsQuery | null>(null);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  const load = useCallback(() => {
    request(TaskPanelsDocument, { asOf: today(), deadlines: HOME_DEADLINES, units: HOME_UNITS }).then(setData, denied);
  }, [denied]);
  useEffect(load, [load]);
  if (!data) return null;
  const panel = (state: 'OVERDUE' | 'DUE_SOON', part: TaskPanelsQuery['overdue'], testid: string) => (
    <Grid size={{ xs: 12, md: 6 }}>
      <Card sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            <Link to={deadlinesLink(state)} style={{ color: 'inherit' }} data-testid={`${testid}-title`}>
              {translate(state === 'OVERDUE' ? 'app.tasks.overdue' : 'app.tasks.due_soon')}（{part.totalCount}）
            </Link>
          </Typography>
          <DeadlineItems entries={part.nodes} testid={testid} actions={unit} onDone={load} />
          {part.totalCount > part.nodes.length && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <Link to={deadlinesLink(state)}>{translate('app.tasks.see_all', { count: part.totalCount })}</Link>
            </Typography>
          )}
        </CardContent>
      </Card>
    </Grid>
  );
  return (
    <Box data-testid={unit ? 'unit-task-panels' : 'task-panels'}>
      <Grid container spacing={2} sx={{ mt: 2 }}>
        {lead && <Grid size={{ xs: 12, sm: 4 }}>{lead}</Grid>}
        <Grid size={{ xs: 6, sm: 4 }}>
          <Figure label={translate('app.tasks.overdue')} value={data.overdue.totalCount} to={deadlinesLink('OVERDUE')} testid="figure-overdue" tone="error" />
        </Grid>
        <Grid size={{ xs: 6, sm: 4 }}>
          <Figure label={translate('app.tasks.due_soon')} value={data.soon.totalCount} to={deadlinesLink('DUE_SOON')} testid="figure-due-soon" tone="warning" />
        </Grid>
      </Grid>
      <Grid container spacing={2} sx={{ mt: 2 }}>
        {panel('OVERDUE', data.overdue, 'overdue-panel')}
        {panel('DUE_SOON', data.soon, 'due-soon-panel')}
      </Grid>
      {!unit && <UnitRollup first={data.units} />}
    </Box>
  );
};
