import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/VpnKey';
import { Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Checkbox, TextField as MuiTextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import {
  Button,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DayField } from '../common/fields';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { request } from '../../dataProvider';
import { IssuePartnerKeyDocument, type IssuePartnerKeyMutation, RevokePartnerKeyDocument } from '../../graphql/generated';
import { ExportButtons } from '../common/actions';
import { History } from '../common/History';
import { type DialogForm, MutationDialog } from '../common/MutationDialog';
import { defaultOfficeName, JurisdictionPicker, OwnerField } from '../common/owner';
import type { LookedAtOffice } from '../../authProvider';

type Issued = IssuePartnerKeyMutation['issuePartnerKey'];

/** Copies text: the Clipboard API where the page is a secure context, else a selected field and execCommand (office intranets on http). */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (!field) return false;
  field.focus();
  field.select();
  return document.execCommand('copy');
}

/**
 * The new key, shown this once: the server keeps only its hash, so closing the dialog loses it.
 * The office copies it and hands it to the partner over a safe channel.
 */
const SecretDialog = ({ issued, onClose }: { issued: Issued | null; onClose: () => void }) => {
  const translate = useTranslate();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const close = () => {
    setCopied(null);
    setConfirmed(false);
    onClose();
  };
  return (
    <Dialog open={!!issued} fullWidth maxWidth="md" data-testid="secret-dialog">
      <DialogTitle>{translate('app.partner.secret.title', { name: issued?.key.name ?? '' })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="secret-warning">
          {translate('app.partner.secret.warning')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <MuiTextField
            value={issued?.secret ?? ''}
            fullWidth
            label={translate('app.partner.secret.label')}
            slotProps={{ htmlInput: { readOnly: true, ref: field, 'data-testid': 'secret-value', style: { fontFamily: 'monospace', fontSize: 14 } }, inputLabel: { shrink: true } }}
            onFocus={(e) => e.target.select()}
          />
          <Button
            label="app.partner.secret.copy"
            variant="outlined"
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            onClick={async () => setCopied(await copy(issued?.secret ?? '', field.current))}
            data-testid="secret-copy"
          >
            <ContentCopyIcon />
          </Button>
        </Box>
        {copied !== null && (
          <Typography variant="body2" color={copied ? 'success.main' : 'error'} sx={{ mt: 1 }} data-testid="secret-copied">
            {translate(copied ? 'app.partner.secret.copied' : 'app.partner.secret.copy_failed')}
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 2 }}>
          {translate('app.partner.secret.usage', { prefix: issued?.key.prefix ?? '' })}
        </Typography>
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} slotProps={{ input: { 'data-testid': 'secret-confirm-copied' } as object }} />}
          label={translate('app.partner.secret.confirm')}
        />
      </DialogContent>
      <DialogActions>
        <Button label="app.partner.secret.close" variant="contained" disabled={!confirmed} onClick={close} data-testid="secret-close" />
      </DialogActions>
    </Dialog>
  );
};

/** The issuing office: the key reads editions published within it. Left empty, the API names the issuer's own office. */
const KeyOfficePicker = ({ field }: { field: ReturnType<DialogForm<{ jurisdictionId: string }>['field']> }) => {
  const translate = useTranslate();
  const [picked, setPicked] = useState<LookedAtOffice | null>(null);
  const office = defaultOfficeName();
  return (
    <JurisdictionPicker
      label="resources.PartnerKey.fields.jurisdictionId"
      value={picked}
      onChange={(j) => {
        setPicked(j);
        field.onChange({ target: { value: j?.id ?? '' } });
      }}
      helperText={field.helperText ?? (office ? translate('app.scope.owner_default', { office }) : translate('app.scope.owner_default_platform'))}
      testid="issue-key-office"
    />
  );
};

/** 签发密钥: for whom (organisation and system) and a note (agreement, contact); then the secret, once. */
const IssueKeyButton = ({ openAtStart }: { openAtStart?: boolean }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [issued, setIssued] = useState<Issued | null>(null);
  const latest = useRef<Issued | null>(null);
  return (
    <>
      <MutationDialog
        label="app.partner.issue"
        variant="contained"
        testids={{ open: 'issue-key', confirm: 'issue-key-confirm', error: 'issue-key-error' }}
        openAtStart={openAtStart}
        initial={() => ({ name: '', note: '', jurisdictionId: '' })}
        required={['name']}
        submit={async (v) => {
          const d = await request(IssuePartnerKeyDocument, { name: v.name.trim(), note: v.note.trim() || null, jurisdictionId: v.jurisdictionId || undefined });
          latest.current = d.issuePartnerKey;
        }}
        success="app.partner.issued"
        onDone={() => {
          setIssued(latest.current);
          latest.current = null;
          refresh();
        }}
      >
        {(form) => (
          <>
            <Typography variant="body2">{translate('app.partner.issue_help')}</Typography>
            <MuiTextField
              label={translate('resources.PartnerKey.fields.name')}
              {...form.field('name')}
              required
              helperText={form.field('name').helperText ?? translate('app.partner.name_help')}
              slotProps={{ htmlInput: { 'data-testid': 'issue-key-name' } }}
            />
            <MuiTextField label={translate('resources.PartnerKey.fields.note')} {...form.field('note')} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'issue-key-note' } }} />
            <KeyOfficePicker field={form.field('jurisdictionId')} />
          </>
        )}
      </MutationDialog>
      <SecretDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
};

