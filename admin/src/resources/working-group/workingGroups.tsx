import { Datagrid, List, ReferenceField, ReferenceInput, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { formViews } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField } from '../common/fields';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';
import { Roster } from './Roster';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="documentId" source="documentId" reference="PolicyDocument" alwaysOn>
    <SelectInput optionText="docNumber" />
  </ReferenceInput>,
];

export const WorkingGroupList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EnumField source="kind" enumName="GroupKind" />
      <ReferenceField source="documentId" reference="PolicyDocument" link="show">
        <TextField source="docNumber" />
      </ReferenceField>
      <ReferenceField source="parentId" reference="WorkingGroup" link="show" emptyText="—" />
      <OwnerField source="jurisdictionId" />
    </Datagrid>
  </List>
);

export const WorkingGroupShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumField source="kind" enumName="GroupKind" />
      <ReferenceField source="documentId" reference="PolicyDocument" link="show" emptyText="—">
        <TextField source="docNumber" />
      </ReferenceField>
      <ReferenceField source="parentId" reference="WorkingGroup" link="show" emptyText="—" />
      <TextField source="hostedAt" emptyText="—" />
      <TextField source="duties" emptyText="—" />
      <OwnerField source="jurisdictionId" />
      <SourceField label="app.source" />
      <Roster />
      <History />
    </SimpleShowLayout>
  </Show>
);

const GroupForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <EnumInput source="kind" enumName="GroupKind" validate={required()} />
    <ReferenceInput source="documentId" reference="PolicyDocument">
      <SelectInput optionText="title" />
    </ReferenceInput>
    <ReferenceInput source="parentId" reference="WorkingGroup">
      <SelectInput optionText="name" />
    </ReferenceInput>
    <ReferenceInput source="hostUnitId" reference="Unit">
      <SelectInput optionText="name" />
    </ReferenceInput>
    <TextInput source="hostedAt" fullWidth />
    <TextInput source="duties" multiline fullWidth />
    <OwnerInput source="jurisdictionId" />
  </SimpleForm>
);

export const { EditView: WorkingGroupEdit, CreateView: WorkingGroupCreate } = formViews(GroupForm, { owner: 'jurisdictionId' });
