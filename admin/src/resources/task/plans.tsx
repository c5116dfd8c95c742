import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import ArchiveIcon from '@mui/icons-material/Archive';
import {
  Datagrid,
  EditButton,
  List,
  NullableBooleanInput,
  type RaRecord,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { BulkExportSelected, BulkRunButton } from '../common/BulkRun';
import { today } from '../common/dates';
import { useCanEdit } from '../common/actions';
import { TaskListImportButton } from './TaskListImport';
import { request } from '../../dataProvider';
import { PlanTasksDocument, type PlanTasksQuery } from '../../graphql/generated';
import { ExportButtons } from '../common/actions';
import { EnumField, EnumInput, DayField } from '../common/fields';
import { EditTaskLink } from './taskEdit';
import { UrgeButton, UrgencyChip } from './SupervisionParts';

type KeyWorkRow = NonNullable<PlanTasksQuery['Plan']>['keyWorks'][number];
type Task = KeyWorkRow['tasks'][number];

/** Lead units in bold, then co-responsible; the communities reached through 各社区 as one entry. */
const Units = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const named = task.assignments.filter((a) => !a.viaAllCommunities);
  const communities = task.assignments.filter((a) => a.viaAllCommunities);
  return (
    <span>
      {named.map((a, i) => (
        <span key={a.unit.name} style={{ fontWeight: a.isLead ? 700 : 400 }}>
          {i > 0 ? '、' : ''}
          {a.unit.name}
        </span>
      ))}
      {communities.length > 0 && (
        <span style={{ fontWeight: communities[0].isLead ? 700 : 400 }}>
          {named.length ? '、' : ''}
          {translate('app.tasks.all_communities', { count: communities.length })}
        </span>
      )}
    </span>
  );
};

const Done = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const done = task.assignments.filter((a) => a.status === 'DONE').length;
  return <Chip size="small" variant="outlined" label={translate('app.tasks.done_of', { done, total: task.assignments.length })} />;
};

