import KeyIcon from '@mui/icons-material/Key';
import { Alert, Box, Button, Card, CardContent, ListItemIcon, ListItemText, MenuItem, TextField, Typography } from '@mui/material';
import { type FormEvent, forwardRef, useState } from 'react';
import { Title, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { storeSession } from '../../authProvider';
import { request } from '../../dataProvider';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { ChangePasswordDocument } from '../../graphql/generated';

/**
 * 修改密码: the signed-in user's own password. While the password is one someone else set
 * (`required`), the layout shows this instead of every page; otherwise it is in the user menu.
 * The answer is a new session: every other session of the user ends.
 */
export const ChangePassword = ({ required = false, onDone }: { required?: boolean; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (values.next.length < 8) return setErrors({ next: translate('app.password.too_short') });
    if (values.next !== values.confirm) return setErrors({ confirm: translate('app.password.mismatch') });
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const { changePassword } = await request(ChangePasswordDocument, { current: values.current, next: values.next });
      storeSession(changePassword);
      notify('app.password.changed', { type: 'success' });
      onDone?.();
      navigate('/');
    } catch (err) {
      const f = err as Failure;
      const fields = f.body?.errors ?? {};
      if (fields.current || fields.next) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translate(v, { _: v })])));
      else setFailure(errorText(f));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof typeof values, label: string) => (
    <TextField
      type="password"
      name={name}
      label={translate(label)}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={!!errors[name]}
      helperText={errors[name] ?? ' '}
      autoComplete={name === 'current' ? 'current-password' : 'new-password'}
      required
      fullWidth
    />
  );
  return (
    <Box sx={{ mt: 2, maxWidth: 480 }} data-testid="change-password">
      <Title title="app.password.title" />
      <Card>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="h6">{translate('app.password.title')}</Typography>
          {required && <Alert severity="warning">{translate('app.password.required_intro')}</Alert>}
          {failure && <Alert severity="error">{failure}</Alert>}
          {field('current', 'app.password.current')}
          {field('next', 'app.password.next')}
          {field('confirm', 'app.password.confirm')}
          <Button type="submit" variant="contained" disabled={busy} data-testid="change-password-submit">
            {translate('app.password.submit')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};

/** 修改密码 in the user menu. */
export const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/change-password" ref={ref} {...props} onClick={() => menu?.onClose()} data-testid="menu-change-password">
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.password.menu')}</ListItemText>
    </MenuItem>
  );
});
ChangePasswordMenuItem.displayName = 'ChangePasswordMenuItem';
