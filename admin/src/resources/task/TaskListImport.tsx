import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { type TranslateFunction, useRefresh, useTranslate } from 'react-admin';
import { ACTION_PLAN_SHEET } from '../../../../api/src/modules/task/action-plan.sheet';
import { TASK_LIST_SHEET } from '../../../../api/src/modules/task/task-list.sheet';
import { request } from '../../dataProvider';
import {
  ImportTaskListDocument,
  type PlanKind,
  TaskImportChoicesDocument,
  type TaskImportChoicesQuery,
  type TaskListImportAnswerFragment,
  TaskListImportPreviewDocument,
  type TaskListRowInput,
} from '../../graphql/generated';
import { SheetImport } from '../common/SheetImport';
import { deadlineMeaning } from './deadline';

type Row = TaskListImportAnswerFragment['rows'][number];
type Column = { header: string; cell: (row: Row, index: number, rows: Row[]) => ReactNode; minWidth?: number };
const [keyWork, target, content, units, deadline] = TASK_LIST_SHEET.columns.map((c) => c.header.zh);
const header = (field: string) => ACTION_PLAN_SHEET.columns.find((c) => c.field === field)!.header.zh;

/** A deadline as printed and as understood (the year-less ones read in the plan's year). */
const understood = (translate: TranslateFunction, r: { deadlineText: string | null; yearFromContext: boolean }, meaning: string) =>
  r.deadlineText && `${r.deadlineText} → ${meaning}${r.yearFromContext ? translate('app.task_import.year_from_plan') : ''}`;

/** 000's table: a row per task, as printed. */
const taskListColumns = (translate: TranslateFunction): Column[] => [
  { header: keyWork, cell: (r) => r.keyWork },
  { header: target, cell: (r) => r.target },
  { header: content, cell: (r) => r.content },
  { header: units, cell: (r) => [...r.units, ...(r.allCommunities ? ['各社区'] : [])].join('、') },
  { header: deadline, cell: (r) => understood(translate, r, deadlineMeaning(translate, r)) },
];

/**
 * 004's actions: a row per measure; the action's own cells (its goal, what its measures are due by,
 * its units) shown once, on its first row, as the sheet merges them.
 */
const actionPlanColumns = (translate: TranslateFunction): Column[] => {
  const first = (r: Row, i: number, rows: Row[]) => r.keyWork !== null && (i === 0 || rows[i - 1].keyWork !== r.keyWork);
  const once = (cell: (r: Row) => ReactNode) => (r: Row, i: number, rows: Row[]) => (r.keyWork === null ? null : first(r, i, rows) ? cell(r) : '');
  const everyCommunity = translate('app.task_import.every_community');
  return [
    { header: header('action'), cell: once((r) => r.keyWork), minWidth: 130 },
    { header: header('goal'), cell: once((r) => r.goal), minWidth: 200 },
    {
      header: translate('app.task_import.due_by'),
      cell: once((r) => understood(translate, r, deadlineMeaning(translate, r)) || translate('enums.DeadlineKind.ONGOING')),
      minWidth: 110,
    },
    { header: header('measure'), cell: (r) => r.content && `${r.number}、${r.title ?? (r.content.length > 60 ? `${r.content.slice(0, 60)}…` : r.content)}`, minWidth: 140 },
    {
      header: header('steps'),
      cell: (r) =>
        r.milestones.map((m) => (
          <div key={m.text} data-testid="task-import-step">
            {understood(translate, { ...m, deadlineText: m.text }, m.dueDate)}
          </div>
        )),
      minWidth: 220,
    },
    { header: header('lead'), cell: once((r) => [...r.leadUnits, ...(r.leadAllCommunities ? [everyCommunity] : [])].join('、')), minWidth: 90 },
    {
      header: header('responsible'),
      cell: once((r) => [...r.units.filter((u) => !r.leadUnits.includes(u)), ...(r.allCommunities && !r.leadAllCommunities ? [everyCommunity] : [])].join('、')),
    },
  ];
};