/** 红灯: the units with something overdue on this task, each with a 催办 for the office. */
const OverdueUnits = ({ task, onDone }: { task: Task; onDone: () => void }) => {
  const late = task.assignments.filter((a) => a.urgency === 'OVERDUE');
  if (!late.length) return null;
  return (
    <Box sx={{ mt: 0.5 }} data-testid="overdue-units">
      {late.map((a) => (
        <Box key={a.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <UrgencyChip urgency="OVERDUE" />
          <span>{a.unit.name}</span>
          <UrgeButton assignmentId={a.id} onDone={onDone} />
        </Box>
      ))}
    </Box>
  );
};

/** 任务清单 as the office reads it: key work → target → task, with units and the deadline as printed. */
const PlanTasks = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const editable = useCanEdit();
  const [keyWorks, setKeyWorks] = useState<KeyWorkRow[] | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    if (record?.id)
      request(PlanTasksDocument, { id: String(record.id) }).then(
        (d) => setKeyWorks(d.Plan?.keyWorks ?? []),
        () => setKeyWorks([]),
      );
  }, [record?.id, version]);
  if (!keyWorks) return null;
  return (
    <Box data-testid="plan-tasks">
      {keyWorks.map((kw) => (
        <Box key={kw.id} sx={{ mb: 3 }}>
          <Typography variant="h6">
            {kw.number.startsWith('(') ? kw.number : `${kw.number}、`}
            {kw.title}
          </Typography>
          {kw.goal && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('app.tasks.goal')}：{kw.goal}
            </Typography>
          )}
          {kw.leadPrinted && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('app.tasks.lead_unit')}：{kw.leadPrinted}　{translate('app.tasks.responsible_unit')}：{kw.responsiblePrinted}
            </Typography>
          )}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 180 }}>{translate('app.tasks.target')}</TableCell>
                <TableCell>{translate('app.tasks.task')}</TableCell>
                <TableCell sx={{ width: 220 }}>{translate('app.tasks.units')}</TableCell>
                <TableCell sx={{ width: 140 }}>{translate('app.tasks.deadline')}</TableCell>
                <TableCell sx={{ width: 90 }}>{translate('app.tasks.progress')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {kw.tasks.map((t, i) => {
                const target = kw.targets.find((x) => x.id === t.targetId);
                const first = i === 0 || kw.tasks[i - 1].targetId !== t.targetId;
                return (
                  <TableRow key={t.id}>
                    <TableCell sx={{ verticalAlign: 'top' }}>{target && first ? `(${target.number})${target.title}` : ''}</TableCell>
                    <TableCell>
                      {t.number ? `${t.number}是 ` : ''}
                      {t.content}
                    </TableCell>
                    <TableCell>
                      <Units task={t} />
                    </TableCell>
                    <TableCell>{t.deadlineText ?? translate('app.tasks.no_deadline')}</TableCell>
                    <TableCell>
                      <Done task={t} />
                      {editable && <OverdueUnits task={t} onDone={reload} />}
                      {editable && (
                        <Box sx={{ mt: 0.5 }}>
                          <EditTaskLink id={t.id} />
                        </Box>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
};

const PlanListActions = () => {
  const editable = useCanEdit();
  return (
    <TopToolbar>
      {editable && <TaskListImportButton />}
      <ExportButtons />
    </TopToolbar>
  );
};

const planFilters = [
  <TextInput key="q" source="q" label="app.tasks.plan_search" alwaysOn />,
  <EnumInput key="k" source="kind" enumName="PlanKind" alwaysOn />,
  <NullableBooleanInput
    key="a"
    source="archived"
    label="app.tasks.plan_archived"
    nullLabel="app.tasks.plan_all"
    falseLabel="app.tasks.plan_current"
    trueLabel="app.tasks.plan_archived_only"
    alwaysOn
  />,
];

/**
 * 归档所选: each plan archived as its edit form would (updatePlan with archivedOn = today), one
 * transaction per plan; a plan already archived or not the user's office's is reported and skipped.
 */
const PlanBulkActions = () => {
  const dataProvider = useDataProvider();
  const editable = useCanEdit();
  return (
    <>
      {editable && (
        <BulkRunButton
          label="app.tasks.plan_bulk_archive"
          confirm="app.tasks.plan_bulk_archive_confirm"
          icon={<ArchiveIcon />}
          testid="bulk-archive"
          describe={(r) => String(r.name)}
          run={(r) => (r.archivedOn ? Promise.reject(alreadyArchived(r)) : dataProvider.update('Plan', { id: r.id, data: { archivedOn: today() }, previousData: r }))}
        />
      )}
      <BulkExportSelected />
    </>
  );
};

/** A plan archived before is not archived again (its archive day stays): said in the report as the API's refusals are. */
const alreadyArchived = (r: RaRecord) => ({ message: 'app.tasks.plan_already_archived', body: { extensions: { day: r.archivedOn } } });

export const PlanList = () => (
  <List actions={<PlanListActions />} filters={planFilters} filterDefaultValues={{ archived: false }} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={<PlanBulkActions />}>
      <TextField source="name" />
      <EnumField source="kind" enumName="PlanKind" />
      <ReferenceField source="documentId" reference="PolicyDocument" link="show">
        <TextField source="docNumber" />
      </ReferenceField>
      <DayField source="archivedOn" emptyText="—" />
    </Datagrid>
  </List>
);

const PlanShowActions = () => {
  const editable = useCanEdit();
  return <TopToolbar>{editable && <EditButton />}</TopToolbar>;
};

export const PlanShow = () => (
  <Show actions={<PlanShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="documentId" reference="PolicyDocument" link="show">
        <TextField source="docNumber" />
      </ReferenceField>
      <TextField source="year" emptyText="—" />
      <DayField source="archivedOn" emptyText="—" />
      <PlanTasks />
    </SimpleShowLayout>
  </Show>
);
