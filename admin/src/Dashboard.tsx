import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { request } from './dataProvider';
import { DashboardCountsDocument } from './graphql/generated';
import { today } from './resources/common/dates';
import { BudgetPanel } from './resources/budget/budgets';
import { IndicatorChart } from './resources/indicator/indicators';
import { TaskPanels } from './resources/task/TaskPanels';

/** 首页: what is in the system, at a glance. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  useEffect(() => {
    request(DashboardCountsDocument, { asOf: today() }).then(
      (d) => setCounts(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.count]))),
      () => undefined,
    );
  }, []);
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title="app.title" />
        <CardContent>
          <Typography variant="h5" gutterBottom>
            {translate('app.dashboard.welcome')}
          </Typography>
          <Typography variant="body1" gutterBottom>
            {translate('app.dashboard.intro')}
          </Typography>
          <Grid container spacing={2} sx={{ mt: 1 }}>
            {(['groups', 'members', 'documents', 'units'] as const).map((k) => (
              <Grid key={k} size={{ xs: 6, md: 3 }}>
                <Card variant="outlined">
                  <CardContent>
                    <Typography variant="overline">{translate(`app.dashboard.${k}`)}</Typography>
                    <Typography variant="h4">{counts?.[k] ?? '…'}</Typography>
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>
          <BudgetPanel />
          <IndicatorChart />
        </CardContent>
      </Card>
      <TaskPanels />
    </>
  );
};
