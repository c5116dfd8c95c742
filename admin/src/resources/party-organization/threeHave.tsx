import { Datagrid, FunctionField, List, required, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, type RaRecord } from 'react-admin';
import { DayField } from '../common/fields';
import { Link } from 'react-router-dom';
import { ListActions, ShowActions } from '../common/actions';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';

/*
 * “三有”物业服务企业 (004 二(一): 注册地在辖区内的“三有”物业服务企业党组织覆盖率 100%): the documents do not say
 * what the three 有 are, so the office records which companies it counts, from when, and on what basis.
 */

export const ThreeHaveDesignationList = () => (
  <List actions={<ListActions filters={false} />} filters={[<RefInput key="p" source="propertyCompanyId" reference="PropertyCompany" alwaysOn />]} sort={{ field: 'designatedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField source="propertyCompanyId" sortable={false} render={(r: RaRecord) => r.propertyCompany?.name} />
      <DayField source="designatedOn" />
      <DayField source="endedOn" emptyText="—" />
      <TextField source="basis" emptyText="—" />
      <OwnerField source="jurisdictionId" />
    </Datagrid>
  </List>
);

export const ThreeHaveDesignationShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <FunctionField source="propertyCompanyId" render={(r: RaRecord) => <Link to={`/PropertyCompany/${r.propertyCompanyId}/show`}>{r.propertyCompany?.name}</Link>} />
      <DayField source="designatedOn" />
      <DayField source="endedOn" emptyText="—" />
      <TextField source="basis" emptyText="—" />
      <OwnerField source="jurisdictionId" />
      <History />
    </SimpleShowLayout>
  </Show>
);

const DesignationForm = () => (
  <SimpleForm>
    <RefInput source="propertyCompanyId" reference="PropertyCompany" validate={required()} />
    <TextInput source="designatedOn" type="date" validate={required()} />
    <TextInput source="endedOn" type="date" />
    <TextInput source="basis" fullWidth multiline />
    <OwnerInput source="jurisdictionId" />
  </SimpleForm>
);

export const { EditView: ThreeHaveDesignationEdit, CreateView: ThreeHaveDesignationCreate } = formViews(DesignationForm, { owner: 'jurisdictionId' });
