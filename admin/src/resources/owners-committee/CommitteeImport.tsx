import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Stack, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { headerOf } from '../../../../api/src/common/sheet-import/layout';
import { COMMITTEE_SHEET } from '../../../../api/src/modules/owners-committee/committee.sheet';
import { request } from '../../dataProvider';
import { type CommitteeImportAnswerFragment, CommitteeImportPreviewDocument, type CommitteeSheetRowInput, ImportCommitteesDocument } from '../../graphql/generated';
import { downloadXlsx } from '../common/exporter';
import { SheetImport } from '../common/SheetImport';

type Row = CommitteeImportAnswerFragment['rows'][number];
type Committee = CommitteeImportAnswerFragment['committees'][number];
const header = (field: string) => headerOf(COMMITTEE_SHEET, field);

/** Per committee: what the import does to it and the party share it leaves (flagged under 50%). */
const Committees = ({ committees }: { committees: Committee[] }) => {
  const translate = useTranslate();
  if (!committees.length) return null;
  return (
    <Stack spacing={0.5} data-testid="committee-import-committees">
      <Typography variant="subtitle2">{translate('app.committees.import.committees')}</Typography>
      {committees.map((c) => (
        <Alert key={`${c.compoundId}-${c.formedOn}`} severity={c.belowPartyShare ? 'warning' : 'info'} data-testid="committee-import-committee" data-below={c.belowPartyShare}>
          {c.status === 'ADD' ? `【${translate('app.committees.import.new_committee')}】` : ''}
          {translate('app.committees.import.committee_line', {
            compound: `${c.community} ${c.compound}`,
            kind: translate(`enums.CommitteeKind.${c.kind}`),
            formedOn: c.formedOn,
            added: c.membersAdded,
            changed: c.membersChanged,
            kept: c.membersKept,
            members: c.memberCount,
            party: c.partyMemberCount,
            share: c.partyShare ?? '—',
          })}
          {c.belowPartyShare ? `；${translate('app.committees.below_share', { share: c.partyShare ?? 0 })}` : ''}
          {c.closesOn ? `；${translate('app.committees.import.closes', { date: c.closesOn })}` : ''}
        </Alert>
      ))}
    </Stack>
  );
};

/**
 * 导入业委会名册: an xlsx of 社区 / 小区 / 业委会类型 / 成立日期 / 任期届满 / 备案日期 / 姓名 / 职务 /
 * 政治面貌 / 楼栋 / 联系电话 / 是否同意公开联系方式, one row per member (merged committee cells are read
 * as the row above's). The preview says per row what happens to the member, and per committee the
 * party share after the import; nothing is written while any row is rejected.
 */
export const CommitteeImportButton = ({ onDone }: { onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <SheetImport<CommitteeSheetRowInput, Row, CommitteeImportAnswerFragment>
      id="committee-import"
      label="app.committees.import.button"
      title={translate('app.committees.import.title')}
      layout={COMMITTEE_SHEET}
      toInput={(r) => ({ line: r.line, ...r.cells })}
      calls={{
        preview: async (rows) => (await request(CommitteeImportPreviewDocument, { rows })).committeeImportPreview,
        commit: async (rows) => (await request(ImportCommitteesDocument, { rows })).importCommittees,
      }}
      messages={{ summary: 'app.committees.import.summary', done: 'app.committees.import.done', reasons: 'app.committees.import.reason' }}
      columns={[
        { header: header('compound'), cell: (r) => r.compound && `${r.community ?? ''} ${r.compound}` },
        { header: header('formedOn'), cell: (r) => r.formedOn },
        { header: header('name'), cell: (r) => r.name },
        { header: header('role'), cell: (r) => r.role && translate(`enums.CommitteeRole.${r.role}`) },
        { header: header('politicalStatus'), cell: (r) => r.politicalStatus && translate(`enums.PoliticalStatus.${r.politicalStatus}`) },
      ]}
      detail={(r) => r.changes.map((c) => `${translate(`app.committees.import.field.${c.field}`)}：${c.from ?? '—'} → ${c.to ?? '—'}`).join('；') || undefined}
      figures={(answer) => <Committees committees={answer.committees} />}
      onDone={onDone}
    />
  );
};

/** 下载名册模板: the header row and one example member, to fill in Excel and import back. */
export const CommitteeTemplateButton = () => {
  const translate = useTranslate();
  const example = ['阳光社区', '示例小区', '业委会', '2024-05-01', '2029-04-30', '2024-05-20', '张三', '主任', '中共党员', '1号楼', '', '否'];
  const download = () => downloadXlsx({ headers: COMMITTEE_SHEET.columns.map((c) => c.header.zh), rows: [example] }, '业委会名册', `${translate('app.committees.import.template')}.xlsx`);
  return (
    <Button label="app.committees.import.template" onClick={download} data-testid="committee-template">
      <DownloadIcon />
    </Button>
  );
};
