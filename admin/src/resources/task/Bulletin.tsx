import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { getOffice, getToken, getUser } from '../../authProvider';
import { ReportControls, ReportTable } from '../common/ReportControls';
import { request } from '../../dataProvider';
import { TaskBulletinDocument, type TaskBulletinQuery, TaskImportChoicesDocument, type TaskImportChoicesQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';

type Bulletin = TaskBulletinQuery['taskBulletin'];
const COLUMNS = ['no', 'unit', 'total', 'done', 'late', 'due', 'overdue', 'duties_missed'] as const;

/**
 * 通报: an office's task lists by responsible unit as of a day, the worst first; as xlsx (made here from
 * the same answer) and as the printable PDF the API sets (/bulletin.pdf).
 */
export const BulletinPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const user = getUser() as { jurisdictionId?: string | null } | null;
  const [offices, setOffices] = useState<TaskImportChoicesQuery['streets']>([]);
  const [office, setOffice] = useState<string>(String(getOffice()?.id ?? user?.jurisdictionId ?? ''));
  const [asOf, setAsOf] = useState(today());
  const [data, setData] = useState<Bulletin | null>(null);
  useEffect(() => {
    request(TaskImportChoicesDocument).then(
      (r) => {
        setOffices(r.streets);
        setOffice((o) => o || r.streets[0]?.id || '');
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (!office || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    request(TaskBulletinDocument, { jurisdictionId: office, asOf }).then(
      (d) => setData(d.taskBulletin),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [office, asOf, notify]);

  const title = data ? translate('app.bulletin.title', { office: data.jurisdiction, day: data.asOf }) : translate('app.bulletin.menu');
  const headers = COLUMNS.map((c) => translate(`app.bulletin.${c}`));
  const cells = (data?.rows ?? []).map((r, i) => [i + 1, r.unit, r.total, r.done, r.late, r.due, r.overdue, r.dutiesMissed]);
  const xlsx = () => data && downloadXlsx({ headers, rows: cells }, translate('app.bulletin.menu'), `${title}.xlsx`);
  const pdf = async () => {
    const token = getToken();
    const res = await fetch(`/bulletin.pdf?jurisdictionId=${encodeURIComponent(office)}&asOf=${asOf}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) return notify('ra.notification.http_error', { type: 'error' });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title}.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="bulletin">
      <Title title="app.bulletin.menu" />
      <ReportControls testId="bulletin" offices={offices} office={office} onOffice={setOffice} asOf={asOf} onAsOf={setAsOf} labels={{ office: 'app.bulletin.office', asOf: 'app.bulletin.as_of' }}>
        <Button startIcon={<DownloadIcon />} onClick={xlsx} disabled={!data} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="bulletin-xlsx">
          {translate('app.bulletin.xlsx')}
        </Button>
        <Button startIcon={<PictureAsPdfIcon />} onClick={() => void pdf()} disabled={!data} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="bulletin-pdf">
          {translate('app.bulletin.pdf')}
        </Button>
      </ReportControls>
      {data && (
        <>
          <Typography variant="h6" sx={{ color: '#b71c1c', textAlign: 'center' }}>
            {title}
          </Typography>
          <Typography variant="body2" sx={{ textAlign: 'center', mb: 1 }}>
            {translate('app.bulletin.order')}
          </Typography>
          <ReportTable headers={headers} rows={cells.map((row) => ({ key: String(row[1]), cells: row }))} alarmColumn={6} testId="bulletin-row" />
        </>
      )}
    </Box>
  );
};
