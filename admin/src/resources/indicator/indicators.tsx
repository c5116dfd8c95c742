import { Box, LinearProgress, Typography } from '@mui/material';
import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  minValue,
  required,
  type Identifier,
  type RaRecord,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField, StatusChip, statusColor } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';

/** An indicator as the data provider gives it: actual and status as of today, the scope's name (dataProvider/selections.ts). */
interface IndicatorRow {
  id: string;
  name: string;
  unit: 'PERCENT' | 'COUNT';
  comparator: string;
  target: number;
  deadline: string | null;
  deadlineText: string | null;
  actual: number | null;
  status: string;
  scope: { name: string };
}

/** One bar: the actual against the target, the deadline as printed, the status as of today. */
export const IndicatorBar = ({ row }: { row: IndicatorRow }) => {
  const translate = useTranslate();
  const pct = row.actual === null || !row.target ? 0 : Math.min(100, (row.actual / row.target) * 100);
  const color = statusColor('IndicatorStatus', row.status);
  const fmt = (v: number | null) => (v === null ? '—' : row.unit === 'PERCENT' ? `${v}%` : String(v));
  return (
    <Box sx={{ mb: 1.5 }} data-testid="indicator-bar">
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="body2">
          {row.name}（{row.scope.name}）
        </Typography>
        <StatusChip enumName="IndicatorStatus" status={row.status} />
      </Box>
      <LinearProgress variant="determinate" value={pct} color={color === 'info' || color === 'default' ? 'primary' : color} sx={{ height: 8, borderRadius: 4, my: 0.5 }} />
      <Typography variant="caption">
        {translate('app.indicators.actual')} {fmt(row.actual)} · {translate('app.indicators.target')} {translate(`app.indicators.cmp.${row.comparator}`)} {fmt(row.target)} ·{' '}
        {row.deadlineText ?? row.deadline ?? translate('app.indicators.no_deadline')}
      </Typography>
    </Box>
  );
};

/** Dashboard: each indicator's actual against its target and deadline, as of today. */
export const IndicatorChart = () => {
  const translate = useTranslate();
  const { data: rows } = useGetList('Indicator', { pagination: { page: 1, perPage: 200 }, sort: { field: 'deadline', order: 'ASC' } });
  if (!rows?.length) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="indicator-chart">
      <Typography variant="h6" gutterBottom>
        {translate('app.indicators.title')}
      </Typography>
      {rows.map((r) => (
        <IndicatorBar key={r.id} row={r as unknown as IndicatorRow} />
      ))}
    </Box>
  );
};

/** The bar for the indicator on show: its record already has actual and status as of today, and the scope. */
const Actual = (_: { label?: string }) => {
  const record = useRecordContext();
  return record ? <IndicatorBar row={record as unknown as IndicatorRow} /> : null;
};

export const IndicatorList = () => (
  <List filters={[<TextInput key="q" source="q" alwaysOn />]} actions={<ListActions filters={false} />} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="scopeId" reference="Jurisdiction" link={false} />
      <EnumField source="comparator" enumName="Comparator" />
      <NumberField source="target" />
      <EnumField source="unit" enumName="IndicatorUnit" />
      <TextField source="deadlineText" emptyText="—" />
      <DateField source="deadline" emptyText="—" />
      <ReferenceField source="sourceDocumentId" reference="PolicyDocument" link="show" emptyText="—">
        <TextField source="docNumber" emptyText="—" />
      </ReferenceField>
    </Datagrid>
  </List>
);

export const IndicatorShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="printed" emptyText="—" />
      <Actual label="app.indicators.as_of_today" />
      <EnumField source="computed" enumName="ComputedMeasure" emptyText="—" />
      <SourceField label="app.source" />
      <ReferenceManyField label="app.indicators.measurements" reference="IndicatorMeasurement" target="indicatorId" sort={{ field: 'measuredOn', order: 'ASC' }}>
        <Datagrid bulkActionButtons={false} rowClick="edit">
          <DateField source="measuredOn" />
          <ReferenceField source="jurisdictionId" reference="Jurisdiction" link={false} />
          <NumberField source="value" />
          <TextField source="note" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const IndicatorForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="printed" multiline fullWidth />
    <EnumInput source="unit" enumName="IndicatorUnit" validate={required()} />
    <EnumInput source="comparator" enumName="Comparator" validate={required()} />
    <NumberInput source="target" validate={[required(), minValue(0)]} />
    <TextInput source="deadlineText" />
    <DateInput source="deadline" />
    <RefInput source="scopeId" reference="Jurisdiction" validate={required()} />
    <EnumInput source="computed" enumName="ComputedMeasure" />
  </SimpleForm>
);
export const { EditView: IndicatorEdit, CreateView: IndicatorCreate } = formViews(IndicatorForm);

const MeasurementForm = () => (
  <SimpleForm>
    <RefInput source="indicatorId" reference="Indicator" validate={required()} />
    <RefInput source="jurisdictionId" reference="Jurisdiction" validate={required()} />
    <DateInput source="measuredOn" validate={required()} />
    <NumberInput source="value" validate={[required(), minValue(0)]} />
    <TextInput source="note" fullWidth />
  </SimpleForm>
);
export const MeasurementEdit = () => (
  <Edit mutationMode="pessimistic">
    <MeasurementForm />
  </Edit>
);
export const MeasurementCreate = () => (
  <Create redirect={(_r?: string, _id?: Identifier, data?: Partial<RaRecord>) => `Indicator/${data?.indicatorId}/show`}>
    <MeasurementForm />
  </Create>
);
