import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { Stack } from '@mui/material';
import { RefInput } from '../common/forms';
import { NewPersonForField } from './NewPersonButton';
import { ListActions } from '../common/actions';
import { EnumField, EnumInput, notBefore, DayField } from '../common/fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="groupId" source="groupId" reference="WorkingGroup" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <EnumInput key="role" source="role" enumName="GroupRole" />,
  <DateInput key="asOf" source="asOf" />,
];

export const MembershipList = () => (
  <List filters={filters} actions={<ListActions />}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <ReferenceField source="groupId" reference="WorkingGroup" link="show" />
      <EnumField source="role" enumName="GroupRole" />
      <TextField source="sortOrder" />
      <ReferenceField source="personId" reference="Person" link="show" />
      <ReferenceField source="postId" reference="Post" link="show" emptyText="—" />
      <BooleanField source="concurrent" />
      <DayField source="validFrom" />
      <DayField source="validTo" emptyText="—" />
    </Datagrid>
  </List>
);

/** After saving a seat, back to its group's roster. */
const toGroup = (_resource?: string, _id?: Identifier, data?: Partial<RaRecord>) => (data?.groupId ? `WorkingGroup/${data.groupId}/show` : 'Membership');

const MembershipForm = () => (
  <SimpleForm>
    <ReferenceInput source="groupId" reference="WorkingGroup">
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <RefInput source="personId" reference="Person" validate={required()} />
      <NewPersonForField source="personId" />
    </Stack>
    <EnumInput source="role" enumName="GroupRole" validate={required()} />
    <NumberInput source="sortOrder" min={1} />
    <RefInput source="postId" reference="Post" optionText="title" />
    <BooleanInput source="concurrent" />
    <DateInput source="validFrom" />
    <DateInput source="validTo" validate={notBefore('validFrom')} />
  </SimpleForm>
);

export const MembershipEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toGroup}>
    <MembershipForm />
  </Edit>
);

export const MembershipCreate = () => (
  <Create redirect={toGroup}>
    <MembershipForm />
  </Create>
);
