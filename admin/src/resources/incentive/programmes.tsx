import { Datagrid, List, NumberField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';
import { GaugeField } from '../budget/budgets';
import { ClauseInput, LinesSummary } from './rules';

/** 奖励项目: 000's demonstration-site award and 004's 以奖代补. */
export const ProgrammeList = () => (
  <List
    filters={[<TextInput key="q" source="q" alwaysOn />, <EnumInput key="t" source="trigger" enumName="IncentiveTrigger" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'id', order: 'ASC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EnumField source="trigger" enumName="IncentiveTrigger" />
      <OwnerField source="jurisdictionId" />
      <SourceField label="app.source" />
    </Datagrid>
  </List>
);

/** A programme with its rules (amounts per recipient, validity) and its yearly budgets. */
export const ProgrammeShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumField source="trigger" enumName="IncentiveTrigger" />
      <TextField source="description" emptyText="—" />
      <OwnerField source="jurisdictionId" />
      <SourceField label="app.source" />
      <ReferenceManyField label="app.incentives.rules" reference="IncentiveRule" target="programmeId" sort={{ field: 'validFrom', order: 'ASC' }}>
        <Datagrid bulkActionButtons={false} rowClick="show" data-testid="programme-rules">
          <TextField source="name" />
          <LinesSummary label="app.incentives.lines" />
          <DayField source="validFrom" />
          <DayField source="validTo" emptyText="—" />
          <NumberField source="version" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField label="app.incentives.budgets" reference="IncentiveBudget" target="programmeId" sort={{ field: 'year', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<span>—</span>}>
          <NumberField source="year" options={{ useGrouping: false }} />
          <GaugeField label="app.budgets.gauge" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const ProgrammeForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <EnumInput source="trigger" enumName="IncentiveTrigger" validate={required()} />
    <TextInput source="description" multiline fullWidth />
    <OwnerInput source="jurisdictionId" />
    <RefInput source="sourceDocumentId" reference="PolicyDocument" optionText="title" />
    <ClauseInput />
  </SimpleForm>
);
export const { EditView: ProgrammeEdit, CreateView: ProgrammeCreate } = formViews(ProgrammeForm, { owner: 'jurisdictionId' });
