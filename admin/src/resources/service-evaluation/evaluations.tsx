import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Datagrid,
  EditButton,
  FunctionField,
  List,
  NumberInput,
  required,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextInput,
  TopToolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompoundEvaluationsDocument, type CompoundEvaluationsQuery } from '../../graphql/generated';
import { ListActions, useCanRecordFacts } from '../common/actions';
import { EnumField, EnumInput, StatusChip, StatusField, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { FactGrid, MoveButtons, StepTimeline } from '../common/workflow';
import { EVALUATION_VIEW } from './evaluation.workflow';

const filters = [
  <EnumInput key="s" source="status" enumName="EvaluationStatus" alwaysOn />,
  <RefInput key="c" source="compoundId" reference="Compound" alwaysOn />,
  <EnumInput key="r" source="result" enumName="EvaluationResult" />,
  <RefInput key="p" source="propertyCompanyId" reference="PropertyCompany" />,
];

/** 物业服务考评: latest first, with the dissatisfaction and what is due. */
export const ServiceEvaluationList = () => (
  <List filters={filters} actions={<ListActions facts filters={false} />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DayField source="evaluatedOn" />
      <FunctionField source="compoundId" render={(r: RaRecord) => r.compound?.name} sortable={false} />
      <FunctionField source="propertyCompanyId" render={(r: RaRecord) => r.propertyCompany?.name ?? '—'} sortable={false} />
      <FunctionField source="dissatisfactionRate" render={(r: RaRecord) => `${r.dissatisfactionRate}%`} />
      <EnumField source="result" enumName="EvaluationResult" />
      <StatusField enumName="EvaluationStatus" label="resources.ServiceEvaluation.fields.status" />
      <FunctionField label="app.evaluations.interview_due" render={(r: RaRecord) => (r.interviewDue ? <Chip size="small" color="error" label="应约谈" /> : null)} />
    </Datagrid>
  </List>
);

const Facts = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  if (!r) return null;
  const score = (v: number | null) => (v === null || v === undefined ? '—' : String(v));
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6">
          {r.compound?.name} · {r.year} H{r.half}
        </Typography>
        <StatusChip enumName="EvaluationStatus" status={r.status} />
      </Box>
      {r.interviewDue && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('app.evaluations.due_text', { rate: r.dissatisfactionRate })}
        </Alert>
      )}
      <FactGrid
        facts={[
          ['resources.ServiceEvaluation.fields.compoundId', <Link to={`/Compound/${r.compoundId}/show`}>{r.compound?.name}</Link>],
          ['resources.ServiceEvaluation.fields.propertyCompanyId', r.propertyCompany?.name],
          ['resources.ServiceEvaluation.fields.responsibleUnitId', r.responsibleUnit?.name],
          ['resources.ServiceEvaluation.fields.evaluatedOn', r.evaluatedOn],
          ['resources.ServiceEvaluation.fields.dissatisfactionRate', `${r.dissatisfactionRate}%`],
          ['resources.ServiceEvaluation.fields.result', translate(`enums.EvaluationResult.${r.result}`)],
          ['resources.ServiceEvaluation.fields.satisfactionScore', score(r.satisfactionScore)],
          ['resources.ServiceEvaluation.fields.complianceScore', score(r.complianceScore)],
          ['resources.ServiceEvaluation.fields.civilisedCityScore', score(r.civilisedCityScore)],
          ['resources.ServiceEvaluation.fields.sanitationScore', score(r.sanitationScore)],
          ['resources.ServiceEvaluation.fields.hotlineScore', score(r.hotlineScore)],
          ['resources.ServiceEvaluation.fields.convenor', r.convenor ? translate(`enums.MeetingConvenor.${r.convenor}`) : null],
          ['resources.ServiceEvaluation.fields.followUp', r.followUp],
        ]}
      />
    </Box>
  );
};

