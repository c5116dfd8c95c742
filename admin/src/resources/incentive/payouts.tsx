import GridOnIcon from '@mui/icons-material/GridOn';
import { Box, Typography } from '@mui/material';
import {
  Button,
  Datagrid,
  Edit,
  EditButton,
  FilterButton,
  FunctionField,
  List,
  NumberInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useDataProvider,
  useListContext,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ExportButtons, useCanEdit } from '../common/actions';
import { EnumField, EnumInput, StatusField, DayField } from '../common/fields';
import { RefInput } from '../common/forms';
import { History } from '../common/History';
import { PrintButton } from '../common/PrintButton';
import { today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';
import { useExportRun } from '../common/ExportButton';
import { FenField } from './fields';
import { PayoutActions } from './PayoutActions';
import { AMOUNT_COLUMN, financeSheet, type PaidPayout } from './financeSheet';
import { PayoutBulkActions } from './BulkApprove';
import { PayoutDetails, PayoutTransitions, type PayoutDetail } from './PayoutDetails';
import { yuan } from './money';

/** 导出已发放: the paid payouts of the current filter, one row per voucher and a 合计 row, for finance. */
const FinanceExportButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { filterValues } = useListContext();
  const { run, busy, dialog } = useExportRun();
  const page = async (page: number, perPage: number) => {
    const { data, total } = await dataProvider.getList<RaRecord>('Payout', {
      filter: { ...filterValues, status: ['PAID'] },
      pagination: { page, perPage },
      sort: { field: 'paidOn', order: 'ASC' },
    });
    return { data: data as unknown as PaidPayout[], total: total ?? data.length };
  };
  const write = async (data: PaidPayout[]) => {
    const title = translate('app.payouts.finance_sheet');
    await downloadXlsx(financeSheet(data, translate), title, `${title}-${today()}.xlsx`, { [AMOUNT_COLUMN]: '#,##0.00' });
  };
  return (
    <>
      <Button label="app.payouts.export_paid" onClick={() => run(page, write)} disabled={busy} data-testid="export-paid">
        <GridOnIcon />
      </Button>
      {dialog}
    </>
  );
};

const PayoutListActions = () => (
  <TopToolbar>
    <FilterButton />
    <FinanceExportButton />
    <ExportButtons />
  </TopToolbar>
);

const payoutFilters = [
  <EnumInput key="s" source="status" enumName="PayoutStatus" alwaysOn />,
  <RefInput key="p" source="programmeId" reference="IncentiveProgramme" alwaysOn />,
  <NumberInput key="y" source="budgetYear" alwaysOn />,
  <TextInput key="q" source="q" />,
  <EnumInput key="r" source="recipientRole" enumName="RecipientRole" />,
];

/** 奖励发放: every payout, filterable by status, programme and budget year. */
export const PayoutList = () => (
  <List filters={payoutFilters} actions={<PayoutListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={<PayoutBulkActions />}>
      <TextField source="recipientName" />
      <EnumField source="recipientRole" enumName="RecipientRole" />
      <FenField source="amountFen" label="resources.Payout.fields.amount" sortBy="amountFen" />
      <StatusField source="status" enumName="PayoutStatus" label="resources.Payout.fields.status" />
      <FunctionField label="resources.Payout.fields.programmeId" render={(r: RaRecord) => r.programme?.name} />
      <FunctionField label="app.payouts.site" render={(r: RaRecord) => `${r.case?.compound?.name ?? ''}（${r.case?.community?.name ?? ''}）`} />
      <TextField source="budgetYear" />
      <FunctionField label="resources.Payout.fields.submittedById" sortBy="submittedAt" render={(r: RaRecord) => r.submittedBy?.displayName ?? '—'} />
      <DayField source="paidOn" emptyText="—" />
      <TextField source="paymentReference" emptyText="—" />
    </Datagrid>
  </List>
);

const PayoutPage = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (!record) return null;
  const payout = record as unknown as PayoutDetail;
  return (
    <Box sx={{ p: 2 }}>
      <PayoutActions payout={payout} onDone={refresh} />
      <Box sx={{ mt: 2 }}>
        <PayoutDetails payout={payout} />
      </Box>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('app.payouts.transitions')}
      </Typography>
      <PayoutTransitions transitions={payout.transitions ?? []} ruleVersion={payout.ruleVersion} />
      <History />
    </Box>
  );
};

/** Only drafts can be edited (amount, note); the server refuses the rest. The 审批单 prints at any stage. */
const PayoutShowActions = () => {
  const record = useRecordContext();
  const edit = useCanEdit();
  return (
    <TopToolbar>
      {record && <PrintButton url={`/print/payout/${encodeURIComponent(String(record.id))}`} label="app.payouts.print_form" testId="print-approval-form" />}
      {edit && record?.status === 'DRAFT' && <EditButton />}
    </TopToolbar>
  );
};

export const PayoutShow = () => (
  <Show actions={<PayoutShowActions />}>
    <PayoutPage />
  </Show>
);

const PayoutForm = () => (
  <SimpleForm>
    <TextField source="recipientName" />
    <TextInput source="amount" validate={[required(), yuan]} helperText="app.incentives.yuan_help" />
    <TextInput source="note" multiline fullWidth />
  </SimpleForm>
);
export const PayoutEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <PayoutForm />
  </Edit>
);
