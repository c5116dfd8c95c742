import UploadIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';
import { downloadXlsx } from '../common/exporter';

/** The columns an office keeps. */
const COLUMNS = { name: '姓名', post: '职务', role: '组内职务', order: '顺序' } as const;
type Column = keyof typeof COLUMNS;
type SheetRow = { line: number } & Partial<Record<Column, string>>;

interface RowResult {
  line: number;
  name: string | null;
  post: string | null;
  role: string | null;
  order: number | null;
  status: 'ADD' | 'CHANGE' | 'UNCHANGED' | 'REJECT';
  reasonCode: string | null;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}
interface ImportResult {
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
  rows: RowResult[];
}
const RESULT = 'added changed unchanged rejected rows { line name post role order status reasonCode changes { field from to } }';
const STATUS_COLOR = { ADD: 'success', CHANGE: 'info', UNCHANGED: 'default', REJECT: 'error' } as const;

/** Reads the first sheet: finds the header row (姓名 …) and returns one object per data row. */
async function readSheet(file: File): Promise<SheetRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const ws = book.worksheets[0];
  if (!ws) return [];
  let header = 0;
  const cols: Partial<Record<Column, number>> = {};
  ws.eachRow((row, n) => {
    if (header) return;
    row.eachCell((cell, c) => {
      const text = cell.text.replace(/\s/g, '');
      for (const [key, title] of Object.entries(COLUMNS)) if (text === title) cols[key as Column] = c;
    });
    if (cols.name) header = n;
  });
  if (!header) throw new Error('app.import.no_header');
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= header) return;
    const r: SheetRow = { line: n };
    for (const key of Object.keys(COLUMNS) as Column[]) {
      const c = cols[key];
      if (c) r[key] = row.getCell(c).text.trim();
    }
    if ((Object.keys(COLUMNS) as Column[]).some((k) => r[k])) rows.push(r);
  });
  return rows;
}

/**
 * 导入名单: choose an xlsx (姓名, 职务, 组内职务, 顺序), see per row what will be added, changed or
 * rejected and why, then import everything in one go (refused if any row is rejected).
 */
export const RosterImportButton = ({ onDone }: { onDone: () => void }) => {
  const group = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setError(null);
    if (!file) return;
    try {
      const parsed = await readSheet(file);
      setRows(parsed);
      const d = await gqlRequest<{ rosterImportPreview: ImportResult }>(`query($g: ID!, $rows: [RosterRowInput!]!) { rosterImportPreview(groupId: $g, rows: $rows) { ${RESULT} } }`, {
        g: String(group?.id),
        rows: parsed,
      });
      setPreview(d.rosterImportPreview);
    } catch (e) {
      setRows([]);
      setError((e as Error).message);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const commit = async () => {
    try {
      await gqlRequest(`mutation($g: ID!, $rows: [RosterRowInput!]!) { importRoster(groupId: $g, rows: $rows) { added } }`, { g: String(group?.id), rows }, true);
      notify('app.import.done', { type: 'success', messageArgs: { added: preview?.added ?? 0, changed: preview?.changed ?? 0 } });
      setRows(null);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const reason = (r: RowResult) => {
    if (r.status === 'CHANGE') return r.changes.map((c) => `${translate(`app.import.field.${c.field}`)}：${c.from ?? '—'} → ${c.to ?? '—'}`).join('；');
    return r.reasonCode ? translate(`app.import.reason.${r.reasonCode}`, { _: r.reasonCode }) : '';
  };

  return (
    <>
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="roster-import-file" onChange={(e) => choose(e.target.files?.[0])} />
      <Button label="app.import.button" onClick={() => input.current?.click()}>
        <UploadIcon />
      </Button>
      <Dialog open={rows !== null} onClose={() => setRows(null)} fullWidth maxWidth="md">
        <DialogTitle>{translate('app.import.title', { group: group?.name ?? '' })}</DialogTitle>
        <DialogContent data-testid="roster-import-preview">
          {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          {preview && (
            <Stack spacing={1}>
              <Typography variant="body2">{translate('app.import.summary', { ...preview })}</Typography>
              {preview.rejected > 0 && <Alert severity="warning">{translate('app.import.has_rejects')}</Alert>}
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.import.line')}</TableCell>
                    <TableCell>{COLUMNS.name}</TableCell>
                    <TableCell>{COLUMNS.post}</TableCell>
                    <TableCell>{COLUMNS.role}</TableCell>
                    <TableCell>{COLUMNS.order}</TableCell>
                    <TableCell>{translate('app.import.status')}</TableCell>
                    <TableCell>{translate('app.import.reason_column')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.map((r) => (
                    <TableRow key={r.line} data-testid={`import-row-${r.line}`} data-status={r.status}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>{r.name ?? '—'}</TableCell>
                      <TableCell>{r.post ?? '—'}</TableCell>
                      <TableCell>{r.role ? translate(`enums.GroupRole.${r.role}`) : '—'}</TableCell>
                      <TableCell>{r.order ?? '—'}</TableCell>
                      <TableCell>
                        <Chip size="small" color={STATUS_COLOR[r.status]} label={translate(`app.import.statuses.${r.status}`)} />
                      </TableCell>
                      <TableCell>{reason(r)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setRows(null)} />
          <Button
            label="app.import.confirm"
            variant="contained"
            disabled={!preview || preview.rejected > 0 || preview.added + preview.changed === 0}
            onClick={commit}
            data-testid="roster-import-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The current roster as a sheet in the import layout: edit it in Excel and import it back. */
export const RosterTemplateButton = ({ seats }: { seats: Array<{ role: string; sortOrder: number; person: { name: string }; post: { title: string } | null }> }) => {
  const group = useRecordContext();
  const translate = useTranslate();
  const download = () =>
    downloadXlsx(
      { headers: Object.values(COLUMNS), rows: seats.map((s) => [s.person.name, s.post?.title ?? '', translate(`enums.GroupRole.${s.role}`), s.sortOrder]) },
      '名单',
      `${group?.name ?? '名单'}.xlsx`,
    );
  return (
    <Button label="app.import.template" onClick={download}>
      <DownloadIcon />
    </Button>
  );
};
