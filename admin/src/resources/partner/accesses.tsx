import GridOnIcon from '@mui/icons-material/GridOn';
import { Chip } from '@mui/material';
import {
  Button,
  Datagrid,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DayField } from '../common/fields';
import { formatAt, today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';
import { chunkedFetchRelated, useExportRun } from '../common/ExportButton';
import { RefInput } from '../common/forms';
import { keyRepresentation } from './keys';

/** Who may read the keys themselves (the API's PartnerKey read roles); the office sees the log without them. */
const readsKeys = (role: unknown) => role === 'ADMIN' || role === 'AUDITOR';

/**
 * What the partner endpoint writes as outcome: OK or the first error's extensions.code. Not an enum
 * of the schema (PartnerAccess.outcome is a String), so the codes are listed here.
 */
const OUTCOMES = ['OK', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'];

/** The key a request used: its name and prefix (for ADMIN and AUDITOR), an unknown key said so. */
const KeyField = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  if (!record.keyId) return <span>{translate('app.partner.unknown_key')}</span>;
  if (!readsKeys(permissions)) return <span>#{record.keyId}</span>;
  return (
    <ReferenceField source="keyId" reference="PartnerKey" link="show">
      <FunctionField render={(k: RaRecord) => keyRepresentation(k)} />
    </ReferenceField>
  );
};

const OutcomeField = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.outcome === 'OK' ? 'success' : 'error'}
      variant="outlined"
      label={translate(`app.partner.outcomes.${record.outcome}`, { _: record.outcome })}
      data-testid="access-outcome"
      data-outcome={record.outcome}
    />
  );
};

/** 导出 Excel: the filtered log with the key's name, dates in the reader's time, companies as a list. */
const ExportAccesses = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions();
  const { filterValues, sort } = useListContext();
  const { run, busy, dialog } = useExportRun();
  const page = async (page: number, perPage: number) => {
    const { data, total } = await dataProvider.getList<RaRecord>('PartnerAccess', { filter: filterValues, pagination: { page, perPage }, sort });
    return { data, total: total ?? data.length };
  };
  const write = async (data: RaRecord[]) => {
    const keys = readsKeys(permissions) ? Object.values(await chunkedFetchRelated(dataProvider)<RaRecord>(data, 'keyId', 'PartnerKey')) : [];
    const keyName = new Map(keys.map((k) => [String(k.id), keyRepresentation(k)]));
    const f = (k: string) => translate(`resources.PartnerAccess.fields.${k}`);
    const headers = [f('createdAt'), f('keyId'), f('operationName'), f('queries'), f('companies'), f('outcome'), f('requestId')];
    const rows = data.map((a) => [
      formatAt(a.createdAt, locale),
      a.keyId ? (keyName.get(String(a.keyId)) ?? `#${a.keyId}`) : translate('app.partner.unknown_key'),
      a.operationName ?? null,
      a.queries,
      (a.companies as string[]).join('、') || null,
      translate(`app.partner.outcomes.${a.outcome}`, { _: a.outcome }),
      a.requestId,
    ]);
    const title = translate('resources.PartnerAccess.name', { smart_count: 2 });
    await downloadXlsx({ headers, rows }, title, `${title}-${today()}.xlsx`);
  };
  return (
    <>
      <Button label="app.export.xlsx" onClick={() => run(page, write)} disabled={busy} data-testid="export-accesses">
        <GridOnIcon />
      </Button>
      {dialog}
    </>
  );
};

const AccessActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportAccesses />
  </TopToolbar>
);

/** The filters; the key picker only for roles that may read the keys. */
const useFilters = () => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  return [
    ...(readsKeys(permissions) ? [<RefInput key="k" source="keyId" reference="PartnerKey" alwaysOn />] : []),
    <TextInput key="u" source="uscc" alwaysOn parse={(v: string) => v?.toUpperCase()} />,
    <SelectInput key="o" source="outcome" alwaysOn choices={OUTCOMES.map((o) => ({ id: o, name: translate(`app.partner.outcomes.${o}`) }))} translateChoice={false} />,
    <DateInput key="f" source="from" alwaysOn />,
    <DateInput key="t" source="to" alwaysOn />,
  ];
};

/** 数据共享访问记录: every partner request, newest first: when, which key, what it asked, which companies, how it ended. */
export const PartnerAccessList = () => (
  <List filters={useFilters()} actions={<AccessActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="partner-accesses">
      <DayField source="createdAt" showTime />
      <KeyField label="resources.PartnerAccess.fields.keyId" />
      <TextField source="operationName" emptyText="—" />
      <TextField source="queries" />
      <FunctionField source="companies" sortable={false} render={(r: RaRecord) => (r.companies as string[]).join('、') || '—'} />
      <OutcomeField label="resources.PartnerAccess.fields.outcome" />
      <TextField source="requestId" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
    </Datagrid>
  </List>
);
