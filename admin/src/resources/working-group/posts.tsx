import {
  AutocompleteInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  EditButton,
  required,
} from 'react-admin';
import { ListActions, useCanEdit } from '../common/actions';
import { SourceField } from '../common/fields';
import { History } from '../common/History';
import { SuccessionButton } from './SuccessionButton';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="Jurisdiction" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

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
  return <TopToolbar>{editable && <SuccessionButton />}{editable && <EditButton />}</TopToolbar>;
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
          <DateField source="validFrom" />
          <DateField source="validTo" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const PostForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={required()} fullWidth />
    <ReferenceInput source="jurisdictionId" reference="Jurisdiction">
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <ReferenceInput source="unitId" reference="Unit">
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
  </SimpleForm>
);

export const PostEdit = () => (
  <Edit mutationMode="pessimistic">
    <PostForm />
  </Edit>
);
export const PostCreate = () => (
  <Create redirect="show">
    <PostForm />
  </Create>
);
