import { Datagrid, List, ReferenceField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required, useRecordContext } from 'react-admin';
import { formViews, RefInput } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput, SourceField } from '../common/fields';
import { History } from '../common/History';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <RefInput key="jurisdictionId" source="jurisdictionId" reference="Jurisdiction" alwaysOn />,
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
const parseAliases = (v: string) =>
  (v ?? '')
    .split(/[、,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
const formatAliases = (v: string[] | string) => (Array.isArray(v) ? v.join('、') : v);

const UnitForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <EnumInput source="kind" enumName="UnitKind" validate={required()} />
    <RefInput source="jurisdictionId" reference="Jurisdiction" validate={required()} />
    <TextInput source="aliases" parse={parseAliases} format={formatAliases} fullWidth />
  </SimpleForm>
);

export const { EditView: UnitEdit, CreateView: UnitCreate } = formViews(UnitForm);
