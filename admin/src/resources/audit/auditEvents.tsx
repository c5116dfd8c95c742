import { Datagrid, DateField, DateInput, List, SelectInput, TextField, TextInput, TopToolbar, useRecordContext, useResourceDefinitions, useTranslate } from 'react-admin';
import schema from 'virtual:admin-introspection';
import { ExportButtons } from '../common/actions';
import { fieldsOf, named } from '../common/enums';

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

/** Every kind of record with a history: the console's resources, the types the API writes, and the seed. */
const EntityTypeInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const resources = Object.keys(useResourceDefinitions());
  const types = [...new Set([...resources, ...WRITTEN, 'Seed'])].filter((t) => t !== 'AuditEvent');
  return <SelectInput {...props} choices={types.map((t) => ({ id: t, name: translate(`resources.${t}.name`, { smart_count: 1, _: t }) }))} translateChoice={false} />;
};

const filters = [
  <TextInput key="actorName" source="actorName" alwaysOn />,
  <EntityTypeInput key="entityType" source="entityType" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

const Json = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const value = record?.[source];
  return <code style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{value ? JSON.stringify(value) : '—'}</code>;
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

/** 审计记录: read-only, newest first, filter by actor, record type and date. */
export const AuditEventList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <ExportButtons />
      </TopToolbar>
    }
    sort={{ field: 'id', order: 'DESC' }}
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick={false}
      expand={
        <>
          <Json source="before" />
          <br />
          <Json source="after" />
        </>
      }
    >
      <DateField source="at" showTime />
      <TextField source="actorName" />
      <Action label="resources.AuditEvent.fields.action" />
      <EntityType label="resources.AuditEvent.fields.entityType" />
      <TextField source="entityId" />
      <TextField source="requestId" emptyText="—" />
    </Datagrid>
  </List>
);
