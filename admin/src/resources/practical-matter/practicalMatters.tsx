import { Box, Typography } from '@mui/material';
import { Datagrid, EditButton, FunctionField, List, required, Show, SimpleForm, SimpleShowLayout, TextInput, TopToolbar, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { Attachments } from '../attachment/Attachments';
import { ListActions, useCanRecordFacts } from '../common/actions';
import { today } from '../common/dates';
import { EnumField, EnumInput, StatusChip, StatusField, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { PRACTICAL_MATTER_VIEW } from './practicalMatter.workflow';
import { BulkExportSelected } from '../common/BulkRun';

const filters = [
  <EnumInput key="s" source="status" enumName="PracticalMatterStatus" alwaysOn />,
  <EnumInput key="k" source="kind" enumName="PracticalMatterKind" alwaysOn />,
  <EnumInput key="c" source="category" enumName="PracticalMatterCategory" />,
  <RefInput key="p" source="compoundId" reference="Compound" />,
  <RefInput key="j" source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} />,
  <TextInput key="q" source="q" />,
];

/** 实事 / 微实事: newest first, with where each stands. */
export const PracticalMatterList = () => (
  <List filters={filters} actions={<ListActions facts filters={false} />}>
    <Datagrid rowClick="show" bulkActionButtons={<BulkExportSelected />}>
      <DayField source="openedOn" />
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <EnumField source="kind" enumName="PracticalMatterKind" />
      <EnumField source="category" enumName="PracticalMatterCategory" />
      <FunctionField source="title" render={(r: RaRecord) => r.title} sortable={false} />
      <FunctionField source="ownerUnitId" render={(r: RaRecord) => r.ownerUnit?.name ?? '—'} sortable={false} />
      <StatusField enumName="PracticalMatterStatus" label="resources.PracticalMatter.fields.status" />
      <DayField source="closedOn" emptyText="—" />
    </Datagrid>
  </List>
);

const Facts = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">{record.title}</Typography>
        <StatusChip enumName="PracticalMatterStatus" status={record.status} />
      </Box>
      <FactGrid
        facts={[
          ['resources.PracticalMatter.fields.compoundId', <Link to={`/Compound/${record.compoundId}/show`}>{record.compound?.name}</Link>],
          ['resources.PracticalMatter.fields.communityId', record.community?.name],
          ['resources.PracticalMatter.fields.ownerUnitId', record.ownerUnit?.name],
          ['resources.PracticalMatter.fields.plan', record.plan],
          ['resources.PracticalMatter.fields.dueOn', record.dueOn],
          ['resources.PracticalMatter.fields.evidence', record.evidence],
          ...['openedOn', 'startedOn', 'closedOn'].map((f): [string, string] => [`resources.PracticalMatter.fields.${f}`, record[f]]),
        ]}
      />
    </Box>
  );
};

const Steps = (_: { label?: string }) => <StepTimeline view={PRACTICAL_MATTER_VIEW} steps={useRecordContext()?.steps ?? []} />;

const ShowActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const facts = useCanRecordFacts();
  return (
    <TopToolbar>
      {record && <MoveButtons view={PRACTICAL_MATTER_VIEW} record={record} onDone={refresh} />}
      {record && facts && record.status !== 'CLOSED' && <EditButton />}
    </TopToolbar>
  );
};

export const PracticalMatterShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.practical.steps" />
      <FunctionField label={false} render={(r: RaRecord) => <Attachments target="PracticalMatter" id={r.id} />} />
      <History />
    </SimpleShowLayout>
  </Show>
);

const Form = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="compoundId" reference="Compound" validate={required()} />}
      {creating && <TextInput source="openedOn" type="date" defaultValue={today()} validate={required()} />}
      {creating && <EnumInput source="kind" enumName="PracticalMatterKind" validate={required()} />}
      <EnumInput source="category" enumName="PracticalMatterCategory" validate={required()} />
      <TextInput source="title" fullWidth validate={required()} />
      <TextInput source="plan" multiline fullWidth />
      <RefInput source="ownerUnitId" reference="Unit" />
      <TextInput source="dueOn" type="date" />
    </SimpleForm>
  );
};

export const { EditView: PracticalMatterEdit, CreateView: PracticalMatterCreate } = formViews(Form);
