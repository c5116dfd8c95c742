import {
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  TextField as MuiTextField,
  Pagination,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { type AssignmentFilter, MyTaskPlansDocument, MyTasksDocument, type MyTasksQuery } from '../../graphql/generated';
import { StatusChip } from '../common/fields';
import { ReportProgressButton } from './ReportProgressButton';
import { ReportsButton } from './ReportsButton';
import { AcknowledgeButton, ReportDutyButton, UrgencyChip, Urgings } from './SupervisionParts';

type Row = MyTasksQuery['allAssignments'][number];

const PER_PAGE = 20;

/** The status filter's choices, each a filter of the API (the light is worked out there, over all the unit's tasks). */
const STATUSES: Record<string, { label: string; filter: AssignmentFilter }> = {
  OVERDUE: { label: 'app.tasks.mine_overdue', filter: { urgency: ['OVERDUE'] } },
  DUE_SOON: { label: 'app.tasks.mine_due_soon', filter: { urgency: ['DUE_SOON'] } },
  UNACKNOWLEDGED: { label: 'app.tasks.mine_unacknowledged', filter: { acknowledged: false } },
  DONE: { label: 'app.tasks.mine_done', filter: { urgency: ['DONE'] } },
};

interface Filters {
  q: string;
  status: string;
  planId: string;
  dueFrom: string;
  dueTo: string;
}
const NO_FILTERS: Filters = { q: '', status: '', planId: '', dueFrom: '', dueTo: '' };

/** The filter as the API takes it; the search waits until typing pauses. */
function toFilter(unitId: string, f: Filters): AssignmentFilter {
  return {
    unitId,
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.dueFrom ? { dueFrom: f.dueFrom } : {}),
    ...(f.dueTo ? { dueTo: f.dueTo } : {}),
    ...(STATUSES[f.status]?.filter ?? {}),
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const taskName = (r: Row) => r.taskItem.title ?? r.taskItem.content;

/** 签收, then 报告进度 (or 报告落实 for a recurring duty), then the reports so far. */
const RowActions = ({ r, onDone }: { r: Row; onDone: () => void }) => (
  <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
    <AcknowledgeButton assignmentId={r.id} acknowledgedAt={r.acknowledgedAt} onDone={onDone} />
    {r.taskItem.deadlineKind === 'RECURRING' ? (
      <ReportDutyButton assignmentId={r.id} task={taskName(r)} onDone={onDone} />
    ) : (
      <ReportProgressButton target={{ assignmentId: r.id, task: taskName(r), milestones: r.taskItem.milestones }} onDone={onDone} />
    )}
    <ReportsButton assignmentId={r.id} task={taskName(r)} />
  </Stack>
);

const Milestones = ({ r }: { r: Row }) => (
  <>
    {r.taskItem.milestones.map((m) => (
      <Typography key={m.id} variant="caption" sx={{ display: 'block' }}>
        ▸ {m.text}
      </Typography>
    ))}
  </>
);

/** On a phone one card per task: the light and the deadline first, the task, then the buttons (no column to scroll to). */
const TaskCard = ({ r, onDone }: { r: Row; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="my-task" data-assignment={r.id}>
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5, alignItems: 'center', mb: 0.5 }}>
          <UrgencyChip urgency={r.urgency} nextDueOn={r.nextDueOn} />
          <StatusChip enumName="ProgressStatus" status={r.status} />
          <Typography variant="caption" color="text.secondary">
            {translate(r.isLead ? 'app.tasks.lead' : 'app.tasks.co')}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          {r.taskItem.content}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {r.taskItem.keyWork.plan.name} · {r.taskItem.keyWork.number} {r.taskItem.keyWork.title}
        </Typography>
        <Typography variant="caption" component="div" data-testid="deadline">
          {translate('app.tasks.deadline')}：{r.taskItem.deadlineText ?? '—'}
        </Typography>
        <Milestones r={r} />
        <Urgings urgings={r.urgings} />
        <Box sx={{ mt: 1 }}>
          <RowActions r={r} onDone={onDone} />
        </Box>
      </CardContent>
    </Card>
  );
};

