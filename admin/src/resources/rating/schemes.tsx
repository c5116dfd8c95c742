import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  NumberInput,
  ReferenceManyField,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';
import { ClauseInput } from '../incentive/rules';

export interface Criterion {
  id: string;
  code: string;
  name: string;
  weight: number;
  maxScore: number;
}

/** The criteria as the office reads them: 业主满意度评价 40% · … */
const CriteriaSummary = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record?.criteria) return null;
  return <span>{(record.criteria as Criterion[]).map((c) => `${c.name} ${c.weight}%`).join(' · ')}</span>;
};

/** 5★ ≥ 90 · 4★ ≥ 80 … and the list rule in one line. */
export const ThresholdsSummary = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const stars = [5, 4, 3, 2].map((n) => `${n}★ ≥ ${record[`star${n}Min`]}`).join(' · ');
  const rules = [
    record.redMinStars != null ? translate('app.ratings.rule.red', { stars: record.redMinStars }) : translate('app.ratings.rule.no_red'),
    record.blackMaxStars != null ? translate('app.ratings.rule.black_stars', { stars: record.blackMaxStars }) : null,
    record.blackDissatisfactionOver != null ? translate('app.ratings.rule.black_dissatisfaction', { rate: record.blackDissatisfactionOver }) : null,
    record.blackOnNegativeList ? translate('app.ratings.rule.black_negative') : null,
  ].filter(Boolean);
  return (
    <span data-testid="scheme-thresholds">
      {stars}
      <br />
      {rules.join('；')}
    </span>
  );
};

export const RatingSchemeList = () => (
  <List
    filters={[<TextInput key="q" source="q" alwaysOn />, <EnumInput key="k" source="subjectKind" enumName="RatedSubjectKind" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'id', order: 'ASC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EnumField source="subjectKind" enumName="RatedSubjectKind" />
      <EnumField source="periodKind" enumName="RatingPeriodKind" />
      <OwnerField source="jurisdictionId" />
      <CriteriaSummary label="resources.RatingScheme.fields.criteria" />
      <ThresholdsSummary label="app.ratings.thresholds" />
    </Datagrid>
  </List>
);

const CriteriaTable = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.criteria) return null;
  const f = (k: string) => translate(`resources.RatingScheme.fields.criteria_fields.${k}`);
  return (
    <Table size="small" data-testid="scheme-criteria">
      <TableHead>
        <TableRow>
          <TableCell>{f('code')}</TableCell>
          <TableCell>{f('name')}</TableCell>
          <TableCell align="right">{f('weight')}</TableCell>
          <TableCell align="right">{f('maxScore')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(record.criteria as Criterion[]).map((c) => (
          <TableRow key={c.id}>
            <TableCell>{c.code}</TableCell>
            <TableCell>{c.name}</TableCell>
            <TableCell align="right">{c.weight}%</TableCell>
            <TableCell align="right">{c.maxScore}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const RatingSchemeShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumField source="subjectKind" enumName="RatedSubjectKind" />
      <EnumField source="periodKind" enumName="RatingPeriodKind" />
      <OwnerField source="jurisdictionId" />
      <SourceField label="app.source" />
      <CriteriaTable label="resources.RatingScheme.fields.criteria" />
      <ThresholdsSummary label="app.ratings.thresholds" />
      <BooleanField source="blackOnNegativeList" />
      <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      <ReferenceManyField label="app.ratings.periods" reference="RatingPeriod" target="schemeId" sort={{ field: 'startDate', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<span>—</span>}>
          <TextField source="code" />
          <DayField source="startDate" />
          <DayField source="endDate" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

/** The weights as typed, added up: the server refuses a scheme whose weights do not make 100. */
const WeightTotal = () => {
  const translate = useTranslate();
  const criteria = (useWatch({ name: 'criteria' }) ?? []) as Array<{ weight?: number | null } | undefined>;
  const total = criteria.reduce((sum, c) => sum + (Number(c?.weight) || 0), 0);
  return (
    <Alert severity={total === 100 ? 'success' : 'warning'} sx={{ mb: 1 }} data-testid="weight-total" data-total={total}>
      {translate('app.ratings.weight_total', { total })}
    </Alert>
  );
};

const stars = [minValue(1), maxValue(5)];
const percent = [minValue(0), maxValue(100)];

const SchemeForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={{ blackOnNegativeList: false, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90 }}>
      <TextInput source="name" validate={required()} fullWidth />
      <OwnerInput source="jurisdictionId" />
      <Stack direction="row" spacing={2}>
        <EnumInput source="subjectKind" enumName="RatedSubjectKind" validate={required()} />
        <EnumInput source="periodKind" enumName="RatingPeriodKind" validate={required()} />
      </Stack>
      <Typography variant="subtitle2">{translate('app.ratings.thresholds')}</Typography>
      <Stack direction="row" spacing={2}>
        {[2, 3, 4, 5].map((n) => (
          <NumberInput key={n} source={`star${n}Min`} validate={[required(), ...percent]} sx={{ width: 140 }} />
        ))}
      </Stack>
      <Typography variant="subtitle2">{translate('app.ratings.list_rule')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <NumberInput source="redMinStars" validate={stars} helperText="app.ratings.blank_unused" sx={{ width: 200 }} />
        <NumberInput source="blackMaxStars" validate={stars} helperText="app.ratings.blank_unused" sx={{ width: 200 }} />
        <NumberInput source="blackDissatisfactionOver" validate={percent} helperText="app.ratings.blank_unused" sx={{ width: 260 }} />
        <BooleanInput source="blackOnNegativeList" />
      </Stack>
      <Typography variant="subtitle2">{translate('resources.RatingScheme.fields.criteria')}</Typography>
      <WeightTotal />
      <ArrayInput source="criteria" label={false} validate={required()}>
        <SimpleFormIterator inline disableReordering={false}>
          <TextInput source="code" label="resources.RatingScheme.fields.criteria_fields.code" validate={required()} sx={{ width: 210 }} />
          <TextInput source="name" label="resources.RatingScheme.fields.criteria_fields.name" validate={required()} sx={{ width: 320 }} />
          <NumberInput source="weight" label="resources.RatingScheme.fields.criteria_fields.weight" validate={[required(), minValue(1), maxValue(100)]} sx={{ width: 110 }} />
          <NumberInput source="maxScore" label="resources.RatingScheme.fields.criteria_fields.maxScore" defaultValue={100} validate={[minValue(1), maxValue(1000)]} sx={{ width: 110 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="notes" multiline fullWidth />
      <RefInput source="sourceDocumentId" reference="PolicyDocument" optionText="title" />
      <ClauseInput />
    </SimpleForm>
  );
};
export const { EditView: RatingSchemeEdit, CreateView: RatingSchemeCreate } = formViews(SchemeForm, { owner: 'jurisdictionId' });

/** A scheme's name for lists of other records. */
export const SchemeName = (_: { label?: string }) => {
  const record = useRecordContext();
  return record?.scheme ? <span>{record.scheme.name}</span> : null;
};
