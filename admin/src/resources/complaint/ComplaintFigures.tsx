import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Card, CardContent, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { getOffice, getUser } from '../../authProvider';
import { ReportControls, ReportTable } from '../common/ReportControls';
import { request } from '../../dataProvider';
import { ComplaintFigureAreasDocument, type ComplaintFigureRowFragment, ComplaintFiguresDocument, type ComplaintFiguresQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';

type Report = ComplaintFiguresQuery['complaintFigures'];
const COLUMNS = ['jurisdiction', 'received', 'last_year', 'change', 'disposed', 'on_time', 'late', 'overdue', 'within_limit', 'handling_rate', 'on_time_rate'] as const;

const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
const change = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${v}%`);
const cells = (r: ComplaintFigureRowFragment) => [
  r.jurisdiction,
  r.received,
  r.receivedLastYear,
  change(r.change),
  r.disposed,
  r.onTime,
  r.late,
  r.overdue,
  r.withinLimit,
  rate(r.handlingRate),
  rate(r.onTimeRate),
];

/**
 * 投诉办理统计: an area's complaints of the year to date as of a day — received, the change from the same
 * days last year, disposed on time or late, overdue, 处置率 and 按期处置率 — and each area under it, the
 * most overdue first; a row opens that area. As xlsx from the same answer. A card per area on a phone.
 */
export const ComplaintFiguresPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const user = getUser() as { jurisdictionId?: string | null } | null;
  const [areas, setAreas] = useState<Array<{ id: string; name: string }>>([]);
  const [area, setArea] = useState<string>(String(getOffice()?.id ?? user?.jurisdictionId ?? ''));
  const [asOf, setAsOf] = useState(today());
  const [data, setData] = useState<Report | null>(null);
  useEffect(() => {
    request(ComplaintFigureAreasDocument).then(
      (r) => {
        const all = [...r.cities, ...r.counties, ...r.townships];
        setAreas(all);
        setArea((a) => a || all[0]?.id || '');
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (!area || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    request(ComplaintFiguresDocument, { jurisdictionId: area, asOf }).then(
      (d) => setData(d.complaintFigures),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [area, asOf, notify]);

  const headers = COLUMNS.map((c) => translate(`app.complaint_figures.${c}`));
  const rows = data ? [data.area, ...data.parts] : [];
  const title = data ? translate('app.complaint_figures.title', { area: data.area.jurisdiction, from: data.from, day: data.asOf }) : translate('app.complaint_figures.menu');
  const xlsx = () => data && downloadXlsx({ headers, rows: rows.map(cells) }, translate('app.complaint_figures.menu'), `${title}.xlsx`);
  // an area picked by opening a row is offered in the list too
  const choices = data && !areas.some((a) => a.id === data.area.jurisdictionId) ? [...areas, { id: data.area.jurisdictionId, name: data.area.jurisdiction }] : areas;

  return (
    <Box sx={{ mt: 2 }} data-testid="complaint-figures">
      <Title title="app.complaint_figures.menu" />
      <ReportControls
        testId="figures"
        offices={choices}
        office={area}
        onOffice={setArea}
        asOf={asOf}
        onAsOf={setAsOf}
        labels={{ office: 'app.complaint_figures.area', asOf: 'app.complaint_figures.as_of' }}
      >
        <Button startIcon={<DownloadIcon />} onClick={xlsx} disabled={!data} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="figures-xlsx">
          {translate('app.complaint_figures.xlsx')}
        </Button>
      </ReportControls>
      {data && (
        <>
          <Typography variant="h6" sx={{ textAlign: 'center' }}>
            {title}
          </Typography>
          <Typography variant="body2" sx={{ textAlign: 'center', mb: 1, color: 'text.secondary' }}>
            {translate('app.complaint_figures.rules')}
          </Typography>
          {phone ? (
            <Stack spacing={1}>
              {rows.map((r, i) => (
                <Card key={r.jurisdictionId} variant="outlined" data-testid="figures-row" onClick={i ? () => setArea(r.jurisdictionId) : undefined}>
                  <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
                    <Typography variant="subtitle1" sx={{ fontWeight: i ? 400 : 700 }}>
                      {r.jurisdiction}
                    </Typography>
                    <Typography variant="body2">
                      {translate('app.complaint_figures.card', {
                        received: r.received,
                        change: change(r.change),
                        handling: rate(r.handlingRate),
                        onTime: rate(r.onTimeRate),
                        overdue: r.overdue,
                      })}
                    </Typography>
                  </CardContent>
                </Card>
              ))}
            </Stack>
          ) : (
            <ReportTable
              headers={headers}
              rows={rows.map((r, i) => ({ key: r.jurisdictionId, cells: cells(r), strong: i === 0, onClick: i ? () => setArea(r.jurisdictionId) : undefined }))}
              alarmColumn={7}
              testId="figures-row"
            />
          )}
        </>
      )}
    </Box>
  );
};
