import {
  AutocompleteInput,

  Create,
  Datagrid,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useRecordContext,
} from 'react-admin';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField } from '../common/fields';
import { History } from '../common/History';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="Jurisdiction" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <EnumInput key="kind" source="kind" enumName="UnitKind" alwaysOn />,
];

const Aliases = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{(record?.aliases ?? []).join('、') || '—'}</span>;
};

export const UnitList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EnumField source="kind" enumName="UnitKind" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" />
      <Aliases label="resources.Unit.fields.aliases" />
    </Datagrid>
  </List>
);

export const UnitShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EnumField source="kind" enumName="UnitKind" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" />
      <Aliases label="resources.Unit.fields.aliases" />
      <SourceField label="app.source" />
      <History />
    </SimpleShowLayout>
  </Show>
);

/** Aliases are typed as one line separated by 、 or commas. */
const parseAliases = (v: string) => (v ?? '').split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
const formatAliases = (v: string[] | string) => (Array.isArray(v) ? v.join('、') : v);

const UnitForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <EnumInput source="kind" enumName="UnitKind" validate={required()} />
    <ReferenceInput source="jurisdictionId" reference="Jurisdiction">
      <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <TextInput source="aliases" parse={parseAliases} format={formatAliases} fullWidth />
  </SimpleForm>
);

export const UnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <UnitForm />
  </Edit>
);
export const UnitCreate = () => (
  <Create redirect="show">
    <UnitForm />
  </Create>
);
