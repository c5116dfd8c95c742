import DownloadIcon from '@mui/icons-material/Download';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { headerOf } from '../../../../api/src/common/sheet-import/layout';
import { ROSTER_SHEET } from '../../../../api/src/modules/working-group/roster.sheet';
import { downloadXlsx } from '../common/exporter';
import { request } from '../../dataProvider';
import { ImportRosterDocument, type RosterImportAnswerFragment, RosterImportPreviewDocument, type RosterRowInput } from '../../graphql/generated';
import { SheetImport } from '../common/SheetImport';

type Row = RosterImportAnswerFragment['rows'][number];
const header = (field: string) => headerOf(ROSTER_SHEET, field);

/**
 * 导入名单: an xlsx of 姓名, 职务, 组内职务, 顺序 (headers and roles in Chinese or English, as 下载名单
 * and the 专班成员 export write them) against the group's current roster.
 */
export const RosterImportButton = ({ onDone }: { onDone: () => void }) => {
  const group = useRecordContext();
  const translate = useTranslate();
  const groupId = String(group?.id);
  return (
    <SheetImport<RosterRowInput, Row, RosterImportAnswerFragment>
      id="roster-import"
      label="app.import.button"
      title={translate('app.import.title', { group: group?.name ?? '' })}
      layout={ROSTER_SHEET}
      toInput={(r) => ({ line: r.line, ...r.cells })}
      calls={{
        preview: async (rows) => (await request(RosterImportPreviewDocument, { groupId, rows })).rosterImportPreview,
        commit: async (rows) => (await request(ImportRosterDocument, { groupId, rows })).importRoster,
      }}
      messages={{ summary: 'app.import.summary', done: 'app.import.done', reasons: 'app.import.reason' }}
      columns={[
        { header: header('name'), cell: (r) => r.name },
        { header: header('post'), cell: (r) => r.post },
        { header: header('role'), cell: (r) => r.role && translate(`enums.GroupRole.${r.role}`) },
        { header: header('order'), cell: (r) => r.order },
      ]}
      detail={(r) => r.changes.map((c) => `${translate(`app.import.field.${c.field}`)}：${c.from ?? '—'} → ${c.to ?? '—'}`).join('；') || undefined}
      onDone={onDone}
    />
  );
};

/** The current roster as a sheet in the import layout: edit it in Excel and import it back. */
export const RosterTemplateButton = ({ seats }: { seats: Array<{ role: string; sortOrder: number; person: { name: string }; post: { title: string } | null }> }) => {
  const group = useRecordContext();
  const translate = useTranslate();
  const download = () =>
    downloadXlsx(
      { headers: ROSTER_SHEET.columns.map((c) => c.header.zh), rows: seats.map((s) => [s.person.name, s.post?.title ?? '', translate(`enums.GroupRole.${s.role}`), s.sortOrder]) },
      '名单',
      `${group?.name ?? '名单'}.xlsx`,
    );
  return (
    <Button label="app.import.template" onClick={download}>
      <DownloadIcon />
    </Button>
  );
};
