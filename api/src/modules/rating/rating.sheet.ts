import { percentage, type SheetLayout, yesNo } from '../../common/sheet-import/layout';

/**
 * 评分表: 统一社会信用代码 (companies only), 名称, one column per criterion headed by its name or code
 * (read beside the layout: they come from the period's scheme), 业主不满意率, 负面清单 (是/否),
 * 负面清单说明. The score grid exports in this layout with the computed columns after it; an
 * import reads past those, so an exported sheet can be edited and imported again.
 */
export const RATING_SHEET: SheetLayout = {
  maxRows: 1000,
  columns: [
    { field: 'uscc', header: { zh: '统一社会信用代码', en: 'Credit code' }, parse: (text) => text.toUpperCase() },
    { field: 'name', header: { zh: '名称', en: 'Name' } },
    { field: 'dissatisfactionRate', header: { zh: '业主不满意率', en: 'Dissatisfaction (%)' }, parse: percentage('BAD_RATE') },
    { field: 'negativeList', header: { zh: '负面清单', en: 'Negative list' }, parse: yesNo('BAD_FLAG'), filler: true },
    { field: 'negativeListNote', header: { zh: '负面清单说明', en: 'Negative-list entry' } },
  ],
  computed: [
    { zh: '总分', en: 'Total' },
    { zh: '星级', en: 'Stars' },
    { zh: '红黑榜', en: 'List' },
    { zh: '原因', en: 'Why listed' },
    { zh: '缺项', en: 'Missing' },
  ],
};
