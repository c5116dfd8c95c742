import { Box, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, Show, SimpleShowLayout, TopToolbar, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { ListActions, useCanEdit } from '../common/actions';
import { EnumInput, StatusChip, StatusField, DayField } from '../common/fields';
import { RefInput } from '../common/forms';
import { History } from '../common/History';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { RECTIFICATION_VIEW } from './rectification.workflow';

const StepButtons = ({ record }: { record: RaRecord }) => {
  const refresh = useRefresh();
  if (!useCanEdit()) return null;
  return <MoveButtons view={RECTIFICATION_VIEW} record={record} onDone={refresh} />;
};

const filters = [
  <EnumInput key="s" source="status" enumName="RectificationStatus" alwaysOn />,
  <RefInput key="p" source="periodId" reference="RatingPeriod" optionText="code" alwaysOn />,
  <RefInput key="c" source="propertyCompanyId" reference="PropertyCompany" alwaysOn />,
];

/** 整改: black-listed companies and where their rectification stands; a company is barred from bidding until accepted. */
export const RectificationList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<ListActions filters={false} />} sort={{ field: 'requiredOn', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField source="propertyCompanyId" render={(r: RaRecord) => r.propertyCompany?.name} sortable={false} />
        <FunctionField label="resources.PropertyCompany.fields.uscc" render={(r: RaRecord) => r.propertyCompany?.uscc} />
        <FunctionField source="periodId" render={(r: RaRecord) => r.period?.code} sortable={false} />
        <StatusField enumName="RectificationStatus" label="resources.Rectification.fields.status" />
        <DayField source="requiredOn" />
        <DayField source="interviewedOn" emptyText="—" />
        <DayField source="submittedOn" emptyText="—" />
        <DayField source="acceptedOn" emptyText="—" />
        <FunctionField source="publicationId" render={(r: RaRecord) => (r.publication ? translate('app.ratings.editions.revision', { revision: r.publication.revision }) : '—')} sortable={false} />
      </Datagrid>
    </List>
  );
};

const Steps = (_: { label?: string }) => <StepTimeline view={RECTIFICATION_VIEW} steps={useRecordContext()?.steps ?? []} />;

const Facts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6">{record.propertyCompany?.name}</Typography>
        <StatusChip enumName="RectificationStatus" status={record.status} />
      </Box>
      <FactGrid
        facts={[
          ['resources.PropertyCompany.fields.uscc', record.propertyCompany?.uscc],
          ['resources.Rectification.fields.periodId', <Link to={`/RatingPeriod/${record.periodId}/show`}>{record.period?.code}</Link>],
          [
            'resources.Rectification.fields.publicationId',
            record.publication ? translate('app.ratings.editions.published_as', { revision: record.publication.revision, date: record.publication.publishedOn }) : null,
          ],
          ...['requiredOn', 'interviewedOn', 'submittedOn', 'acceptedOn', 'cancelledOn'].map((f): [string, string] => [`resources.Rectification.fields.${f}`, record[f]]),
        ]}
      />
      <Typography variant="body2" color={['ACCEPTED', 'CANCELLED'].includes(record.status) ? 'text.secondary' : 'error'} sx={{ mt: 1 }} data-testid="rectification-bar">
        {translate(`app.rectifications.bar.${record.status}`, { date: record.acceptedOn ?? record.cancelledOn ?? '' })}
      </Typography>
    </Box>
  );
};

const RectificationShowActions = () => {
  const record = useRecordContext();
  return <TopToolbar>{record && <StepButtons record={record} />}</TopToolbar>;
};

export const RectificationShow = () => (
  <Show actions={<RectificationShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.rectifications.steps" />
      <History />
    </SimpleShowLayout>
  </Show>
);
