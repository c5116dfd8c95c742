import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { getUser } from './authProvider';
import { RecentChanges } from './resources/audit/RecentChanges';
import { BudgetPanel } from './resources/budget/budgets';
import { PendingApprovals } from './resources/incentive/PendingApprovals';
import { IndicatorPanel } from './resources/indicator/IndicatorPanel';
import { TaskPanels } from './resources/task/TaskPanels';

const Intro = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.title" />
      <CardContent sx={{ pb: '16px !important' }}>
        <Typography variant="h5" gutterBottom>
          {translate('app.dashboard.welcome')}
        </Typography>
        <Typography variant="body1">{translate(text)}</Typography>
      </CardContent>
    </Card>
  );
};

/** The office (and an ADMIN): what waits for approval, what is overdue and due, indicators off target first, the budgets of every year with money. */
const OfficeHome = () => (
  <Box data-testid="home-office">
    <Intro text="app.dashboard.office" />
    <TaskPanels lead={<PendingApprovals />} />
    <IndicatorPanel />
    <BudgetPanel />
  </Box>
);

/** A unit's staff: their assignments overdue and due soon, 签收 and 报告 on each, and the indicators of their area. */
const UnitHome = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="home-unit">
      <Intro text="app.dashboard.unit" />
      <TaskPanels unit />
      <Typography variant="body2" sx={{ mt: 1 }}>
        <Link to="/my-tasks">{translate('app.dashboard.my_tasks')}</Link>
      </Typography>
      <IndicatorPanel />
    </Box>
  );
};

/** An auditor: the latest changes. */
const AuditorHome = () => (
  <Box data-testid="home-auditor">
    <Intro text="app.dashboard.auditor" />
    <RecentChanges />
  </Box>
);

/** 首页: per role, what to do (issue 17 item 1); every figure opens the list behind it. */
export const Dashboard = () => {
  const role = getUser()?.role;
  if (role === 'UNIT_STAFF') return <UnitHome />;
  if (role === 'AUDITOR') return <AuditorHome />;
  return <OfficeHome />;
};
