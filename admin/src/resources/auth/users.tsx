import { BooleanField, BooleanInput, Create, Datagrid, DateField, Edit, List, PasswordInput, ReferenceField, SimpleForm, TextField, TextInput, minLength, required } from 'react-admin';
import { RefInput } from '../common/forms';
import { ListActions } from '../common/actions';
import { EnumField, EnumInput } from '../common/fields';

export const UserList = () => (
  <List actions={<ListActions filters={false} />}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumField source="role" enumName="Role" />
      <ReferenceField source="unitId" reference="Unit" link={false} emptyText="—" />
      <BooleanField source="active" />
      {/* an account whose password someone else set: who and when (its signatures say so for 30 days) */}
      <BooleanField source="mustChangePassword" />
      <TextField source="passwordResetByName" emptyText="—" />
      <DateField source="passwordResetAt" showTime emptyText="—" />
    </Datagrid>
  </List>
);

const UserForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="username" validate={required()} />
    <TextInput source="displayName" validate={required()} />
    <PasswordInput source="password" validate={creating ? [required(), minLength(8)] : minLength(8)} />
    <EnumInput source="role" enumName="Role" validate={required()} />
    <RefInput source="unitId" reference="Unit" />
    {!creating && <BooleanInput source="active" />}
  </SimpleForm>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <UserForm />
  </Edit>
);
export const UserCreate = () => (
  <Create>
    <UserForm creating />
  </Create>
);
