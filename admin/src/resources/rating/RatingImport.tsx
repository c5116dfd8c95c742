import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../../dataProvider';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { downloadXlsx } from '../common/exporter';
import { formatTotal, ListStatusChip, Stars } from './fields';
import type { GridRating } from './gridModel';
import type { Criterion } from './schemes';
import { COLUMNS, ratingSheet, readRatingSheet, type ReadSheet } from './sheet';

interface RowResult {
  line: number;
  subjectName: string | null;
  uscc: string | null;
  status: 'ADD' | 'CHANGE' | 'UNCHANGED' | 'REJECT';
  reasonCode: string | null;
  reason: string | null;
  field: string | null;
  total: number | null;
  stars: number | null;
  listStatus: string | null;
}
interface ImportResult {
  committed: boolean;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
  rows: RowResult[];
}
const RESULT = 'committed added changed unchanged rejected rows { line subjectName uscc status reasonCode reason field total stars listStatus }';
const STATUS_COLOR = { ADD: 'success', CHANGE: 'info', UNCHANGED: 'default', REJECT: 'error' } as const;

/**
 * 导入评分表: choose the office's xlsx (统一社会信用代码, 名称, a column per criterion, 业主不满意率,
 * 负面清单, 负面清单说明); the server says per row what it would add, change or reject, and the
 * total and stars the row comes to; then everything is imported in one go (refused while any row
 * is rejected). Read in the browser, so the file never leaves the office's machine as a file.
 */
export const RatingImportButton = (props: { periodId: string; periodCode: string; criteria: Criterion[]; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [sheet, setSheet] = useState<ReadSheet | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setSheet(null);
    setPreview(null);
  };

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setError(null);
    if (!file) return;
    try {
      const read = await readRatingSheet(file, props.criteria);
      setSheet(read);
      if (!read.rows.length) throw new Error('app.ratings.import.empty');
      const d = await gqlRequest<{ ratingImportPreview: ImportResult }>(`query($p: ID!, $rows: [RatingSheetRowInput!]!) { ratingImportPreview(periodId: $p, rows: $rows) { ${RESULT} } }`, {
        p: props.periodId,
        rows: read.rows,
      });
      setPreview(d.ratingImportPreview);
    } catch (e) {
      setSheet((s) => s ?? { rows: [], ignored: [], absent: [] });
      setError((e as Failure).body ? errorText(e as Failure) : translate((e as Error).message, { _: (e as Error).message }));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const commit = async () => {
    if (!sheet || busy) return;
    setBusy(true);
    try {
      const d = await gqlRequest<{ importRatings: ImportResult }>(`mutation($p: ID!, $rows: [RatingSheetRowInput!]!) { importRatings(periodId: $p, rows: $rows) { ${RESULT} } }`, { p: props.periodId, rows: sheet.rows }, true);
      notify('app.ratings.import.done', { type: 'success', messageArgs: { added: d.importRatings.added, changed: d.importRatings.changed } });
      close();
      props.onDone();
    } catch (e) {
      setError(errorText(e as Failure));
    } finally {
      setBusy(false);
    }
  };

  const reason = (r: RowResult) => {
    if (!r.reasonCode) return '';
    const column = r.field ? columnOf(r.field, sheet) : null;
    const text = translate(`app.ratings.import.reason.${r.reasonCode}`, { _: r.reason ?? r.reasonCode });
    return column ? `${column}：${text}` : text;
  };

  return (
    <>
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="rating-import-file" onChange={(e) => choose(e.target.files?.[0])} />
      <Button label="app.ratings.import.button" onClick={() => input.current?.click()} data-testid="rating-import">
        <UploadIcon />
      </Button>
      <Dialog open={sheet !== null} onClose={close} fullWidth maxWidth="lg">
        <DialogTitle>{translate('app.ratings.import.title', { period: props.periodCode })}</DialogTitle>
        <DialogContent data-testid="rating-import-preview">
          <Stack spacing={1}>
            {error && <Alert severity="error">{error}</Alert>}
            {sheet && sheet.ignored.length > 0 && <Alert severity="warning">{translate('app.ratings.import.ignored', { columns: sheet.ignored.join('、') })}</Alert>}
            {sheet && sheet.absent.length > 0 && preview && <Alert severity="info">{translate('app.ratings.import.absent', { criteria: sheet.absent.join('、') })}</Alert>}
            {preview && (
              <>
                <Typography variant="body2" data-testid="rating-import-summary">
                  {translate('app.ratings.import.summary', { ...preview })}
                </Typography>
                {preview.rejected > 0 && <Alert severity="warning">{translate('app.ratings.import.has_rejects')}</Alert>}
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.import.line')}</TableCell>
                      <TableCell>{COLUMNS.uscc}</TableCell>
                      <TableCell>{COLUMNS.name}</TableCell>
                      <TableCell>{translate('app.import.status')}</TableCell>
                      <TableCell align="right">{translate('app.ratings.total')}</TableCell>
                      <TableCell>{translate('app.ratings.stars_column')}</TableCell>
                      <TableCell>{translate('app.ratings.list')}</TableCell>
                      <TableCell>{translate('app.import.reason_column')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.rows.map((r) => (
                      <TableRow key={r.line} data-testid={`rating-import-row-${r.line}`} data-status={r.status}>
                        <TableCell>{r.line}</TableCell>
                        <TableCell>{r.uscc ?? '—'}</TableCell>
                        <TableCell>{r.subjectName ?? '—'}</TableCell>
                        <TableCell>
                          <Chip size="small" color={STATUS_COLOR[r.status]} label={translate(`app.import.statuses.${r.status}`)} />
                        </TableCell>
                        <TableCell align="right">{formatTotal(r.total)}</TableCell>
                        <TableCell>
                          <Stars stars={r.stars} />
                        </TableCell>
                        <TableCell>
                          <ListStatusChip status={r.listStatus} />
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
            disabled={busy || !preview || preview.rejected > 0 || preview.added + preview.changed === 0}
            onClick={commit}
            data-testid="rating-import-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The sheet column a row error names: scores.N.* is the N-th score column read. */
function columnOf(field: string, sheet: ReadSheet | null): string | null {
  const m = /^scores\.(\d+)\./.exec(field);
  if (m) return sheet?.rows[0]?.scores[Number(m[1])]?.criterion ?? null;
  return (COLUMNS as Record<string, string>)[field] ?? null;
}

/** 下载模板: the sheet layout with the period's criteria, one row per subject already rated (its scores as typed so far). */
export const RatingTemplateButton = (props: { periodCode: string; subjectKind: string; criteria: Criterion[]; ratings: GridRating[] }) => {
  const translate = useTranslate();
  const download = () =>
    downloadXlsx(ratingSheet(props.subjectKind, props.criteria, props.ratings, false, translate), '评分表', `${props.periodCode}-${translate('app.ratings.import.template_file')}.xlsx`);
  return (
    <Button label="app.ratings.import.template" onClick={download} data-testid="rating-template">
      <DownloadIcon />
    </Button>
  );
};
