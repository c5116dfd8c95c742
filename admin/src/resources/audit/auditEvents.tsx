import { Datagrid, DateField, DateInput, List, SelectInput, TextField, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ExportButtons } from '../common/actions';

const ENTITY_TYPES = ['PolicyDocument', 'Clause', 'DocumentCitation', 'Jurisdiction', 'Unit', 'PropertyCompany', 'Compound', 'Person', 'Post', 'PostHolding', 'WorkingGroup', 'Membership', 'User', 'Seed'];

const EntityTypeInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={ENTITY_TYPES.map((t) => ({ id: t, name: translate(`resources.${t}.name`, { smart_count: 1, _: t }) }))} translateChoice={false} />;
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
  <List filters={filters} actions={<TopToolbar><ExportButtons /></TopToolbar>} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false} expand={<><Json source="before" /><br /><Json source="after" /></>}>
      <DateField source="at" showTime />
      <TextField source="actorName" />
      <Action label="resources.AuditEvent.fields.action" />
      <EntityType label="resources.AuditEvent.fields.entityType" />
      <TextField source="entityId" />
      <TextField source="requestId" emptyText="—" />
    </Datagrid>
  </List>
);
