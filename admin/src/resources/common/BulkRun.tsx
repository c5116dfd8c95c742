import GridOnIcon from '@mui/icons-material/GridOn';
import { Button as MuiButton, Chip, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { type ReactElement, useState } from 'react';
import { BulkExportButton, Button, Confirm, type RaRecord, useDataProvider, useListContext, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { xlsxExporter } from './exporter';

/** 导出所选: the selected rows as Excel, through the list exports' exporter (column names are the fields' labels). */
export const BulkExportSelected = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return <BulkExportButton exporter={xlsxExporter(translate, locale)} label="app.bulk.export" icon={<GridOnIcon />} data-testid="bulk-export" />;
};

interface Outcome {
  record: RaRecord;
  /** The refusal, in the user's language (by its reason code); null: done. */
  refused: string | null;
}

export interface BulkRunProps {
  /** The button's label (and the confirmation's title). */
  label: string;
  /** The confirmation's text; gets %{count}. */
  confirm: string;
  /** Says what a row is, in the report (the recipient and amount, the plan's name). */
  describe: (record: RaRecord) => string;
  /** One row's action: the same mutation as on the record's own page (so its checks, its transaction and its audit event are the same). */
  run: (record: RaRecord) => Promise<unknown>;
  icon?: ReactElement;
  testid: string;
}

/**
 * A bulk action that runs the single-record action once per selected row, one after the other,
 * each on its own (the API's own transaction per row): what one row is refused does not hold back
 * the others. Afterwards a report lists every row, done or refused and why (translated by the
 * refusal's reason code); once it is closed the list is read again, the refused rows still selected.
 */
export const BulkRunButton = ({ label, confirm, describe, run, icon, testid }: BulkRunProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const dataProvider = useDataProvider();
  const { resource, selectedIds, data, onUnselectItems, onSelect } = useListContext();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState<{ done: number; of: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const start = async () => {
    setAsking(false);
    // a selection kept across pages names rows not on this page: read them
    const onPage = new Map((data ?? []).map((r) => [String(r.id), r]));
    const missing = selectedIds.filter((id) => !onPage.has(String(id)));
    const fetched = missing.length ? (await dataProvider.getMany(resource, { ids: missing })).data : [];
    fetched.forEach((r) => onPage.set(String(r.id), r));
    const records = selectedIds.map((id) => onPage.get(String(id))).filter((r): r is RaRecord => !!r);
    const results: Outcome[] = [];
    setBusy({ done: 0, of: records.length });
    for (const record of records) {
      try {
        await run(record);
        results.push({ record, refused: null });
      } catch (e) {
        results.push({ record, refused: errorText(e as Failure) });
      }
      setBusy({ done: results.length, of: records.length });
    }
    setBusy(null);
    setOutcomes(results);
    const refused = results.filter((r) => r.refused).length;
    notify('app.bulk.summary', { type: refused ? 'warning' : 'success', messageArgs: { done: results.length - refused, refused } });
  };

  /** The list is read again once the report is closed (rows that leave it would take the report with them). */
  const close = () => {
    const refused = (outcomes ?? []).filter((r) => r.refused).map((r) => r.record.id);
    setOutcomes(null);
    if (refused.length) onSelect(refused);
    else onUnselectItems();
    refresh();
  };

  return (
    <>
      <Button label={label} onClick={() => setAsking(true)} disabled={!!busy} data-testid={testid}>
        {icon}
      </Button>
      <Confirm isOpen={asking} title={label} content={translate(confirm, { count: selectedIds.length })} onConfirm={start} onClose={() => setAsking(false)} />
      <Dialog open={!!busy} maxWidth="xs" fullWidth>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {busy && translate('app.bulk.progress', { done: busy.done, of: busy.of })}
          </Typography>
          <LinearProgress variant="determinate" value={busy?.of ? (100 * busy.done) / busy.of : 0} />
        </DialogContent>
      </Dialog>
      <Dialog open={!!outcomes} onClose={close} maxWidth="sm" fullWidth data-testid="bulk-report">
        <DialogTitle data-testid="bulk-report-title">
          {translate('app.bulk.report', { done: outcomes?.filter((o) => !o.refused).length ?? 0, refused: outcomes?.filter((o) => o.refused).length ?? 0 })}
        </DialogTitle>
        <DialogContent>
          <Table size="small">
            <TableBody>
              {outcomes?.map((o) => (
                <TableRow key={String(o.record.id)} data-testid="bulk-outcome" data-id={o.record.id} data-ok={!o.refused}>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{describe(o.record)}</TableCell>
                  <TableCell>
                    {o.refused ? (
                      <Typography variant="body2" color="error" data-testid="bulk-refused">
                        {o.refused}
                      </Typography>
                    ) : (
                      <Chip size="small" color="success" label={translate('app.bulk.done')} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} data-testid="bulk-report-close">
            {translate('ra.action.close')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
