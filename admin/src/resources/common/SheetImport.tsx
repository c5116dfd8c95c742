import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { columnAt, type SheetLayout, type SheetRows } from '../../../../api/src/common/sheet-import/layout';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import type { ImportRowStatus } from '../../graphql/generated';
import { readSheet, SheetError } from './sheet';

/** What every import says of a row (the API's ImportRow). */
export interface ImportRow {
  line: number;
  status: ImportRowStatus;
  reasonCode: string | null;
  reason: string | null;
  field: string | null;
}
/** What every import answers (the API's ImportCounts and rows). */
export interface ImportAnswer<R extends ImportRow> {
  committed: boolean;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
  rows: R[];
}
/**
 * An import's preview query and commit mutation (two operations in the import's .graphql file, the
 * same arguments and rows, the same answer fragment).
 */
export interface ImportCalls<I, A> {
  preview(rows: I[]): Promise<A>;
  commit(rows: I[]): Promise<A>;
}

const STATUS_COLOR = { ADD: 'success', CHANGE: 'info', UNCHANGED: 'default', REJECT: 'error' } as const;

export interface SheetImportProps<I, R extends ImportRow, A extends ImportAnswer<R>> {
  /** data-testid of the button; the file input, preview, summary, rows and confirm button are `<id>-file`, `<id>-preview`, `<id>-summary`, `<id>-row-<line>`, `<id>-confirm`. */
  id: string;
  label: string;
  title: string;
  layout: SheetLayout;
  /** Headers read beside the layout's (a rating's criteria). */
  accept?: (title: string) => boolean;
  toInput: (row: SheetRows['rows'][number], read: SheetRows) => I;
  calls: ImportCalls<I, A>;
  /** Translation keys: the summary and the notice once imported (the answer's figures are their arguments), the prefix of the rows' reason codes, the columns not imported. */
  messages: { summary: string; done: string; reasons: string; ignored?: string };
  /** The preview's columns between the row number and the status (a cell sees the rows around it: a heading shown once over its rows). */
  columns: Array<{ header: string; cell: (row: R, index: number, rows: R[]) => ReactNode; align?: 'right'; minWidth?: number }>;
  /** Said before a row's reason (a roster row's changes). */
  detail?: (row: R) => string | undefined;
  /** The header of a column the layout does not declare (a rating's scores.2.score). */
  columnOf?: (field: string, read: SheetRows) => string | undefined;
  /** Notes on the sheet as read, shown with the preview. */
  notes?: (read: SheetRows) => ReactNode;
  /** What the answer says beyond its rows (a committee import's committees), shown under the summary. */
  figures?: (answer: A) => ReactNode;
  /**
   * Arguments asked before the file (a task list's document, street and name): the button opens the
   * dialog with them; the preview waits until `ready` and is asked again when `deps` change.
   */
  form?: { fields: ReactNode; choose: string; ready: boolean; deps: unknown[]; onOpen?: () => void; onFile?: (file: File) => void; canCommit: boolean };
  onDone: () => void;
}

/**
 * 表格导入: choose an xlsx, see per row what the import would add, change or reject and why (the
 * server's preview, reasons translated by code and naming the column), then import everything in
 * one go; refused while any row is rejected.
 */
