import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { TASK_LIST_SHEET } from '../../../../api/src/modules/task/task-list.sheet';
import { request } from '../../dataProvider';
import {
  ImportTaskListDocument,
  TaskImportChoicesDocument,
  type TaskImportChoicesQuery,
  type TaskListImportAnswerFragment,
  TaskListImportPreviewDocument,
  type TaskListRowInput,
} from '../../graphql/generated';
import { SheetImport } from '../common/SheetImport';
import { deadlineMeaning } from './deadline';

type Row = TaskListImportAnswerFragment['rows'][number];
const [keyWork, target, content, units, deadline] = TASK_LIST_SHEET.columns.map((c) => c.header.zh);

/** 导入任务清单: pick the document and the street, choose the xlsx (000's layout), see every row, then import. */
export const TaskListImportButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [docs, setDocs] = useState<TaskImportChoicesQuery['documents']>([]);
  const [streets, setStreets] = useState<TaskImportChoicesQuery['streets']>([]);
  const [form, setForm] = useState({ documentId: '', jurisdictionId: '', name: '', year: '' });
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
  const name = form.name.trim();
  // 计划年度: blank → the document's issue year (a deadline printed without a year falls in it)
  const year = /^\d{4}$/.test(form.year.trim()) ? Number(form.year.trim()) : null;
  const args = { documentId: form.documentId, jurisdictionId: form.jurisdictionId, name, year };

  const fields = (
    <>
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
      layout={TASK_LIST_SHEET}
      toInput={(r) => ({ line: r.line, cells: TASK_LIST_SHEET.columns.map((c) => r.cells[c.field] ?? '') })}
      calls={{
        preview: async (rows) => (await request(TaskListImportPreviewDocument, { ...args, rows })).taskListImportPreview,
        commit: async (rows) => (await request(ImportTaskListDocument, { ...args, rows })).importTaskList,
      }}
      messages={{ summary: 'app.task_import.summary', done: 'app.task_import.done', reasons: 'app.task_import.reason' }}
      columns={[
        { header: keyWork, cell: (r) => r.keyWork },
        { header: target, cell: (r) => r.target },
        { header: content, cell: (r) => r.content },
        { header: units, cell: (r) => [...r.units, ...(r.allCommunities ? ['各社区'] : [])].join('、') },
        // the deadline as printed and as understood (the year-less ones read in the plan's year)
        {
          header: deadline,
          cell: (r) => r.deadlineText && `${r.deadlineText} → ${deadlineMeaning(translate, r)}${r.yearFromContext ? translate('app.task_import.year_from_plan') : ''}`,
        },
      ]}
      form={{
        fields,
        choose: 'app.task_import.choose',
        ready: !!(form.documentId && form.jurisdictionId && asked),
        deps: [form.documentId, form.jurisdictionId, asked],
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
