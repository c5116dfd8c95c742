import { Box, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DateInput,
  EditButton,
  FunctionField,
  List,
  NumberInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextInput,
  TopToolbar,
  ResourceContextProvider,
  required,
  useListContext,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ListActions, useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { EnumField, StatusChip, StatusField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { GeneratePayoutsButton } from './CaseButtons';
import { AWARD_CASE_VIEW } from './awardCase.workflow';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { FenField } from './fields';

const STAGES = ['APPLIED', 'INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED', 'REJECTED'] as const;
/** The date each stage records. */
const DATE_OF: Record<string, string> = {
  APPLIED: 'appliedOn',
  INSPECTED: 'inspectedOn',
  SUPERIOR_ACCEPTED: 'superiorAcceptedOn',
  STREET_ACCEPTED: 'streetAcceptedOn',
  REJECTED: 'rejectedOn',
};

/** The buttons for the moves the API offers the signed-in user (nextMoves). */
const CaseSteps = ({ record }: { record: RaRecord }) => {
  const refresh = useRefresh();
  if (!useCanEdit()) return null;
  return <MoveButtons view={AWARD_CASE_VIEW} record={record} onDone={refresh} />;
};

const CaseCard = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 1 }} data-testid="case-card" data-case-id={record.id}>
      <CardContent sx={{ pb: 0.5 }}>
        <Typography variant="subtitle2" component={Link} to={`/AwardCase/${record.id}/show`} sx={{ color: 'primary.main', textDecoration: 'none' }}>
          {record.compound?.name}
        </Typography>
        <Typography variant="body2">{record.propertyCompany?.name ?? translate('app.awards.no_company')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {record.community?.name} · {translate('app.awards.year', { year: record.year })}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate(`enums.AwardCaseStatus.${record.status}`)} {record[DATE_OF[record.status]]}
        </Typography>
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', pt: 0 }}>
        <CaseSteps record={record} />
      </CardActions>
    </Card>
  );
};

/** The cases as columns, one per stage. */
const Board = () => {
  const translate = useTranslate();
  const { data, isPending } = useListContext();
  if (isPending) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(210px, 1fr))', gap: 1.5, p: 1, overflowX: 'auto' }} data-testid="case-board">
      {STAGES.map((stage) => {
        const cases = (data ?? []).filter((c) => c.status === stage);
        return (
          <Box key={stage} sx={{ bgcolor: 'action.hover', borderRadius: 1, p: 1, minHeight: 200 }} data-testid={`case-column-${stage}`}>
            <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="subtitle1">{translate(`enums.AwardCaseStatus.${stage}`)}</Typography>
              <Chip size="small" label={cases.length} />
            </Box>
            {cases.map((c) => (
              <CaseCard key={c.id} record={c} />
            ))}
          </Box>
        );
      })}
    </Box>
  );
};

/** 示范点创建验收: a board by stage. */
export const AwardCaseBoard = () => (
  <List
    filters={[<TextInput key="q" source="q" alwaysOn />, <RefInput key="p" source="programmeId" reference="IncentiveProgramme" alwaysOn />, <NumberInput key="y" source="year" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'appliedOn', order: 'ASC' }}
    perPage={1000}
    pagination={false}
  >
    <Board />
  </List>
);

const Steps = (_: { label?: string }) => <StepTimeline view={AWARD_CASE_VIEW} steps={useRecordContext()?.steps ?? []} />;

/** The case's payouts, in the columns of the payout list; a row opens the payout. */
const CasePayouts = (_: { label?: string }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="payouts">
      <ResourceContextProvider value="Payout">
        <Datagrid bulkActionButtons={false} rowClick="show" data-testid="case-payouts" empty={<Typography variant="body2">{translate('app.awards.no_payouts')}</Typography>}>
          <FunctionField source="recipientName" render={(p: RaRecord) => <span data-testid={`case-payout-${p.recipientRole}`}>{p.recipientName}</span>} />
          <EnumField source="recipientRole" enumName="RecipientRole" />
          <FenField source="amountFen" label="resources.Payout.fields.amount" />
          <StatusField enumName="PayoutStatus" label="resources.Payout.fields.status" />
        </Datagrid>
      </ResourceContextProvider>
    </ArrayField>
  );
};

const Facts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6">{record.compound?.name}</Typography>
        <StatusChip enumName="AwardCaseStatus" status={record.status} />
      </Box>
      <FactGrid
        facts={[
          ['resources.AwardCase.fields.programmeId', record.programme?.name],
          ['resources.AwardCase.fields.communityId', record.community?.name],
          ['resources.AwardCase.fields.propertyCompanyId', record.propertyCompany?.name ?? translate('app.awards.no_company')],
          ['resources.AwardCase.fields.year', record.year],
          ...STAGES.map((s): [string, string] => [`resources.AwardCase.fields.${DATE_OF[s]}`, record[DATE_OF[s]]]),
          ['resources.AwardCase.fields.note', record.note],
        ]}
      />
    </Box>
  );
};

const CaseShowActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const edit = useCanEdit();
  if (!record) return <TopToolbar />;
  const canGenerate = edit && record.status === 'STREET_ACCEPTED' && (record.payouts ?? []).length === 0;
  return (
    <TopToolbar>
      <CaseSteps record={record} />
      {canGenerate && <GeneratePayoutsButton record={record as never} onDone={refresh} />}
      {edit && <EditButton />}
    </TopToolbar>
  );
};

export const AwardCaseShow = () => (
  <Show actions={<CaseShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.awards.steps" />
      <CasePayouts label="app.awards.payouts" />
      <History />
    </SimpleShowLayout>
  </Show>
);

/** 申报: a site (compound) applies in a programme; the company is the compound's unless given. */
const CaseCreateForm = () => (
  <SimpleForm defaultValues={{ appliedOn: today() }}>
    <RefInput source="programmeId" reference="IncentiveProgramme" validate={required()} />
    <RefInput source="compoundId" reference="Compound" validate={required()} />
    <DateInput source="appliedOn" validate={required()} />
    <NumberInput source="year" helperText="app.awards.year_help" />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <TextInput source="note" multiline fullWidth />
  </SimpleForm>
);
/** Before street acceptance the company and year can change; the note always. */
const CaseEditForm = () => (
  <SimpleForm>
    <NumberInput source="year" />
    <RefInput source="propertyCompanyId" reference="PropertyCompany" />
    <TextInput source="note" multiline fullWidth />
  </SimpleForm>
);
export const { CreateView: AwardCaseCreate } = formViews(CaseCreateForm);
export const { EditView: AwardCaseEdit } = formViews(CaseEditForm);
