import { Box, Button, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Datagrid, FunctionField, List, required, SimpleForm, TextField, TextInput, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompoundCoverageDocument, type CompoundCoverageQuery } from '../../graphql/generated';
import { ListActions, useCanRecordFacts } from '../common/actions';
import { EnumField, EnumInput } from '../common/fields';
import { formViews, RefInput } from '../common/forms';

export const ServiceCoverageList = () => (
  <List filters={[<RefInput key="c" source="compoundId" reference="Compound" alwaysOn />, <EnumInput key="m" source="mode" enumName="ManagementMode" alwaysOn />]} actions={<ListActions facts />}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <EnumField source="mode" enumName="ManagementMode" />
      <FunctionField source="propertyCompanyId" render={(r: RaRecord) => r.propertyCompany?.name ?? '—'} sortable={false} />
      <TextField source="since" emptyText="—" />
      <TextField source="until" emptyText="—" />
    </Datagrid>
  </List>
);

const CoverageForm = () => (
  <SimpleForm>
    <RefInput source="compoundId" reference="Compound" validate={required()} />
    <EnumInput source="mode" enumName="ManagementMode" validate={required()} />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <TextInput source="since" type="date" />
    <TextInput source="until" type="date" />
    <TextInput source="note" fullWidth />
  </SimpleForm>
);
export const { EditView: ServiceCoverageEdit, CreateView: ServiceCoverageCreate } = formViews(CoverageForm);
export const ServiceCoverageShow = ServiceCoverageEdit;

type Period = NonNullable<CompoundCoverageQuery['Compound']>['serviceCoverages'][number];

/** The compound page's part: how the compound has been served, and since when. */
export const CompoundCoverage = ({ compoundId }: { compoundId: string; asOf: string }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  const [rows, setRows] = useState<Period[] | null>(null);
  useEffect(() => {
    request(CompoundCoverageDocument, { id: compoundId }).then(
      (d) => setRows(d.Compound?.serviceCoverages ?? []),
      () => setRows([]),
    );
  }, [compoundId]);
  if (!rows) return null;
  return (
    <Box data-testid="compound-coverage">
      {rows.length === 0 && <Typography color="text.secondary">{translate('app.coverage.none')}</Typography>}
      {rows.map((p) => (
        <Typography key={p.id} variant="body2">
          <Link to={`/ServiceCoverage/${p.id}`}>{translate(`enums.ManagementMode.${p.mode}`)}</Link>
          {p.propertyCompany ? ` · ${p.propertyCompany.name}` : ''} · {p.since ?? translate('app.coverage.before_records')} – {p.until ?? translate('app.coverage.now')}
          {p.note ? ` · ${p.note}` : ''}
        </Typography>
      ))}
      {facts && (
        <Button size="small" component={Link} to={`/ServiceCoverage/create?source=${encodeURIComponent(JSON.stringify({ compoundId }))}`}>
          {translate('app.coverage.add')}
        </Button>
      )}
    </Box>
  );
};
