import DownloadIcon from '@mui/icons-material/Download';
import { Alert } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { headerOf } from '../../../../api/src/common/sheet-import/layout';
import { DISCLOSURE_SHEET } from '../../../../api/src/modules/public-revenue/disclosure.sheet';
import { request } from '../../dataProvider';
import { type DisclosureImportAnswerFragment, DisclosureImportPreviewDocument, type DisclosureSheetRowInput, ImportRevenueDisclosuresDocument } from '../../graphql/generated';
import { downloadXlsx } from '../common/exporter';
import { SheetImport } from '../common/SheetImport';

type Row = DisclosureImportAnswerFragment['rows'][number];
const header = (field: string) => headerOf(DISCLOSURE_SHEET, field);

/**
 * 导入公共收益公示台账: an xlsx of 社区 / 小区 / 年度 / 季度 / 公示日期 / 公示佐证 / 公示内容, one row per compound
 * and quarter (a merged 社区 cell is read as the row above's). The preview says per row its due day
 * and whether it was posted on time or late; nothing is written while any row is rejected.
 */
export const DisclosureImportButton = ({ onDone }: { onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <SheetImport<DisclosureSheetRowInput, Row, DisclosureImportAnswerFragment>
      id="disclosure-import"
      label="app.revenue.import.button"
      title={translate('app.revenue.import.title')}
      layout={DISCLOSURE_SHEET}
      toInput={(r) => ({ line: r.line, ...r.cells })}
      calls={{
        preview: async (rows) => (await request(DisclosureImportPreviewDocument, { rows })).disclosureImportPreview,
        commit: async (rows) => (await request(ImportRevenueDisclosuresDocument, { rows })).importRevenueDisclosures,
      }}
      messages={{ summary: 'app.revenue.import.summary', done: 'app.revenue.import.done', reasons: 'app.revenue.import.reason' }}
      columns={[
        { header: header('compound'), cell: (r) => r.compound && `${r.community ?? ''} ${r.compound}` },
        { header: translate('app.revenue.import.quarter'), cell: (r) => r.year && r.quarter && translate('app.revenue.quarter', { year: r.year, quarter: r.quarter }) },
        { header: header('disclosedOn'), cell: (r) => r.disclosedOn },
        { header: translate('resources.RevenueDisclosure.fields.dueOn'), cell: (r) => r.dueOn },
        { header: translate('resources.RevenueDisclosure.fields.status'), cell: (r) => r.disclosureStatus && translate(`enums.DisclosureStatus.${r.disclosureStatus}`) },
      ]}
      detail={(r) => r.changes.map((c) => `${translate(`resources.RevenueDisclosure.fields.${c.field}`)}：${c.from ?? '—'} → ${c.to ?? '—'}`).join('；') || undefined}
      figures={(answer) =>
        answer.late > 0 ? (
          <Alert severity="warning" data-testid="disclosure-import-late">
            {translate('app.revenue.import.late', { late: answer.late })}
          </Alert>
        ) : null
      }
      onDone={onDone}
    />
  );
};

/** 下载台账模板: the header row and one example quarter, to fill in Excel and import back. */
export const DisclosureTemplateButton = () => {
  const translate = useTranslate();
  const example = ['阳光社区', '示例小区', '2025', '第一季度', '2025-04-20', '小区公示栏', '收入 12000 元，支出 3000 元，结余 9000 元'];
  const download = () => downloadXlsx({ headers: DISCLOSURE_SHEET.columns.map((c) => c.header.zh), rows: [example] }, '公共收益公示', `${translate('app.revenue.import.template')}.xlsx`);
  return (
    <Button label="app.revenue.import.template" onClick={download} data-testid="disclosure-template">
      <DownloadIcon />
    </Button>
  );
};