const Steps = (_: { label?: string }) => <StepTimeline view={EVALUATION_VIEW} steps={useRecordContext()?.steps ?? []} />;

const ShowActions = () => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const facts = useCanRecordFacts();
  return (
    <TopToolbar>
      {record && <MoveButtons view={EVALUATION_VIEW} record={record} onDone={refresh} />}
      {record && facts && record.status === 'RECORDED' && <EditButton />}
    </TopToolbar>
  );
};

export const ServiceEvaluationShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <Facts />
      <Steps label="app.evaluations.steps" />
      <History />
    </SimpleShowLayout>
  </Show>
);

const EvaluationForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="compoundId" reference="Compound" validate={required()} />}
      <RefInput source="responsibleUnitId" reference="Unit" validate={required()} />
      <NumberInput source="year" validate={required()} />
      <NumberInput source="half" min={1} max={2} validate={required()} />
      <TextInput source="evaluatedOn" type="date" validate={required()} />
      <NumberInput source="dissatisfactionRate" min={0} max={100} validate={required()} />
      <EnumInput source="result" enumName="EvaluationResult" validate={required()} />
      <NumberInput source="satisfactionScore" min={0} max={100} />
      <NumberInput source="complianceScore" min={0} max={100} />
      <NumberInput source="civilisedCityScore" min={0} max={100} />
      <NumberInput source="sanitationScore" min={0} max={100} />
      <NumberInput source="hotlineScore" min={0} max={100} />
    </SimpleForm>
  );
};
export const { EditView: ServiceEvaluationEdit, CreateView: ServiceEvaluationCreate } = formViews(EvaluationForm);

type Evaluation = NonNullable<CompoundEvaluationsQuery['Compound']>['serviceEvaluations'][number];

/** The compound page's part: the latest evaluation, what is due after it, and the earlier ones. */
export const CompoundEvaluations = ({ compoundId }: { compoundId: string; asOf: string }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  const [rows, setRows] = useState<Evaluation[] | null>(null);
  useEffect(() => {
    request(CompoundEvaluationsDocument, { id: compoundId }).then(
      (d) => setRows(d.Compound?.serviceEvaluations ?? []),
      () => setRows([]),
    );
  }, [compoundId]);
  if (!rows) return null;
  const [latest, ...earlier] = rows;
  return (
    <Box data-testid="compound-evaluations">
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        {facts && (
          <Button size="small" component={Link} to={`/ServiceEvaluation/create?source=${encodeURIComponent(JSON.stringify({ compoundId }))}`}>
            {translate('app.evaluations.add')}
          </Button>
        )}
      </Stack>
      {!latest && <Typography color="text.secondary">{translate('app.evaluations.none')}</Typography>}
      {latest && (
        <>
          {latest.interviewDue && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {translate('app.evaluations.due_text', { rate: latest.dissatisfactionRate })}
            </Alert>
          )}
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Link to={`/ServiceEvaluation/${latest.id}/show`}>
              {latest.year} H{latest.half} · {latest.evaluatedOn}
            </Link>
            <Typography variant="body2">{translate('app.evaluations.summary', { rate: latest.dissatisfactionRate, company: latest.propertyCompany?.name ?? '—' })}</Typography>
            <Chip size="small" color={latest.result === 'FAIL' ? 'error' : 'success'} label={translate(`enums.EvaluationResult.${latest.result}`)} />
            <StatusChip enumName="EvaluationStatus" status={latest.status} />
          </Stack>
          {earlier.map((e) => (
            <Typography key={e.id} variant="body2" color="text.secondary">
              <Link to={`/ServiceEvaluation/${e.id}/show`}>
                {e.year} H{e.half}
              </Link>{' '}
              · {e.dissatisfactionRate}% · {translate(`enums.EvaluationResult.${e.result}`)} · {translate(`enums.EvaluationStatus.${e.status}`)}
            </Typography>
          ))}
        </>
      )}
    </Box>
  );
};