/** The filter bar: words, status, plan and the deadline's range; it wraps on a phone. */
const FilterBar = ({ value, onChange, plans }: { value: Filters; onChange: (f: Filters) => void; plans: Array<{ id: string; name: string }> }) => {
  const translate = useTranslate();
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const sx = { flex: { xs: '1 1 100%', sm: '0 1 200px' }, minWidth: 0 };
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5, mb: 2, alignItems: 'center' }} data-testid="my-tasks-filters">
      <MuiTextField
        size="small"
        type="search"
        label={translate('app.tasks.mine_search')}
        value={value.q}
        onChange={set('q')}
        sx={{ ...sx, flex: { xs: '1 1 100%', sm: '0 1 260px' } }}
        slotProps={{ htmlInput: { 'data-testid': 'my-tasks-q' } }}
      />
      <MuiTextField
        size="small"
        select
        label={translate('app.tasks.mine_status')}
        value={value.status}
        onChange={set('status')}
        sx={{ ...sx, flex: { xs: '1 1 120px', sm: '0 1 200px' } }}
        data-testid="my-tasks-status"
      >
        <MenuItem value="">{translate('app.tasks.mine_all')}</MenuItem>
        {Object.entries(STATUSES).map(([k, s]) => (
          <MenuItem key={k} value={k}>
            {translate(s.label)}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField
        size="small"
        select
        label={translate('app.tasks.mine_plan')}
        value={value.planId}
        onChange={set('planId')}
        sx={{ ...sx, flex: { xs: '1 1 100%', sm: '0 1 280px' } }}
        data-testid="my-tasks-plan"
      >
        <MenuItem value="">{translate('app.tasks.mine_all_plans')}</MenuItem>
        {plans.map((p) => (
          <MenuItem key={p.id} value={p.id} sx={{ whiteSpace: 'normal' }}>
            {p.name}
          </MenuItem>
        ))}
      </MuiTextField>
      <Stack direction="row" useFlexGap sx={{ gap: 1.5, flex: { xs: '1 1 100%', sm: '0 1 340px' }, minWidth: 0 }}>
        <MuiTextField
          size="small"
          type="date"
          label={translate('app.tasks.mine_due_from')}
          value={value.dueFrom}
          onChange={set('dueFrom')}
          sx={{ flex: 1, minWidth: 0 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <MuiTextField
          size="small"
          type="date"
          label={translate('app.tasks.mine_due_to')}
          value={value.dueTo}
          onChange={set('dueTo')}
          sx={{ flex: 1, minWidth: 0 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      {JSON.stringify(value) !== JSON.stringify(NO_FILTERS) && (
        <Button size="small" onClick={() => onChange(NO_FILTERS)} data-testid="my-tasks-clear">
          {translate('app.tasks.mine_clear')}
        </Button>
      )}
    </Stack>
  );
};

/**
 * 我的任务: what the signed-in user's unit must do (lead or co-responsible), and reporting on it.
 * Searched and filtered by the API over all the unit's tasks, a page at a time; on a phone a card
 * per task, so the light, the deadline, 签收 and 报告进度 are on screen without scrolling sideways.
 */
export const MyTasks = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const unitId = getUser()?.unitId;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const q = useDebounced(filters.q, 400);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [plans, setPlans] = useState<Array<{ id: string; name: string }>>([]);

  const filter = unitId ? toFilter(String(unitId), { ...filters, q }) : null;
  const key = JSON.stringify(filter);
  const load = useCallback(() => {
    if (!unitId) return setRows([]);
    request(MyTasksDocument, { filter: JSON.parse(key) as AssignmentFilter, page: page - 1, perPage: PER_PAGE }).then(
      (d) => {
        setRows(d.allAssignments);
        setTotal(d._allAssignmentsMeta.count);
      },
      (e: Failure) => notify(errorText(e), { type: 'error' }),
    );
  }, [unitId, key, page, notify, errorText]);
  useEffect(load, [load]);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    if (unitId)
      request(MyTaskPlansDocument, { unitId: String(unitId) }).then(
        (d) => setPlans(d.allPlans),
        () => undefined,
      );
  }, [unitId]);

  const pages = Math.ceil(total / PER_PAGE);
  return (
    <Box sx={{ mt: 2, maxWidth: '100%', minWidth: 0 }}>
      <Title title="app.tasks.mine" />
      {!unitId && <Typography>{translate('app.tasks.no_unit')}</Typography>}
      {unitId && <FilterBar value={filters} onChange={setFilters} plans={plans} />}
      {rows && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="my-tasks-count" data-count={total}>
          {total ? translate('app.tasks.mine_count', { count: total }) : translate('app.tasks.mine_none')}
        </Typography>
      )}
      {rows && rows.length > 0 && phone && (
        <Stack spacing={1.5} data-testid="my-tasks">
          {rows.map((r) => (
            <TaskCard key={r.id} r={r} onDone={load} />
          ))}
        </Stack>
      )}
      {rows && rows.length > 0 && !phone && (
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
              <TableRow key={r.id} data-testid="my-task" data-assignment={r.id}>
                <TableCell sx={{ minWidth: 160 }}>
                  {r.taskItem.keyWork.plan.name}
                  <br />
                  {r.taskItem.keyWork.number} {r.taskItem.keyWork.title}
                </TableCell>
                <TableCell>
                  {r.taskItem.content}
                  <Urgings urgings={r.urgings} />
                  <Milestones r={r} />
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
                  <RowActions r={r} onDone={load} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 && (
        <Pagination
          sx={{ mt: 2, display: 'flex', justifyContent: 'center' }}
          count={pages}
          page={page}
          onChange={(_, p) => setPage(p)}
          size={phone ? 'small' : 'medium'}
          data-testid="my-tasks-pages"
        />
      )}
    </Box>
  );
};
