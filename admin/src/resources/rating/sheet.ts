import type { TranslateFunction } from 'react-admin';
import { headerOf } from '../../../../api/src/common/sheet-import/layout';
import { RATING_SHEET } from '../../../../api/src/modules/rating/rating.sheet';
import type { Sheet } from '../common/exporter';
import type { GridRating } from './gridModel';
import type { Criterion } from './schemes';

/*
 * The office's rating sheet (评分表), in the layout the API declares (rating.sheet.ts): the grid
 * exports in it with the computed columns after it; the import (RatingImport.tsx) reads it back and
 * reads past the computed columns, so an exported sheet can be edited and imported again.
 */
const header = (field: string) => headerOf(RATING_SHEET, field);

const withUscc = (subjectKind: string) => subjectKind === 'PROPERTY_COMPANY';

/** The grid as a sheet; `results` adds the computed columns (the export), without them it is the template. */
export function ratingSheet(subjectKind: string, criteria: Criterion[], ratings: GridRating[], results: boolean, translate: TranslateFunction): Sheet {
  const headers = [
    ...(withUscc(subjectKind) ? [header('uscc')] : []),
    header('name'),
    ...criteria.map((c) => c.name),
    header('dissatisfactionRate'),
    header('negativeList'),
    header('negativeListNote'),
    ...(results ? (RATING_SHEET.computed ?? []).map((c) => c.zh) : []),
  ];
  const rows = ratings.map((r) => {
    const scores = new Map(r.scores.map((s) => [s.criterionId, s.score]));
    return [
      ...(withUscc(subjectKind) ? [r.propertyCompany?.uscc ?? null] : []),
      r.subjectName,
      ...criteria.map((c) => scores.get(c.id) ?? null),
      r.dissatisfactionRate,
      r.onNegativeList ? '是' : '否',
      r.negativeListNote,
      ...(results
        ? [r.result.total, r.result.stars, r.result.listStatus ? translate(`enums.ListStatus.${r.result.listStatus}`) : null, r.result.reasons.join('；') || null, r.result.missing.join('、') || null]
        : []),
    ];
  });
  return { headers, rows };
}
