import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Button, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  EditButton,
  FunctionField,
  List,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextInput,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { request } from '../../dataProvider';
import { ComplaintContactDocument } from '../../graphql/generated';
import { Link } from 'react-router-dom';
import { ListActions, useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { EnumField, EnumInput, StatusChip, StatusField, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { Attachments } from '../attachment/Attachments';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { COMPLAINT_VIEW } from './complaint.workflow';
import { BulkExportSelected } from '../common/BulkRun';

const filters = [
  <EnumInput key="s" source="status" enumName="ComplaintStatus" alwaysOn />,
  <EnumInput key="t" source="timeliness" enumName="ComplaintTimeliness" alwaysOn />,
  <EnumInput key="c" source="channel" enumName="ComplaintChannel" />,
  <EnumInput key="g" source="category" enumName="ComplaintCategory" />,
  <RefInput key="p" source="compoundId" reference="Compound" alwaysOn />,
  <RefInput key="u" source="assignedUnitId" reference="Unit" />,
  <TextInput key="q" source="q" />,
];

/** 投诉: newest first; the status and the days of each stage at a glance. */
export const ComplaintList = () => (
  <List filters={filters} actions={<ListActions filters={false} />} sort={{ field: 'receivedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={<BulkExportSelected />}>
      <DayField source="receivedOn" />
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <FunctionField source="summary" render={(r: RaRecord) => r.summary} sortable={false} />
      <EnumField source="category" enumName="ComplaintCategory" />
      <EnumField source="channel" enumName="ComplaintChannel" />
      <FunctionField source="assignedUnitId" render={(r: RaRecord) => r.assignedUnit?.name ?? '—'} sortable={false} />
      <StatusField enumName="ComplaintStatus" label="resources.Complaint.fields.status" />
      <DayField source="dueOn" />
      <FunctionField source="timeliness" render={(r: RaRecord) => <TimelinessChip value={r.timeliness} />} sortable={false} />
    </Datagrid>
  </List>
);

/** 按期 / 超期 at a glance: red when overdue, amber when disposed late. */
const TIMELINESS_COLOR = { ON_TIME: 'success', LATE: 'warning', OVERDUE: 'error', WITHIN_LIMIT: 'default' } as const;
const TimelinessChip = ({ value }: { value?: keyof typeof TIMELINESS_COLOR }) => {
  const translate = useTranslate();
  return value ? <Chip size="small" color={TIMELINESS_COLOR[value]} label={translate(`enums.ComplaintTimeliness.${value}`)} data-testid="complaint-timeliness" data-value={value} /> : null;
};

const LIMITS = [0, 3, 5, 7, 15, 30, 60];
const limitText = (translate: (k: string, o?: object) => string, days: number) => (days ? translate('app.complaints.limit_days', { days }) : translate('app.complaints.limit_same_day'));

/**
 * The complainant's contact is never part of the record the console loads (so never in a list or an
 * export): shown on request, and the API records who asked.
 */
const ContactReveal = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [contact, setContact] = useState<string | null | undefined>(undefined);
  if (contact !== undefined) return <span data-testid="complaint-contact">{contact ?? '—'}</span>;
  return (
    <Button
      size="small"
      startIcon={<VisibilityIcon />}
      data-testid="reveal-contact"
      onClick={() =>
        request(ComplaintContactDocument, { id }).then(
          (r) => setContact(r.complaintContact ?? null),
          (e: Error) => notify(e.message, { type: 'error' }),
        )
      }
    >
      {translate('app.complaints.reveal_contact')}
    </Button>
  );
};

const Facts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">{record.summary}</Typography>
        <StatusChip enumName="ComplaintStatus" status={record.status} />
      </Box>
      <FactGrid
        facts={[
          ['resources.Complaint.fields.compoundId', <Link to={`/Compound/${record.compoundId}/show`}>{record.compound?.name}</Link>],
          ['resources.Complaint.fields.communityId', record.community?.name],
          ['resources.Complaint.fields.propertyCompanyId', record.propertyCompany?.name],
          ['resources.Complaint.fields.category', translate(`enums.ComplaintCategory.${record.category}`)],
          ['resources.Complaint.fields.channel', translate(`enums.ComplaintChannel.${record.channel}`)],
          ['resources.Complaint.fields.complainant', record.complainant],
          ['resources.Complaint.fields.complainantContact', <ContactReveal id={String(record.id)} />],
          ['resources.Complaint.fields.timeLimitDays', limitText(translate, record.timeLimitDays)],
          ['resources.Complaint.fields.dueOn', record.dueOn],
          ['resources.Complaint.fields.disposedOn', record.disposedOn],
          ['resources.Complaint.fields.timeliness', <TimelinessChip value={record.timeliness} />],
          ['resources.Complaint.fields.assignedUnitId', record.assignedUnit?.name],
          ['resources.Complaint.fields.result', record.result],
          ...['receivedOn', 'assignedOn', 'handledOn', 'closedOn'].map((f): [string, string] => [`resources.Complaint.fields.${f}`, record[f]]),
        ]}
      />
    </Box>
  );
};

const Steps = (_: { label?: string }) => <StepTimeline view={COMPLAINT_VIEW} steps={useRecordContext()?.steps ?? []} />;

/** The moves the signed-in user may make now (the unit's staff: 办结 of their own unit's complaints); editing for the office. */
const ComplaintShowActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const edit = useCanEdit();
  return (
    <TopToolbar>
      {record && <MoveButtons view={COMPLAINT_VIEW} record={record} onDone={refresh} />}
      {record && edit && ['RECEIVED', 'ASSIGNED'].includes(record.status) && <EditButton />}
    </TopToolbar>
  );
};

export const ComplaintShow = () => (
  <Show actions={<ComplaintShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.complaints.steps" />
      <FunctionField label={false} render={(r: RaRecord) => <Attachments target="Complaint" id={r.id} />} />
      <History />
    </SimpleShowLayout>
  </Show>
);

const ComplaintForm = () => {
  const record = useRecordContext();
  const creating = !record;
  const translate = useTranslate();
  const limit = record?.timeLimitDays;
  return (
    <SimpleForm>
      {creating && <RefInput source="compoundId" reference="Compound" validate={required()} />}
      {creating && <TextInput source="receivedOn" type="date" defaultValue={today()} validate={required()} />}
      <EnumInput source="channel" enumName="ComplaintChannel" validate={required()} />
      <EnumInput source="category" enumName="ComplaintCategory" validate={required()} />
      <TextInput source="summary" multiline fullWidth validate={required()} />
      <SelectInput
        source="timeLimitDays"
        defaultValue={0}
        validate={required()}
        choices={[...new Set([...LIMITS, ...(typeof limit === 'number' ? [limit] : [])])].sort((a, b) => a - b).map((d) => ({ id: d, name: limitText(translate, d) }))}
        helperText="app.complaints.limit_help"
      />
      <TextInput source="complainant" />
      {creating && <TextInput source="complainantContact" helperText="app.complaints.contact_help" />}
      <RefInput source="propertyCompanyId" reference="PropertyCompany" />
      <RefInput source="assignedUnitId" reference="Unit" />
    </SimpleForm>
  );
};

export const { EditView: ComplaintEdit, CreateView: ComplaintCreate } = formViews(ComplaintForm);
