import { Box, Typography } from '@mui/material';
import { Datagrid, DateField, EditButton, FunctionField, List, required, Show, SimpleForm, SimpleShowLayout, TextInput, TopToolbar, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { ListActions, useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { EnumField, EnumInput, StatusChip, StatusField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { Attachments } from '../attachment/Attachments';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { COMPLAINT_VIEW } from './complaint.workflow';

const filters = [
  <EnumInput key="s" source="status" enumName="ComplaintStatus" alwaysOn />,
  <EnumInput key="c" source="channel" enumName="ComplaintChannel" />,
  <RefInput key="p" source="compoundId" reference="Compound" alwaysOn />,
  <RefInput key="u" source="assignedUnitId" reference="Unit" />,
  <TextInput key="q" source="q" />,
];

/** 投诉: newest first; the status and the days of each stage at a glance. */
export const ComplaintList = () => (
  <List filters={filters} actions={<ListActions filters={false} />} sort={{ field: 'receivedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="receivedOn" />
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <FunctionField source="summary" render={(r: RaRecord) => r.summary} sortable={false} />
      <EnumField source="channel" enumName="ComplaintChannel" />
      <FunctionField source="assignedUnitId" render={(r: RaRecord) => r.assignedUnit?.name ?? '—'} sortable={false} />
      <StatusField enumName="ComplaintStatus" label="resources.Complaint.fields.status" />
      <DateField source="handledOn" emptyText="—" />
    </Datagrid>
  </List>
);

const Facts = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">{record.summary}</Typography>
        <StatusChip enumName="ComplaintStatus" status={record.status} />
      </Box>
      <FactGrid
        facts={[
          ['resources.Complaint.fields.compoundId', <Link to={`/Compound/${record.compoundId}/show`}>{record.compound?.name}</Link>],
          ['resources.Complaint.fields.communityId', record.community?.name],
          ['resources.Complaint.fields.propertyCompanyId', record.propertyCompany?.name],
          ['resources.Complaint.fields.complainant', record.complainant],
          ['resources.Complaint.fields.assignedUnitId', record.assignedUnit?.name],
          ['resources.Complaint.fields.result', record.result],
          ...['receivedOn', 'assignedOn', 'handledOn', 'closedOn'].map((f): [string, string] => [`resources.Complaint.fields.${f}`, record[f]]),
        ]}
      />
    </Box>
  );
};

const Steps = (_: { label?: string }) => <StepTimeline view={COMPLAINT_VIEW} steps={useRecordContext()?.steps ?? []} />;

/** The moves the signed-in user may make now (the unit's staff: 办结 of their own unit's complaints); editing for the office. */
const ComplaintShowActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const edit = useCanEdit();
  return (
    <TopToolbar>
      {record && <MoveButtons view={COMPLAINT_VIEW} record={record} onDone={refresh} />}
      {record && edit && ['RECEIVED', 'ASSIGNED'].includes(record.status) && <EditButton />}
    </TopToolbar>
  );
};

export const ComplaintShow = () => (
  <Show actions={<ComplaintShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.complaints.steps" />
      <FunctionField label={false} render={(r: RaRecord) => <Attachments target="Complaint" id={r.id} />} />
      <History />
    </SimpleShowLayout>
  </Show>
);

const ComplaintForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="compoundId" reference="Compound" validate={required()} />}
      {creating && <TextInput source="receivedOn" type="date" defaultValue={today()} validate={required()} />}
      <EnumInput source="channel" enumName="ComplaintChannel" validate={required()} />
      <TextInput source="summary" multiline fullWidth validate={required()} />
      <TextInput source="complainant" />
      <RefInput source="propertyCompanyId" reference="PropertyCompany" />
      <RefInput source="assignedUnitId" reference="Unit" />
    </SimpleForm>
  );
};

export const { EditView: ComplaintEdit, CreateView: ComplaintCreate } = formViews(ComplaintForm);
