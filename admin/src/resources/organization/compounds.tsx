import { Box, Card, CardContent, CardHeader, Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Datagrid,
  EditButton,
  FunctionField,
  List,
  ReferenceField,
  required,
  SelectArrayInput,
  Show,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompanyLatestStarsDocument, type CompanyLatestStarsQuery } from '../../graphql/generated';
import { MODULES } from '../../modules';
import { ListActions, useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { enumChoices } from '../common/enums';
import { EnumField, EnumInput } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import type { CompoundSection } from '../common/module';
import { FactGrid } from '../common/workflow';
import { BulkExportSelected } from '../common/BulkRun';

/*
 * 小区台账: one page per compound with everything about it at a glance — its community, company and
 * the company's latest published stars, what is due or wrong today (Compound.flags, each declared by
 * the domain that keeps the facts), then each domain's section (committee and members, party
 * organisation, evaluations, disclosures…), which the domains add through `compoundSections`.
 */

/** Flags that ask someone to act (red) rather than record a fact (amber). */
const URGENT = new Set(['REELECTION_DUE', 'EARLY_ELECTION_VOTE_DUE', 'INTERVIEW_DUE', 'DISCLOSURE_LATE', 'REPLACEMENT_DUE']);

export const FlagChips = ({ flags, size = 'small' }: { flags: string[] | undefined; size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  if (!flags?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="compound-flags">
      {flags.map((f) => (
        <Chip key={f} size={size} color={URGENT.has(f) ? 'error' : 'warning'} variant="outlined" label={translate(`enums.CompoundFlag.${f}`, { _: f })} data-flag={f} />
      ))}
    </Stack>
  );
};

const compoundFilters = [
  <TextInput key="q" source="q" alwaysOn />,
  <RefInput key="communityId" source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} alwaysOn />,
  <SelectArrayInput key="flags" source="flags" choices={enumChoices('CompoundFlag')} label="app.compounds.flags" alwaysOn sx={{ minWidth: 200 }} />,
  <EnumInput key="managementMode" source="managementMode" enumName="ManagementMode" />,
  <RefInput key="propertyCompanyId" source="propertyCompanyId" reference="PropertyCompany" />,
];

/** 小区: by community, with what is due at each; on a phone, one line per compound. */
export const CompoundList = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={compoundFilters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }}>
      {small ? (
        <SimpleList primaryText={(r: RaRecord) => r.name} secondaryText={(r: RaRecord) => <FlagChips flags={r.flags} />} tertiaryText={(r: RaRecord) => r.community?.name} linkType="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={<BulkExportSelected />}>
          <TextField source="name" />
          <ReferenceField source="communityId" reference="Jurisdiction" link="show" />
          <ReferenceField source="propertyCompanyId" reference="PropertyCompany" link="show" emptyText="—" />
          <EnumField source="managementMode" enumName="ManagementMode" />
          <FunctionField label="app.compounds.flags" render={(r: RaRecord) => <FlagChips flags={r.flags} />} />
        </Datagrid>
      )}
    </List>
  );
};

type LatestStars = CompanyLatestStarsQuery['allPublishedEntries'][number];

/** The company's latest published stars and list (the edition partners read). */
const CompanyStars = ({ companyId }: { companyId: string }) => {
  const translate = useTranslate();
  const [entry, setEntry] = useState<LatestStars | null | undefined>(undefined);
  useEffect(() => {
    request(CompanyLatestStarsDocument, { companyId }).then(
      (d) => setEntry(d.allPublishedEntries[0] ?? null),
      () => setEntry(null),
    );
  }, [companyId]);
  if (entry === undefined) return <span>…</span>;
  if (!entry) return <span>{translate('app.compounds.not_rated')}</span>;
  return (
    <span data-testid="company-stars">
      {'★'.repeat(entry.stars)}
      {'☆'.repeat(Math.max(0, 5 - entry.stars))} {entry.publication.period.code}
      {entry.listStatus !== 'NONE' ? ` · ${translate(`enums.ListStatus.${entry.listStatus}`)}` : ''}
    </span>
  );
};

const Header = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h5" data-testid="compound-name">
            {record.name}
          </Typography>
          <Chip size="small" label={translate(`enums.CommitteeStanding.${record.committeeStanding}`, { _: record.committeeStanding ?? '' })} />
        </Box>
        <FactGrid
          facts={[
            ['resources.Compound.fields.communityId', record.community && <Link to={`/Jurisdiction/${record.communityId}/show`}>{record.community.name}</Link>],
            ['resources.Compound.fields.managementMode', translate(`enums.ManagementMode.${record.managementMode}`)],
            ['resources.Compound.fields.propertyCompanyId', record.propertyCompany && <Link to={`/PropertyCompany/${record.propertyCompanyId}/show`}>{record.propertyCompany.name}</Link>],
            ['app.compounds.company_stars', record.propertyCompanyId ? <CompanyStars companyId={String(record.propertyCompanyId)} /> : null],
            ['resources.Compound.fields.address', record.address],
          ]}
        />
        <Box sx={{ mt: 1 }}>
          <Typography variant="overline">{translate('app.compounds.open_items')}</Typography>
          {record.flags?.length ? <FlagChips flags={record.flags} size="medium" /> : <Typography variant="body2">{translate('app.compounds.nothing_due')}</Typography>}
        </Box>
      </CardContent>
    </Card>
  );
};

const SECTIONS: CompoundSection[] = MODULES.flatMap((m) => m.compoundSections ?? []).sort((a, b) => a.order - b.order);

const Sections = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const asOf = today();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      {SECTIONS.map(({ key, title, component: Section }) => (
        <Card key={key} variant="outlined" data-testid={`compound-section-${key}`}>
          <CardHeader title={translate(title)} slotProps={{ title: { variant: 'h6' } }} sx={{ pb: 0 }} />
          <CardContent>
            <Section compoundId={String(record.id)} asOf={asOf} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

const CompoundShowActions = () => {
  const edit = useCanEdit();
  return <TopToolbar>{edit && <EditButton />}</TopToolbar>;
};

/** The compound page. */
export const CompoundShow = () => (
  <Show actions={<CompoundShowActions />}>
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Header />
      <Sections />
      <Box sx={{ mt: 2 }}>
        <History />
      </Box>
    </Box>
  </Show>
);

const CompoundForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <RefInput source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} validate={required()} />
    <EnumInput source="managementMode" enumName="ManagementMode" validate={required()} />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <TextInput source="address" fullWidth />
  </SimpleForm>
);

export const { EditView: CompoundEdit, CreateView: CompoundCreate } = formViews(CompoundForm);