/** 吊销: the key's next request gets UNAUTHENTICATED; the reason is kept with it. */
export const RevokeKeyButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  return (
    <MutationDialog
      label="app.partner.revoke"
      color="error"
      maxWidth="xs"
      confirmColor="error"
      testids={{ open: 'revoke-key', confirm: 'revoke-key-confirm', error: 'revoke-key-error' }}
      initial={() => ({ reason: '' })}
      required={['reason']}
      submit={(v) => request(RevokePartnerKeyDocument, { id: String(record.id), reason: v.reason.trim() })}
      success="app.partner.revoked"
      onDone={refresh}
    >
      {(form) => (
        <>
          <Typography variant="body2">{translate('app.partner.revoke_confirm', { name: record.name, prefix: record.prefix })}</Typography>
          <MuiTextField
            label={translate('resources.PartnerKey.fields.revokeReason')}
            {...form.field('reason')}
            required
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'revoke-key-reason' } }}
          />
        </>
      )}
    </MutationDialog>
  );
};

/** 有效 / 已吊销 */
export const KeyStateField = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return record.active ? (
    <Chip size="small" color="success" label={translate('app.partner.active')} data-testid="key-state" data-active="true" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.partner.revoked_state')} data-testid="key-state" data-active="false" />
  );
};

const isAdmin = (role: unknown) => role === 'ADMIN';

/** Where #/PartnerKey/create sends: the list, with the 签发密钥 dialog open. */
interface IssueState {
  issue?: boolean;
}

const KeyListActions = () => {
  const { permissions } = usePermissions();
  const issue = !!(useLocation().state as IssueState | null)?.issue;
  return (
    <TopToolbar>
      <FilterButton />
      {isAdmin(permissions) && <IssueKeyButton openAtStart={issue} />}
      <ExportButtons />
    </TopToolbar>
  );
};

/** Revoke from the list, for an active key and an ADMIN. */
const RowRevoke = (_: { label?: string }) => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  if (!record?.active || !isAdmin(permissions)) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <RevokeKeyButton record={record} />
    </span>
  );
};

/**
 * 数据共享密钥: who may read the partner API. The key itself is never shown again after issue: only its
 * prefix. With no key yet the list (and its 签发密钥) still shows: react-admin's empty page offers only a create button.
 */
export const PartnerKeyList = () => (
  <List
    empty={false}
    filters={[<TextInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="a" source="active" alwaysOn />]}
    actions={<KeyListActions />}
    sort={{ field: 'id', order: 'DESC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="partner-keys">
      <TextField source="name" />
      <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
      <TextField source="issuedByName" />
      <OwnerField source="jurisdictionId" />
      <DayField source="createdAt" showTime label="resources.PartnerKey.fields.issuedAt" />
      <KeyStateField label="resources.PartnerKey.fields.active" />
      <DayField source="revokedAt" showTime emptyText="—" />
      <TextField source="revokeReason" emptyText="—" />
      <RowRevoke label="" />
    </Datagrid>
  </List>
);

/**
 * #/PartnerKey/create (react-admin's address for making a record, where its empty pages and
 * create buttons lead): the list with the 签发密钥 dialog open — a key is issued by its own mutation
 * and its secret shown once, which the list's dialog does.
 */
export const PartnerKeyCreate = () => <Navigate to="/PartnerKey" replace state={{ issue: true } satisfies IssueState} />;

const KeyShowActions = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  return <TopToolbar>{record?.active && isAdmin(permissions) && <RevokeKeyButton record={record} />}</TopToolbar>;
};

const AccessLink = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Button component={Link} to={`/PartnerAccess?filter=${encodeURIComponent(JSON.stringify({ keyId: record.id }))}`} label={translate('app.partner.accesses_of_key')}>
      <KeyIcon />
    </Button>
  );
};

export const PartnerKeyShow = () => (
  <Show actions={<KeyShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="prefix" sx={{ fontFamily: 'monospace' }} />
      <TextField source="note" emptyText="—" />
      <TextField source="issuedByName" />
      <OwnerField source="jurisdictionId" />
      <DayField source="createdAt" showTime label="resources.PartnerKey.fields.issuedAt" />
      <KeyStateField label="resources.PartnerKey.fields.active" />
      <DayField source="revokedAt" showTime emptyText="—" />
      <TextField source="revokedByName" emptyText="—" />
      <TextField source="revokeReason" emptyText="—" />
      <FunctionField label="app.partner.accesses" render={() => <AccessLink />} />
      <History />
    </SimpleShowLayout>
  </Show>
);

/** How a key reads in lists: 石狮市公共资源交易中心 招投标平台（wyk_3f9a1c2e） */
export { keyRepresentation } from './keyRepresentation';
