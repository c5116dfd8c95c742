import { Datagrid, List, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, TopToolbar, EditButton, required } from 'react-admin';
import { formViews, RefInput } from '../common/forms';
import { ListActions, useCanEdit } from '../common/actions';
import { SourceField, DayField } from '../common/fields';
import { History } from '../common/History';
import { SuccessionButton } from './SuccessionButton';

const filters = [<TextInput key="q" source="q" alwaysOn />, <RefInput key="jurisdictionId" source="jurisdictionId" reference="Jurisdiction" alwaysOn />];

export const PostList = () => (
  <List filters={filters} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" emptyText="—" />
      <ReferenceField source="unitId" reference="Unit" link="show" emptyText="—" />
    </Datagrid>
  </List>
);

const PostShowActions = () => {
  const editable = useCanEdit();
  return (
    <TopToolbar>
      {editable && <SuccessionButton />}
      {editable && <EditButton />}
    </TopToolbar>
  );
};

export const PostShow = () => (
  <Show actions={<PostShowActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" emptyText="—" />
      <ReferenceField source="unitId" reference="Unit" link="show" emptyText="—" />
      <SourceField label="app.source" />
      <ReferenceManyField label="app.sections.holdings" reference="PostHolding" target="postId" sort={{ field: 'validFrom', order: 'ASC' }}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="personId" reference="Person" link="show" />
          <DayField source="validFrom" />
          <DayField source="validTo" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const PostForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={required()} fullWidth />
    <RefInput source="jurisdictionId" reference="Jurisdiction" />
    <RefInput source="unitId" reference="Unit" />
  </SimpleForm>
);

export const { EditView: PostEdit, CreateView: PostCreate } = formViews(PostForm);
