import { Alert, Box, Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  ReferenceManyField,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  EditButton,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { ListActions, useCanRecordFacts } from '../common/actions';
import { EnumField, EnumInput, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { OwnerInput } from '../common/owner';
import { FactGrid } from '../common/workflow';

/*
 * 党组织 of compounds and property companies (002 一.2; 000 附件 二(一); 004 二(一); 001 四(一)2): the form its
 * formal members allow (单建 from 3), the secretary, the 党建指导员 where it has none, and the committee
 * members who are also in it (双向进入、交叉任职). The community records its compounds'; the office its companies'.
 */

const SINGLE_MIN = 3;
const holderName = (r: RaRecord) => r.compound?.name ?? r.propertyCompany?.name ?? '—';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <EnumInput key="form" source="form" enumName="PartyOrganizationForm" alwaysOn />,
  <SelectInput
    key="ofCompound"
    source="ofCompound"
    label="app.party.holder"
    choices={[
      { id: true, name: 'app.party.of_compound' },
      { id: false, name: 'app.party.of_company' },
    ]}
  />,
  <RefInput key="compoundId" source="compoundId" reference="Compound" />,
  <RefInput key="propertyCompanyId" source="propertyCompanyId" reference="PropertyCompany" />,
  <TextInput key="servingOn" source="servingOn" type="date" label="app.party.serving_on" />,
];

/** 党组织: by name; on a phone, one line each with its compound or company. */
export const PartyOrganizationList = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<ListActions facts />} sort={{ field: 'formedOn', order: 'DESC' }}>
      {small ? (
        <SimpleList
          primaryText={(r: RaRecord) => r.name}
          secondaryText={(r: RaRecord) => `${translate(`enums.PartyOrganizationForm.${r.form}`)} · ${holderName(r)}`}
          tertiaryText={(r: RaRecord) => (r.formalMemberCount ?? '—') + translate('app.party.members_unit')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <FunctionField label="app.party.holder" render={holderName} />
          <EnumField source="form" enumName="PartyOrganizationForm" />
          <TextField source="formalMemberCount" emptyText="—" />
          <TextField source="secretaryName" emptyText="—" />
          <TextField source="instructorName" emptyText="—" />
          <DayField source="formedOn" />
          <DayField source="dissolvedOn" emptyText="—" />
        </Datagrid>
      )}
    </List>
  );
};

const Facts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const yes = (b: boolean) => translate(b ? 'app.party.yes' : 'app.party.no');
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">{record.name}</Typography>
        <Chip size="small" label={translate(`enums.PartyOrganizationForm.${record.form}`)} />
        {record.crossServing && <Chip size="small" color="success" label={translate('app.party.cross_serving')} />}
      </Box>
      <FactGrid
        facts={[
          ['resources.PartyOrganization.fields.compoundId', record.compound && <Link to={`/Compound/${record.compoundId}/show`}>{record.compound.name}</Link>],
          ['resources.PartyOrganization.fields.propertyCompanyId', record.propertyCompany && <Link to={`/PropertyCompany/${record.propertyCompanyId}/show`}>{record.propertyCompany.name}</Link>],
          ['resources.PartyOrganization.fields.jurisdictionId', record.jurisdiction?.name],
          ['resources.PartyOrganization.fields.formalMemberCount', record.formalMemberCount],
          ['resources.PartyOrganization.fields.secretaryName', record.secretaryName],
          ['resources.PartyOrganization.fields.instructorName', record.instructorName],
          ['resources.PartyOrganization.fields.formedOn', record.formedOn],
          ['resources.PartyOrganization.fields.dissolvedOn', record.dissolvedOn],
          ['app.party.may_single', yes(record.maySingle)],
          ['app.party.cross_serving', yes(record.crossServing)],
        ]}
      />
      {record.instructorRequired && !record.instructorName && <Alert severity="warning">{translate('app.party.instructor_missing')}</Alert>}
    </Box>
  );
};

