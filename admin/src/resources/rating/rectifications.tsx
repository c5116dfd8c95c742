import { Box, Grid, Step, StepContent, StepLabel, Stepper, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  Labeled,
  List,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { gqlRequest } from '../../dataProvider';
import { ListActions, useCanEdit } from '../common/actions';
import { formatAt, today } from '../common/dates';
import { EnumInput, StatusChip, StatusField } from '../common/fields';
import { RefInput } from '../common/forms';
import { History } from '../common/History';
import { MutationDialog } from '../common/MutationDialog';

/**
 * The button for a step the API offers (`nextStatuses`, from its transition table): the label
 * follows the target, except that going back from SUBMITTED to INTERVIEWED is a return, which needs a reason.
 */
const ACTION: Record<string, string> = { INTERVIEWED: 'interview', SUBMITTED: 'submit', ACCEPTED: 'accept' };
const stepOf = (from: string, to: string) => (from === 'SUBMITTED' && to === 'INTERVIEWED' ? { to, action: 'return', needsReason: true } : { to, action: ACTION[to], needsReason: false });

/** 记录约谈 / 提交整改报告 / 验收通过 / 退回整改: the day it happened (today by default), and why for a return. */
const StepButton = ({ record, to, action, needsReason, onDone }: { record: RaRecord; to: string; action: string; needsReason?: boolean; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <MutationDialog
      label={`app.rectifications.action.${action}`}
      color={needsReason ? 'warning' : 'primary'}
      variant={action === 'accept' ? 'contained' : 'text'}
      maxWidth="xs"
      testids={{ open: `rectification-${action}`, confirm: 'rectification-confirm', error: 'rectification-error' }}
      initial={() => ({ date: today(), reason: '' })}
      required={needsReason ? ['date', 'reason'] : ['date']}
      submit={(v) =>
        gqlRequest(
          'mutation($id: ID!, $to: RectificationStatus!, $d: LocalDate!, $r: String) { advanceRectification(id: $id, to: $to, date: $d, reason: $r) { id status } }',
          { id: String(record.id), to, d: v.date, r: v.reason.trim() || null },
          true,
        )
      }
      success="app.rectifications.done"
      successArgs={{ status: translate(`enums.RectificationStatus.${to}`) }}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Typography variant="body2">
            {translate(`app.rectifications.confirm.${action}`, { company: record.propertyCompany?.name ?? '', period: record.period?.code ?? '' })}
          </Typography>
          <MuiTextField
            type="date"
            label={translate('app.rectifications.step_date')}
            {...form.field('date')}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'rectification-date' } }}
          />
          <MuiTextField
            label={translate(needsReason ? 'app.rectifications.return_reason' : 'app.rectifications.step_note')}
            {...form.field('reason')}
            required={needsReason}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'rectification-reason' } }}
          />
        </>
      )}
    </MutationDialog>
  );
};

const StepButtons = ({ record }: { record: RaRecord }) => {
  const refresh = useRefresh();
  if (!useCanEdit()) return null;
  return (
    <>
      {((record.nextStatuses as string[] | undefined) ?? []).map((to) => stepOf(record.status, to)).map((n) => (
        <StepButton key={n.action} record={record} to={n.to} action={n.action} needsReason={n.needsReason} onDone={refresh} />
      ))}
    </>
  );
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
      <DateField source="requiredOn" />
      <DateField source="interviewedOn" emptyText="—" />
      <DateField source="submittedOn" emptyText="—" />
      <DateField source="acceptedOn" emptyText="—" />
      <FunctionField source="publicationId" render={(r: RaRecord) => (r.publication ? translate('app.ratings.editions.revision', { revision: r.publication.revision }) : '—')} sortable={false} />
    </Datagrid>
  </List>
  );
};

/** Every step, oldest first: what happened, on which day, who recorded it and why. */
const Steps = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const steps = (record?.steps ?? []) as Array<{ id: string; toStatus: string; stepDate: string; actorName: string; reason: string | null; at: string; fromStatus: string | null }>;
  return (
    <Stepper orientation="vertical" activeStep={steps.length} data-testid="rectification-steps">
      {steps.map((s) => {
        const returned = s.fromStatus === 'SUBMITTED' && s.toStatus === 'INTERVIEWED';
        return (
          <Step key={s.id} completed expanded>
            <StepLabel error={returned || s.toStatus === 'REQUIRED'} optional={<Typography variant="caption">{s.stepDate}</Typography>}>
              {returned ? translate('app.rectifications.returned') : translate(`enums.RectificationStatus.${s.toStatus}`)}
            </StepLabel>
            <StepContent>
              <Typography variant="caption" color="text.secondary">
                {translate('app.awards.recorded_by', { actor: s.actorName === 'system' ? translate('app.history.system') : s.actorName, at: formatAt(s.at, locale) })}
              </Typography>
              {s.reason && <Typography variant="body2">{s.reason}</Typography>}
            </StepContent>
          </Step>
        );
      })}
    </Stepper>
  );
};

const Facts = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const fact = (label: string, value: ReactNode) => (
    <Grid size={{ xs: 6, md: 3 }}>
      <Labeled label={label}>
        <Typography variant="body2" component="div">
          {value === null || value === undefined || value === '' ? '—' : value}
        </Typography>
      </Labeled>
    </Grid>
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6">{record.propertyCompany?.name}</Typography>
        <StatusChip enumName="RectificationStatus" status={record.status} />
      </Box>
      <Grid container spacing={1}>
        {fact('resources.PropertyCompany.fields.uscc', record.propertyCompany?.uscc)}
        {fact('resources.Rectification.fields.periodId', <Link to={`/RatingPeriod/${record.periodId}/show`}>{record.period?.code}</Link>)}
        {fact('resources.Rectification.fields.publicationId', record.publication ? translate('app.ratings.editions.published_as', { revision: record.publication.revision, date: record.publication.publishedOn }) : null)}
        {fact('resources.Rectification.fields.requiredOn', record.requiredOn)}
        {fact('resources.Rectification.fields.interviewedOn', record.interviewedOn)}
        {fact('resources.Rectification.fields.submittedOn', record.submittedOn)}
        {fact('resources.Rectification.fields.acceptedOn', record.acceptedOn)}
        {fact('resources.Rectification.fields.cancelledOn', record.cancelledOn)}
      </Grid>
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
