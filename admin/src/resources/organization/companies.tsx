import { Datagrid, List, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { isValidUscc } from '../../../../api/src/common/uscc';
import { formViews, RefInput } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { EnumField, EnumInput } from '../common/fields';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';

/** The same GB 32100-2015 check the server runs, so the office sees the error before saving. */
const validUscc = (value: string) => (value && !isValidUscc(value) ? 'app.validation.uscc' : undefined);

export const PropertyCompanyList = () => (
  <List filters={[<TextInput key="q" source="q" alwaysOn />]} actions={<ListActions filters={false} />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="uscc" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" emptyText="—" />
      <OwnerField source="ownerJurisdictionId" />
    </Datagrid>
  </List>
);

export const PropertyCompanyShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="uscc" />
      <ReferenceField source="jurisdictionId" reference="Jurisdiction" link="show" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <OwnerField source="ownerJurisdictionId" />
      <ReferenceManyField label="app.sections.compounds" reference="Compound" target="propertyCompanyId">
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <ReferenceField source="communityId" reference="Jurisdiction" link="show" />
        </Datagrid>
      </ReferenceManyField>
      <History />
    </SimpleShowLayout>
  </Show>
);

const CompanyForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="uscc" validate={[required(), validUscc]} parse={(v: string) => v?.toUpperCase()} />
    <RefInput source="jurisdictionId" reference="Jurisdiction" />
    <TextInput source="address" fullWidth />
    <OwnerInput source="ownerJurisdictionId" />
  </SimpleForm>
);

export const { EditView: PropertyCompanyEdit, CreateView: PropertyCompanyCreate } = formViews(CompanyForm, { owner: 'ownerJurisdictionId' });

const compoundFilters = [
  <TextInput key="q" source="q" alwaysOn />,
  <RefInput key="communityId" source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} alwaysOn />,
  <EnumInput key="managementMode" source="managementMode" enumName="ManagementMode" />,
];

export const CompoundList = () => (
  <List filters={compoundFilters} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="communityId" reference="Jurisdiction" link="show" />
      <ReferenceField source="propertyCompanyId" reference="PropertyCompany" link="show" emptyText="—" />
      <EnumField source="managementMode" enumName="ManagementMode" />
    </Datagrid>
  </List>
);

export const CompoundShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="communityId" reference="Jurisdiction" link="show" />
      <ReferenceField source="propertyCompanyId" reference="PropertyCompany" link="show" emptyText="—" />
      <EnumField source="managementMode" enumName="ManagementMode" />
      <TextField source="address" emptyText="—" />
      <History />
    </SimpleShowLayout>
  </Show>
);

const CompoundForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <RefInput source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} validate={required()} />
    <EnumInput source="managementMode" enumName="ManagementMode" validate={required()} />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <TextInput source="address" fullWidth />
  </SimpleForm>
);

export const { EditView: CompoundEdit, CreateView: CompoundCreate } = formViews(CompoundForm);