const Members = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  if (!record?.compoundId) return null;
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2">{translate('app.party.members')}</Typography>
        {facts && <Link to={`/PartyOrganizationMember/create?source=${encodeURIComponent(JSON.stringify({ partyOrganizationId: record.id }))}`}>{translate('app.party.add_member')}</Link>}
      </Stack>
      <ReferenceManyField reference="PartyOrganizationMember" target="partyOrganizationId">
        <Datagrid bulkActionButtons={false} rowClick="edit">
          <FunctionField label="resources.PartyOrganizationMember.fields.committeeMemberId" render={(r: RaRecord) => r.committeeMember?.name} />
          <FunctionField label="app.party.committee_role" render={(r: RaRecord) => r.committeeMember && translate(`enums.CommitteeRole.${r.committeeMember.role}`)} />
          <EnumField source="branchRole" enumName="PartyBranchRole" />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};

const ShowActions = () => {
  const facts = useCanRecordFacts();
  return <TopToolbar>{facts && <EditButton />}</TopToolbar>;
};

export const PartyOrganizationShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Members label="app.party.members" />
      <History />
    </SimpleShowLayout>
  </Show>
);

/** The rules the server applies, said before saving: 单建 from 3 formal members; none → a 党建指导员 by name. */
const validSingle = (form: string, values: Record<string, unknown>) =>
  form === 'SINGLE' && values.formalMemberCount != null && Number(values.formalMemberCount) < SINGLE_MIN ? 'app.party.errors.too_few_for_single' : undefined;
const validFunctional = (form: string, values: Record<string, unknown>) =>
  form === 'FUNCTIONAL' && values.formalMemberCount != null && Number(values.formalMemberCount) === 0 ? 'app.party.errors.functional_needs_members' : undefined;
const validInstructor = (name: string, values: Record<string, unknown>) =>
  values.formalMemberCount != null && Number(values.formalMemberCount) === 0 && !name?.trim() ? 'app.party.errors.instructor_required' : undefined;

const HolderHint = () => {
  const translate = useTranslate();
  const [compoundId, propertyCompanyId, count] = useWatch({ name: ['compoundId', 'propertyCompanyId', 'formalMemberCount'] });
  return (
    <Stack spacing={1} sx={{ mb: 1, width: '100%' }}>
      {compoundId && propertyCompanyId && <Alert severity="error">{translate('app.party.errors.compound_or_company')}</Alert>}
      {count != null && count !== '' && Number(count) < SINGLE_MIN && (
        <Alert severity="info">{translate(Number(count) === 0 ? 'app.party.hint_none' : 'app.party.hint_few', { min: SINGLE_MIN })}</Alert>
      )}
    </Stack>
  );
};

const CompanyOwner = () => {
  const propertyCompanyId = useWatch({ name: 'propertyCompanyId' });
  return propertyCompanyId ? <OwnerInput source="jurisdictionId" /> : null;
};

const PartyOrganizationForm = () => (
  <SimpleForm>
    <Typography variant="caption" color="text.secondary">
      <HolderCaption />
    </Typography>
    <RefInput source="compoundId" reference="Compound" />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <CompanyOwner />
    <TextInput source="name" validate={required()} fullWidth />
    <NumberInput source="formalMemberCount" min={0} step={1} validate={required()} />
    <HolderHint />
    <EnumInput source="form" enumName="PartyOrganizationForm" validate={[required(), validSingle, validFunctional]} />
    <TextInput source="secretaryName" />
    <TextInput source="instructorName" validate={validInstructor} />
    <TextInput source="formedOn" type="date" validate={required()} />
    <TextInput source="dissolvedOn" type="date" />
  </SimpleForm>
);

const HolderCaption = () => useTranslate()('app.party.holder_hint');

export const { EditView: PartyOrganizationEdit, CreateView: PartyOrganizationCreate } = formViews(PartyOrganizationForm, { owner: 'jurisdictionId' });
