import { Datagrid, List, ReferenceField, ReferenceManyField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from 'react-admin';
import { isValidUscc } from '../../../../api/src/common/uscc';
import { formViews, RefInput } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';
import { BulkExportSelected } from '../common/BulkRun';

/** The same GB 32100-2015 check the server runs, so the office sees the error before saving. */
const validUscc = (value: string) => (value && !isValidUscc(value) ? 'app.validation.uscc' : undefined);

export const PropertyCompanyList = () => (
  <List filters={[<TextInput key="q" source="q" alwaysOn />]} actions={<ListActions filters={false} />}>
    <Datagrid rowClick="show" bulkActionButtons={<BulkExportSelected />}>
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
