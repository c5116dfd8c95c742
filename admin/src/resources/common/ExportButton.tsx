import DownloadIcon from '@mui/icons-material/GetApp';
import { Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useRef, useState, type ReactElement, type ReactNode } from 'react';
import {
  Button,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useTranslate,
  type DataProvider,
  type Exporter,
  type FetchRelatedRecords,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { EXPORT_CAP, EXPORT_PAGE_SIZE, ExportCancelled, fetchAllPages, inChunks, type FetchedPage } from './exportPaging';

/** toSheet's reference names for every exported row, asked for a few hundred ids at a time. */
export const chunkedFetchRelated =
  (dataProvider: DataProvider): FetchRelatedRecords =>
  async <R,>(records: RaRecord[], field: string, resource: string) => {
    const ids = [...new Set(records.flatMap((r) => (Array.isArray(r[field]) ? r[field] : [r[field]])).filter((id): id is Identifier => id !== null && id !== undefined && id !== ''))];
    const found: Record<string, R> = {};
    for (const chunk of inChunks(ids)) {
      const { data } = await dataProvider.getMany(resource, { ids: chunk });
      for (const r of data) found[String(r.id)] = r as R;
    }
    return found;
  };

interface Progress {
  fetched: number;
  expected: number;
}

/**
 * Runs an export: reads every page (a dialog counts the rows once there is more than one page, and
 * can stop it), writes the file, then says plainly if rows were left out (over EXPORT_CAP, or added
 * while it ran). One mechanism for the list exports and the custom sheets (finance, partner log).
 */
export function useExportRun() {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [locale] = useLocaleState();
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const n = (x: number) => x.toLocaleString(locale);

  async function run<T>(fetchPage: (page: number, perPage: number) => Promise<FetchedPage<T>>, write: (records: T[]) => Promise<unknown>): Promise<void> {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ fetched: 0, expected: 0 });
    try {
      const { records, total, leftOut } = await fetchAllPages(fetchPage, {
        signal: controller.signal,
        onProgress: (fetched, expected) => setProgress({ fetched, expected }),
      });
      if (controller.signal.aborted) throw new ExportCancelled();
      await write(records);
      if (leftOut > 0) {
        const key = total > EXPORT_CAP ? 'app.export.left_out_cap' : 'app.export.left_out_changed';
        notify(key, { type: 'warning', autoHideDuration: null, messageArgs: { exported: n(records.length), total: n(total), left: n(leftOut), cap: n(EXPORT_CAP) } });
      }
    } catch (e) {
      if (e instanceof ExportCancelled) notify('app.export.cancelled', { type: 'info' });
      else notify(errorText(e as Failure), { type: 'error' });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  // one page comes back before the dialog could be read: it opens only for longer exports
  const dialog: ReactNode = (
    <Dialog open={!!progress && progress.expected > EXPORT_PAGE_SIZE} maxWidth="xs" fullWidth data-testid="export-progress">
      <DialogTitle>{translate('app.export.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="export-progress-text">
          {progress && translate('app.export.progress', { fetched: n(progress.fetched), expected: n(progress.expected) })}
        </Typography>
        <LinearProgress variant="determinate" value={progress && progress.expected ? (100 * progress.fetched) / progress.expected : 0} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={() => abort.current?.abort()} data-testid="export-cancel" />
      </DialogActions>
    </Dialog>
  );
  return { run, busy: progress !== null, dialog };
}

/**
 * The list's export (replaces react-admin's ExportButton, which fetched one page of 1000): every row
 * of the current filter and sort, page by page, through the given exporter.
 */
export const ListExportButton = ({ exporter, label, icon = <DownloadIcon /> }: { exporter: Exporter; label: string; icon?: ReactElement }) => {
  const { resource, filter, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const { run, busy, dialog } = useExportRun();
  const onClick = () =>
    run(
      async (page, perPage) => {
        const res = await dataProvider.getList(resource, { sort, filter: filter ? { ...filterValues, ...filter } : filterValues, pagination: { page, perPage } });
        return { data: res.data, total: res.total ?? res.data.length };
      },
      (records) => Promise.resolve(exporter(records, chunkedFetchRelated(dataProvider), dataProvider, resource)),
    );
  return (
    <>
      <Button label={label} onClick={onClick} disabled={busy || total === 0}>
        {icon}
      </Button>
      {dialog}
    </>
  );
};