export function SheetImport<I, R extends ImportRow, A extends ImportAnswer<R>>(props: SheetImportProps<I, R, A>) {
  const { id, layout, messages, form } = props;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale === 'en' ? 'en' : 'zh';
  const notify = useNotify();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [read, setRead] = useState<SheetRows | null>(null);
  const [preview, setPreview] = useState<A | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Why the chosen file cannot be read (no header row…): stays until another file is chosen. */
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(props);
  latest.current = props;
  const ready = !form || form.ready;

  const describe = (e: unknown) => {
    if (e instanceof SheetError) return translate(e.message, { columns: layout.columns.map((c) => c.header[lang]).join('、'), max: layout.maxRows, count: e.count });
    return (e as Failure).body ? errorText(e as Failure) : translate((e as Error).message, { _: (e as Error).message });
  };
  const inputs = (sheet: SheetRows) => sheet.rows.map((r) => latest.current.toInput(r, sheet));
  const describeLatest = useRef(describe);
  describeLatest.current = describe;
  // the form's values the preview depends on (ids, dates), compared by value
  const depsKey = JSON.stringify(form?.deps ?? []);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!read || !ready) return;
    let current = true; // a reply to an earlier choice is dropped
    latest.current.calls.preview(read.rows.map((r) => latest.current.toInput(r, read))).then(
      (answer) => current && setPreview(answer),
      (e) => current && setError(describeLatest.current(e)),
    );
    return () => {
      current = false;
    };
  }, [read, ready, depsKey]);

  /** The file chosen: read again when the layout changes (a task list's 000 / 004 choice). */
  const chosen = useRef<File | null>(null);
  const readFile = async (file: File, sheetLayout: SheetLayout) => {
    setUnreadable(null);
    try {
      const sheet = await readSheet(file, sheetLayout, props.accept);
      setRead(sheet);
      return true;
    } catch (e) {
      setRead(null);
      setUnreadable(describe(e));
      return false;
    }
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    chosen.current = file;
    try {
      if (await readFile(file, layout)) form?.onFile?.(file);
    } finally {
      setOpen(true);
      if (input.current) input.current.value = '';
    }
  };
  const readAgain = useRef(readFile);
  readAgain.current = readFile;
  useEffect(() => {
    const file = chosen.current;
    if (file) void readAgain.current(file, layout).then((ok) => ok && latest.current.form?.onFile?.(file));
  }, [layout]);
  const close = () => {
    setOpen(false);
    setRead(null);
    setUnreadable(null);
    chosen.current = null;
  };
  const commit = async () => {
    if (!read || busy) return;
    setBusy(true);
    try {
      const answer = await props.calls.commit(inputs(read));
      notify(messages.done, { type: 'success', messageArgs: { ...answer } });
      close();
      props.onDone();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const reason = (r: R) => {
    const parts = [props.detail?.(r)];
    if (r.reasonCode) {
      const text = translate(`${messages.reasons}.${r.reasonCode}`, { _: r.reason ?? r.reasonCode });
      const column = r.field && read ? (props.columnOf?.(r.field, read) ?? columnAt(layout, r.field)?.header[lang]) : undefined;
      // a reason that starts with its column (姓名为空) is not prefixed again
      parts.push(column && !text.startsWith(column) ? `${column}${lang === 'en' ? ': ' : '：'}${text}` : text);
    }
    return parts.filter(Boolean).join(lang === 'en' ? '; ' : '；');
  };

  return (
    <>
      <input ref={input} type="file" accept=".xlsx" hidden data-testid={`${id}-file`} onChange={(e) => choose(e.target.files?.[0])} />
      <Button label={props.label} onClick={() => (form ? (setOpen(true), form.onOpen?.()) : input.current?.click())} data-testid={id}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="lg">
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent data-testid={`${id}-preview`}>
          <Stack spacing={1} sx={{ mt: form ? 1 : 0 }}>
            {form?.fields}
            {form && <Button label={form.choose} variant="outlined" onClick={() => input.current?.click()} />}
            {(unreadable ?? error) && <Alert severity="error">{unreadable ?? error}</Alert>}
            {read && read.ignored.length > 0 && <Alert severity="warning">{translate(messages.ignored ?? 'app.import.ignored', { columns: read.ignored.join('、') })}</Alert>}
            {read && preview && props.notes?.(read)}
            {preview && (
              <>
                <Typography variant="body2" data-testid={`${id}-summary`}>
                  {translate(messages.summary, { ...preview })}
                </Typography>
                {props.figures?.(preview)}
                {preview.rejected > 0 && <Alert severity="warning">{translate('app.import.has_rejects')}</Alert>}
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import.line')}</TableCell>
                      {props.columns.map((c) => (
                        <TableCell key={c.header} align={c.align} sx={c.minWidth ? { minWidth: c.minWidth } : undefined}>
                          {c.header}
                        </TableCell>
                      ))}
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import.status')}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import.reason_column')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.rows.map((r, i) => (
                      <TableRow key={r.line} data-testid={`${id}-row-${r.line}`} data-status={r.status}>
                        <TableCell>{r.line}</TableCell>
                        {props.columns.map((c) => (
                          <TableCell key={c.header} align={c.align}>
                            {c.cell(r, i, preview.rows) ?? '—'}
                          </TableCell>
                        ))}
                        <TableCell>
                          <Chip size="small" color={STATUS_COLOR[r.status]} label={translate(`app.import.statuses.${r.status}`)} />
                        </TableCell>
                        <TableCell>{reason(r)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button
            label="app.import.confirm"
            variant="contained"
            disabled={busy || !preview || preview.rejected > 0 || preview.added + preview.changed === 0 || (form && !form.canCommit)}
            onClick={commit}
            data-testid={`${id}-confirm`}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
