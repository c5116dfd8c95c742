import { Datagrid, List, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { formViews } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, SourceField, DayField } from '../common/fields';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';

export const PersonList = () => (
  <List filters={[<TextInput key="q" source="q" alwaysOn />]} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="phone" emptyText="—" />
      <TextField source="note" emptyText="—" />
      <OwnerField source="jurisdictionId" />
    </Datagrid>
  </List>
);

export const PersonShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="phone" emptyText="—" />
      <TextField source="note" emptyText="—" />
      <OwnerField source="jurisdictionId" />
      <SourceField label="app.source" />
      <ReferenceManyField label="app.sections.holdings" reference="PostHolding" target="personId">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="postId" reference="Post" link="show" />
          <DayField source="validFrom" />
          <DayField source="validTo" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField label="app.sections.memberships" reference="Membership" target="personId">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="groupId" reference="WorkingGroup" link="show" />
          <EnumField source="role" enumName="GroupRole" />
          <DayField source="validFrom" />
          <DayField source="validTo" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const PersonForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <TextInput source="phone" />
    <TextInput source="note" fullWidth />
    <OwnerInput source="jurisdictionId" />
  </SimpleForm>
);

export const { EditView: PersonEdit, CreateView: PersonCreate } = formViews(PersonForm, { owner: 'jurisdictionId' });
