import {
  AutocompleteInput,
  Create,
  Datagrid,
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
  regex,
  required,
} from 'react-admin';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField } from '../common/fields';
import { History } from '../common/History';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="level" source="level" enumName="JurisdictionLevel" alwaysOn />,
  <ReferenceInput key="parentId" source="parentId" reference="Jurisdiction" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

export const JurisdictionList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EnumField source="level" enumName="JurisdictionLevel" />
      <ReferenceField source="parentId" reference="Jurisdiction" link="show" emptyText="—" />
      <TextField source="code" emptyText="—" />
    </Datagrid>
  </List>
);

export const JurisdictionShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumField source="level" enumName="JurisdictionLevel" />
      <ReferenceField source="parentId" reference="Jurisdiction" link="show" emptyText="—" />
      <TextField source="code" emptyText="—" />
      <SourceField label="app.source" />
      <ReferenceManyField label="app.org.children" reference="Jurisdiction" target="parentId" perPage={100}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <EnumField source="level" enumName="JurisdictionLevel" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField label="app.sections.units" reference="Unit" target="jurisdictionId" perPage={100}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <EnumField source="kind" enumName="UnitKind" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const JurisdictionForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <EnumInput source="level" enumName="JurisdictionLevel" validate={required()} />
    <ReferenceInput source="parentId" reference="Jurisdiction">
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <TextInput source="code" validate={regex(/^\d{6}$/, 'app.validation.code')} />
  </SimpleForm>
);

export const JurisdictionEdit = () => (
  <Edit mutationMode="pessimistic">
    <JurisdictionForm />
  </Edit>
);
export const JurisdictionCreate = () => (
  <Create redirect="show">
    <JurisdictionForm />
  </Create>
);
