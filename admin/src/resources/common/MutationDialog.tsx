import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type ButtonProps, type Theme, useMediaQuery } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useErrorText, type Failure } from '../../dataProvider/errors';

/**
 * One key per intended action (a dialog opening), so a double click or a retry after a lost
 * response cannot act twice. crypto.randomUUID exists only in secure contexts (https, localhost);
 * an office intranet on plain http still has crypto.getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Values = Record<string, string>;

/** What the dialog's body gets: the values, and for each field the props of a MUI TextField bound to it. */
export interface DialogForm<T extends Values> {
  values: T;
  /** value, onChange, and the field's error (translated) as error / helperText. */
  field: (name: keyof T & string) => { value: string; onChange: (e: { target: { value: string } }) => void; error: boolean; helperText: string | undefined };
}

export interface MutationDialogProps<T extends Values> {
  /** The opening button's label; the dialog's title too. */
  label: string;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  confirmLabel?: string;
  confirmColor?: ButtonProps['color'];
  maxWidth?: 'xs' | 'sm' | 'md';
  testids: { open: string; confirm: string; error?: string };
  /** The values each time the dialog opens: a reopened dialog starts afresh. */
  initial: () => T;
  /** Fields that must not be blank: refused before anything is sent. */
  required?: Array<keyof T & string>;
  /** Sends the mutation. The idempotency key is new each time the dialog opens, the same on every try. */
  submit: (values: T, idempotencyKey: string) => Promise<unknown>;
  success: string;
  successArgs?: Record<string, unknown>;
  onDone: () => void;
  /** Open from the start (a page whose address means this action, e.g. #/PartnerKey/create). */
  openAtStart?: boolean;
  children: (form: DialogForm<T>) => ReactNode;
}

/**
 * A button that opens a small form, sends one mutation and reports back: the server's field errors
 * under their inputs, any other failure (translated by its reason) above the buttons. It sends once
 * at a time, however often confirm is clicked.
 */
export function MutationDialog<T extends Values>(props: MutationDialogProps<T>) {
  const { initial, required = [], submit, onDone } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [open, setOpen] = useState(!!props.openAtStart);
  const [values, setValues] = useState<T>(initial);
  const [key, setKey] = useState(() => (props.openAtStart ? newIdempotencyKey() : ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  // on a phone the form takes the whole screen (a report is written where the work is done)
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

  const start = () => {
    setValues(initial());
    setKey(newIdempotencyKey());
    setErrors({});
    setError(null);
    setOpen(true);
  };

  const confirm = async () => {
    if (sending.current) return;
    const missing = Object.fromEntries(required.filter((k) => !values[k].trim()).map((k) => [k, 'ra.validation.required']));
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length) return;
    sending.current = true;
    setBusy(true);
    try {
      await submit(values, key);
      notify(props.success, { type: 'success', messageArgs: props.successArgs });
      setOpen(false);
      onDone();
    } catch (e) {
      const f = e as Failure;
      const fieldErrors = f.body?.errors ?? {};
      const atFault = Object.keys(fieldErrors);
      // under the inputs when the form has every field at fault; otherwise nothing would show it
      if (atFault.length && atFault.every((k) => k in values)) setErrors(fieldErrors);
      else setError(errorText(f));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const form: DialogForm<T> = {
    values,
    field: (name) => ({
      value: values[name],
      onChange: (e) => setValues((v) => ({ ...v, [name]: e.target.value })),
      error: !!errors[name],
      helperText: errors[name] ? translate(errors[name], { _: errors[name] }) : undefined,
    }),
  };

  return (
    <>
      {/* MUI's button, not react-admin's: on a phone react-admin's shows only its icon, and these have none */}
      <MuiButton size="small" onClick={start} color={props.color ?? 'primary'} variant={props.variant} data-testid={props.testids.open}>
        {translate(props.label)}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth fullScreen={phone} maxWidth={props.maxWidth ?? 'sm'}>
        <DialogTitle>{translate(props.label)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {props.children(form)}
            {error && (
              <Alert severity="error" data-testid={props.testids.error}>
                {error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color={props.confirmColor ?? 'primary'} variant="contained" disabled={busy} onClick={confirm} data-testid={props.testids.confirm}>
            {translate(props.confirmLabel ?? 'ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
