import { Box, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  Create,
  Datagrid,
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
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField, StatusChip, statusColor, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';

/** How the actual was obtained (the API's IndicatorActual, as selected in ./index.ts). */
interface ActualDetail {
  source: 'MEASURED' | 'ROLLED_UP' | 'COMPUTED' | 'NONE';
  rollsUp: boolean;
  rolledUp: number | null;
  reported: number | null;
  below: number | null;
  belowLevel: string | null;
  communitiesReported: number | null;
  communities: number | null;
  compoundsMeeting?: number | null;
  compounds?: number | null;
}

/** An indicator as the data provider gives it: actual and status as of today, how the actual was obtained, the scope's name (dataProvider/selections.ts). */
export interface IndicatorRow {
  id: string;
  name: string;
  unit: 'PERCENT' | 'COUNT';
  comparator: string;
  target: number;
  deadline: string | null;
  deadlineText: string | null;
  actual: number | null;
  computed: string | null;
  perCompound?: boolean;
  status: string;
  scope: { name: string };
  actualDetail?: ActualDetail | null;
}

/**
 * Where the actual comes from, when that is not plain: added up from the areas below (how many of them
 * reported, and how many communities that covers), typed here beside a different sum below, or (with
 * `explain`, on the indicator's own page rather than once per share on the dashboard) a share that has
 * no figure because shares are not averaged from the areas below.
 */
const ActualSourceHint = ({ row, fmt, explain }: { row: IndicatorRow; fmt: (v: number | null) => string; explain: boolean }) => {
  const translate = useTranslate();
  const d = row.actualDetail;
  if (!d) return null;
  const level = translate(`app.indicators.rollup.level.${d.belowLevel ?? 'COMMUNITY'}`, { _: '' });
  const counts = { reported: d.reported ?? 0, below: d.below ?? 0, level };
  let text: string | null = null;
  if (d.source === 'ROLLED_UP') {
    text = translate('app.indicators.rollup.rolled_up', counts);
    if (d.belowLevel !== 'COMMUNITY' && d.communities) text += translate('app.indicators.rollup.communities', { reported: d.communitiesReported ?? 0, total: d.communities });
  } else if (d.source === 'MEASURED' && d.rolledUp !== null && d.rolledUp !== row.actual) {
    text = translate('app.indicators.rollup.own_wins', { ...counts, value: fmt(d.rolledUp) });
  } else if (row.perCompound && d.compounds) {
    text = translate('app.indicators.per_compound', { meeting: d.compoundsMeeting ?? 0, total: d.compounds });
  } else if (explain && d.source === 'NONE' && !d.rollsUp && !row.computed) {
    text = translate('app.indicators.rollup.not_averaged');
  }
  return text ? (
    <Typography variant="caption" component="div" color="text.secondary" data-testid="indicator-actual-source" data-source={d.source}>
      {text}
    </Typography>
  ) : null;
};

/** One bar: the actual against the target, the deadline as printed, the status as of today, where the actual comes from. */
export const IndicatorBar = ({ row, explain = false, chart }: { row: IndicatorRow; explain?: boolean; chart?: ReactNode }) => {
  const translate = useTranslate();
  const each = row.perCompound && row.actualDetail?.compounds ? row.actualDetail : null;
  const pct = each ? ((each.compoundsMeeting ?? 0) / each.compounds!) * 100 : row.actual === null || !row.target ? 0 : Math.min(100, (row.actual / row.target) * 100);
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
      {/* a neutral rail: a bar at 0 % looks empty, not full in a paler shade of its colour */}
      <LinearProgress
        variant="determinate"
        value={pct}
        data-pct={Math.round(pct)}
        color={color === 'info' || color === 'default' ? 'primary' : color}
        sx={{ height: 8, borderRadius: 4, my: 0.5, bgcolor: 'action.hover' }}
      />
      <Typography variant="caption">
        {translate('app.indicators.actual')} {fmt(row.actual)} · {translate('app.indicators.target')} {translate(`app.indicators.cmp.${row.comparator}`)} {fmt(row.target)} ·{' '}
        {row.deadlineText ?? row.deadline ?? translate('app.indicators.no_deadline')}
      </Typography>
      <ActualSourceHint row={row} fmt={fmt} explain={explain} />
      {chart}
    </Box>
  );
};

/** The bar for the indicator on show: its record already has actual and status as of today, and the scope. */
const Actual = (_: { label?: string }) => {
  const record = useRecordContext();
  return record ? <IndicatorBar row={record as unknown as IndicatorRow} explain /> : null;
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
      <DayField source="deadline" emptyText="—" />
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
          <DayField source="measuredOn" />
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
    <BooleanInput source="perCompound" helperText="app.indicators.per_compound_help" />
  </SimpleForm>
);
export const { EditView: IndicatorEdit, CreateView: IndicatorCreate } = formViews(IndicatorForm);

const MeasurementForm = () => (
  <SimpleForm>
    <RefInput source="indicatorId" reference="Indicator" validate={required()} />
    <RefInput source="jurisdictionId" reference="Jurisdiction" />
    <RefInput source="compoundId" reference="Compound" />
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