/** The two layouts an office imports a plan in, and what the dialog says of each. */
const LAYOUTS: Record<PlanKind, { sheet: typeof TASK_LIST_SHEET; columns: (translate: TranslateFunction) => Column[]; key: string }> = {
  TASK_LIST: { sheet: TASK_LIST_SHEET, columns: taskListColumns, key: 'app.task_import' },
  SPECIAL_ACTIONS: { sheet: ACTION_PLAN_SHEET, columns: actionPlanColumns, key: 'app.task_import.actions' },
};

/** 导入任务清单: pick the layout (000's 任务清单 or 004's 专项行动方案), the document and the street, choose the xlsx, see every row, then import. */
export const TaskListImportButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [docs, setDocs] = useState<TaskImportChoicesQuery['documents']>([]);
  const [streets, setStreets] = useState<TaskImportChoicesQuery['streets']>([]);
  const [form, setForm] = useState({ kind: 'TASK_LIST' as PlanKind, documentId: '', jurisdictionId: '', name: '', year: '' });
  const layout = LAYOUTS[form.kind];
  // the preview does not depend on the plan's name (only its check for a duplicate does): it is asked
  // again when the name field is left, not on each keystroke
  const [asked, setAsked] = useState('');

  const load = () =>
    request(TaskImportChoicesDocument).then(
      (r) => {
        setDocs(r.documents);
        setStreets(r.streets);
      },
      () => undefined,
    );
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const sheet = layout.sheet;
  const name = form.name.trim();
  // 计划年度: blank → the document's issue year (a deadline printed without a year falls in it)
  const year = /^\d{4}$/.test(form.year.trim()) ? Number(form.year.trim()) : null;
  const args = { documentId: form.documentId, jurisdictionId: form.jurisdictionId, name, year, kind: form.kind };

  const fields = (
    <>
      <MuiTextField select label={translate('app.task_import.layout')} helperText={translate(`${layout.key}.layout_help`)} value={form.kind} onChange={set('kind')} data-testid="task-import-layout">
        {(Object.keys(LAYOUTS) as PlanKind[]).map((k) => (
          <MenuItem key={k} value={k}>
            {translate(`app.task_import.layouts.${k}`)}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField select label={translate('resources.Plan.fields.documentId')} value={form.documentId} onChange={set('documentId')} data-testid="task-import-document">
        {docs.map((d) => (
          <MenuItem key={d.id} value={d.id}>
            {d.docNumber ? `${d.docNumber} ` : ''}
            {d.title}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField select label={translate('resources.Plan.fields.jurisdictionId')} value={form.jurisdictionId} onChange={set('jurisdictionId')} data-testid="task-import-jurisdiction">
        {streets.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField label={translate('resources.Plan.fields.name')} value={form.name} onChange={set('name')} onBlur={() => setAsked(name)} />
      <MuiTextField
        label={translate('resources.Plan.fields.year')}
        helperText={translate('app.task_import.year_help')}
        value={form.year}
        onChange={set('year')}
        onBlur={() => setAsked(`${name}|${year ?? ''}`)}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'task-import-year' } }}
      />
    </>
  );

  return (
    <SheetImport<TaskListRowInput, Row, TaskListImportAnswerFragment>
      id="task-import"
      label="app.task_import.button"
      title={translate('app.task_import.button')}
      layout={sheet}
      toInput={(r) => ({ line: r.line, cells: sheet.columns.map((c) => r.cells[c.field] ?? '') })}
      calls={{
        preview: async (rows) => (await request(TaskListImportPreviewDocument, { ...args, rows })).taskListImportPreview,
        commit: async (rows) => (await request(ImportTaskListDocument, { ...args, rows })).importTaskList,
      }}
      messages={{ summary: `${layout.key}.summary`, done: `${layout.key}.done`, reasons: `${layout.key}.reason` }}
      columns={layout.columns(translate)}
      form={{
        fields,
        choose: `${layout.key}.choose`,
        ready: !!(form.documentId && form.jurisdictionId && asked),
        deps: [form.kind, form.documentId, form.jurisdictionId, asked],
        canCommit: !!name,
        onOpen: load,
        onFile: (file) => {
          if (name) return setAsked(name);
          const fromFile = file.name.replace(/\.xlsx$/i, '');
          setForm((f) => ({ ...f, name: fromFile }));
          setAsked(fromFile);
        },
      }}
      onDone={refresh}
    />
  );
};
