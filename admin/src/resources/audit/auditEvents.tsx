import { Datagrid, DateInput, List, SelectInput, TextField, TextInput, TopToolbar, useLocaleState, useRecordContext, useResourceDefinitions, useTranslate } from 'react-admin';
import schema from 'virtual:admin-introspection';
import { ExportButtons } from '../common/actions';
import { fieldsOf, named } from '../common/enums';
import type { SheetOf } from '../common/exporter';
import { Details } from '../common/History';
import { type Described, type HistoryEvent, HistoryReader } from '../common/history';

/**
 * The types the API keeps an audit trail of: those its mutations write (createX, advanceAwardCase,
 * approvePayout, reportProgress…) and that can be listed; the audit events themselves are not.
 */
const LISTED = new Set(
  fieldsOf(schema.queryType.name)
    .filter((f) => f.name.startsWith('all'))
    .map((f) => named(f).name),
);
const WRITTEN = fieldsOf(schema.mutationType?.name ?? '')
  .map((f) => named(f).name)
  .filter((t) => LISTED.has(t));

/** Every kind of record with a history: the console's resources, the types the API writes, the seed and the demo data. */
const EntityTypeInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const resources = Object.keys(useResourceDefinitions());
  const types = [...new Set([...resources, ...WRITTEN, 'Seed', 'Demo'])].filter((t) => t !== 'AuditEvent');
  return <SelectInput {...props} choices={types.map((t) => ({ id: t, name: translate(`resources.${t}.name`, { smart_count: 1, _: t }) }))} translateChoice={false} />;
};

const filters = [
  <TextInput key="actorName" source="actorName" alwaysOn />,
  <EntityTypeInput key="entityType" source="entityType" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

/** An event as the record pages' 修改记录 tell it: the time in China, a sentence with names and labels, the details behind it. */
const described = new WeakMap<object, { locale: string; value: Described }>();
/** Read once per record and language, though three cells of the row (time, sentence, details) show it. */
const useDescribed = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return undefined;
  const known = described.get(record);
  if (known?.locale === locale) return known.value;
  const value = new HistoryReader(record as unknown as HistoryEvent, translate, locale).describe();
  described.set(record, { locale, value });
  return value;
};

const At = (_: { label?: string }) => <span style={{ whiteSpace: 'nowrap' }}>{useDescribed()?.at}</span>;
const Sentence = (_: { label?: string }) => <span data-testid="audit-sentence">{useDescribed()?.sentence}</span>;
const Expanded = () => {
  const event = useDescribed();
  return event?.details.length ? <Details details={event.details} /> : null;
};

const Action = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{record ? translate(`enums.AuditAction.${record.action}`, { _: record.action }) : null}</span>;
};

const EntityType = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{record ? translate(`resources.${record.entityType}.name`, { smart_count: 1, _: record.entityType }) : null}</span>;
};

/** The export: what the page shows (time, who, action, type, the sentence), no ids and no raw snapshots. */
const auditSheet: SheetOf = async (records, _resource, _fetchRelated, translate, locale) => ({
  headers: ['at', 'actorName', 'action', 'entityType', 'summary'].map((f) => translate(`resources.AuditEvent.fields.${f}`)),
  rows: records.map((r) => {
    const described = new HistoryReader(r as unknown as HistoryEvent, translate, locale).describe();
    return [
      described.at,
      r.actorName,
      translate(`enums.AuditAction.${r.action}`, { _: r.action }),
      translate(`resources.${r.entityType}.name`, { smart_count: 1, _: r.entityType }),
      described.sentence,
    ];
  }),
});

/** 审计记录: read-only, newest first, filter by actor, record type and date; each event a sentence, its details behind the row. */
export const AuditEventList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <ExportButtons sheetOf={auditSheet} />
      </TopToolbar>
    }
    sort={{ field: 'id', order: 'DESC' }}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} expand={<Expanded />}>
      <At label="resources.AuditEvent.fields.at" />
      <TextField source="actorName" />
      <Action label="resources.AuditEvent.fields.action" />
      <EntityType label="resources.AuditEvent.fields.entityType" />
      <Sentence label="resources.AuditEvent.fields.summary" />
      <TextField source="requestId" emptyText="—" />
    </Datagrid>
  </List>
);
