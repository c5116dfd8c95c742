import { Datagrid, List, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, regex, required } from 'react-admin';
import { formViews, RefInput } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField } from '../common/fields';
import { History } from '../common/History';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="level" source="level" enumName="JurisdictionLevel" alwaysOn />,
  <RefInput key="parentId" source="parentId" reference="Jurisdiction" alwaysOn />,
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
    <RefInput source="parentId" reference="Jurisdiction" />
    <TextInput source="code" validate={regex(/^\d{6}$/, 'app.validation.code')} />
  </SimpleForm>
);

export const { EditView: JurisdictionEdit, CreateView: JurisdictionCreate } = formViews(JurisdictionForm);
