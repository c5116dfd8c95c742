import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  MenuItem,
  Pagination,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { getOffice, getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { useErrorText } from '../../dataProvider/errors';
import {
  DutyChoicesDocument,
  type DutyChoicesQuery,
  DutyOccurrencePageDocument,
  DutyOfficesDocument,
  type DutyOfficesQuery,
  type DutyOccurrencePageQuery,
  type OccurrenceStatus,
} from '../../graphql/generated';
import { today } from '../common/dates';
import { StatusChip } from '../common/fields';
import { type PeriodKind, periodChoices, periodLabel, periodRange } from './dutyPeriods';

type Page = DutyOccurrencePageQuery['dutyOccurrencePage'];
type Occurrence = Page['nodes'][number];
type Duty = DutyChoicesQuery['duties'][number];

const PER_PAGE = 20;
/** How far back the period picker reaches: two years. */
const CHOICES: Record<PeriodKind, number> = { QUARTER: 8, MONTH: 24 };
const STATUSES: OccurrenceStatus[] = ['OVERDUE', 'OPEN', 'HELD_LATE', 'HELD'];

interface Filters {
  office: string;
  kind: PeriodKind;
  period: string;
  planId: string;
  taskItemId: string;
  unitId: string;
  status: OccurrenceStatus | '';
}

/**
 * 定期工作落实情况: an office's recurring duties (每季度召开联席会议…) for a month or quarter — every
 * responsible unit's occurrence, the overdue first, a page at a time, with 应报 / 已报 / 逾期 at the top
 * and each report (held on, minutes, evidence, attendance) a tap away. Cards on a phone.
 */
export const DutiesPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const user = getUser() as { jurisdictionId?: string | null } | null;
  const day = today();
  const [offices, setOffices] = useState<DutyOfficesQuery['streets']>([]);
  const [duties, setDuties] = useState<Duty[]>([]);
  const [f, setF] = useState<Filters>({
    office: String(getOffice()?.id ?? user?.jurisdictionId ?? ''),
    kind: 'QUARTER',
    period: periodChoices('QUARTER', day, 1)[0],
    planId: '',
    taskItemId: '',
    unitId: '',
    status: '',
  });
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page | null>(null);
  const [open, setOpen] = useState<Occurrence | null>(null);
  // a new filter starts at the first page; a plan or office chosen anew clears what depends on it
  const set = (change: Partial<Filters>) => {
    setPage(0);
    setF((old) => ({ ...old, ...change }));
  };

  useEffect(() => {
    request(DutyOfficesDocument).then(
      (r) => {
        setOffices(r.streets);
        setF((old) => (old.office ? old : { ...old, office: r.streets[0]?.id ?? '' }));
      },
      (e) => notify(errorText(e), { type: 'error' }),
    );
  }, [notify, errorText]);
  // the office's recurring duties, to choose from: its plans, their tasks and the units they are assigned to
  useEffect(() => {
    if (!f.office) return;
    request(DutyChoicesDocument, { office: f.office }).then(
      (r) => setDuties(r.duties),
      (e) => notify(errorText(e), { type: 'error' }),
    );
  }, [f.office, notify, errorText]);

  useEffect(() => {
    if (!f.office) return;
    const { from, to } = periodRange(f.period);
    request(DutyOccurrencePageDocument, {
      asOf: day,
      from,
      to,
      jurisdictionId: f.office,
      planId: f.planId || null,
      taskItemId: f.taskItemId || null,
      unitId: f.unitId || null,
      status: f.status || null,
      page,
      perPage: PER_PAGE,
    }).then(
      (d) => setData(d.dutyOccurrencePage),
      (e) => notify(errorText(e), { type: 'error' }),
    );
  }, [f, page, day, notify, errorText]);

  const plans = [...new Map(duties.map((d) => [d.keyWork.plan.id, d.keyWork.plan.name])).entries()];
  const tasks = duties.filter((d) => !f.planId || d.keyWork.plan.id === f.planId);
  const units = [...new Map(tasks.flatMap((d) => d.assignments.map((a) => [a.unit.id, a.unit.name] as const))).entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  const taskName = (d: Pick<Duty, 'title' | 'content'>) => d.title ?? d.content;

  // two to a row on a phone (a plan's or task's name takes the row), in a line on a wider screen
  const WIDE: Array<keyof Filters> = ['office', 'planId', 'taskItemId'];
  const select = (key: keyof Filters, label: string, options: Array<[string, string]>, change: (v: string) => Partial<Filters>, all = true) => (
    <MuiTextField
      select
      size="small"
      sx={{ minWidth: 0, gridColumn: { xs: WIDE.includes(key) ? 'span 2' : 'auto', sm: 'auto' } }}
      label={translate(label)}
      value={f[key]}
      onChange={(e) => set(change(e.target.value))}
      data-testid={`duties-${key}`}
    >
      {all && <MenuItem value="">{translate('app.duties.all')}</MenuItem>}
      {options.map(([value, text]) => (
        <MenuItem key={value} value={value}>
          {text}
        </MenuItem>
      ))}
    </MuiTextField>
  );
  // a count is a status to read (应报: all of them); 已报 is two statuses, read by the status picker
  const counts: Array<[string, number | undefined, OccurrenceStatus | '' | null]> = [
    ['expected', data?.expected, ''],
    ['reported', data?.reported, null],
    ['overdue', data?.overdue, 'OVERDUE'],
    ['open', data?.open, 'OPEN'],
  ];

  return (
    <Box sx={{ mt: 2 }} data-testid="duties">
      <Title title="app.duties.menu" />
      <Box sx={{ display: 'grid', gap: 1.5, mb: 2, gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(auto-fill, minmax(180px, 1fr))' } }}>
        {offices.length > 1 &&
          select(
            'office',
            'app.bulletin.office',
            offices.map((s) => [s.id, s.name]),
            (office) => ({ office, planId: '', taskItemId: '', unitId: '' }),
            false,
          )}
        {select(
          'kind',
          'app.duties.kind',
          [
            ['QUARTER', translate('app.duties.by_quarter')],
            ['MONTH', translate('app.duties.by_month')],
          ],
          (kind) => ({ kind: kind as PeriodKind, period: periodChoices(kind as PeriodKind, day, 1)[0] }),
          false,
        )}
        {select(
          'period',
          'app.duties.period_label',
          periodChoices(f.kind, day, CHOICES[f.kind]).map((p) => [p, periodLabel(translate, p)]),
          (period) => ({ period }),
          false,
        )}
        {select('planId', 'app.tasks.plan', plans, (planId) => ({ planId, taskItemId: '', unitId: '' }))}
        {select(
          'taskItemId',
          'app.tasks.task',
          tasks.map((d) => [d.id, taskName(d)]),
          (taskItemId) => ({ taskItemId }),
        )}
        {select('unitId', 'app.tasks.responsible_unit', units, (unitId) => ({ unitId }))}
        {select(
          'status',
          'app.duties.status',
          STATUSES.map((s) => [s, translate(`enums.OccurrenceStatus.${s}`)]),
          (status) => ({ status: status as OccurrenceStatus | '' }),
        )}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        {counts.map(([key, n, status]) => (
          <Chip
            key={key}
            color={key === 'overdue' && n ? 'error' : key === 'reported' ? 'success' : 'default'}
            variant={f.status === status && status ? 'filled' : 'outlined'}
            label={`${translate(`app.duties.${key}`)} ${n ?? '…'}${key === 'reported' && data?.reportedLate ? translate('app.duties.of_them_late', { n: data.reportedLate }) : ''}`}
            onClick={status === null ? undefined : () => set({ status })}
            data-testid={`duties-count-${key}`}
            data-count={n ?? ''}
          />
        ))}
      </Stack>
      {data && data.totalCount === 0 && <Typography data-testid="duties-none">{translate('app.duties.none')}</Typography>}
      {data && data.nodes.length > 0 && (small ? <Cards rows={data.nodes} onOpen={setOpen} /> : <Rows rows={data.nodes} onOpen={setOpen} />)}
      {data && data.totalCount > PER_PAGE && (
        <Pagination sx={{ mt: 2 }} count={Math.ceil(data.totalCount / PER_PAGE)} page={page + 1} onChange={(_e, p) => setPage(p - 1)} size={small ? 'small' : 'medium'} data-testid="duties-pages" />
      )}
      <ReportsDialog occurrence={open} onClose={() => setOpen(null)} />
    </Box>
  );
};

/** Where an occurrence stands: its status, and the day it was last reported done (or the day it is due by). */
const Standing = ({ o }: { o: Occurrence }) => {
  const translate = useTranslate();
  const last = o.reports.at(-1)?.heldOn;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <StatusChip enumName="OccurrenceStatus" status={o.status} />
      <Typography variant="body2" component="span">
        {o.status === 'HELD' || o.status === 'HELD_LATE'
          ? translate('app.duties.reported_on', { day: last })
          : o.required > 1
            ? translate('app.duties.held_of', { held: o.held, required: o.required })
            : ''}
      </Typography>
    </Box>
  );
};

const ReportsLink = ({ o, onOpen }: { o: Occurrence; onOpen: (o: Occurrence) => void }) => {
  const translate = useTranslate();
  return o.reports.length ? (
    <Button size="small" onClick={() => onOpen(o)} data-testid="duty-reports">
      {translate('app.duties.view_reports', { n: o.reports.length })}
    </Button>
  ) : null;
};

const Rows = ({ rows, onOpen }: { rows: Occurrence[]; onOpen: (o: Occurrence) => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            {['app.tasks.task', 'app.tasks.responsible_unit', 'app.duties.period_label', 'app.duties.due_on', 'app.duties.status', ''].map((h) => (
              <TableCell key={h}>{h && translate(h)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={`${o.assignment.id}|${o.periodKey}`} data-testid="duty-occurrence" data-status={o.status}>
              <TableCell sx={{ minWidth: 220 }}>
                {o.task.title ?? o.task.content}
                <Typography variant="caption" component="div" color="text.secondary">
                  {o.task.keyWork.plan.name}
                </Typography>
              </TableCell>
              <TableCell data-testid="duty-unit">{o.assignment.unit.name}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{periodLabel(translate, o.periodKey)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{o.dueOn}</TableCell>
              <TableCell>
                <Standing o={o} />
              </TableCell>
              <TableCell>
                <ReportsLink o={o} onOpen={onOpen} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Cards = ({ rows, onOpen }: { rows: Occurrence[]; onOpen: (o: Occurrence) => void }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      {rows.map((o) => (
        <Card key={`${o.assignment.id}|${o.periodKey}`} variant="outlined" data-testid="duty-occurrence" data-status={o.status}>
          <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="subtitle2" data-testid="duty-unit">
              {o.assignment.unit.name}
            </Typography>
            <Typography variant="body2">{o.task.title ?? o.task.content}</Typography>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
              {periodLabel(translate, o.periodKey)} · {translate('app.duties.due_by', { day: o.dueOn })}
            </Typography>
            <Standing o={o} />
            <ReportsLink o={o} onOpen={onOpen} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

/** An occurrence's reports, oldest first: when, who, the minutes, how many attended, the evidence. */
const ReportsDialog = ({ occurrence: o, onClose }: { occurrence: Occurrence | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={o !== null} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{o && `${o.assignment.unit.name} · ${periodLabel(translate, o.periodKey)}`}</DialogTitle>
      <DialogContent>
        {o && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {o.task.title ?? o.task.content}
          </Typography>
        )}
        {o?.reports.map((r) => (
          <Box key={r.id} data-testid="duty-report" sx={{ py: 1 }}>
            <Divider sx={{ mb: 1 }} />
            <Typography variant="subtitle2">
              {translate('app.duties.held_on_by', { day: r.heldOn, by: r.reportedBy ?? '—' })}
              {r.attendance ? ` · ${translate('app.duties.attended', { n: r.attendance })}` : ''}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {r.note}
            </Typography>
            {r.evidenceUrl && (
              <Typography variant="caption" component="div" sx={{ wordBreak: 'break-all' }}>
                {translate('app.tasks.evidence')}：
                <a href={r.evidenceUrl} target="_blank" rel="noreferrer noopener">
                  {r.evidenceUrl}
                </a>
              </Typography>
            )}
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
