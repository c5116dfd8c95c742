import { Box, Card, CardContent, Grid, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useLocaleState,
  useRecordContext,
  useLogoutIfAccessDenied,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { BudgetPanelDocument, type BudgetPanelQuery } from '../../graphql/generated';
import { ListActions, ShowActions, useCanEdit } from '../common/actions';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { currentYear } from '../common/dates';
import { FenField } from '../incentive/fields';
import { formatFen, yuan } from '../incentive/money';

export interface BudgetFigures {
  id: string;
  programmeId: string;
  year: number;
  amountFen: number;
  committedFen: number;
  paidFen: number;
  availableFen: number;
}

/**
 * A year's budget as a bar: paid (solid) inside committed (approved + paid, lighter) against the
 * whole budget (the rail), with the figures under it. The data-* attributes carry the fen amounts.
 */
export const BudgetGauge = ({ budget, title }: { budget: BudgetFigures; title?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const pct = (fen: number) => (budget.amountFen > 0 ? Math.min(100, (fen / budget.amountFen) * 100) : fen > 0 ? 100 : 0);
  const fig = (key: string, fen: number) => (
    <span data-testid={`gauge-${key}`} data-fen={fen}>
      {translate(`app.budgets.${key}`)} {formatFen(fen, locale)}
    </span>
  );
  return (
    <Box
      sx={{ mb: 1.5, minWidth: 260 }}
      data-testid="budget-gauge"
      data-budget-id={budget.id}
      data-programme-id={budget.programmeId}
      data-year={budget.year}
      data-amount-fen={budget.amountFen}
      data-committed-fen={budget.committedFen}
      data-paid-fen={budget.paidFen}
      data-available-fen={budget.availableFen}
    >
      {title && (
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {title}（{budget.year}）
        </Typography>
      )}
      <LinearProgress
        variant="buffer"
        value={pct(budget.paidFen)}
        valueBuffer={pct(budget.committedFen)}
        aria-label={translate('app.budgets.gauge')}
        sx={{ height: 10, borderRadius: 5, my: 0.5, bgcolor: 'action.hover', '& .MuiLinearProgress-dashed': { display: 'none' } }}
      />
      <Typography variant="caption" component="div" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5 }}>
        {fig('paid', budget.paidFen)}
        {fig('committed', budget.committedFen)}
        {fig('available', budget.availableFen)}
        {fig('amount', budget.amountFen)}
      </Typography>
    </Box>
  );
};

/** BudgetGauge for the budget in context (lists, a programme's budgets). */
export const GaugeField = (_: { label?: string }) => {
  const record = useRecordContext();
  return record ? <BudgetGauge budget={record as unknown as BudgetFigures} /> : null;
};

export const BudgetList = () => (
  <List
    filters={[<RefInput key="p" source="programmeId" reference="IncentiveProgramme" alwaysOn />, <NumberInput key="y" source="year" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'year', order: 'DESC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="programmeId" reference="IncentiveProgramme" link="show" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <FenField source="amountFen" label="resources.IncentiveBudget.fields.amount" />
      <GaugeField label="app.budgets.gauge" />
    </Datagrid>
  </List>
);

export const BudgetShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <ReferenceField source="programmeId" reference="IncentiveProgramme" link="show" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <GaugeField label="app.budgets.gauge" />
      <TextField source="note" emptyText="—" />
      <History />
    </SimpleShowLayout>
  </Show>
);

const BudgetForm = () => (
  <SimpleForm>
    <RefInput source="programmeId" reference="IncentiveProgramme" validate={required()} />
    <NumberInput source="year" validate={required()} defaultValue={currentYear()} />
    <TextInput source="amount" validate={[required(), yuan]} helperText="app.incentives.yuan_help" />
    <TextInput source="note" fullWidth />
  </SimpleForm>
);
export const { EditView: BudgetEdit, CreateView: BudgetCreate } = formViews(BudgetForm);

/** Dashboard: this year's budgets as gauges, and what is committed and paid per recipient. */
export const BudgetPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const edit = useCanEdit();
  const year = currentYear();
  const [data, setData] = useState<BudgetPanelQuery | null>(null);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  useEffect(() => {
    request(BudgetPanelDocument, { year }).then(setData, denied);
  }, [year, denied]);
  if (!data) return null;
  // every year that has money (a budget, or money committed against one), the newest first
  const withMoney = data.budgets.filter((b) => b.amountFen > 0 || b.committedFen > 0);
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="budget-panel">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          <Link to="/IncentiveBudget" style={{ color: 'inherit' }}>
            {translate('app.budgets.panel_years')}
          </Link>
        </Typography>
        {withMoney.length === 0 && (
          <Typography variant="body2">
            {translate('app.budgets.none', { year })}
            {edit && (
              <>
                {' '}
                <Link to="/IncentiveBudget/create">{translate('app.budgets.set')}</Link>
              </>
            )}
          </Typography>
        )}
        <Grid container columnSpacing={3}>
          {withMoney.map((b) => (
            <Grid key={b.id} size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
              <Link to={`/IncentiveBudget/${b.id}/show`} style={{ color: 'inherit', textDecoration: 'none' }}>
                <BudgetGauge budget={b} title={b.programme.name} />
              </Link>
            </Grid>
          ))}
        </Grid>
        {data.totals.length > 0 && (
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('app.budgets.totals_of', { year })}
          </Typography>
        )}
        {data.totals.length > 0 && (
          <Table size="small" sx={{ mt: 1 }} data-testid="incentive-totals">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.Payout.fields.recipientName')}</TableCell>
                <TableCell>{translate('resources.Payout.fields.recipientRole')}</TableCell>
                <TableCell align="right">{translate('app.budgets.committed')}</TableCell>
                <TableCell align="right">{translate('app.budgets.paid')}</TableCell>
                <TableCell align="right">{translate('app.budgets.count')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.totals.map((t) => (
                <TableRow key={t.key}>
                  <TableCell>{t.label}</TableCell>
                  <TableCell>{t.recipientRole ? translate(`enums.RecipientRole.${t.recipientRole}`) : '—'}</TableCell>
                  <TableCell align="right">{formatFen(t.committedFen, locale)}</TableCell>
                  <TableCell align="right">{formatFen(t.paidFen, locale)}</TableCell>
                  <TableCell align="right">{t.payoutCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
