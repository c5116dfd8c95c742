import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import {
  BooleanField,
  Button,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  List,
  PasswordInput,
  ReferenceField,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  minLength,
  required,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { ResetUserPasswordDocument, type ResetUserPasswordMutation } from '../../graphql/generated';
import { MutationDialog } from '../common/MutationDialog';
import { useWatch } from 'react-hook-form';
import { RefInput } from '../common/forms';
import { ListActions } from '../common/actions';
import { EnumField, EnumInput, DayField } from '../common/fields';
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
      <DayField source="passwordResetAt" showTime emptyText="—" />
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

/** A new user's first password (which they must change at their first sign-in); later ones come from 重置密码. */
const UserForm = ({ creating }: { creating?: boolean }) => (
  <SimpleForm>
    <TextInput source="username" validate={required()} />
    <TextInput source="displayName" validate={required()} />
    {creating && <PasswordInput source="password" validate={[required(), minLength(8)]} />}
    <EnumInput source="role" enumName="Role" validate={required()} />
    <RefInput source="unitId" reference="Unit" />
    <UserOffice />
    {!creating && <BooleanInput source="active" />}
  </SimpleForm>
);

/** A unit's staff left without 所属辖区 keep the one of their unit (the API derives it), rather than being sent to the platform. */
const keepUnitOffice = (data: Record<string, unknown>) => (data.role === 'UNIT_STAFF' ? withoutEmptyOwner()(data) : data);

type Reset = ResetUserPasswordMutation['resetUserPassword'];

/** The temporary password, shown this once (only its hash is kept): read out or copied to the user, who must replace it at sign-in. */
const TemporaryPasswordDialog = ({ reset, onClose }: { reset: Reset | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={!!reset} fullWidth maxWidth="sm" data-testid="temporary-password-dialog">
      <DialogTitle>{translate('app.password.reset_done_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.password.reset_done_warning')}
        </Alert>
        <MuiTextField
          value={reset?.temporaryPassword ?? ''}
          fullWidth
          label={translate('app.password.temporary')}
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'temporary-password', style: { fontFamily: 'monospace', fontSize: 16 } }, inputLabel: { shrink: true } }}
          onFocus={(e) => e.target.select()}
        />
      </DialogContent>
      <DialogActions>
        <Button label="app.password.reset_done_close" variant="contained" onClick={onClose} data-testid="temporary-password-close" />
      </DialogActions>
    </Dialog>
  );
};

/**
 * 重置密码: another user's password becomes a temporary one the server makes; their sessions end and
 * at the next sign-in they must choose their own. One's own password is changed from the user menu.
 */
const ResetPasswordButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [reset, setReset] = useState<Reset | null>(null);
  const latest = useRef<Reset | null>(null);
  if (!record || String(record.id) === String(getUser()?.id)) return null;
  return (
    <>
      <MutationDialog
        label="app.password.reset"
        maxWidth="xs"
        testids={{ open: 'reset-password', confirm: 'reset-password-confirm', error: 'reset-password-error' }}
        initial={() => ({})}
        submit={async () => {
          latest.current = (await request(ResetUserPasswordDocument, { id: String(record.id) })).resetUserPassword;
        }}
        success="app.password.reset_done"
        onDone={() => {
          setReset(latest.current);
          latest.current = null;
        }}
      >
        {() => <Typography variant="body2">{translate('app.password.reset_confirm', { name: `${record.displayName}（${record.username}）` })}</Typography>}
      </MutationDialog>
      <TemporaryPasswordDialog
        reset={reset}
        onClose={() => {
          setReset(null);
          refresh();
        }}
      />
    </>
  );
};

const UserEditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
  </TopToolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={keepUnitOffice} actions={<UserEditActions />}>
    <UserForm />
  </Edit>
);
export const UserCreate = () => (
  <Create transform={withoutEmptyOwner()}>
    <UserForm creating />
  </Create>
);
