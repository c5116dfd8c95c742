import DownloadIcon from '@mui/icons-material/Download';
import { Alert } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { headerOf, normalise } from '../../../../api/src/common/sheet-import/layout';
import { RATING_SHEET } from '../../../../api/src/modules/rating/rating.sheet';
import { downloadXlsx } from '../common/exporter';
import { request } from '../../dataProvider';
import { ImportRatingsDocument, type RatingImportAnswerFragment, RatingImportPreviewDocument, type RatingSheetRowInput } from '../../graphql/generated';
import { SheetImport } from '../common/SheetImport';
import { formatTotal, ListStatusChip, Stars } from './fields';
import type { GridRating } from './gridModel';
import type { Criterion } from './schemes';
import { ratingSheet } from './sheet';

type Row = RatingImportAnswerFragment['rows'][number];

/**
 * 导入评分表: the office's xlsx (统一社会信用代码, 名称, a column per criterion by its name or code,
 * 业主不满意率, 负面清单, 负面清单说明); the preview also says the total and stars each row comes to.
 */
export const RatingImportButton = (props: { periodId: string; periodCode: string; criteria: Criterion[]; onDone: () => void }) => {
  const translate = useTranslate();
  const known = new Set(props.criteria.flatMap((c) => [normalise(c.code), normalise(c.name)]));
  const { periodId } = props;
  return (
    <SheetImport<RatingSheetRowInput, Row, RatingImportAnswerFragment>
      id="rating-import"
      label="app.ratings.import.button"
      title={translate('app.ratings.import.title', { period: props.periodCode })}
      layout={RATING_SHEET}
      accept={(title) => known.has(normalise(title))}
      toInput={(r, read) => ({
        line: r.line,
        ...Object.fromEntries(RATING_SHEET.columns.map((c) => [c.field, r.cells[c.field] || null])),
        scores: read.extra.map((e) => ({ criterion: e.title, score: r.all[e.index] || null })),
      })}
      calls={{
        preview: async (rows) => (await request(RatingImportPreviewDocument, { periodId, rows })).ratingImportPreview,
        commit: async (rows) => (await request(ImportRatingsDocument, { periodId, rows })).importRatings,
      }}
      messages={{ summary: 'app.ratings.import.summary', done: 'app.ratings.import.done', reasons: 'app.ratings.import.reason', ignored: 'app.ratings.import.ignored' }}
      columns={[
        { header: headerOf(RATING_SHEET, 'uscc'), cell: (r) => r.uscc },
        { header: headerOf(RATING_SHEET, 'name'), cell: (r) => r.subjectName },
        { header: translate('app.ratings.total'), cell: (r) => formatTotal(r.total), align: 'right' },
        { header: translate('app.ratings.stars_column'), cell: (r) => <Stars stars={r.stars} /> },
        { header: translate('app.ratings.list'), cell: (r) => <ListStatusChip status={r.listStatus} /> },
      ]}
      columnOf={(field, read) => read.extra[Number(/^scores\.(\d+)\./.exec(field)?.[1] ?? NaN)]?.title}
      notes={(read) => {
        // criteria without a column keep their scores
        const covered = new Set(read.extra.map((e) => normalise(e.title)));
        const absent = props.criteria.filter((c) => !covered.has(normalise(c.code)) && !covered.has(normalise(c.name))).map((c) => c.name);
        return absent.length > 0 && <Alert severity="info">{translate('app.ratings.import.absent', { criteria: absent.join('、') })}</Alert>;
      }}
      onDone={props.onDone}
    />
  );
};

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
