import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';

const HEADERS = ['重点工作', '目标内容', '工作内容', '责任单位', '完成时限'];
interface Row {
  line: number;
  status: string;
  keyWork: string | null;
  target: string | null;
  content: string | null;
  units: string[];
  allCommunities: boolean;
  reasonCode: string | null;
}
interface Result {
  keyWorks: number;
  targets: number;
  tasks: number;
  assignments: number;
  rejected: number;
  rows: Row[];
}
const RESULT = 'keyWorks targets tasks assignments rejected rows { line status keyWork target content units allCommunities reasonCode }';

/** Reads the first sheet below the header row 重点工作 / 目标内容 / 工作内容 / 责任单位 / 完成时限. */
async function readSheet(file: File): Promise<Array<{ line: number; cells: string[] }>> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const ws = book.worksheets[0];
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cols: number[] | null = null;
  ws?.eachRow({ includeEmpty: false }, (row, n) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (texts[c] = cell.text.trim()));
    const header = HEADERS.map((h) => texts.findIndex((t) => (t ?? '').replace(/\s/g, '') === h));
    if (header.every((i) => i > 0)) {
      cols = header; // a header row (repeated on every printed page): the next rows follow it
      return;
    }
    if (cols && texts.some(Boolean)) rows.push({ line: n, cells: cols.map((c) => texts[c] ?? '') });
  });
  if (!cols) throw new Error('app.task_import.no_header');
  return rows;
}

/** 导入任务清单: pick the document and the street, choose the xlsx, see every row, then import. */
export const TaskListImportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [docs, setDocs] = useState<Array<{ id: string; title: string; docNumber: string | null }>>([]);
  const [streets, setStreets] = useState<Array<{ id: string; name: string }>>([]);
  const [form, setForm] = useState({ documentId: '', jurisdictionId: '', name: '' });
  const [rows, setRows] = useState<Array<{ line: number; cells: string[] }> | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  // the preview does not depend on the plan's name (only its check for a duplicate does): it is
  // read when the preview is asked for, not a reason to send every row again on each keystroke
  const name = useRef(form.name);
  name.current = form.name;

  useEffect(() => {
    if (!open) return;
    gqlRequest<{ d: typeof docs; s: typeof streets }>('{ d: allPolicyDocuments(perPage: 200) { id title docNumber } s: allJurisdictions(filter: { level: TOWNSHIP }, perPage: 200) { id name } }').then(
      (r) => {
        setDocs(r.d);
        setStreets(r.s);
      },
      () => undefined,
    );
  }, [open]);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!rows || !form.documentId || !form.jurisdictionId || !name.current.trim()) return;
    let current = true; // a reply to an earlier choice is dropped
    gqlRequest<{ taskListImportPreview: Result }>(
      `query($d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!) { taskListImportPreview(documentId: $d, jurisdictionId: $j, name: $n, rows: $rows) { ${RESULT} } }`,
      { d: form.documentId, j: form.jurisdictionId, n: name.current, rows },
    ).then(
      (r) => current && setPreview(r.taskListImportPreview),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [rows, form.documentId, form.jurisdictionId, retry]);

  const choose = async (file?: File) => {
    if (!file) return;
    try {
      setRows(await readSheet(file));
      if (!form.name) setForm((f) => ({ ...f, name: file.name.replace(/\.xlsx$/i, '') }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const commit = async () => {
    try {
      await gqlRequest(
        `mutation($d: ID!, $j: ID!, $n: String!, $rows: [TaskListRowInput!]!) { importTaskList(documentId: $d, jurisdictionId: $j, name: $n, rows: $rows) { planId } }`,
        { d: form.documentId, j: form.jurisdictionId, n: form.name, rows },
        true,
      );
      notify('app.task_import.done', { type: 'success', messageArgs: { tasks: preview?.tasks ?? 0 } });
      setOpen(false);
      setRows(null);
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <>
      <Button label="app.task_import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="lg">
        <DialogTitle>{translate('app.task_import.button')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
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
            <MuiTextField label={translate('resources.Plan.fields.name')} value={form.name} onChange={set('name')} onBlur={() => !preview && setRetry((n) => n + 1)} />
            <input ref={input} type="file" accept=".xlsx" hidden data-testid="task-import-file" onChange={(e) => choose(e.target.files?.[0])} />
            <Button label="app.task_import.choose" variant="outlined" onClick={() => input.current?.click()} />
            {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
            {preview && (
              <>
                <Typography variant="body2" data-testid="task-import-summary">{translate('app.task_import.summary', { ...preview })}</Typography>
                {preview.rejected > 0 && <Alert severity="warning">{translate('app.import.has_rejects')}</Alert>}
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.import.line')}</TableCell>
                      {HEADERS.slice(0, 4).map((h) => (
                        <TableCell key={h}>{h}</TableCell>
                      ))}
                      <TableCell>{translate('app.import.status')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.rows.map((r) => (
                      <TableRow key={r.line}>
                        <TableCell>{r.line}</TableCell>
                        <TableCell>{r.keyWork ?? '—'}</TableCell>
                        <TableCell>{r.target ?? '—'}</TableCell>
                        <TableCell>{r.content ?? '—'}</TableCell>
                        <TableCell>
                          {r.units.join('、')}
                          {r.allCommunities ? '、各社区' : ''}
                        </TableCell>
                        <TableCell>
                          {r.status === 'ADD' ? (
                            <Chip size="small" color="success" label={translate('app.import.statuses.ADD')} />
                          ) : (
                            <Chip size="small" color="error" label={translate(`app.task_import.reason.${r.reasonCode}`, { _: r.reasonCode ?? '' })} />
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="app.import.confirm" variant="contained" disabled={!preview || preview.rejected > 0 || !form.name.trim()} onClick={commit} data-testid="task-import-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};
