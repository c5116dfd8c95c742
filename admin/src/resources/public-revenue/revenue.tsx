import { Box, Button, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NumberInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompoundRevenueDocument, type CompoundRevenueQuery } from '../../graphql/generated';
import { ExportButtons, ListActions, useCanRecordFacts } from '../common/actions';
import { DisclosureImportButton, DisclosureTemplateButton } from './DisclosureImport';
import { EnumField, EnumInput, StatusChip, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { Attachments } from '../attachment/Attachments';

const QUARTERS = [1, 2, 3, 4].map((q) => ({ id: q, name: `Q${q}` }));

const disclosureFilters = [
  <RefInput key="c" source="compoundId" reference="Compound" alwaysOn />,
  <RefInput key="j" source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} alwaysOn />,
  <NumberInput key="y" source="year" />,
  <SelectInput key="q" source="quarter" choices={QUARTERS} />,
];

/** 公共收益公示: newest quarter first, with whether each was posted on time. */
const DisclosureToolbar = () => {
  const facts = useCanRecordFacts();
  const refresh = useRefresh();
  return (
    <TopToolbar>
      <FilterButton />
      {facts && <CreateButton />}
      {facts && <DisclosureImportButton onDone={refresh} />}
      <DisclosureTemplateButton />
      <ExportButtons />
    </TopToolbar>
  );
};

export const RevenueDisclosureList = () => (
  <List filters={disclosureFilters} actions={<DisclosureToolbar />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <TextField source="year" />
      <TextField source="quarter" />
      <DayField source="disclosedOn" />
      <DayField source="dueOn" sortable={false} />
      <FunctionField source="status" render={(r: RaRecord) => <StatusChip enumName="DisclosureStatus" status={r.status} />} sortable={false} />
      <TextField source="evidence" sortable={false} />
    </Datagrid>
  </List>
);

export const RevenueDisclosureShow = () => (
  <Show>
    <SimpleShowLayout>
      <FunctionField source="compoundId" render={(r: RaRecord) => <Link to={`/Compound/${r.compoundId}/show`}>{r.compound?.name}</Link>} />
      <TextField source="year" />
      <TextField source="quarter" />
      <DayField source="disclosedOn" />
      <DayField source="dueOn" />
      <FunctionField source="status" render={(r: RaRecord) => <StatusChip enumName="DisclosureStatus" status={r.status} />} />
      <TextField source="summary" emptyText="—" />
      <TextField source="evidence" />
      <FunctionField label={false} render={(r: RaRecord) => <Attachments target="RevenueDisclosure" id={r.id} />} />
      <History />
    </SimpleShowLayout>
  </Show>
);

const DisclosureForm = () => (
  <SimpleForm>
    <RefInput source="compoundId" reference="Compound" validate={required()} />
    <NumberInput source="year" validate={required()} />
    <SelectInput source="quarter" choices={QUARTERS} validate={required()} />
    <TextInput source="disclosedOn" type="date" validate={required()} />
    <TextInput source="evidence" validate={required()} fullWidth />
    <TextInput source="summary" multiline fullWidth />
  </SimpleForm>
);
export const { EditView: RevenueDisclosureEdit, CreateView: RevenueDisclosureCreate } = formViews(DisclosureForm);

export const RevenueAuditList = () => (
  <List filters={[<RefInput key="c" source="compoundId" reference="Compound" alwaysOn />, <NumberInput key="y" source="year" />]} actions={<ListActions facts />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <TextField source="year" />
      <TextField source="auditor" />
      <DayField source="auditedOn" />
      <EnumField source="outcome" enumName="AuditOutcome" />
    </Datagrid>
  </List>
);

export const RevenueAuditShow = () => (
  <Show>
    <SimpleShowLayout>
      <FunctionField source="compoundId" render={(r: RaRecord) => <Link to={`/Compound/${r.compoundId}/show`}>{r.compound?.name}</Link>} />
      <TextField source="year" />
      <TextField source="auditor" />
      <DayField source="auditedOn" />
      <EnumField source="outcome" enumName="AuditOutcome" />
      <TextField source="findings" emptyText="—" />
      <History />
    </SimpleShowLayout>
  </Show>
);

const AuditForm = () => (
  <SimpleForm>
    <RefInput source="compoundId" reference="Compound" validate={required()} />
    <NumberInput source="year" validate={required()} />
    <TextInput source="auditor" validate={required()} fullWidth />
    <TextInput source="auditedOn" type="date" validate={required()} />
    <EnumInput source="outcome" enumName="AuditOutcome" validate={required()} />
    <TextInput source="findings" multiline fullWidth />
  </SimpleForm>
);
export const { EditView: RevenueAuditEdit, CreateView: RevenueAuditCreate } = formViews(AuditForm);

type Revenue = NonNullable<CompoundRevenueQuery['Compound']>;

/** The compound page's part: the last four quarters due, each posted (on time or late) or not, and the yearly audits. */
export const CompoundRevenue = ({ compoundId, asOf }: { compoundId: string; asOf: string }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  const [data, setData] = useState<Revenue | null>(null);
  useEffect(() => {
    request(CompoundRevenueDocument, { id: compoundId, asOf }).then(
      (d) => setData(d.Compound ?? null),
      () => setData(null),
    );
  }, [compoundId, asOf]);
  if (!data) return null;
  const create = (resource: string, values: Record<string, unknown>) => `/${resource}/create?source=${encodeURIComponent(JSON.stringify({ compoundId, ...values }))}`;
  return (
    <Box data-testid="compound-revenue">
      <Table size="small">
        <TableBody>
          {data.disclosureQuarters.map((q) => (
            <TableRow key={`${q.year}-${q.quarter}`} data-testid="disclosure-quarter" data-status={q.status}>
              <TableCell>{translate('app.revenue.quarter', { year: q.year, quarter: q.quarter })}</TableCell>
              <TableCell>
                <StatusChip enumName="DisclosureStatus" status={q.status} />
              </TableCell>
              <TableCell>{q.disclosure ? `${q.disclosure.disclosedOn} · ${q.disclosure.evidence}` : translate('app.revenue.due', { due: q.dueOn })}</TableCell>
              <TableCell align="right">
                {!q.disclosure && facts && (
                  <Button size="small" component={Link} to={create('RevenueDisclosure', { year: q.year, quarter: q.quarter })}>
                    {translate('app.revenue.record')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 2 }}>
        <Typography variant="subtitle2">{translate('app.revenue.audits')}</Typography>
        {facts && (
          <Button size="small" component={Link} to={create('RevenueAudit', {})}>
            {translate('app.revenue.add_audit')}
          </Button>
        )}
      </Stack>
      {data.revenueAudits.length ? (
        data.revenueAudits.map((a) => (
          <Typography key={a.id} variant="body2">
            {a.year} · {a.auditor} · {a.auditedOn} · {translate(`enums.AuditOutcome.${a.outcome}`)}
            {a.findings ? ` · ${a.findings}` : ''}
          </Typography>
        ))
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.revenue.no_audits')}
        </Typography>
      )}
    </Box>
  );
};
