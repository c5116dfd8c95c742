import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, MenuItem, Stack, Switch, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Create, DateInput, Edit, NumberInput, required, SimpleForm, TextInput, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { DeadlineError, readDeadline } from '../../../../api/src/common/deadline';
import { useErrorText } from '../../dataProvider/errors';
import { deadlineMeaning } from './deadline';

/*
 * 任务清单 corrected by the office that issued it (issue 16): a task's text, its deadline typed as printed
 * (what the grammar understood shown as it is typed, the same grammar the API reads it with), and its
 * units — the lead switched, a unit added or removed. What has progress reported is kept by the API.
 */

/** The plan's year, for deadlines typed without one (read off the record's key work). */
const usePlanYear = (): number | null => {
  const record = useRecordContext();
  return (record?.keyWork?.plan?.year as number | null | undefined) ?? null;
};

/** 完成时限: typed as printed; below it, what the grammar understood, or why it cannot read it. */
const DeadlineInput = ({ year }: { year: number | null }) => {
  const translate = useTranslate();
  const text = useWatch({ name: 'deadlineText' }) as string | undefined;
  let hint = translate('app.tasks.deadline_help');
  if (text?.trim()) {
    try {
      const d = readDeadline(text, { year });
      hint = `${translate('app.tasks.understood')}：${deadlineMeaning(translate, { deadlineKind: d.kind, dueDate: d.due, recurrenceUnit: d.recurrence?.unit, recurrenceTimes: d.recurrence?.times, ongoingFrom: d.from })}`;
    } catch {
      // the validator below says why
    }
  }
  const validate = (value: string) => {
    if (!value?.trim()) return undefined;
    try {
      readDeadline(value, { year });
      return undefined;
    } catch (err) {
      if (err instanceof DeadlineError) return `app.tasks.errors.${err.code.toLowerCase()}`;
      throw err;
    }
  };
  return <TextInput source="deadlineText" validate={[required(), validate]} helperText={hint} fullWidth data-testid="deadline-input" />;
};

const TaskForm = () => {
  const year = usePlanYear();
  return (
    <SimpleForm>
      <TextInput source="content" multiline fullWidth validate={required()} />
      <DeadlineInput year={year} />
      <TextInput source="unitsPrinted" fullWidth />
      <NumberInput source="sortOrder" />
    </SimpleForm>
  );
};

type AssignmentRow = { id: string; unitId: string; isLead: boolean; viaAllCommunities: boolean; unit: { name: string } };

/** 分工: who leads (a switch each), who shares; a unit added from the plan's office; one removed while it has reported nothing. */
const AssignmentsEditor = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const notify = useNotify();
  const errorText = useErrorText();
  const [units, setUnits] = useState<RaRecord[]>([]);
  const [adding, setAdding] = useState('');
  const jurisdictionId = record?.keyWork?.plan?.jurisdictionId as string | undefined;
  useEffect(() => {
    if (jurisdictionId)
      dataProvider.getList('Unit', { filter: { jurisdictionId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } }).then(
        (r) => setUnits(r.data),
        () => setUnits([]),
      );
  }, [dataProvider, jurisdictionId]);
  if (!record) return null;
  const assignments = (record.assignments ?? []) as AssignmentRow[];
  const run = (p: Promise<unknown>) =>
    p.then(
      () => refresh(),
      (err) => notify(errorText(err), { type: 'error' }),
    );
  const taken = new Set(assignments.map((a) => a.unitId));
  return (
    <Box sx={{ p: 2 }} data-testid="assignments-editor">
      <Typography variant="subtitle1">{translate('app.tasks.units_edit')}</Typography>
      {assignments.map((a) => (
        <Stack key={a.id} direction="row" sx={{ alignItems: 'center' }} spacing={1} data-testid="assignment-row" data-unit={a.unit.name}>
          <Typography sx={{ flex: 1 }}>{a.unit.name}</Typography>
          <Typography variant="body2">{translate('app.tasks.lead')}</Typography>
          <Switch
            checked={a.isLead}
            slotProps={{ input: { 'aria-label': `${translate('app.tasks.lead')} ${a.unit.name}` } }}
            data-testid="assignment-lead"
            onChange={(e) => run(dataProvider.update('Assignment', { id: a.id, data: { isLead: e.target.checked }, previousData: a }))}
          />
          <IconButton aria-label={translate('ra.action.delete')} onClick={() => run(dataProvider.delete('Assignment', { id: a.id, previousData: a }))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
        <MuiTextField select size="small" sx={{ minWidth: 240 }} label={translate('app.tasks.add_unit')} value={adding} onChange={(e) => setAdding(e.target.value)} data-testid="assignment-add-unit">
          {units
            .filter((u) => !taken.has(String(u.id)))
            .map((u) => (
              <MenuItem key={u.id} value={String(u.id)}>
                {u.name}
              </MenuItem>
            ))}
        </MuiTextField>
        <Button
          variant="outlined"
          size="small"
          disabled={!adding}
          data-testid="assignment-add"
          onClick={() => {
            run(dataProvider.create('Assignment', { data: { taskItemId: record.id, unitId: adding, isLead: false } }));
            setAdding('');
          }}
        >
          {translate('ra.action.add')}
        </Button>
      </Stack>
    </Box>
  );
};

const backToPlan = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => (data?.keyWork?.planId ? `Plan/${data.keyWork.planId}/show` : 'Plan');

export const TaskItemEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToPlan}>
    <TaskForm />
    <AssignmentsEditor />
  </Edit>
);

export const TaskItemCreate = () => (
  <Create redirect="edit">
    <TaskForm />
  </Create>
);

/** 计划: its name, its year (deadlines written without one fall in it), and the day it is archived. */
export const PlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="name" fullWidth validate={required()} />
      <NumberInput source="year" helperText="app.task_import.year_help" />
      <DateInput source="archivedOn" helperText="app.tasks.archive_help" />
    </SimpleForm>
  </Edit>
);

/** The link a plan's table gives each task, for the office that may correct it. */
export const EditTaskLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  return (
    <Link to={`/TaskItem/${id}`} data-testid="edit-task">
      {translate('ra.action.edit')}
    </Link>
  );
};
