import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  List,
  PasswordInput,
  ReferenceField,
  SimpleForm,
  TextField,
  TextInput,
  minLength,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { RefInput } from '../common/forms';
import { ListActions } from '../common/actions';
import { EnumField, EnumInput } from '../common/fields';
import { defaultOfficeName, OwnerField, OwnerInput, withoutEmptyOwner } from '../common/owner';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <RefInput key="jurisdictionId" source="jurisdictionId" reference="Jurisdiction" alwaysOn />,
  <EnumInput key="role" source="role" enumName="Role" />,
];

/** Users of the admin's office and below (the API lists no others); 所属辖区 says where each one works (全平台: a root user). */
export const UserList = () => (
  <List filters={filters} actions={<ListActions />}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumField source="role" enumName="Role" />
      <OwnerField source="jurisdictionId" />
      <ReferenceField source="unitId" reference="Unit" link={false} emptyText="—" />
      <BooleanField source="active" />
      {/* an account whose password someone else set: who and when (its signatures say so for 30 days) */}
      <BooleanField source="mustChangePassword" />
      <TextField source="passwordResetByName" emptyText="—" />
      <DateField source="passwordResetAt" showTime emptyText="—" />
    </Datagrid>
  </List>
);

/**
 * 所属辖区: where the user works (their role applies there and below). A unit's staff work where
 * their unit is, so for them it may stay empty; anyone else left empty on creation works in the
 * admin's own office (a root admin's: the whole platform).
 */
const UserOffice = () => {
  const translate = useTranslate();
  const role = useWatch({ name: 'role' });
  const record = useRecordContext();
  const office = defaultOfficeName();
  const hint =
    role === 'UNIT_STAFF' ? translate('app.scope.unit_follows') : record?.id ? undefined : office ? translate('app.scope.user_default', { office }) : translate('app.scope.user_default_platform');
  return <OwnerInput source="jurisdictionId" emptyHint={hint} />;
};

const UserForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="username" validate={required()} />
    <TextInput source="displayName" validate={required()} />
    <PasswordInput source="password" validate={creating ? [required(), minLength(8)] : minLength(8)} />
    <EnumInput source="role" enumName="Role" validate={required()} />
    <RefInput source="unitId" reference="Unit" />
    <UserOffice />
    {!creating && <BooleanInput source="active" />}
  </SimpleForm>
);

/** A unit's staff left without 所属辖区 keep the one of their unit (the API derives it), rather than being sent to the platform. */
const keepUnitOffice = (data: Record<string, unknown>) => (data.role === 'UNIT_STAFF' ? withoutEmptyOwner()(data) : data);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={keepUnitOffice}>
    <UserForm />
  </Edit>
);
export const UserCreate = () => (
  <Create transform={withoutEmptyOwner()}>
    <UserForm creating />
  </Create>
);
