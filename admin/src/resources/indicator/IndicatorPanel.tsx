import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useEffect, useMemo, useState } from 'react';
import { useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { HomeIndicatorsDocument, type HomeIndicatorsQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { IndicatorBar, type IndicatorRow } from './indicators';

type Row = HomeIndicatorsQuery['allIndicators'][number];
type Group = 'OFF' | 'NO_FIGURE' | 'ON_TRACK' | 'MET';
/** Off target first, then those without a figure (someone has to type one), then the rest. */
const GROUPS: Group[] = ['OFF', 'NO_FIGURE', 'ON_TRACK', 'MET'];

const groupOf = (r: Row): Group => (r.actual === null ? 'NO_FIGURE' : r.status === 'MET' ? 'MET' : r.status === 'ON_TRACK' ? 'ON_TRACK' : 'OFF');

/** The last four quarter ends before today: the points of each chart, with today. */
export function quarterEnds(day = today()): string[] {
  const [y, m] = day.split('-').map(Number);
  const ends: string[] = [];
  let year = y;
  let q = Math.floor((m - 1) / 3); // the quarter before the current one, 0 = none this year
  while (ends.length < 4) {
    if (q === 0) {
      year -= 1;
      q = 4;
    }
    const month = q * 3;
    ends.unshift(`${year}-${String(month).padStart(2, '0')}-${month === 6 || month === 9 ? '30' : '31'}`);
    q -= 1;
  }
  return ends;
}

/** Actual (line) against target (dashed) at the last four quarter ends and today. */
const TrendChart = ({ row, days }: { row: Row; days: string[] }) => {
  const translate = useTranslate();
  const actuals = [row.a0, row.a1, row.a2, row.a3, row.actual];
  return (
    <Box data-testid="indicator-trend" data-actuals={actuals.map((a) => a ?? '').join(',')} sx={{ width: '100%', minWidth: 0 }}>
      <LineChart
        height={120}
        margin={{ top: 8, right: 28, bottom: 0, left: 0 }}
        skipAnimation
        hideLegend
        xAxis={[
          {
            scaleType: 'point',
            data: days.map((d, i) => (i === days.length - 1 ? translate('app.indicators.today') : translate('app.indicators.month', { year: d.slice(0, 4), month: Number(d.slice(5, 7)) }))),
            tickLabelStyle: { fontSize: 10 },
          },
        ]}
        yAxis={[{ width: 36, min: 0, tickLabelStyle: { fontSize: 10 } }]}
        series={[
          { data: actuals, label: translate('app.indicators.chart_actual'), connectNulls: true, curve: 'linear', color: '#c62828' },
          { data: actuals.map(() => row.target), label: translate('app.indicators.chart_target'), showMark: false, curve: 'linear', color: '#9e9e9e' },
        ]}
      />
    </Box>
  );
};

/**
 * 指标: grouped, off target first, each with its bar (a 0 % bar looks empty) and, for those with a
 * figure, a small chart of actual against target over the last year. Each bar opens its indicator.
 */
export const IndicatorPanel = () => {
  const translate = useTranslate();
  const [rows, setRows] = useState<Row[] | null>(null);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  const ends = useMemo(() => quarterEnds(), []);
  useEffect(() => {
    request(HomeIndicatorsDocument, { d0: ends[0], d1: ends[1], d2: ends[2], d3: ends[3] }).then((d) => setRows(d.allIndicators), denied);
  }, [ends, denied]);
  if (!rows?.length) return null;
  const days = [...ends, today()];
  const groups = GROUPS.map((g) => ({ g, rows: rows.filter((r) => groupOf(r) === g) })).filter((x) => x.rows.length);
  return (
    <Card sx={{ mt: 2 }} data-testid="indicator-chart">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          <Link to="/Indicator" style={{ color: 'inherit' }}>
            {translate('app.indicators.title')}
          </Link>
        </Typography>
        {groups.map(({ g, rows: mine }) => (
          <Box key={g} sx={{ mt: 1.5 }} data-testid={`indicator-group-${g}`} data-count={mine.length}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }} color={g === 'OFF' ? 'error.main' : 'text.primary'}>
              {translate(`app.indicators.groups.${g}`)}（{mine.length}）
            </Typography>
            <Grid container columnSpacing={3}>
              {mine.map((r) => (
                <Grid key={r.id} size={{ xs: 12, md: g === 'NO_FIGURE' || g === 'MET' ? 4 : 6 }} sx={{ minWidth: 0 }}>
                  <Link to={`/Indicator/${r.id}/show`} style={{ color: 'inherit', textDecoration: 'none' }}>
                    <IndicatorBar row={r as unknown as IndicatorRow} chart={g === 'OFF' || g === 'ON_TRACK' ? <TrendChart row={r} days={days} /> : undefined} />
                  </Link>
                </Grid>
              ))}
            </Grid>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};
