import { type Bilingual, folded, oneOf, position, type SheetLayout } from '../../common/sheet-import/layout';

/**
 * 组内职务 as rosters print them and as the console names them in English (admin/src/i18n/en.ts,
 * enums.GroupRole: api/test/roster-import.test.ts checks they agree). A sheet may use either, or the code.
 */
export const GROUP_ROLE_LABELS = {
  LEADER: { zh: '组长', en: 'Leader' },
  EXECUTIVE_DEPUTY: { zh: '常务副组长', en: 'Executive deputy' },
  DEPUTY: { zh: '副组长', en: 'Deputy' },
  MEMBER: { zh: '成员', en: 'Member' },
  GROUP_MEMBER: { zh: '组员', en: 'Group member' },
  DIRECTOR: { zh: '主任', en: 'Director' },
  DEPUTY_DIRECTOR: { zh: '副主任', en: 'Deputy director' },
} satisfies Record<string, Bilingual>;

/**
 * 名单: 姓名 / 职务 / 组内职务 / 顺序, the layout 下载名单 writes and the 专班成员 list exports (its
 * headers, Chinese or English, are these). Names and posts fold their inner spaces; 组 长 is 组长.
 */
export const ROSTER_SHEET: SheetLayout = {
  maxRows: 500,
  columns: [
    { field: 'name', header: { zh: '姓名', en: 'Name' }, required: 'NAME_REQUIRED', parse: folded },
    { field: 'post', header: { zh: '职务', en: 'Post' }, parse: folded },
    { field: 'role', header: { zh: '组内职务', en: 'Role' }, required: 'UNKNOWN_ROLE', parse: oneOf(GROUP_ROLE_LABELS, 'UNKNOWN_ROLE') },
    { field: 'order', header: { zh: '顺序', en: 'Order' }, parse: position('BAD_ORDER') },
  ],
};
